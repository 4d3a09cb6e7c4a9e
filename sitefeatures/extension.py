"""The Python-Markdown extension: list ``sitefeatures.extension`` in ``markdown_extensions``.

This is the part of the site's features that every engine runs, MkDocs and Zensical
alike, because both run Python-Markdown extensions. For each page it

* checks the settings under ``extra:`` once per build, so a wrong value stops the build
  with either engine (``SettingsError`` names the setting and the fix);
* fills the markers in the page (``{{ crisis_lines }}``, ``{{ glossary }}``, ``{{ site_url }}``,
  the clinic's name and phone, ``{{ this_copy }}``, ``{{ welcome_email_in_other_editions }}``,
  the place of ``{{ clinic_links }}``);
* checks the review dates and gives the templates what they show around the page
  (``page.meta.review`` and ``page.meta.site``: crisis bar, clinic box, print handout);
* writes each link's full address for print (``data-print-href``), makes the first use
  of each glossary term reachable with the keyboard, and hands titled terms, permalinks and
  footnote back-links to the site's one tooltip script (``sitefeatures.tooltips``).

Where a page comes from is the host's business: in MkDocs the plugin passes its own host
(``sitefeatures.plugin``); in Zensical the default host reads Zensical's rendering context.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar
from urllib.parse import urljoin

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import addresses, review_dates, settings, template_data
from .clinic import handout, links, other_editions, placeholders
from .crisis import render as crisis_render
from .glossary import entries as glossary
from .glossary.focus import FocusableTerms
from .tooltips import PRIORITY as TOOLTIPS_PRIORITY
from .tooltips import QuietTooltips
from .values import SettingsError

NAME = "sitefeatures"
#: Before pymdownx.snippets (32) appends the glossary and the quiz preprocessor (28) reads the page.
MARKERS_PRIORITY = 40
#: After inline Markdown (20), abbreviations (7) and the focusable terms (6); before the toc (5) is irrelevant.
PRINT_PRIORITY = 4
AFTER_ABBR = 6


@dataclass
class PageFacts:
    """The page being rendered: its file as messages show it, its URL, its meta (written to)."""

    path: str
    url: str
    meta: dict
    site_url: str
    checked: dict
    source: Path | None = None  # the page's Markdown file (to find its twins in other editions)
    src: str = ""  # the same, relative to the docs folder ("relationship.md")

    @property
    def canonical_url(self) -> str | None:
        return urljoin(self.site_url, self.url) if self.site_url else None


class Host:
    """The default host, for Zensical: page and settings from its rendering context."""

    _checked: ClassVar[dict[int, tuple[dict, dict]]] = {}

    def facts(self, md: Markdown) -> PageFacts | None:
        context = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None
        page, config = getattr(context, "page", None), getattr(context, "config", None)
        if page is None or config is None:
            return None
        docs_dir = Path(config.get("root_dir") or ".", config.get("docs_dir") or "docs")
        site_url = config.get("site_url") or ""
        return PageFacts(os.path.relpath(docs_dir / page.path), page.url, page.meta, site_url,
                         self.checked(config, docs_dir), docs_dir / page.path, Path(page.path).as_posix())

    def checked(self, config: dict, docs_dir: Path) -> dict:
        """The settings, checked once per build (Zensical keeps one configuration per build)."""
        cached = self._checked.get(id(config))
        if cached is None or cached[0] is not config:
            language = (config.get("theme") or {}).get("language")
            cached = (config, settings.check_extra(config.get("extra") or {}, docs_dir, language))
            self._checked[id(config)] = cached
        return cached[1]

    def problem(self, message: str) -> None:
        """A mistake in a page that must not be published: stop the build."""
        raise SettingsError(message)


class Markers(Preprocessor):
    """Fills the page's markers and gives the templates what they show around it."""

    def __init__(self, md: Markdown, host: Host):
        super().__init__(md)
        self.host = host
        self.facts: PageFacts | None = None  # the page being rendered

    def run(self, lines: list[str]) -> list[str]:
        self.facts = facts = self.host.facts(self.md)
        if facts is None:
            return lines
        checked = facts.checked
        text = "\n".join(lines)
        language = checked["language"]
        text = addresses.fill(text, facts.path, facts.site_url, checked["guide_repo"])
        text = placeholders.fill(text, checked["clinic"], checked["guide_repo"], language)
        text = other_editions.fill(text, checked["editions"], language, facts.site_url, facts.url)
        text = crisis_render.fill(text, checked["crisis"]["regions"], language)
        text = glossary.fill(text, checked["glossary"])
        text = links.mark(text)
        text += "\n\n" + glossary.abbreviations(checked["glossary"]) + "\n"
        facts.meta["review"], problems = review_dates.review(facts.meta, facts.path, language)
        for problem in problems:
            self.host.problem(problem)
        facts.meta[template_data.KEY] = template_data.page_data(checked, facts.site_url, facts.url, facts.canonical_url, facts.source)
        return text.split("\n")


def page_address(href: str, src: str) -> str:
    """A link to another Markdown page ("references.md#x", as the tree holds it before the engine
    rewrites it) as the page's address relative to this page's URL ("../references/#x")."""
    path, hashmark, fragment = href.partition("#")
    if "://" in path or not path.endswith(".md"):
        return href
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
    here = links.page_url(src) if src else ""
    return posixpath.relpath(links.page_url(target) or ".", here or ".").rstrip("/") + "/" + hashmark + fragment


class PrintAddresses(Treeprocessor):
    """Every link to another page or site gets ``data-print-href``, its full address for print."""

    def __init__(self, md: Markdown, markers: Markers):
        super().__init__(md)
        self.markers = markers

    def run(self, root):
        facts = self.markers.facts
        if facts is None or not facts.canonical_url:
            return
        for link in root.iter("a"):
            href = link.get("href")
            if not href or href.startswith("#") or link.get("data-print-href"):
                continue
            target = handout.print_href(page_address(href, facts.src), "".join(link.itertext()), facts.canonical_url)
            if target:
                link.set("data-print-href", target)


class SiteFeaturesExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"host": ["", "Who renders the pages (set by the MkDocs plugin); empty for Zensical."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        host = self.getConfig("host") or Host()
        markers = Markers(md, host)
        md.preprocessors.register(markers, NAME, MARKERS_PRIORITY)
        md.treeprocessors.register(FocusableTerms(md), "focusable-terms", AFTER_ABBR)
        md.treeprocessors.register(PrintAddresses(md, markers), "print-addresses", PRINT_PRIORITY)
        md.treeprocessors.register(QuietTooltips(md), "quiet-tooltips", TOOLTIPS_PRIORITY)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return SiteFeaturesExtension(**kwargs)
