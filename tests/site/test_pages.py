"""The built site, page by page: what a reader (and a clinic) can rely on."""

from __future__ import annotations

import copy
import datetime as dt
import re
from urllib.parse import urljoin, urlsplit

import pytest

from sitefeatures.words import in_words
from tests.support.project import EDITION, SAID, SITE_URL
from tests.support.sitemap import FACTOR_PAGES, FACTOR_SECTIONS, GUIDE_PAGES, SITE_MAP

FIGURE = re.compile(r"\d|\b(half|quarter|one in|in (?:two|three|four|five|ten))\b", re.IGNORECASE)
PAGES_WITH_SOURCED_FIGURES = ["/", *FACTOR_PAGES, *GUIDE_PAGES]


@pytest.fixture(scope="module")
def pages(site):
    """Every page in the sitemap, parsed once: {url: soup}."""
    return site.pages


def article(soup):
    return soup.select_one("article.md-content__inner")


def test_build_has_no_warnings(site):
    assert "WARNING" not in site.log, site.log


@pytest.mark.parametrize("url", SITE_MAP)
def test_page_in_the_map_exists_at_its_url(site, pages, url):
    assert url in pages, f"{url} is missing from the sitemap"
    assert (site.dir / url.lstrip("/") / "index.html").is_file()


def test_every_page_has_one_h1_and_a_meta_description(pages):
    for url, soup in pages.items():
        assert len(soup.find_all("h1")) == 1, f"{url}: expected exactly one h1"
        meta = soup.find("meta", attrs={"name": "description"})
        assert meta and len(meta["content"]) >= 50, f"{url}: needs a meta description"


def test_pages_have_their_own_descriptions(pages):
    descriptions = {}
    for url, soup in pages.items():
        text = soup.find("meta", attrs={"name": "description"})["content"]
        assert text not in descriptions, f"{url} repeats the description of {descriptions.get(text)}"
        descriptions[text] = url


def test_crisis_help_is_linked_above_the_header_on_every_page(pages, site, settings):
    everywhere = {**pages, "/404.html": site.soup("/404.html")}
    for url, soup in everywhere.items():
        bar = soup.select_one(".md-banner .crisis-bar")
        assert bar is not None, f"{url}: the crisis bar is missing"
        link = bar.find("a", string=re.compile(SAID["get_help"]))
        assert link, f"{url}: no '{SAID['get_help']}' link"
        root = "http://site" + urlsplit(SITE_URL).path  # the site's root, also under a sub-path
        target = urljoin(root + url.lstrip("/"), link["href"])
        assert target == root + "get-help/", f"{url}: '{SAID['get_help']}' leads to {link['href']}"
        expected = [region.bar.tel for region in settings.extra["checked"]["crisis"]["bar"]]
        assert [a["href"] for a in bar.select("a[href^='tel:']")] == expected, f"{url}: crisis numbers missing"


def test_every_page_shows_review_dates_that_are_not_overdue(pages):
    today = dt.date.today()
    for url, soup in pages.items():
        times = soup.select(".page-notes__review time")
        assert len(times) == 2, f"{url}: 'last reviewed' and 'next review' dates are missing"
        last, due = (dt.date.fromisoformat(t["datetime"]) for t in times)
        assert last <= today, f"{url}: last_reviewed {last} is in the future"
        assert due >= today, f"{url}: the review was due on {due}; review the page and move the date"


def test_every_page_says_it_is_not_a_substitute_for_care(pages):
    for url, soup in pages.items():
        note = soup.select_one(".page-notes__care")
        assert note and SAID["not_care"] in " ".join(note.get_text().split()), url


def test_source_notes_lead_to_entries_on_the_references_page(pages):
    reference_ids = {el["id"] for el in article(pages["/references/"]).select(".reference[id]")}
    assert len(reference_ids) >= 25
    for url, soup in pages.items():
        for note in soup.select(".footnote li"):
            targets = [a["href"] for a in note.find_all("a", href=re.compile(r"references/#"))]
            assert targets, f"{url}: source note {note.get('id')} does not link to the references page"
            for href in targets:
                anchor = href.split("#", 1)[1]
                assert anchor in reference_ids, f"{url}: {href} names no entry on /references/"


