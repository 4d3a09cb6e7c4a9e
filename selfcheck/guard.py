"""Quiz text is Markdown only: no raw HTML, event handlers or script links reach a page.

A question, choice, feedback or explanation goes through the page's Markdown like
any other text, so Python-Markdown would copy raw HTML in it (``<script>``,
``<em>``) into the page as it is. Here the raw HTML that the author typed is
recognised by where it came from: the inline ``html`` pattern (replaced by a
subclass that notes the stash entries it makes) and the ``html_block``
preprocessor (watched while a quiz's block text is parsed). Entities (``&lt;``),
code spans, autolinks and Markdown made by other extensions are not raw HTML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown import Markdown
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.util import HTML_PLACEHOLDER_RE

#: Elements that run or load code; only raw HTML or an HTML-making extension could add them.
SCRIPTABLE = {"script", "style", "iframe", "frame", "object", "embed", "link", "meta", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "xlink:href"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
INVISIBLE = re.compile(r"[\x00-\x20]+")  # browsers ignore these inside a URL's scheme
QUOTE = 40

RAW_FIX = ("Quiz text is Markdown only: write *emphasis*, **bold**, `code` or [a link](page.md) instead; "
           "to show a tag as text, put it in backticks.")
HANDLER_FIX = "Delete the attribute: quiz text takes no scripts, and the quiz's own script does the checking."
LINK_FIX = "Link to a page of the guide or to an https:// address instead."


class RawHtml(HtmlInlineProcessor):
    """Python-Markdown's inline raw HTML pattern, noting the stash entries it makes."""

    def __init__(self, md: Markdown, noted: set[int]):
        super().__init__(HTML_RE, md)
        self.noted = noted

    # Python-Markdown's InlineProcessor changed Pattern's signature; its stubs ignore that too.
    def handleMatch(self, m, data):  # type: ignore[override]  # noqa: N802 (Python-Markdown's name)
        placeholder, start, end = super().handleMatch(m, data)
        self.noted.add(self.md.htmlStash.html_counter - 1)
        return placeholder, start, end


def install(md: Markdown, noted: set[int]) -> None:
    """Make the page's inline raw HTML pattern note what it stashes (idempotent)."""
    if not isinstance(md.inlinePatterns["html"] if "html" in md.inlinePatterns else None, RawHtml):
        md.inlinePatterns.register(RawHtml(md, noted), "html", 90)


def quote(entry: str | etree.Element) -> str:
    """A stashed piece of raw HTML as the author may recognise it: its first tag, cut short."""
    text = f"<{entry.tag}>" if isinstance(entry, etree.Element) else str(entry).strip()
    text = text[: text.find(">") + 1] or text
    return text if len(text) <= QUOTE else text[: QUOTE - 1] + "…"


def raw_html(quoted: str) -> tuple[str, str, str]:
    """(what to find in the source, problem, fix) for raw HTML in quiz text."""
    return quoted, f"This quiz has raw HTML ('{quoted}'), which quiz text may not hold.", RAW_FIX


def problems(root: etree.Element, md: Markdown, noted: set[int]) -> Iterator[tuple[str, str, str]]:
    """(what to find in the source, problem, fix) for each thing in a rendered quiz that
    did not come from Markdown: raw HTML, scriptable elements, event handlers, script links."""
    stash = md.htmlStash.rawHtmlBlocks
    for node in root.iter():
        texts = (node.text, node.tail) if node is not root else (node.text,)
        for text in filter(None, texts):
            for match in HTML_PLACEHOLDER_RE.finditer(text):
                index = int(match[1])
                if index in noted and index < len(stash):
                    yield raw_html(quote(stash[index]))
        if isinstance(node.tag, str) and node.tag.lower() in SCRIPTABLE:
            yield f"<{node.tag}", f"This quiz has a <{node.tag}> element, which quiz text may not hold.", RAW_FIX
        for name, value in node.attrib.items():
            if name.lower().startswith("on"):
                yield name, f"This quiz sets an event handler ('{name}'), which quiz text may not hold.", HANDLER_FIX
            elif name.lower() in URL_ATTRIBUTES and INVISIBLE.sub("", value).lower().startswith(SCRIPT_SCHEMES):
                shown = value if len(value) <= QUOTE else value[: QUOTE - 1] + "…"
                yield value, f"This quiz links to a script ('{shown}').", LINK_FIX
