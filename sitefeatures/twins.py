"""The editions cannot drift apart: every page has its twin, with the same sections, reviewed as recently.

Run after every edition is built (``python -m sitefeatures editions`` does, for either engine).
For each page of the main edition's navigation, the other edition must have the same file,
its built page must carry the same heading ids (so a clinic's link to a section works in both
languages, differing only by ``es/``) and the same quiz ids (it may add sections, never lose one), and its ``last_reviewed`` date
must not be older than the main page's. Every problem is listed; any one stops the build.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from mkdocs.utils.meta import get_data

from .clinic.links import built_page, nav_pages, page_url
from .review_dates import as_date
from .values import SettingsError

# Sections (h2-h6): the h1 is the page itself, and its id is not a link target clinics use.
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


class ArticleIds(HTMLParser):
    """The ids of a finished page's headings and quizzes, in its article, in order."""

    def __init__(self, page_html: str):
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.quizzes: list[str] = []
        self.depth = 0
        self.feed(page_html)
        self.close()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.depth += tag == "article"
        if not self.depth or not values.get("id"):
            return
        if tag in HEADINGS:
            self.headings.append(values["id"] or "")
        elif "data-quiz" in values:
            self.quizzes.append(values["id"] or "")

    def handle_endtag(self, tag):
        self.depth -= tag == "article" and self.depth > 0


def compare(page: str, main: ArticleIds, twin: ArticleIds, folder: str) -> list[str]:
    """Every section and quiz id of the main page is in its twin, in the same order. The twin may
    add sections of its own (the Spanish /get-help/ lists Mexico and Spain), never lose one."""
    problems = []
    for what, ours, theirs in (("section ids", main.headings, twin.headings), ("quiz ids", main.quizzes, twin.quizzes)):
        missing = [item for item in ours if item not in theirs]
        shared = [item for item in theirs if item in ours]
        if missing:
            problems.append(f"{folder}/{page} lacks the {what} {', '.join(missing)} of docs/{page}. Give each heading "
                            "the English page's id, e.g. ## Qué es {#what-it-is}, and each quiz the same id.")
        elif shared != ours:
            problems.append(f"{folder}/{page}: its {what} come in another order than docs/{page}'s. "
                            "Keep the sections in the English page's order.")
    return problems


def check_twins(nav, docs_dir: Path, site_dir: Path, twin_docs: Path, twin_site: Path) -> None:
    """SettingsError listing every page whose twin is missing, differs in ids, or is reviewed earlier."""
    problems = []
    folder = twin_docs.name
    for _, _, page in nav_pages(nav):
        twin_file = twin_docs / page
        if not twin_file.is_file():
            problems.append(f"{folder}/{page} is missing: every page of the guide needs its twin in each edition.")
            continue
        url = page_url(page)
        main_html, twin_html = built_page(site_dir, url), built_page(twin_site, url)
        if main_html.is_file() and twin_html.is_file():
            problems += compare(page, ArticleIds(main_html.read_text(encoding="utf-8")),
                                ArticleIds(twin_html.read_text(encoding="utf-8")), folder)
        main_day = as_date(get_data((docs_dir / page).read_text(encoding="utf-8-sig"))[1].get("last_reviewed"))
        twin_day = as_date(get_data(twin_file.read_text(encoding="utf-8-sig"))[1].get("last_reviewed"))
        if main_day and twin_day and twin_day < main_day:
            problems.append(f"{folder}/{page}: last_reviewed {twin_day} is older than the English page's "
                            f"({main_day}). Bring the translation up to date, then set the date.")
    if problems:
        raise SettingsError("The editions differ:\n- " + "\n- ".join(problems))
