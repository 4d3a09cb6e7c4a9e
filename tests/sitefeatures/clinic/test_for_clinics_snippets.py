"""The guide for clinic staff matches reality: every snippet on /for-clinics/ pastes as shown
into mkdocs.yml, and the copy it makes builds (strict) under a GitHub Pages sub-path and
shows the clinic."""

from __future__ import annotations

from pathlib import Path

import pytest

from clinic_fork import GUIDE_PAGE, apply_snippet, setting_blocks, snippets
from tests.support.build import Build, build_site
from tests.support.early import early_build
from sitefeatures.editions import edition
from tests.support.project import EDITION, REPO, effective_settings, project_copy

SUB_PATH_URL = "https://riverside.github.io/guide/"
SOURCE_SNIPPETS = snippets(GUIDE_PAGE.read_text(encoding="utf-8"))


def test_the_page_shows_each_snippet_exactly_as_it_is_written(site):
    shown = [code.get_text() for code in site.soup("/for-clinics/").select("article pre code")]
    page = REPO / edition(EDITION).docs_folder / "for-clinics.md"  # the edition under test's page
    written = snippets(page.read_text(encoding="utf-8"))
    assert len(written) >= 4
    for snippet in written:
        assert snippet in shown, f"this snippet does not show on /for-clinics/ as written (indentation?):\n{snippet}"


@pytest.mark.parametrize("snippet", SOURCE_SNIPPETS)
def test_every_snippet_sits_under_extra_with_quotes_on_every_text_value(snippet):
    assert setting_blocks(snippet), f"a snippet with no setting under extra:\n{snippet}"
    for line in snippet.splitlines():
        key, _, value = line.strip().lstrip("- ").partition(":")
        value = value.strip()
        if value and key not in ("checked", "remove") and not value.startswith(("[", "{")):
            assert value.startswith('"') and value.endswith('"'), f"put {key}'s value in quotes: {line.strip()}"


@early_build
def riverside_build(folder: Path) -> Build:
    """A copy of the project with every snippet pasted into mkdocs.yml, built for a Pages sub-path."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for snippet in SOURCE_SNIPPETS:
        text = apply_snippet(text, snippet)
    config = project_copy(folder / "project", config_text=text)
    return build_site(folder / "site", config=config, env={"SITE_URL": SUB_PATH_URL})


@pytest.fixture(scope="module")
def riverside(riverside_build):
    """The copy made from the snippets, with its effective settings in ``.settings``."""
    riverside_build.settings = effective_settings(riverside_build.config, SUB_PATH_URL)
    return riverside_build


def test_the_copy_made_from_the_snippets_builds_and_shows_the_clinic(riverside):
    checked = riverside.settings.extra["checked"]
    assert checked["clinic"].name == "Riverside Talking Therapies"
    home = riverside.soup("/")
    assert "Riverside Talking Therapies" in home.select_one(".md-header__title").get_text()
    assert [a["href"] for a in home.select(".crisis-bar a[href^='tel:']")] == ["tel:116123"], "crisis_bar: [uk]"
    help_page = riverside.soup("/get-help/").select_one("article")
    assert help_page.find("h2")["id"] == "uk"
    uk = help_page.find("h2", id="uk").find_next("ul")
    assert "Riverside crisis team" in uk.find("li").get_text()
    assert "NHS 111, option 2" not in uk.get_text(), "the line the snippet removes is gone"
    canonical = riverside.soup("/relationship/").find("link", rel="canonical")["href"]
    assert canonical == SUB_PATH_URL + "relationship/"
    assert not (riverside.dir / "CNAME").exists(), "a github.io address needs no CNAME"


def test_pasting_a_snippet_replaces_only_its_own_setting():
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    current = next(line for line in text.splitlines() if line.startswith("  crisis_region:"))
    changed = apply_snippet(text, '  crisis_region: "zz"\n')
    difference = [pair for pair in zip(text.splitlines(), changed.splitlines()) if pair[0] != pair[1]]
    assert difference == [(current, '  crisis_region: "zz"')]
    assert len(text.splitlines()) == len(changed.splitlines())
