"""Quizzes in headless Chromium: keyboard only, screen-reader announcements, no JavaScript,
narrow screens, both colour schemes, reduced motion, instant navigation, privacy."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import urlparse

import pytest

from tests.support.project import EDITION
from tests.support.quiz import build_mini, quiz

pytestmark = pytest.mark.browser
QUIZ_PAGES = ["relationship/", "expertise/", "communication/", "collaboration/", "structure/",
              "myths-and-facts/"] + (["for-authors/quizzes/"] if EDITION == "en" else [])  # authors': English only

# What the quiz says (selfcheck/assets/quiz.js, selfcheck/render.py) and what the quizzes these
# tests answer say (docs/ and docs-es/), in the edition under test.
SAYS = {
    "en": {
        "right": "Right", "wrong": "Not quite", "empty": "Choose an answer first.",
        "summary": "On this page: {} of {} right.", "answer": "Right answer:",
        "who_builds_right": "Yes. Both of you build it", "who_builds_wrong": "Not quite. Your part counts too",
        "who_builds_note": "the therapist's part predicts results more",
        "found": "You chose 1 of the 3 right answers, and 1 that is not right.",
        "keep_going": ("Planning ahead for the weeks", "Quietly not booking"),
        "reflection": "That is common, especially early on.",
    },
    "es": {
        "right": "Correcto", "wrong": "No del todo", "empty": "Primero elija una respuesta.",
        "summary": "En esta página: {} de {} correctas.", "answer": "Respuesta correcta:",
        "who_builds_right": "Sí. Lo construyen los dos", "who_builds_wrong": "No exactamente. Su parte también cuenta",
        "who_builds_note": "la parte del terapeuta predice más los resultados",
        "found": "Eligió 1 de las 3 respuestas correctas, y 1 que no es correcta.",
        "keep_going": ("Planear con tiempo para las semanas", "No pedir otra cita"),
        "reflection": "Es común, sobre todo al principio.",
    },
}[EDITION]


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page that records console errors, script errors and every request."""
    page = context.new_page()
    page.errors, page.requests = [], []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("requestfailed", lambda request: page.errors.append(f"failed: {request.url}"))
    page.on("request", lambda request: page.requests.append(request.url))
    return page


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.className")


def status(page, quiz_id: str) -> str:
    """What a screen reader hears from the quiz's live region (whitespace collapsed)."""
    return " ".join(page.locator(f"#{quiz_id} [role=status]").inner_text().split())


def test_answer_with_the_keyboard_only_and_hear_the_result(page, served_site):
    quiz_id = "relationship-who-builds"
    page.goto(f"{served_site}relationship/#{quiz_id}")  # a clinic's link: focus starts at the quiz
    page.keyboard.press("Tab")
    assert focused_id(page) == f"{quiz_id}-1"
    for key in ("ArrowDown", "ArrowDown", "ArrowUp"):  # moving between choices checks no answer
        page.keyboard.press(key)
    assert focused_id(page) == f"{quiz_id}-2" and page.is_checked(f"#{quiz_id}-2")
    assert status(page, quiz_id) == "" and not page.locator(f"#{quiz_id} .quiz__mark").count()
    page.keyboard.press("Tab")
    assert "quiz__check" in focused_id(page)
    page.keyboard.press("Enter")
    assert status(page, quiz_id).startswith(f"{SAYS['right']}. {SAYS['who_builds_right']}")
    assert page.locator(f"label[for={quiz_id}-2] .quiz__mark").inner_text() == SAYS["right"]
    assert page.locator(".quiz-summary[role=status]").inner_text() == SAYS["summary"].format(1, 2)
    page.keyboard.press("Tab")
    assert "quiz__again" in focused_id(page)
    page.keyboard.press("Space")  # try again: cleared, focus back on the first choice
    assert focused_id(page) == f"{quiz_id}-1" and status(page, quiz_id) == ""
    assert not page.locator(f"#{quiz_id} input:checked").count()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # Enter on a choice checks too
    assert status(page, quiz_id).startswith(f"{SAYS['wrong']}. {SAYS['who_builds_wrong']}")
    assert page.locator(f"label[for={quiz_id}-1] .quiz__mark").inner_text() == SAYS["wrong"]
    assert page.locator(".quiz-summary").inner_text() == SAYS["summary"].format(0, 2)
    assert page.errors == []


def test_select_all_that_apply_with_the_keyboard(page, served_site):
    quiz_id = "structure-keep-going"
    page.goto(f"{served_site}structure/#{quiz_id}")
    for key in ("Tab", "Space", "Tab", "Tab", "Space", "Enter"):  # choices 1 and 3, then check
        page.keyboard.press(key)
    result = status(page, quiz_id)
    assert result.startswith(f"{SAYS['wrong']}. {SAYS['found']}")
    assert all(part in result for part in SAYS["keep_going"]), result
    assert focused_id(page) == f"{quiz_id}-3"  # Enter on a choice checked; focus stays there
    for key in ("Space", "Shift+Tab", "Space", "Tab", "Tab", "Space", "Enter"):  # now 1, 2 and 4
        page.keyboard.press(key)
    assert status(page, quiz_id).startswith(SAYS["right"] + ".")
    assert page.errors == []


def test_a_reflection_shows_guidance_and_is_not_scored(page, served_site):
    quiz_id = "relationship-after-sessions"
    page.goto(f"{served_site}relationship/")
    page.check(f"#{quiz_id}-2")
    page.click(f"#{quiz_id} button[type=submit]")
    assert status(page, quiz_id).startswith(SAYS["reflection"])
    assert not page.locator(f"#{quiz_id} .quiz__mark, #{quiz_id} .quiz__verdict").count()
    assert page.locator(".quiz-summary").inner_text() == ""
    page.click(f"#{quiz_id} button[type=submit]")
    assert page.locator(".quiz-summary").inner_text() == ""


