"""Printed handouts: a page printed from Chromium is the page alone, with crisis lines, link
addresses, a QR code back to the page, quiz questions without answers, and the clinic's contact.

The PDF's text is read with pypdf; a factor page must fit on at most four A4 sheets."""

from __future__ import annotations

import io
import unicodedata

import pytest

from tests.support.project import SAID, SITE_URL
from tests.support.sitemap import FACTOR_PAGES

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.browser

MAX_SHEETS = 4
# Text that only the site's chrome carries: navigation sections, footer, back-to-top, search.
CHROME = ("Start here", "Practical guides", "Help and about", "Back to top", "Text under CC BY 4.0", "Type to start")
CHROME_PARTS = (".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top", ".md-content__button")


def print_pdf(browser, address: str):
    """Print a page as A4 from Chromium; return (number of sheets, text of the PDF, the page)."""
    page = browser.new_page()
    page.goto(address)
    page.emulate_media(media="print")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "\n".join(sheet.extract_text() for sheet in reader.pages)
    # NFKC turns the font's ligatures back into letters ("ﬁnd" -> "find").
    return len(reader.pages), unicodedata.normalize("NFKC", " ".join(text.split())), page


@pytest.fixture(scope="module")
def printed(browser, served_site):
    """Every factor page printed once: {url: (sheets, text, page)}."""
    results = {url: print_pdf(browser, served_site + url.lstrip("/")) for url in FACTOR_PAGES}
    print("\nprinted factor pages (A4 sheets): " + ", ".join(f"{url} {r[0]}" for url, r in results.items()))
    yield results
    for _, _, page in results.values():
        page.close()


@pytest.mark.parametrize("url", FACTOR_PAGES)
def test_a_factor_page_prints_on_at_most_four_a4_sheets(printed, url):
    sheets = printed[url][0]
    assert sheets <= MAX_SHEETS, f"{url} prints on {sheets} A4 sheets"


@pytest.mark.parametrize("url", FACTOR_PAGES)
def test_the_handout_has_the_crisis_lines_and_no_site_chrome(printed, url, settings):
    _, text, _ = printed[url]
    numbers = [region.bar.call for region in settings.extra["checked"]["crisis"]["bar"]]
    for needed in (SAID["get_help"], *numbers, f"{SITE_URL}get-help/"):
        assert needed in text, f"{url}: {needed!r} is missing from the printout"
    for chrome in CHROME:
        assert chrome not in text, f"{url}: the printout shows {chrome!r}"


@pytest.mark.parametrize("url", FACTOR_PAGES)
def test_links_print_their_address_and_the_page_prints_a_qr_code(printed, url):
    _, text, page = printed[url]
    # A long address may wrap across lines: compare without spaces.
    assert f"({SITE_URL}references/#" in text.replace(" ", ""), f"{url}: link addresses are not printed"
    assert f"{SAID['read_online']} {SITE_URL}{url.lstrip('/')}" in text
    qr = page.locator(".print-handout svg.print-qr__code")
    assert qr.is_visible() and qr.bounding_box()["width"] >= 60, f"{url}: no QR code in print"
    for chrome in CHROME_PARTS:
        assert page.locator(chrome).filter(visible=True).count() == 0, f"{url}: {chrome} is printed"


@pytest.mark.parametrize("url", FACTOR_PAGES)
def test_quizzes_print_their_questions_but_not_their_answers(printed, url):
    _, text, page = printed[url]
    quizzes = page.locator("[data-quiz]")
    assert quizzes.count() >= 1, f"{url}: no quiz on the page"
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        question = " ".join(quiz.locator("legend").first.inner_text().split())
        assert question in text, f"{url}: the question {question!r} is not printed"
        for part in ("details", "button", "[role=status]"):
            shown = quiz.locator(part).filter(visible=True).count()
            assert shown == 0, f"{url}: a quiz prints its {part}"
    assert "Show the answer" not in text and "Right answer" not in text


def test_a_clinics_handout_carries_its_name_contact_and_crisis_lines_first(browser, clinic_site):
    sheets, text, page = print_pdf(browser, (clinic_site.dir / "relationship" / "index.html").as_uri())
    page.close()
    clinic = clinic_site.settings.extra["checked"]["clinic"]
    for needed in (clinic.name, clinic.phone, clinic.email):
        assert needed in text, f"the clinic's printout lacks {needed!r}"
    bar = [region.bar.call for region in clinic_site.settings.extra["checked"]["crisis"]["bar"]]
    assert text.index(bar[0]) == min(text.index(number) for number in bar), "the clinic's region should lead"
    assert sheets <= MAX_SHEETS
