"""Tooltips that cost nothing until a reader points at them.

With ``content.tooltips`` Material builds a tooltip component (listeners, observers, a timer)
for every element with a ``title`` as the page starts. On a page with many glossary terms,
footnotes and headings that start-up work was the page's longest task on a phone. This
tree processor hands those elements to ``assets/js/tooltips.js``, one delegated listener
that shows the same tooltip on hover, tap or focus:

* glossary terms (``<abbr title>``) get ``data-preview``, which Material's tooltips skip; the
  ``title`` stays, so without JavaScript the browser still shows it and screen readers read it;
* permalinks beside headings and footnote back-links move their ``title`` to ``data-tip`` and
  ``aria-label`` (an ``<a>`` with ``data-preview`` would get Material's page previews instead).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

#: Links whose title explains a symbol (the heading's permalink, a footnote's way back).
SYMBOL_LINKS = {"headerlink", "footnote-backref"}
#: After the table of contents (5) adds the permalinks.
PRIORITY = 3


class QuietTooltips(Treeprocessor):
    """Mark glossary terms and symbol links for the delegated tooltip script."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            title = element.get("title")
            if not title:
                continue
            if element.tag == "abbr":
                element.set("data-preview", "")
            elif element.tag == "a" and SYMBOL_LINKS & set(element.get("class", "").split()):
                del element.attrib["title"]
                element.set("data-tip", title)
                element.set("aria-label", title)
