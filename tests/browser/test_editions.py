"""The language switch in Chromium: "Esta página en español" lands on the same section of the
Spanish page and back, by mouse and keyboard, and no page asks for a sitemap on the way (Material's
scripts do when a page carries <link rel=alternate>, which these pages must not)."""

from __future__ import annotations

from contextlib import closing

import pytest

from tests.support.browsing import new_context, open_page
from tests.support.project import EDITION

pytestmark = pytest.mark.browser


@pytest.fixture
def both_editions(site, served_site):
    """The served site's address, when it publishes the Spanish edition beside the English one."""
    if EDITION != "en":
        pytest.skip("runs from the English edition, whose site holds both")
    if not (site.dir / "es" / "index.html").is_file():
        pytest.skip("this copy publishes English only (extra.languages)")
    return served_site


@pytest.mark.parametrize("key", [None, "Enter"])
def test_the_language_switch_lands_on_the_twin_and_back(browser, both_editions, key):
    with closing(new_context(browser, size=(390, 800))) as context:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        open_page(page, both_editions + "relationship/")
        switch = page.locator(".crisis-bar__language")
        assert switch.get_attribute("lang") == "es"
        if key:
            switch.focus()
            page.keyboard.press(key)
        else:
            switch.click()
        page.wait_for_url(both_editions + "es/relationship/")
        assert page.evaluate("document.documentElement.lang") == "es"
        page.locator(".crisis-bar__language").click()
        page.wait_for_url(both_editions + "relationship/")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert not [url for url in requests if "sitemap" in url], requests


def test_a_link_into_the_other_edition_goes_where_it_says(browser, both_editions):
    # The link list on /for-clinics/ holds Spanish pages' addresses: following one must not be turned
    # into the twin of the page the reader is on (what Material's alternate handling would do).
    with closing(new_context(browser)) as context:
        page = context.new_page()
        open_page(page, both_editions + "for-clinics/")
        page.evaluate("""() => { const a = document.createElement('a'); a.id = 'probe';
            a.href = '../es/structure/#what-it-is'; a.textContent = 'probe'; document.body.prepend(a); }""")
        page.locator("#probe").click()
        page.wait_for_url(both_editions + "es/structure/#what-it-is")
