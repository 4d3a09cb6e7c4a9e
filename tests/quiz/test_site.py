"""Quizzes in the built site: where they are, what their HTML holds, and that nothing half-rendered is left."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from tests.support.build import parse
from tests.support.project import EDITION, edition_folder
from tests.support.sitemap import FACTOR_PAGES

QUIZ_PAGES = [*FACTOR_PAGES, "/myths-and-facts/"]
KINDS = {"quiz": "radio", "quiz-all": "checkbox", "myth-or-fact": "radio", "reflect": "radio"}
MARKER = re.compile(r"(^|\n)[ \t]*/{3}")


@pytest.fixture(scope="module")
def pages(site):
    """Every built HTML page: {path relative to the site: soup}."""
    return {str(path.relative_to(site.dir)): parse(path.read_text(encoding="utf-8")) for path in site.dir.rglob("*.html")}


@pytest.mark.parametrize("url", QUIZ_PAGES)
def test_every_factor_page_and_the_myths_page_have_quizzes(site, url):
    assert site.soup(url).select("article [data-quiz]"), f"{url} has no quiz"


def test_no_block_marker_or_placeholder_reaches_a_reader(site, pages):
    for path in pages:
        html = site.html(path)
        assert "\x02" not in html and "\x03" not in html, path
        soup = parse(html)  # a private copy: code is cut out below
        for code in soup.select("pre, code, script, style"):
            code.decompose()
        assert not MARKER.search(soup.get_text("\n")), f"{path}: a '///' block marker is shown as text"


def test_every_quiz_is_complete_and_its_ids_are_unique(pages):
    quiz_pages = defaultdict(list)
    for path, soup in pages.items():
        ids = Counter(element["id"] for element in soup.select("[id]"))
        duplicates = sorted(name for name, count in ids.items() if count > 1)
        assert not duplicates, f"{path}: duplicate ids {', '.join(duplicates)}"
        for quiz in soup.select("[data-quiz]"):
            quiz_pages[(edition_folder(path), quiz["id"])].append(path)
            kind = quiz["data-kind"]
            inputs = quiz.select("fieldset input")
            assert quiz.select_one("form fieldset legend").get_text(strip=True), quiz["id"]
            assert len(inputs) >= 2 and {i["type"] for i in inputs} == {KINDS[kind]}
            assert {i["name"] for i in inputs} == {quiz["id"]}
            assert all(quiz.select_one(f"label[for='{i['id']}']").get_text(strip=True) for i in inputs)
            assert len(quiz.select("button[type=submit]")) == 1 and quiz.select_one("[role=status]")
            assert quiz.select_one("details > summary") and len(quiz.select(".quiz__key > li")) == len(inputs)
            right = [i for i in inputs if i.has_attr("data-right")]
            assert (len(right) >= 1) if kind != "reflect" else not right, quiz["id"]
            for ref in quiz.select("a.footnote-ref"):
                assert soup.find(id=ref["href"][1:]), f"{path}: {ref['href']} has no source note"
    # A page and its twin in another edition share their quiz ids, by design; within an edition ids are unique.
    shared = {quiz_id: paths for (_, quiz_id), paths in quiz_pages.items() if len(paths) > 1}
    assert quiz_pages and not shared, f"quiz ids used on more than one page: {shared}"


def test_quiz_assets_load_only_on_pages_with_quizzes(site, pages):
    for path, soup in pages.items():
        linked = [tag.get("href") or tag.get("src") for tag in soup.select("link[href*=selfcheck], script[src*=selfcheck]")]
        assert len(linked) == (2 if soup.select("[data-quiz]") else 0), path
        for url in linked:
            assert (site.dir / path).parent.joinpath(url).resolve().is_file(), f"{path}: {url} is missing"


@pytest.mark.skipif(EDITION != "en", reason="the page for authors is in English only, by design (no Spanish twin)")
def test_the_authors_page_shows_every_kind_with_its_source(site, pages):
    soup = site.soup("/for-authors/quizzes/")
    assert {quiz["data-kind"] for quiz in soup.select("[data-quiz]")} == set(KINDS)
    sources = "\n".join(code.get_text() for code in soup.select("pre code"))
    for kind in KINDS:
        assert f"/// {kind} | " in sources
    assert soup.select_one("#example-single")


def test_the_authors_page_is_built_but_not_in_the_readers_navigation(pages):
    for path, soup in pages.items():
        assert not soup.select(".md-nav a[href*='for-authors']"), f"{path} links the authors' page in its navigation"


def test_search_results_do_not_reveal_the_answers(site):
    """The answer key sits in a <details> that Material's search leaves out."""
    import json

    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    reader_pages = [doc for doc in index["docs"] if not doc["location"].startswith("for-authors/")]
    assert reader_pages
    for doc in reader_pages:
        assert "Show the answer" not in doc["text"], f"{doc['location']}: the answer key is in the search index"


def test_the_maintainers_page_is_out_of_the_readers_search(site):
    import json

    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("for-authors/")]
