"""Glossary tooltips reach keyboard users: the first use of each term takes focus."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from sitefeatures.glossary import focus as focusable_terms

DEFINITIONS = "\n\n*[CBT]: A talking therapy.\n*[GP]: A family doctor."


def render(text: str) -> str:
    return markdown.markdown(
        text + DEFINITIONS, extensions=["abbr", "toc", focusable_terms.FocusableTermsExtension()]
    )


def test_only_the_first_use_of_each_term_takes_focus():
    html = render("Ask your GP about CBT. Your GP may know CBT well.")
    terms = [(abbr.text, abbr.get("tabindex")) for abbr in BeautifulSoup(html, "html.parser").find_all("abbr")]
    assert terms == [("GP", "0"), ("CBT", "0"), ("GP", None), ("CBT", None)]


def test_terms_inside_links_and_headings_stay_unfocusable():
    html = render("# About CBT\n\n[See CBT](cbt.md)\n\nThen CBT here.")
    assert html.count('tabindex="0"') == 1
    assert '<abbr tabindex="0" title="A talking therapy.">CBT</abbr> here' in html


@pytest.mark.browser
def test_a_term_shows_its_meaning_when_it_gets_keyboard_focus(browser, served_site, site):
    # Material moves the title into its tooltip, so read the meaning from the built page.
    title = site.soup("/relationship/").select_one("article abbr[tabindex]")["title"]
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{served_site}relationship/")
    page.wait_for_load_state("networkidle")
    term = page.locator("article abbr[tabindex='0']").first
    term.focus()
    shown = """title => [...document.querySelectorAll('[role=tooltip]')].some(
        tip => tip.textContent.includes(title.slice(0, 40)) && getComputedStyle(tip).opacity === '1')"""
    page.wait_for_function(shown, arg=title, timeout=5000)
    page.close()