@pytest.mark.parametrize("url", PAGES_WITH_SOURCED_FIGURES)
def test_every_figure_has_a_source_note(pages, url):
    body = copy.copy(article(pages[url]))  # parts are cut out below
    # The clinic box holds a clinic's phone number, not a research figure.
    for skipped in body.select(".footnote, [data-quiz], .page-notes, .headerlink, .clinic-box"):
        skipped.decompose()
    section = None
    for element in body.find_all(["h2", "p", "li"]):
        if element.name == "h2":
            section = element.get("id")
            continue
        if section in {"sources", "related"} or element.find(["p", "li"]):
            continue
        text = element.get_text(" ")
        if FIGURE.search(text):
            assert element.find("sup", id=re.compile("^fnref")), (
                f"{url}: a figure without a source note: {' '.join(text.split())[:120]!r}"
            )


@pytest.mark.parametrize("url", FACTOR_PAGES)
def test_factor_pages_follow_the_pattern_with_stable_section_ids(pages, url):
    ids = [h2.get("id") for h2 in article(pages[url]).find_all("h2")]
    present = [section for section in ids if section in FACTOR_SECTIONS]
    assert present == FACTOR_SECTIONS, f"{url}: sections {ids}, expected {FACTOR_SECTIONS} in order"


@pytest.mark.parametrize("url", FACTOR_PAGES)
def test_factor_pages_are_substantial(site, url):
    from readability import page_text, score

    words = score(page_text(site.html(url))).words
    assert 700 <= words <= 1600, f"{url}: {words} words of prose, expected about 700-1,500"


def test_get_help_lists_every_crisis_line_of_this_configuration(pages, settings):
    """Every line of the data file with this copy's overrides applied (added, changed, removed)."""
    page = pages["/get-help/"]
    text = " ".join(article(page).get_text(" ").split())
    hrefs = {a["href"] for a in article(page).find_all("a", href=True)}
    for region in settings.extra["checked"]["crisis"]["regions"]:
        assert page.find(id=region.id), f"no section #{region.id}"
        for line in region.lines:
            assert line.name in text, f"{line.name} is missing from /get-help/"
            checked_on = SAID["checked"].format(date=in_words(line.checked, EDITION))
            assert checked_on in text, f"{line.name}: no date it was checked ({checked_on!r})"
            for shown, href in ((line.call, line.tel), (line.text, line.sms), (line.email, f"mailto:{line.email}")):
                if shown:
                    assert shown in text and href in hrefs, f"{line.name}: {shown} ({href}) missing from /get-help/"
    assert "{{" not in text, "an unreplaced marker is showing on /get-help/"


def test_every_tap_to_call_link_dials_the_number_it_shows(pages):
    for url, soup in pages.items():
        for link in soup.select("a[href^='tel:'], a[href^='sms:']"):
            shown = "".join(ch for ch in link.get_text() if ch.isdigit() or ch == "+")
            dialled = link["href"].split(":", 1)[1]
            assert shown == dialled, f"{url}: '{link.get_text()}' dials {dialled}"


def test_404_page_works_at_any_depth(site):
    soup = site.soup("/404.html")
    assert SAID["not_found"] in soup.find("h1").get_text()
    for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
        for element in soup.find_all(tag, attrs={attr: True}):
            value = element[attr]
            assert value.startswith(("/", "http", "data:")), f"404.html: relative {tag} {value!r} breaks at depth"
    get_help = soup.select_one("article a[href$='get-help/']")
    assert get_help["href"].startswith("/"), "the 404 page's help link must be absolute"


def test_no_page_loads_anything_from_another_host(pages):
    for url, soup in pages.items():
        for element in soup.find_all(["link", "script", "img", "iframe", "source"]):
            target = element.get("src") or (element.get("href") if element.name == "link" else None)
            if element.name == "link" and element.get("rel") and {"canonical", "alternate"} & set(element["rel"]):
                continue
            assert not (target or "").startswith(("http:", "https:", "//")), f"{url}: loads {target}"


def test_no_page_shows_an_unreplaced_marker(pages):
    """{{ crisis_lines }}, {{ glossary }}, {{ site_url }} ... are all filled in at build time."""
    for url, soup in pages.items():
        text = article(soup).get_text(" ")
        assert "{{" not in text and "}}" not in text, f"{url}: a {{{{ marker }}}} was left in the page"