def test_checking_without_an_answer_asks_for_one(page, served_site):
    page.goto(f"{served_site}myths-and-facts/")
    first = page.locator("[data-quiz]").first
    first.locator("button[type=submit]").click()
    assert first.locator("[role=status]").inner_text() == SAYS["empty"]


def test_without_javascript_the_answer_is_behind_a_disclosure(browser, served_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{served_site}relationship/#relationship-who-builds")
    quiz = page.locator("#relationship-who-builds")
    assert quiz.locator("legend").is_visible() and quiz.locator("label").count() == 3
    assert not quiz.locator("button").first.is_visible()  # a Check button would do nothing here
    assert not quiz.get_by_text(SAYS["answer"]).is_visible()
    quiz.locator("input").first.check()
    page.keyboard.press("Enter")  # nothing is submitted anywhere
    assert urlparse(page.url).query == ""
    quiz.locator("summary").focus()
    page.keyboard.press("Enter")
    assert quiz.locator("details").get_attribute("open") is not None
    assert quiz.get_by_text(SAYS["answer"]).is_visible()
    assert quiz.get_by_text(SAYS["who_builds_right"]).is_visible()
    assert quiz.get_by_text(SAYS["who_builds_note"]).is_visible()
    context.close()


@pytest.mark.parametrize("url", QUIZ_PAGES)
def test_quiz_pages_fit_320px_make_no_errors_and_store_nothing(browser, served_site, url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    errors, hosts = [], set()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(served_site + url)
    page.wait_for_function("document.querySelector('[data-quiz][data-ready]')")
    storage = "JSON.stringify([document.cookie, Object.keys(localStorage), Object.keys(sessionStorage)])"
    before = page.evaluate(storage)
    for quiz in page.locator("[data-quiz]").all():
        quiz.locator("input").first.check()
        quiz.locator("button[type=submit]").click()
        assert quiz.locator("[role=status]").inner_text().strip()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.evaluate(storage) == before
    assert errors == [] and hosts == {urlparse(served_site).netloc}
    context.close()


def luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_right_and_wrong_are_readable_in_both_colour_schemes(browser, served_site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{served_site}relationship/")
    expected = {"light": "default", "dark": "slate"}[scheme]
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    for choice, verdict in (("1", "wrong"), ("2", "right")):
        page.check(f"#relationship-who-builds-{choice}")
        page.click("#relationship-who-builds button[type=submit]")
        for selector in (f".quiz__verdict--{verdict}", f".quiz__mark--{verdict}", "legend", "label"):
            color = page.locator(f"#relationship-who-builds {selector}").first.evaluate("e => getComputedStyle(e).color")
            assert contrast(color, background) >= 4.5, (scheme, selector, color, background)
    context.close()


@pytest.mark.parametrize("motion, animation", [("reduce", "none"), ("no-preference", "quiz-in")])
def test_reduced_motion_is_honoured(browser, served_site, motion, animation):
    context = browser.new_context(reduced_motion=motion)
    page = context.new_page()
    page.goto(f"{served_site}relationship/")
    page.check("#relationship-who-builds-2")
    page.click("#relationship-who-builds button[type=submit]")
    name = page.locator("#relationship-who-builds .quiz__verdict").evaluate("e => getComputedStyle(e).animationName")
    assert name == animation
    context.close()


def test_quizzes_have_no_accessibility_violations(page, served_site):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{served_site}structure/")
    for quiz in page.locator("[data-quiz]").all():
        quiz.locator("input").first.check()
        quiz.locator("button[type=submit]").click()
    quiz.locator("summary").click()
    results = Axe().run(page, context="[data-quiz]")
    assert results.violations_count == 0, results.generate_report()


def test_quizzes_work_with_material_instant_navigation(browser, tmp_path):
    """Start on a page without a quiz, move between quiz pages without reloading."""
    (tmp_path / "site").mkdir()
    handler = functools.partial(_Quiet, directory=str(tmp_path / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        site = build_mini(tmp_path, {
            "index.md": "# Home\n\n[Page A](a.md)\n",
            "a.md": "# A\n\n" + quiz("a-1") + "\n" + quiz("a-2", 2) + "\n[Page B](b.md)\n",
            "b.md": "# B\n\n" + quiz("b-1") + "\n[Page A](a.md)\n",
        }, features=("navigation.instant",), site_url=base)
        assert site.ok, site.log
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # Material intercepts links only once it has read the sitemap: wait for it.
        with page.expect_response(lambda response: response.url.endswith("sitemap.xml")):
            page.goto(base)
        page.wait_for_load_state("networkidle")
        page.evaluate("window.sameDocument = true")
        for target, quiz_id in (("Page A", "a-1"), ("Page B", "b-1"), ("Page A", "a-1")):
            page.get_by_role("link", name=target).last.click()
            page.wait_for_selector(f"#{quiz_id}[data-ready]")
            page.check(f"#{quiz_id}-1")
            page.click(f"#{quiz_id} button[type=submit]")
            assert page.locator(f"#{quiz_id} [role=status]").inner_text().startswith("Right.")
            assert page.evaluate("window.sameDocument"), "the page reloaded: instant navigation was not used"
        assert page.locator(".quiz-summary").count() == 1 and errors == []
        page.close()
    finally:
        server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
