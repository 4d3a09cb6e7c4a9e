"""The Spanish edition, built beside the English one as a copy that publishes both (extra.languages).

Until the whole suite runs on the Spanish pages (EDITION=es), these tests build both editions
and check what a Spanish reader and a clinic rely on: every page has its twin with the same
section ids, each links to the other, the words around the content and in quizzes are Spanish,
the crisis bar carries the Spanish edition's numbers, and every page reads "bastante fácil".
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import readability

from sitefeatures.crisis import data as crisis_data
from sitefeatures.twins import check_twins
from tests.support.build import build_site, parse
from tests.support.project import EDITION, REPO, SITE_ROOT, effective_settings, project_copy

pytestmark = pytest.mark.skipif(EDITION != "en", reason="builds both editions from the English configuration")


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editions")
    config = project_copy(folder / "project", extra={"languages": ["en", "es"]})
    build = build_site(folder / "site", config=config, editions=True)
    return folder / "project", build.dir


def pages(site: Path) -> dict[str, Path]:
    return {"/" + path.relative_to(site).as_posix().removesuffix("index.html"): path
            for path in sorted(site.rglob("index.html")) if "es" not in path.relative_to(site).parts[:1]}


def test_every_page_has_its_spanish_twin_with_the_same_sections(both):
    project, site = both
    from mkdocs.config import load_config

    nav = load_config(str(project / "mkdocs.yml")).nav
    check_twins(nav, project / "docs", site, project / "docs-es", site / "es")  # raises, listing every problem


def test_twins_link_to_each_other_and_say_their_language(both):
    _, site = both
    for url, path in pages(site).items():
        english = parse(path.read_text(encoding="utf-8"))
        if url.startswith("/for-authors/"):  # for maintainers, in English only: no link to a missing twin
            assert english.select_one(".crisis-bar__language") is None, url
            continue
        spanish_path = site / "es" / url.lstrip("/") / "index.html"
        assert spanish_path.is_file(), f"no Spanish twin of {url}"
        spanish = parse(spanish_path.read_text(encoding="utf-8"))
        assert english.html["lang"] == "en" and spanish.html["lang"] == "es", url
        for soup, lang in ((english, "es"), (spanish, "en")):
            switch = soup.select_one(f".crisis-bar__language[hreflang={lang}]")
            assert switch is not None and switch["lang"] == lang, f"{url}: no link to the {lang} twin"
            # Material's scripts fetch a sitemap.xml beside every <link rel=alternate> and take over
            # clicks into its site: the alternates are in the sitemaps instead (next test).
            assert soup.select_one("link[rel=alternate]") is None, f"{url}: a <link rel=alternate> in the page"


def sitemap_alternates(sitemap: Path) -> dict[str, dict[str, str]]:
    """Each page of a sitemap with its hreflang alternates: {loc: {hreflang: href}}."""
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return {url.findtext("s:loc", namespaces=ns): {link.get("hreflang"): link.get("href")
                                                   for link in url.findall("x:link", ns)}
            for url in ElementTree.parse(sitemap).getroot().findall("s:url", ns)}


def test_each_sitemap_names_every_pages_twins(both):
    _, site = both
    english, spanish = sitemap_alternates(site / "sitemap.xml"), sitemap_alternates(site / "es" / "sitemap.xml")
    for url in pages(site):
        loc, twin = SITE_ROOT + url.lstrip("/"), f"{SITE_ROOT}es/{url.lstrip('/')}"
        if url.startswith("/for-authors/"):
            assert english[loc] == {}, f"{url} has no twin, so no alternates"
            continue
        expected = {"en": loc, "es": twin, "x-default": loc}
        assert english[loc] == expected, url
        assert spanish[twin] == expected, url
    with gzip.open(site / "es" / "sitemap.xml.gz") as compressed:
        assert compressed.read() == (site / "es" / "sitemap.xml").read_bytes(), "sitemap.xml.gz is out of date"


def test_the_spanish_pages_speak_spanish_around_the_content(both):
    _, site = both
    page = parse((site / "es" / "myths-and-facts" / "index.html").read_text(encoding="utf-8"))
    assert page.select_one(".crisis-bar__link").get_text(strip=True) == "Ayuda urgente"
    assert "Última revisión" in page.select_one(".page-notes__review").get_text()
    assert page.select_one(".quiz__check").get_text(strip=True) == "Comprobar"
    assert page.select_one(".quiz__kind").get_text(strip=True) == "¿Mito o realidad?"
    help_page = parse((site / "es" / "get-help" / "index.html").read_text(encoding="utf-8"))
    assert "Revisado el" in help_page.select_one(".crisis-checked").get_text()
    assert help_page.select_one("h2#mx") and help_page.select_one("h2#es"), "no sections for Mexico and Spain"


def test_the_spanish_crisis_bar_carries_the_spanish_editions_numbers(both):
    project, site = both
    extra = effective_settings(project / "mkdocs.yml").extra
    bar = crisis_data.load(project / "docs-es", extra.get("crisis_overrides"), extra.get("crisis_region"),
                           extra.get("crisis_bar"))["bar"]
    page = parse((site / "es" / "index.html").read_text(encoding="utf-8"))
    shown = [a["href"] for a in page.select(".crisis-bar a[href^='tel:']")]
    assert shown == [region.bar.tel for region in bar]
    if not extra.get("crisis_bar"):  # the bar is not narrowed by the copy's settings
        assert "tel:8009112000" in shown and "tel:024" in shown


def test_every_spanish_page_reads_fairly_easy(both):
    _, site = both
    results = readability.report(site / "es", "es")
    assert len(results) >= 15
    hard = {url: round(scores.fernandez_huerta, 1) for url, scores in results.items() if not scores.passes()}
    assert not hard, f"Fernández-Huerta under {readability.MIN_EASE_ES}: {hard}"


def test_the_spanish_edition_has_every_page_of_the_english_one(both):
    _, site = both
    english = {url for url in pages(site)}
    spanish = {"/" + path.relative_to(site / "es").as_posix().removesuffix("index.html")
               for path in (site / "es").rglob("index.html")}
    assert english - {"/for-authors/quizzes/"} <= spanish
    assert (REPO / "docs-es" / "_data" / "crisis-lines.yml").is_file()


def test_a_clinic_logo_in_docs_is_accepted_by_the_spanish_edition_too():
    # docs-es/assets is a link to docs/assets: the logo a clinic puts in docs/ is the Spanish edition's too.
    from sitefeatures.clinic.settings import check_logo

    assert (REPO / "docs-es" / "assets").is_symlink()
    assert check_logo("assets/images/logo.svg", REPO / "docs-es") == "assets/images/logo.svg"


def test_the_languages_of_a_configuration_that_inherits_them_are_found(tmp_path):
    from sitefeatures.edition_builds import configured_languages

    (tmp_path / "base.yml").write_text("extra:\n  languages: [en, es]\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nextra:\n  clinic: {}\n", encoding="utf-8")
    assert configured_languages(tmp_path / "mkdocs.yml") == ["en", "es"]
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nextra:\n  languages: [en]\n", encoding="utf-8")
    assert configured_languages(tmp_path / "mkdocs.yml") == ["en"]


def test_a_linked_folder_in_an_editions_docs_reaches_its_site(tmp_path):
    # Zensical 0.0.73 leaves linked folders out; the editions step copies them (docs-es/assets -> docs/assets).
    from sitefeatures.edition_builds import copy_linked_folders

    (tmp_path / "docs" / "assets" / "css").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "css" / "site.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "docs-es").mkdir()
    (tmp_path / "docs-es" / "assets").symlink_to("../docs/assets")
    (tmp_path / "docs-es" / "index.md").write_text("# Hola", encoding="utf-8")
    assert copy_linked_folders(tmp_path / "docs-es", tmp_path / "site" / "es") == ["assets"]
    assert (tmp_path / "site" / "es" / "assets" / "css" / "site.css").read_text(encoding="utf-8") == "p {}"
