"""Glossary tooltips for keyboard users: the first use of each term on a page can take focus.

The abbr extension marks every use of a glossary term with ``<abbr title=...>``, and
Material shows the title as a tooltip on hover, tap or focus. An ``<abbr>`` cannot
take focus on its own, so keyboard users never saw a definition. This Markdown extension
adds a small tree processor (after abbr, before the table of contents) that gives
the first use of each term on a page ``tabindex="0"``: one extra Tab stop per term,
not one per use. Uses inside links, buttons, labels, summaries and headings stay
as they are, since a focusable element must not sit inside another control.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SKIPPED_INSIDE = {"a", "button", "label", "summary", "h1", "h2", "h3", "h4", "h5", "h6"}
AFTER_ABBR = 6  # abbr runs at 7, toc at 5


class FocusableTerms(Treeprocessor):
    """Give the first <abbr> of each term in a document tabindex=0."""

    def run(self, root: etree.Element) -> None:
        self._walk(root, set())

    def _walk(self, element: etree.Element, seen: set[str]) -> None:
        for child in element:
            if child.tag in SKIPPED_INSIDE:
                continue
            if child.tag == "abbr" and child.text and child.text not in seen and child.get("title"):
                seen.add(child.text)
                child.set("tabindex", "0")
            self._walk(child, seen)


class FocusableTermsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(FocusableTerms(md), "focusable-terms", AFTER_ABBR)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return FocusableTermsExtension(**kwargs)
