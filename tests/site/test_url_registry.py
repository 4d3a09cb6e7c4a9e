"""Permanence: every address in tests/published-urls.txt still reaches its page and
fragment, through mkdocs-redirects' redirect pages where a page has moved."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.build import Build, build_site, inject
from tests.support.early import early_build
from tests.support.project import REPO, SITE_URL, project_copy
from tests.support.sitemap import FACTOR_PAGES, FACTOR_SECTIONS
from update_url_registry import clinic_list_entries, published_entries
from update_url_registry import main as update_registry
from url_registry import REGISTRY, read_entries, resolve, unregistered

ENTRIES = read_entries()
CRISIS_REGIONS = ["us", "uk", "ca", "ie", "au", "nz", "international"]


@pytest.mark.parametrize("entry", ENTRIES)
def test_published_address_still_resolves(site, entry):
    problem = resolve(site.dir, entry)
    assert problem is None, problem


def test_every_page_and_quiz_is_registered(site):
    missing = [entry for entry in published_entries(site.dir, SITE_URL) if entry not in ENTRIES]
    assert not missing, (
        f"addresses missing from {REGISTRY.name}: {missing}; run: python scripts/update_url_registry.py"
    )


def test_every_address_the_clinics_page_lists_is_registered(site):
    listed = clinic_list_entries(site.dir, SITE_URL)
    assert len(listed) > 100, "the list of links for emails on /for-clinics/ is missing or nearly empty"
    missing = unregistered(listed)
    assert not missing, (
        f"/for-clinics/ tells clinics to use addresses missing from {REGISTRY.name}: {missing}; "
        "run: python scripts/update_url_registry.py"
    )


def test_an_address_listed_for_clinics_but_not_registered_is_named(site_copy):
    listed = '<div class="clinic-links"><p class="clinic-links__url"><code>{}starting-therapy/#paying</code></p></div>'
    inject(site_copy / "for-clinics" / "index.html", listed.format(SITE_URL))
    assert unregistered(clinic_list_entries(site_copy, SITE_URL)) == ["/starting-therapy/#paying"]
    assert "/starting-therapy/#paying" in published_entries(site_copy, SITE_URL)


def test_quiz_ids_count_as_published_addresses(site_copy):
    inject(site_copy / "structure" / "index.html", '<div class="quiz" data-quiz id="structure-new-question"></div>')
    assert "/structure/#structure-new-question" in published_entries(site_copy, SITE_URL)


def test_the_fragments_clinics_use_are_registered():
    sections = [f"{page}#{section}" for page in FACTOR_PAGES for section in FACTOR_SECTIONS]
    regions = [f"/get-help/#{region}" for region in CRISIS_REGIONS]
    assert not [entry for entry in sections + regions if entry not in ENTRIES]


def test_entries_are_site_paths_listed_once():
    assert all(entry.startswith("/") and " " not in entry for entry in ENTRIES)
    assert len(ENTRIES) == len(set(ENTRIES))


def committed_versions(relative: str) -> list[tuple[str, set[str]]]:
    """Every committed version of the registry: (commit, its entries)."""
    log = subprocess.run(
        ["git", "log", "--format=%h", "--", relative], cwd=REPO, capture_output=True, text=True
    )
    versions = []
    for commit in log.stdout.split():
        shown = subprocess.run(
            ["git", "show", f"{commit}:{relative}"], cwd=REPO, capture_output=True, text=True
        )
        if shown.returncode == 0:
            lines = {line.strip() for line in shown.stdout.splitlines()}
            versions.append((commit, {line for line in lines if line and not line.startswith("#")}))
    return versions


def test_no_entry_ever_committed_was_removed():
    """Append-only across the whole history, so a clean CI clone checks it too."""
    relative = REGISTRY.relative_to(REPO).as_posix()
    versions = committed_versions(relative)
    if not versions:
        pytest.skip(f"no committed {relative} to compare with")
    for commit, entries in versions:
        removed = sorted(entries - set(ENTRIES))
        assert not removed, f"{REGISTRY.name} is append-only; {commit} had {removed}: restore them"


def test_a_removed_page_is_named(site_copy):
    shutil.rmtree(site_copy / "expertise")
    assert resolve(site_copy, "/expertise/#research") == (
        "/expertise/#research: no page at /expertise/; add a redirect in mkdocs.yml"
    )


def test_a_removed_section_is_named(site_copy):
    page = site_copy / "relationship" / "index.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    del html.find(id="research")["id"]
    page.write_text(str(html), encoding="utf-8")
    assert resolve(site_copy, "/relationship/#research") == (
        "/relationship/#research: no #research on /relationship/; keep the old id on the page"
    )


@early_build
def moved_site(folder: Path) -> Build:
    """A build in which two old addresses redirect with mkdocs-redirects."""
    config = project_copy(
        folder / "project",
        redirects={"the-relationship.md": "relationship.md", "help/now.md": "get-help.md"},
    )
    return build_site(folder / "site", config=config)


def test_redirect_pages_are_followed_to_the_page_and_fragment(moved_site):
    assert resolve(moved_site.dir, "/the-relationship/") is None
    assert resolve(moved_site.dir, "/the-relationship/#research") is None
    assert resolve(moved_site.dir, "/help/now/") is None


def test_a_fragment_missing_after_a_redirect_is_named(moved_site):
    assert resolve(moved_site.dir, "/the-relationship/#no-such-section") == (
        "/the-relationship/#no-such-section: no #no-such-section on /relationship/; keep the old id on the page"
    )


@pytest.mark.parametrize(
    "redirects, message",
    [
        ({"help/now.md": "get-help.md#uk"}, "'help/now.md: get-help.md#uk' sends readers to a section, so their own "
         "#section is lost"),
        ({"structure.md": "relationship.md"}, "'structure.md: relationship.md' redirects from a page that still exists"),
    ],
)
def test_a_redirect_that_would_break_a_clinics_link_stops_the_build(tmp_path, redirects, message):
    config = project_copy(tmp_path / "project", redirects=redirects)
    build = build_site(tmp_path / "site", config=config, check=False)
    assert not build.ok and message in build.log


def test_update_appends_new_pages_and_never_removes(site, tmp_path):
    registry = tmp_path / "published-urls.txt"
    registry.write_text("# old comment\n/retired-page/\n/about/\n", encoding="utf-8")
    args = [str(site.dir), "--registry", str(registry), "--site-url", SITE_URL]
    assert update_registry([*args, "--check"]) == 1
    assert update_registry(args) == 0
    lines = registry.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["# old comment", "/retired-page/", "/about/"]
    assert lines.count("/about/") == 1 and "/relationship/" in lines
    assert "/starting-therapy/#cost" in lines, "sections listed on /for-clinics/ are added too"
    assert update_registry([*args, "--check"]) == 0
