"""Internal links, anchors and assets of the built site, checked offline by lychee
(scripts/check_links.py), and what `mkdocs build --strict` alone would catch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import mkdocs
import pytest

from check_links import Broken, CheckError, markdown, run_check
from tests.support.build import Build, build_site, inject
from tests.support.early import early_build
from tests.support.project import BOTH_EDITIONS_IN_THE_ENGLISH_RUN, REPO, SITE_URL, edition_env, effective_settings, project_copy

NOT_FOUND = "File not found. Check if file exists and path is correct"
NO_FRAGMENT = "Cannot find fragment"


def test_the_whole_site_has_no_broken_links(site):
    report = run_check(site.dir, SITE_URL)
    assert not report.broken, "\n".join(map(str, report.broken))
    assert report.total > 500, "lychee checked almost nothing: are the inputs right?"
    print(f"\ninternal link check: {report.total} links in {report.seconds:.2f} s")


# --- One defect of each kind, seeded into a copy of the built site -------------


def missing_page(site: Path) -> Broken:
    shutil.rmtree(site / "expertise")
    return Broken("/relationship/", "/expertise", NOT_FOUND)


def missing_anchor(site: Path) -> Broken:
    inject(site / "about" / "index.html", '<a href="../relationship/#no-such-section">x</a>')
    return Broken("/about/", "/relationship#no-such-section", NO_FRAGMENT)


def header_logo() -> str:
    """The image in the header of the copy being built: the clinic's logo, else the guide's."""
    clinic = effective_settings().extra["checked"]["clinic"]
    return clinic.logo if clinic and clinic.logo else "assets/images/logo.svg"


def missing_image(site: Path) -> Broken:
    (site / header_logo()).unlink()
    return Broken("/about/", "/" + header_logo(), NOT_FOUND)


def missing_image_in_css(site: Path) -> Broken:
    with open(site / "assets" / "css" / "site.css", "a", encoding="utf-8") as css:
        css.write(".x{background:url(../images/no-such-background.png)}")
    return Broken("/assets/css/site.css", "/assets/images/no-such-background.png", NOT_FOUND)


def broken_sitemap_entry(site: Path) -> Broken:
    sitemap = site / "sitemap.xml"
    entry = f"<url><loc>{SITE_URL}no-such-page/</loc></url></urlset>"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace("</urlset>", entry), encoding="utf-8")
    return Broken("/sitemap.xml", "/no-such-page", NOT_FOUND)


def broken_link_in_the_404_page(site: Path) -> Broken:
    root = urlsplit(SITE_URL).path  # the 404 page links from the site's root: / or /guide/
    inject(site / "404.html", f'<a href="{root}no-such-page/">x</a>')
    return Broken("/404.html", "/no-such-page", NOT_FOUND)


@pytest.mark.parametrize(
    "seed",
    [missing_page, missing_anchor, missing_image, missing_image_in_css, broken_sitemap_entry, broken_link_in_the_404_page],
)
def test_a_defect_seeded_into_the_built_site_is_caught(site_copy, seed):
    expected = seed(site_copy)
    assert expected in run_check(site_copy, SITE_URL).broken


@BOTH_EDITIONS_IN_THE_ENGLISH_RUN
def test_the_command_prints_page_link_and_reason(site_copy):
    missing_anchor(site_copy)
    result = subprocess.run(
        [sys.executable, "scripts/check_links.py", str(site_copy), "--site-url", SITE_URL],
        cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode == 1, result.stderr
    assert "/about/: /relationship#no-such-section (Cannot find fragment)" in result.stdout.splitlines()
    assert "1 broken links on 1 pages" in result.stdout


def test_the_command_fails_clearly_without_a_site(tmp_path):
    result = subprocess.run(
        [sys.executable, "scripts/check_links.py", str(tmp_path)], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "not a built site" in result.stderr


def test_the_markdown_report_for_the_weekly_issue():
    report = markdown([
        Broken("/references/", "https://gone.example.org/paper", "Rejected status code: 404 Not Found"),
        Broken("/about/", "/relationship#no-such-section", NO_FRAGMENT),
    ])
    assert report.splitlines() == [
        "- `/references/`: <https://gone.example.org/paper> (Rejected status code: 404 Not Found)",
        "- `/about/`: `/relationship#no-such-section` (Cannot find fragment)",
    ]


def test_a_site_built_for_another_address_is_refused(site):
    with pytest.raises(CheckError, match="built for another address"):
        run_check(site.dir, "https://clinic.example.org/guide/")


UNDER_A_PATH = "http://127.0.0.1:8000/guide/"


@early_build
def site_under_a_path(folder: Path) -> Build:
    """The site built for an address with a path (as on GitHub Pages without a domain of its own)."""
    return build_site(folder / "site", env=edition_env(UNDER_A_PATH), editions=True)


@BOTH_EDITIONS_IN_THE_ENGLISH_RUN
def test_a_site_published_under_a_path_resolves_root_links_there(site_under_a_path, tmp_path):
    assert not run_check(site_under_a_path.dir, UNDER_A_PATH).broken
    site = shutil.copytree(site_under_a_path.dir, tmp_path / "site")
    inject(site / "about" / "index.html", '<a href="/get-help/">root link that misses /guide/</a>')
    assert run_check(site, UNDER_A_PATH).broken == [Broken("/about/", "http://127.0.0.1:8000/get-help", NOT_FOUND)]


# --- The measure: seeded into the sources, what does each check catch? ---------
# All defects go into one copy of the project (one build); each uses its own
# made-up name, so a warning or a broken link is traced to the defect that made it.


def append(project: Path, page: str, markdown: str) -> None:
    with open(project / "docs" / page, "a", encoding="utf-8") as file:
        file.write(f"\n\n{markdown}\n")


def footer_link(project: Path) -> None:
    with open(project / "overrides" / "partials" / "page-footer.html", "a", encoding="utf-8") as file:
        file.write("<a href=\"{{ 'no-such-override-page/' | url }}\">a link in an override</a>\n")


def sitemap_with_extra_page(project: Path) -> None:
    template = (Path(mkdocs.__file__).parent / "templates" / "sitemap.xml").read_text(encoding="utf-8")
    extra = "<url><loc>{{ config.site_url }}no-such-sitemap-page/</loc></url>\n</urlset>"
    (project / "overrides" / "sitemap.xml").write_text(template.replace("</urlset>", extra), encoding="utf-8")


@dataclass
class SourceDefect:
    name: str
    marker: str  # the made-up name in the defect, found in its warning
    seed: Callable[[Path], None]
    strict_catches: bool
    lychee_reports: Broken | None


SOURCE_DEFECTS = [
    SourceDefect(
        "missing page, Markdown link", "no-such-md-page",
        lambda p: append(p, "about.md", "[gone](no-such-md-page.md)"),
        True, Broken("/about/", "/about/no-such-md-page.md", NOT_FOUND),
    ),
    SourceDefect(
        "missing page, raw HTML link", "no-such-html-page",
        lambda p: append(p, "about.md", '<a href="../no-such-html-page/">gone</a>'),
        False, Broken("/about/", "/no-such-html-page", NOT_FOUND),
    ),
    SourceDefect(
        "missing anchor, Markdown link", "no-such-md-section",
        lambda p: append(p, "about.md", "[gone](relationship.md#no-such-md-section)"),
        True, Broken("/about/", "/relationship#no-such-md-section", NO_FRAGMENT),
    ),
    SourceDefect(
        "missing anchor, raw HTML link", "no-such-html-section",
        lambda p: append(p, "about.md", '<a href="../relationship/#no-such-html-section">gone</a>'),
        False, Broken("/about/", "/relationship#no-such-html-section", NO_FRAGMENT),
    ),
    SourceDefect(
        "missing image, Markdown image", "no-such-image",
        lambda p: append(p, "about.md", "![gone](assets/images/no-such-image.png)"),
        True, Broken("/about/", "/about/assets/images/no-such-image.png", NOT_FOUND),
    ),
    SourceDefect(
        "missing image, theme logo deleted", "logo.svg",
        lambda p: (p / "docs" / "assets" / "images" / "logo.svg").unlink(),
        False, Broken("/about/", "/assets/images/logo.svg", NOT_FOUND),
    ),
    SourceDefect(
        "broken link in an override (page footer partial)", "no-such-override-page",
        footer_link,
        False, Broken("/about/", "/no-such-override-page", NOT_FOUND),
    ),
    SourceDefect(
        "broken sitemap entry (sitemap.xml override)", "no-such-sitemap-page",
        sitemap_with_extra_page,
        False, Broken("/sitemap.xml", "/no-such-sitemap-page", NOT_FOUND),
    ),
    SourceDefect(
        "redirect to a missing page (mkdocs-redirects)", "no-such-redirect-target",
        lambda p: None,
        True, None,
    ),
]
# A clinic's copy shows its own logo in the header, so deleting the guide's breaks nothing there
# (a missing clinic logo stops the build at the settings check: tests/sitefeatures/clinic/test_clinic.py).
if header_logo() != "assets/images/logo.svg":
    SOURCE_DEFECTS = [defect for defect in SOURCE_DEFECTS if defect.marker != "logo.svg"]
REDIRECTS = {"old-page.md": "no-such-redirect-target.md"}


@early_build
def seeded(folder: Path) -> tuple[str, list[Broken]]:
    """One lenient build of a project copy holding every source defect: (log, broken links)."""
    config = project_copy(folder / "project", redirects=REDIRECTS)
    for defect in SOURCE_DEFECTS:
        defect.seed(config.parent)
    log = build_site(folder / "site", config, strict=False).log
    return log, run_check(folder / "site", SITE_URL).broken


@BOTH_EDITIONS_IN_THE_ENGLISH_RUN
@pytest.mark.parametrize("defect", SOURCE_DEFECTS, ids=lambda defect: defect.name)
def test_what_strict_mkdocs_and_lychee_each_catch(seeded, defect):
    log, broken = seeded
    warned = any(line.startswith("WARNING") and defect.marker in line for line in log.splitlines())
    assert warned == defect.strict_catches, log
    reported = [item for item in broken if defect.marker in item.link]
    if defect.lychee_reports:
        assert defect.lychee_reports in reported, "\n".join(map(str, broken))
    else:
        assert not reported, "\n".join(map(str, reported))
