"""Links for emails: the list of every page and section on the For clinics page.

A page that has ``{{ clinic_links }}`` on a line of its own gets, at that place,
every page in the nav and every h2 section of each page, with its full address
built from ``site_url``, a one-line description and a copy button. The Markdown
extension leaves an empty placeholder element there (``mark``); once the engine
has written every page, ``fill_site`` reads the finished pages (their h2 ids,
titles and first paragraphs) and writes the list in, so it never goes stale and
works the same after MkDocs and after Zensical. Each page is read once. The copy
buttons come from a small script loaded only on that page; without JavaScript
they stay hidden and each address is plain text to select.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from ..editions import edition, has_twin, site_folder, site_root
from ..values import marker_line, slug
from ..words import words

MARKER = marker_line("clinic_links")
# Until every page is written the marker is an empty element: no text for the search index,
# and (unlike a comment) the HTML minifier keeps it.
PLACEHOLDER_ATTR = "data-clinic-links"
PLACEHOLDER = f'<div class="clinic-links" {PLACEHOLDER_ATTR}></div>'
SCRIPT = "assets/js/copy-link.js"
CONTAINERS = {"div", "blockquote", "details", "fieldset", "ul", "ol", "table", "form", "aside", "figure", "section"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_WORDS = 4
MAX_DESCRIPTION = 160


@dataclass
class Section:
    id: str
    title: str = ""
    intro: str = ""


class PageSections(HTMLParser):
    """A finished page's h2 sections in its article, each with its first top-level paragraph."""

    def __init__(self, page_html: str):
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self.in_article = self.depth = 0
        self.heading: list[str] | None = None
        self.text: list[str] | None = None
        self.skipping: list[str] = []
        self.placeholder: tuple[int, int] | None = None
        self.feed(page_html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if PLACEHOLDER_ATTR in attrs and self.placeholder is None:
            self.placeholder = self.getpos()
        if tag == "article":
            self.in_article += 1
        if not self.in_article:
            return
        if tag == "h2" and attrs.get("id"):
            self.sections.append(Section(attrs["id"]))
            self.heading = []
        elif tag in CONTAINERS:
            self.depth += 1
        elif tag == "p" and self.depth == 0 and self.sections and not self.sections[-1].intro:
            self.text = []
        if tag == "sup" or "headerlink" in (attrs.get("class") or ""):
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = max(0, self.in_article - 1)
        elif tag == "h2" and self.heading is not None:
            self.sections[-1].title = " ".join("".join(self.heading).split())
            self.heading = None
        elif tag in CONTAINERS:
            self.depth = max(0, self.depth - 1)
        elif tag == "p" and self.text is not None:
            self.sections[-1].intro = " ".join("".join(self.text).split())
            self.text = None
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()

    def handle_data(self, data):
        if self.skipping:
            return
        for collected in (self.heading, self.text):
            if collected is not None:
                collected.append(data)


def one_line(text: str) -> str:
    """The first sentence of a text (two if the first is a word or two), cut to a sensible length."""
    sentences = SENTENCE_END.split(text.strip())
    sentence = sentences[0]
    if len(sentence.split()) < MIN_WORDS and len(sentences) > 1:
        sentence = f"{sentence} {sentences[1]}"
    if len(sentence) > MAX_DESCRIPTION:
        sentence = sentence[:MAX_DESCRIPTION].rsplit(" ", 1)[0] + "…"
    return sentence


@dataclass(frozen=True)
class Twin:
    """Another edition's copy of the addresses: its language, its name, and the roots to swap
    (this edition's site_url for that edition's)."""

    lang: str
    name: str
    here: str
    root: str
    sections: frozenset[str] | None = None  # its page's h2 ids, once that edition is built

    def has(self, section: str) -> bool:
        """Whether the twin page has this section. Before that edition is built, yes: the editions'
        check (sitefeatures.twins) stops the build if it lacks one of the main page's sections."""
        return self.sections is None or section in self.sections


@dataclass
class NavPage:
    """A page as the nav lists it, and what its finished HTML says."""

    group: str
    title: str
    src: str
    url: str
    description: str = ""
    sections: list[Section] = field(default_factory=list)
    twins: tuple[Twin, ...] = ()


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL of a page file, as both engines make it: 'a.md' -> 'a/', 'index.md' -> ''."""
    stem = src[:-3] if src.endswith(".md") else src
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def nav_pages(nav, group: str = "") -> Iterator[tuple[str, str | None, str]]:
    """The pages of a nav setting (as written in mkdocs.yml), each with its section's title."""
    for item in nav or []:
        if isinstance(item, str):
            yield group, None, item
            continue
        for title, value in item.items():
            if isinstance(value, str):
                if not value.startswith(("http://", "https://")):
                    yield group, title, value
            else:
                yield from nav_pages(value, title)


def built_page(site_dir: Path, url: str, directory_urls: bool = True) -> Path:
    """The finished HTML file of a page URL ('' and 'a/' are folders with an index.html)."""
    return site_dir / (url + "index.html" if directory_urls else url)


def read_page(group: str, title, src: str, docs_dir: Path, site_dir: Path, directory_urls: bool) -> NavPage:
    """A nav page with its description (front matter) and its sections (finished HTML)."""
    url = page_url(src, directory_urls)
    _, meta = get_data((docs_dir / src).read_text(encoding="utf-8-sig"))
    built = built_page(site_dir, url, directory_urls)
    sections = PageSections(built.read_text(encoding="utf-8")).sections if built.is_file() else []
    title = title or meta.get("title") or src
    return NavPage(group, title, src, url, str(meta.get("description") or title), sections)


def relative(url: str, here: str) -> str:
    """A link from the page at ``here`` to a site URL, ending in / for a folder."""
    href = get_relative_url(url, here)
    return href + "/" if (url == "" or url.endswith("/")) and not href.endswith("/") else href


def link_item(title: str, description: str, href: str, url: str, said: dict, children: str = "",
              twins: tuple[Twin, ...] = ()) -> str:
    """One entry: the linked title, its description, the full address and a copy button, then the
    same address in each other edition the copy publishes. The button's name is in aria-label, not a
    hidden span: 150 more elements made the page's start-up a long task."""
    addresses = "".join(
        f'<p class="clinic-links__url clinic-links__url--twin"><span lang="{twin.lang}">{twin.name}</span>: '
        f'<code>{html.escape(twin.root + url[len(twin.here):])}</code> '
        f'<button type="button" class="copy-button" aria-label="{said["copy_link"]} {said["copy_link_to"]} {title} '
        f'({twin.name})">{said["copy_link"]}</button></p>'
        for twin in twins
    )
    return (
        f'<li><p><a href="{href}">{title}</a>: {html.escape(description)}</p>'
        f'<p class="clinic-links__url"><code>{html.escape(url)}</code> '
        f'<button type="button" class="copy-button" aria-label="{said["copy_link"]} {said["copy_link_to"]} {title}">'
        f'{said["copy_link"]}</button></p>{addresses}{children}</li>'
    )


def page_item(page: NavPage, here: str, site_url: str, said: dict) -> str:
    """A page and its sections (with their addresses in the other editions that have the page)."""
    sections = "".join(
        link_item(
            html.escape(section.title),
            one_line(section.intro) or said["part_of_page"].format(title=section.title),
            f"{relative(page.url, here)}#{section.id}",
            f"{site_url}{page.url}#{section.id}",
            said,
            twins=tuple(twin for twin in page.twins if twin.has(section.id)),
        )
        for section in page.sections
    )
    children = f'<ul class="clinic-links__sections">{sections}</ul>' if sections else ""
    title = html.escape(page.title)
    return link_item(title, page.description, relative(page.url, here), site_url + page.url, said, children,
                     page.twins)


def links_html(pages: list[NavPage], here: str, site_url: str, language: str = "en") -> str:
    """Every nav page, grouped under its nav section, and the copy script."""
    said = words(language)
    groups: dict[str, list[str]] = {}
    first: dict[str, str] = {}  # each group's id comes from its first page's file, the same in every edition
    for page in pages:
        name = page.group or said["pages"]
        first.setdefault(name, slug(page.src.removesuffix(".md")))
        groups.setdefault(name, []).append(page_item(page, here, site_url, said))
    blocks = [
        f'<h3 id="links-{first[name]}">{html.escape(name)}</h3>'
        f'<ul class="clinic-links__pages">{"".join(items)}</ul>'
        for name, items in groups.items()
    ]
    script = relative(SCRIPT, here)
    return (f'<div class="clinic-links">{"".join(blocks)}</div><script src="{script}" '
            f'data-copied="{html.escape(said["copied"])}" data-selected="{html.escape(said["selected_to_copy"])}" defer></script>')


def mark(markdown: str) -> str:
    """Until every page is written, the marker becomes an empty placeholder element."""
    return MARKER.sub(f"\n{PLACEHOLDER}\n", markdown)


def replace_placeholder(page_html: str, listing: str) -> str:
    """The page with its placeholder element (found by a parser, wherever the minifier left it) replaced."""
    found = PageSections(page_html).placeholder
    if found is None:
        return page_html
    line, column = found
    start = sum(len(text) for text in page_html.splitlines(keepends=True)[: line - 1]) + column
    end = page_html.index("</div>", start) + len("</div>")
    return page_html[:start] + listing + page_html[end:]


def edition_twins(page: NavPage, docs_dir: Path, site_dir: Path, site_url: str, language: str,
                  languages: tuple[str, ...], directory_urls: bool) -> tuple[Twin, ...]:
    """The other editions that have this page, each with the root of its addresses and, where that
    edition is already built (English, before Spanish), its page's section ids."""
    root, whole_site = site_root(site_url, language), site_folder(site_dir, language)
    twins = []
    for other in map(edition, languages):
        if other.language == language or not has_twin(docs_dir / page.src, language, other):
            continue
        built = built_page(whole_site / other.path, page.url, directory_urls)
        sections = (frozenset(item.id for item in PageSections(built.read_text(encoding="utf-8")).sections)
                    if built.is_file() else None)
        twins.append(Twin(other.language, other.name, site_url, root + other.path, sections))
    return tuple(twins)


def fill_site(site_dir, docs_dir, nav, site_url: str, directory_urls: bool = True, language: str = "en",
              languages: tuple[str, ...] = ()) -> list[str]:
    """Write the list into every finished page that has the placeholder; the pages changed.
    ``languages``: the editions the copy publishes; each address is given in each of them."""
    site_dir, docs_dir = Path(site_dir), Path(docs_dir)
    site_url = site_url or "/"
    holders = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")
                     if MARKER.search(path.read_text(encoding="utf-8-sig")))
    pages = None
    changed = []
    for src in holders:
        url = page_url(src, directory_urls)
        built = built_page(site_dir, url, directory_urls)
        if not built.is_file() or PLACEHOLDER_ATTR not in (text := built.read_text(encoding="utf-8")):
            continue
        if pages is None:
            pages = [read_page(*entry, docs_dir, site_dir, directory_urls) for entry in nav_pages(nav)]
            for page in pages:
                page.twins = edition_twins(page, docs_dir, site_dir, site_url, language, languages, directory_urls)
        built.write_text(replace_placeholder(text, links_html(pages, url, site_url, language)), encoding="utf-8")
        changed.append(url)
    return changed
