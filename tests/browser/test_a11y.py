"""Accessibility in a real browser (WCAG 2.2 AA): axe-core on every page in both colour schemes at
phone and desktop widths; a keyboard walk of every page; the skip link, search, palette toggle and
navigation drawer by keyboard alone; no sideways scrolling at 320 px; text zoomed to 200%."""

from __future__ import annotations

from contextlib import closing

import pytest

from tests.support.browsing import (
    SCHEMES, WIDTHS, axe_violations, new_context, on_every_page, open_page, set_scheme, settle,
    walk_with_tab,
)
from tests.support.sitemap import sitemap_paths

pytestmark = pytest.mark.browser

NARROW = (320, 640)
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Elements that stick out past the right edge of the window (outside any scrolling box, such as a
# wide table's), and whether the page as a whole scrolls sideways.
SIDEWAYS = """
() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
  const inScrollBox = (el) => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return true; return false; };
  const out = [...document.querySelectorAll("body *")].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && getComputedStyle(el).visibility === "visible" && !inScrollBox(el);
  }).slice(0, 5).map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") || ""}">`);
  return {scrolls: document.documentElement.scrollWidth > width, out};
}
"""


@pytest.fixture(scope="module")
def urls(site, served_site) -> list[str]:
    """Every page of the built site, from its sitemap, as served on 127.0.0.1."""
    return [served_site + path.lstrip("/") for path in sitemap_paths(site.dir)]


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_on_any_page_in_either_scheme(browser, urls, width):
    """Every rule in the light scheme; in the dark one, the rules that colours decide (the page
    is the same: switching schemes changes colour variables, not markup)."""

    def both_schemes(page):
        found = [f"light: {violation}" for violation in axe_violations(page)]
        set_scheme(page, "dark")
        found += [f"dark: {violation}" for violation in axe_violations(page, rules=COLOUR_RULES)]
        set_scheme(page, "light", reload=False)  # for the next page
        return found

    found = on_every_page(browser, urls, both_schemes, scheme="light", size=WIDTHS[width])
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_in_open_search(browser, urls, scheme, width):
    with closing(new_context(browser, scheme, WIDTHS[width])) as context:
        page = context.new_page()
        open_page(page, urls[0])
        search_for(page, "therapist")
        settle(page)  # results fade in: check the colours they end with
        found = axe_violations(page)
        assert not found, "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_in_open_drawer(browser, urls, scheme):
    with closing(new_context(browser, scheme, WIDTHS["phone"])) as context:
        page = context.new_page()
        open_page(page, urls[1])
        page.click(".site-drawer-button")
        settle(page)
        found = axe_violations(page)
        assert not found, "\n".join(found)


@pytest.mark.parametrize("width", WIDTHS)
def test_tab_shows_every_stop_and_never_traps(browser, urls, width):
    def walk(page):
        result = walk_with_tab(page)
        first = result.stops[0] if result.stops else "nothing"
        skip = [] if "md-skip" in first else [f"the first Tab stop is {first}, not the skip link"]
        return skip + result.problems

    # With the reader's "reduce motion" setting (Material then drops its transitions), each stop
    # is checked as it settles, without waiting out a fading search panel.
    found = on_every_page(browser, urls, walk, size=WIDTHS[width], reduced_motion="reduce")
    assert not found, "\n".join(found)


def test_skip_link_moves_past_the_header_and_navigation(browser, urls):
    with closing(new_context(browser)) as context:
        page = context.new_page()
        open_page(page, urls[1])
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        inside = page.evaluate("document.activeElement.closest('article, .md-content') !== null")
        assert inside, "after the skip link, Tab should go to the page's own content"


@pytest.mark.parametrize("width", WIDTHS)
def test_palette_toggle_works_by_keyboard(browser, urls, width):
    with closing(new_context(browser, "light", WIDTHS[width])) as context:
        page = context.new_page()
        open_page(page, urls[0])
        tab_to(page, ".md-option")
        scheme = "document.body.dataset.mdColorScheme"
        assert page.evaluate(scheme) == "default"
        page.keyboard.press("Enter")
        page.wait_for_function(f"{scheme} === 'slate'")
        assert page.evaluate("document.activeElement.matches('.md-option')"), "focus left the toggle"
        page.keyboard.press("Enter")
        page.wait_for_function(f"{scheme} === 'default'")


@pytest.mark.parametrize("width", WIDTHS)
def test_search_works_by_keyboard(browser, urls, width):
    with closing(new_context(browser, "light", WIDTHS[width])) as context:
        page = context.new_page()
        open_page(page, urls[0])
        tab_to(page, ".md-search__input")
        page.keyboard.type("alliance")
        page.wait_for_selector(".md-search-result__item")
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.matches('.md-search-result a')"), "no result to go to"
        before = page.url
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: url != before)
        page.keyboard.press("/")
        page.wait_for_function("document.getElementById('__search').checked")
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked"), "Escape should close search"


def test_drawer_works_by_keyboard(browser, urls):
    with closing(new_context(browser, "light", WIDTHS["phone"])) as context:
        page = context.new_page()
        open_page(page, urls[1])
        tab_to(page, ".site-drawer-button")
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('__drawer').checked"), "Enter should open it"
        assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "focus stays out"
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked"), "Escape should close it"
        assert page.evaluate("document.activeElement.matches('.site-drawer-button')"), "focus is lost"


def test_no_page_scrolls_sideways_at_320px(browser, urls):
    found = on_every_page(browser, urls, sideways, size=NARROW)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", WIDTHS)
def test_text_zoomed_to_200_percent_stays_readable(browser, urls, width):
    def zoomed(page):
        page.evaluate(
            "document.documentElement.style.fontSize ="
            " 2 * parseFloat(getComputedStyle(document.documentElement).fontSize) + 'px'"
        )
        return sideways(page)

    found = on_every_page(browser, urls, zoomed, size=WIDTHS[width])
    assert not found, "\n".join(found)


def sideways(page) -> list[str]:
    result = page.evaluate(SIDEWAYS)
    if not result["scrolls"] and not result["out"]:
        return []
    return [f"scrolls sideways; sticking out: {', '.join(result['out']) or 'nothing named'}"]


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} cannot be reached with Tab")


def search_for(page, query: str) -> None:
    page.focus(".md-search__input")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
