"""A clinic's copy in a real browser: the copy buttons of the links for emails on /for-clinics/
(and the plain addresses without JavaScript), and the clinic's box on a phone screen, checked by axe."""

from __future__ import annotations

import pytest

from sitefeatures.words import words
from tests.support.browsing import axe_violations
from tests.support.clinic import SAMPLE_CLINIC
from tests.support.project import EDITION

pytestmark = pytest.mark.browser

NAME = SAMPLE_CLINIC["clinic"]["name"]


def test_copy_buttons_copy_the_address_and_say_so(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    page = context.new_page()
    page.goto(served_site + "for-clinics/")
    button = page.locator(".clinic-links .copy-button").nth(3)
    expected = button.locator("xpath=..").locator("code").text_content()
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.locator("p[role=status]").inner_text() == words(EDITION)["copied"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the link list is wider than a phone"
    context.close()


def test_without_javascript_the_addresses_are_plain_text(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "for-clinics/")
    assert page.locator(".clinic-links code").first.is_visible()
    assert page.locator(".copy-button:visible").count() == 0
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_clinic_box_fits_a_phone_screen_and_passes_axe(browser, clinic_site, scheme):
    page = browser.new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page.goto((clinic_site.dir / "relationship" / "index.html").as_uri())
    title = page.locator(".md-header__topic").first
    assert NAME in title.inner_text() and title.is_visible(), "the clinic's name is in the first screen"
    assert title.bounding_box()["y"] + title.bounding_box()["height"] <= 844
    box = page.locator(".clinic-box").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for part in (".clinic-box", ".md-copyright"):
        assert not axe_violations(page, context=part), f"{part}: {axe_violations(page, context=part)}"
    page.close()
