"""Tooltips without start-up cost: glossary terms, heading permalinks and footnote back-links are
left to the site's one delegated script, so Material builds no tooltip component per element."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from sitefeatures.tooltips import PRIORITY, QuietTooltips

TEXT = """# Getting help

Ask your GP.[^1] See [the other page](other.md "Another page").

[^1]: A family doctor.

*[GP]: General practitioner, a family doctor.
"""


def render(text: str) -> BeautifulSoup:
    md = markdown.Markdown(extensions=["abbr", "footnotes", "toc"], extension_configs={"toc": {"permalink": True}})
    md.treeprocessors.register(QuietTooltips(md), "quiet-tooltips", PRIORITY)
    return BeautifulSoup(md.convert(text), "html.parser")


def test_terms_keep_their_title_and_are_marked_for_the_script():
    abbr = render(TEXT).find("abbr")
    assert abbr["title"] == "General practitioner, a family doctor."
    assert abbr.has_attr("data-preview")


def test_permalinks_and_back_links_say_what_they_do_without_a_title():
    soup = render(TEXT)
    for link in soup.select("a.headerlink, a.footnote-backref"):
        assert not link.has_attr("title"), link
        assert link["data-tip"] and link["aria-label"] == link["data-tip"], link


def test_other_titled_links_are_left_alone():
    link = render(TEXT).find("a", href="other.md")
    assert link["title"] == "Another page" and not link.has_attr("data-tip")


def test_no_article_has_an_element_for_materials_per_element_tooltips(site):
    for url, soup in site.pages.items():
        article = soup.find("article")
        if article is None:
            continue
        titled = article.select("[title]:not([data-preview])")
        assert not titled, f"{url}: Material would build a tooltip for each of {titled[:3]}"


@pytest.mark.browser
def test_a_heading_permalink_shows_its_tooltip_on_focus(browser, served_site):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{served_site}relationship/")
    page.wait_for_load_state("networkidle")
    link = page.locator("article h2 a.headerlink").first
    link.focus()
    text = link.get_attribute("data-tip")
    shown = """text => [...document.querySelectorAll('[role=tooltip]')].some(
        tip => tip.textContent === text && getComputedStyle(tip).opacity === '1')"""
    page.wait_for_function(shown, arg=text, timeout=5000)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.md-tooltip2--active')", timeout=5000)
    page.close()
