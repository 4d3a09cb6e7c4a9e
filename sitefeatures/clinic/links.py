"""Links for emails: the list of every page and section on the For clinics page.

A page that has ``{{ clinic_links }}`` on a line of its own gets, at that
place, every page in the nav and every h2 section of each page, with its full
address built from ``site_url``, a one-line description and a copy button. It
is built from the nav, the pages' descriptions and their h2 ids and titles
once every page has been rendered, so it never goes stale. The copy buttons
come from a small script loaded only on that page; without JavaScript they
stay hidden and each address is plain text to select.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from mkdocs.utils import get_relative_url

from ..values import marker_line, slug

MARKER = marker_line("clinic_links")
# Until every page is rendered the marker is an HTML comment, which the search index skips.
PLACEHOLDER = "<!-- clinic-links -->"
SCRIPT = "assets/js/copy-link.js"
CONTAINERS = {"div", "blockquote", "details", "fieldset", "ul", "ol", "table", "form", "aside", "figure", "section"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_WORDS = 4
MAX_DESCRIPTION = 160


class SectionIntros(HTMLParser):
    """The first top-level paragraph under each h2, as plain text: {id: text}."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.intros: dict[str, str] = {}
        self.section = None
        self.depth = 0
        self.text: list[str] | None = None
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2":
            self.section = attrs.get("id")
        elif tag in CONTAINERS:
            self.depth += 1
        elif tag == "p" and self.depth == 0 and self.section and self.section not in self.intros:
            self.text = []
        if tag == "sup" or "headerlink" in (attrs.get("class") or ""):
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if tag in CONTAINERS:
            self.depth = max(0, self.depth - 1)
        elif tag == "p" and self.text is not None:
            self.intros[self.section] = " ".join("".join(self.text).split())
            self.text = None
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()

    def handle_data(self, data):
        if self.text is not None and not self.skipping:
            self.text.append(data)


def one_line(text: str) -> str:
    """The first sentence of a text (two if the first is a word or two), cut to a sensible length."""
    sentences = SENTENCE_END.split(text.strip())
    sentence = sentences[0]
    if len(sentence.split()) < MIN_WORDS and len(sentences) > 1:
        sentence = f"{sentence} {sentences[1]}"
    if len(sentence) > MAX_DESCRIPTION:
        sentence = sentence[:MAX_DESCRIPTION].rsplit(" ", 1)[0] + "…"
    return sentence


def h2_sections(items) -> list:
    """The h2 entries of a page's table of contents, in order."""
    found = []
    for item in items:
        if item.level == 2:
            found.append(item)
        else:
            found += h2_sections(item.children)
    return found


def relative(url: str, here) -> str:
    """A link from the page being built to a site URL, ending in / for a folder."""
    href = get_relative_url(url, here.url)
    return href + "/" if (url == "" or url.endswith("/")) and not href.endswith("/") else href


def link_item(title: str, description: str, href: str, url: str, children: str = "") -> str:
    """One entry: the linked title, its description, the full address and a copy button."""
    return (
        f'<li><p><a href="{href}">{title}</a>: {html.escape(description)}</p>'
        f'<p class="clinic-links__url"><code>{html.escape(url)}</code> '
        f'<button type="button" class="copy-button" hidden>Copy link'
        f'<span class="visually-hidden"> to {title}</span></button></p>{children}</li>'
    )


def page_item(page, here, site_url: str) -> str:
    """A page and its sections."""
    intros = SectionIntros()
    intros.feed(page.content or "")
    title = html.escape(page.title)
    sections = "".join(
        link_item(
            item.title,
            one_line(intros.intros.get(item.id, "")) or f"The “{html.unescape(item.title)}” part of the page.",
            relative(page.url, here) + item.url,
            site_url + page.url + item.url,
        )
        for item in h2_sections(page.toc)
    )
    children = f'<ul class="clinic-links__sections">{sections}</ul>' if sections else ""
    description = page.meta.get("description") or page.title
    return link_item(title, description, relative(page.url, here), site_url + page.url, children)


def links_html(nav, here, site_url: str) -> str:
    """Every nav page, grouped under its nav section, and the copy script."""
    groups: dict[str, list[str]] = {}
    for page in nav.pages:
        section = page.parent.title if page.parent else "Pages"
        groups.setdefault(section, []).append(page_item(page, here, site_url))
    blocks = [
        f'<h3 id="links-{slug(name)}">{html.escape(name)}</h3>'
        f'<ul class="clinic-links__pages">{"".join(items)}</ul>'
        for name, items in groups.items()
    ]
    script = relative(SCRIPT, here)
    return f'<div class="clinic-links">{"".join(blocks)}</div><script src="{script}" defer></script>'


def mark(markdown: str) -> str:
    """Until every page is rendered, the marker becomes a placeholder the search index skips."""
    return MARKER.sub(f"\n{PLACEHOLDER}\n", markdown)


def fill(content: str, nav, here, site_url: str) -> str:
    """A rendered page with the placeholder replaced by the list (once every page is rendered)."""
    if PLACEHOLDER not in content:
        return content
    return content.replace(PLACEHOLDER, links_html(nav, here, site_url or "/"))
