"""The reader-facing features, checked on the site as each engine builds it: MkDocs and Zensical.

Zensical runs no MkDocs plugins, so its build is ``zensical build`` followed by
``python -m sitefeatures finish --engine zensical`` (what ``make build ENGINE=zensical`` runs).
Its site must lie inside the project, so it builds in a copy of the project.
"""

from __future__ import annotations

import copy
import functools
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from selfcheck.parser import parse_page
from sitefeatures.csp.theme_scripts import source_hash
from sitefeatures.review_dates import as_date
from sitefeatures.words import in_words
from tests.support.build import BUILD_ENV, Build
from tests.support.clinic import CLINIC_SITE_URL, SAMPLE_CLINIC
from tests.support.project import BOTH_EDITIONS_IN_THE_ENGLISH_RUN, REPO, SITE_URL, edition_env, effective_settings, project_copy

pytestmark = BOTH_EDITIONS_IN_THE_ENGLISH_RUN

ENGINES = ("mkdocs", "zensical")


def zensical_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("zensical")
    except Exception:
        return None


def build_with_zensical(folder, extra: dict | None, site_url: str, check: bool = True) -> Build:
    """A Zensical build of a project copy (made with extra: settings added unless folder holds one),
    finished as make does;
    with check=False a failed build is returned (``ok`` false) instead of failing the test."""
    if zensical_version() is None:
        message = "Zensical is not installed: make test installs it from requirements (the test lock)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    config = folder / "mkdocs.yml" if (folder / "mkdocs.yml").exists() else project_copy(folder, extra=extra)
    env = {**BUILD_ENV, **edition_env(site_url), "NO_COLOR": "1"}
    log = ""
    for command in ([sys.executable, "-m", "zensical", "build", "--clean"],
                    [sys.executable, "-m", "sitefeatures", "finish", "--engine", "zensical", "-f", "mkdocs.yml"],
                    [sys.executable, "-m", "sitefeatures", "editions", "--engine", "zensical", "-f", "mkdocs.yml"]):
        result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=300)
        log += result.stdout + result.stderr
        if "failed to extract field Project.extra" in log:
            pytest.xfail(f"Zensical {zensical_version()} cannot hand a YAML date under extra: (such as a crisis "
                         "override's checked: 2026-12-05) to its templates; the configuration has one")
        if result.returncode and not check:
            return Build(folder / "site", log, ok=False)
        if result.returncode:
            pytest.fail(f"{' '.join(command[2:4])} failed:\n{log[-4000:]}")
    return Build(folder / "site", log, settings=effective_settings(config, site_url))


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Build:
    return build_with_zensical(tmp_path_factory.mktemp("zensical") / "project", None, SITE_URL)


@pytest.fixture(scope="session")
def zensical_clinic_site(tmp_path_factory) -> Build:
    return build_with_zensical(tmp_path_factory.mktemp("zensical-clinic") / "project", SAMPLE_CLINIC,
                               CLINIC_SITE_URL)


@pytest.fixture(scope="session")
def mkdocs_site(site, settings) -> Build:
    site.settings = site.settings or settings
    return site


@pytest.fixture(params=ENGINES)
def engine_site(request) -> Build:
    """The configuration being built, by each engine in turn."""
    return request.getfixturevalue(f"{request.param}_site")


@pytest.fixture(params=ENGINES)
def engine_clinic_site(request) -> Build:
    """The sample clinic's copy, by each engine in turn."""
    name = "clinic_site" if request.param == "mkdocs" else "zensical_clinic_site"
    return request.getfixturevalue(name)


def known_gap(request, engine: str, what: str) -> None:
    """Mark the running test as a known gap of an engine: it must fail there (strict xfail)."""
    if engine == "zensical":
        request.applymarker(pytest.mark.xfail(
            strict=True, reason=f"Zensical {zensical_version()}: {what}"))


# --- What the tests read -----------------------------------------------------------------------


def pages(build: Build) -> dict[str, BeautifulSoup]:
    """Every page a reader can open: the sitemap's (parsed once per build, ``Build.pages``) and 404."""
    return {**build.pages, "/404.html": not_found(build)}


@functools.lru_cache(maxsize=None)
def not_found(build: Build) -> BeautifulSoup:
    return build.soup("/404.html")


def reader_pages(build: Build) -> dict[str, BeautifulSoup]:
    """The pages made from Markdown files (every page of the sitemap)."""
    return build.pages


def source_of(url: str) -> Path:
    """The Markdown file of a page URL such as '/relationship/'."""
    stem = url.strip("/") or "index"
    path = REPO / "docs" / f"{stem}.md"
    return path if path.exists() else REPO / "docs" / stem / "index.md"


def checked(build: Build) -> dict:
    return build.settings.extra["checked"]


def bar_numbers(build: Build) -> list[tuple[str, str]]:
    return [(region.bar.call, region.bar.tel) for region in checked(build)["crisis"]["bar"]]


# --- Crisis help ---------------------------------------------------------------------------------


def test_every_page_has_the_crisis_bar_with_its_numbers(engine_site):
    expected = bar_numbers(engine_site)
    assert expected, "the configuration has no number in the bar"
    for url, soup in reader_pages(engine_site).items():
        bar = soup.select_one(".crisis-bar")
        assert bar is not None, f"{url}: no crisis bar"
        links = [(a.get_text(strip=True), a["href"]) for a in bar.select("a[href^='tel:']")]
        assert links == expected, f"{url}: crisis bar shows {links}, settings say {expected}"


def test_the_404_page_has_the_crisis_bar_with_its_numbers(engine_site, request):
    engine = "zensical" if engine_site.dir.parent.name == "project" else "mkdocs"
    known_gap(request, engine, "a page that has no Markdown (404) gets no page data from a Markdown "
              "extension, and templates cannot read the checked settings; the bar shows 'Get help now' only")
    bar = pages(engine_site)["/404.html"].select_one(".crisis-bar")
    links = [(a.get_text(strip=True), a["href"]) for a in bar.select("a[href^='tel:']")]
    assert links == bar_numbers(engine_site)


def test_get_help_lists_every_line_with_the_day_it_was_checked(engine_site):
    page = reader_pages(engine_site)["/get-help/"]
    article = page.select_one("article")
    for region in checked(engine_site)["crisis"]["regions"]:
        heading = article.select_one(f"h2#{region.id}")
        assert heading is not None, f"/get-help/: no section for {region.name}"
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section += sibling.select("li") if sibling.name in ("ul", "ol") else []
        for line in region.lines:
            item = next((li for li in section if line.name in li.get_text()), None)
            assert item is not None, f"/get-help/: {line.name} is not listed"
            assert f"Checked {line.checked_words}." in item.get_text(" ", strip=True)
            if line.call:
                assert item.select_one(f'a[href="{line.tel}"]'), f"{line.name}: no {line.tel} link"


# --- A clinic's copy -----------------------------------------------------------------------------


def test_a_clinics_copy_shows_its_box_and_footer_on_every_page(engine_clinic_site):
    clinic = checked(engine_clinic_site)["clinic"]
    for url, soup in reader_pages(engine_clinic_site).items():
        box = soup.select_one(".clinic-box")
        assert box is not None, f"{url}: no clinic box"
        assert clinic.name in box.get_text() and box.select_one(f'a[href="{clinic.tel}"]'), url
        assert clinic.name in soup.select_one(".md-copyright").get_text(), f"{url}: footer does not name the clinic"


def test_a_clinics_copy_leads_with_its_own_crisis_line(engine_clinic_site):
    page = reader_pages(engine_clinic_site)["/get-help/"]
    first = checked(engine_clinic_site)["crisis"]["regions"][0]
    assert page.select("article h2[id]")[0]["id"] == first.id
    assert first.lines[0].name in page.select_one("article").get_text()


def test_a_clinics_name_is_in_the_header_and_title(engine_clinic_site, request):
    engine = "zensical" if engine_clinic_site.dir.parent.name == "project" else "mkdocs"
    known_gap(request, engine, "the header and <title> print config.site_name, which only the MkDocs "
              "plugin can prefix with the clinic's name")
    name = checked(engine_clinic_site)["clinic"].name
    for url, soup in reader_pages(engine_clinic_site).items():
        assert name in soup.select_one(".md-header__topic").get_text(), url
        assert name in soup.title.get_text(), url


# --- Quizzes, glossary, review dates, print ---------------------------------------------------------


def test_every_quiz_renders_with_its_assets(engine_site):
    for url, soup in reader_pages(engine_site).items():
        expected = len(parse_page(source_of(url).read_text(encoding="utf-8")))
        quizzes = soup.select("[data-quiz]")
        assert len(quizzes) == expected, f"{url}: {expected} quizzes in the Markdown, {len(quizzes)} rendered"
        assets = [tag.get("src") or tag.get("href") for tag in soup.select("script[src], link[rel=stylesheet]")
                  if "/selfcheck/" in urljoin("/x" + url, tag.get("src") or tag.get("href"))]
        if not quizzes:
            assert not assets, f"{url}: quiz assets on a page without a quiz"
            continue
        assert len(assets) == 2, f"{url}: quiz CSS and JavaScript not linked ({assets})"
        for asset in assets:
            target = urljoin(url, asset).lstrip("/")
            assert (engine_site.dir / target).is_file(), f"{url}: {asset} is missing"


def test_glossary_terms_have_a_tooltip_and_the_first_use_takes_focus(engine_site):
    terms = 0
    for url, soup in reader_pages(engine_site).items():
        seen = set()
        for abbr in soup.select("article abbr[title]"):
            assert abbr["title"].strip(), f"{url}: empty tooltip for {abbr.get_text()}"
            if abbr.get_text() not in seen and not abbr.find_parent(["a", "button", "label", "summary", "h1", "h2", "h3", "h4", "h5", "h6"]):
                seen.add(abbr.get_text())
                assert abbr.get("tabindex") == "0", f"{url}: the first '{abbr.get_text()}' cannot take focus"
        terms += len(seen)
    assert terms > 50, f"only {terms} glossary terms found across the site"


def test_every_page_says_when_it_was_reviewed(engine_site):
    import yaml

    for url, soup in reader_pages(engine_site).items():
        text = source_of(url).read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1])
        review = soup.select_one(".page-notes__review")
        assert review is not None, f"{url}: no review dates"
        days = [time["datetime"] for time in review.select("time")]
        assert days == [as_date(meta["last_reviewed"]).isoformat(), as_date(meta["next_review"]).isoformat()]
        assert in_words(as_date(meta["last_reviewed"])) in review.get_text()


def test_every_page_prints_its_address_and_a_qr_code(engine_site):
    for url, soup in reader_pages(engine_site).items():
        handout = soup.select_one(".print-handout")
        assert handout is not None and handout.select_one("svg"), f"{url}: no QR code for print"
        address = handout.select_one(".print-handout__url").get_text()
        assert address == urljoin(SITE_URL if "clinic" not in str(engine_site.dir) else CLINIC_SITE_URL, url.lstrip("/"))
        markdown_targets = [a["data-print-href"] for a in soup.select("[data-print-href*='.md']")]
        assert not markdown_targets, f"{url}: prints Markdown file names, not addresses: {markdown_targets[:3]}"
        outside = [a for a in soup.select("article a[href^='http']") if not a.get("data-print-href")]
        for link in outside:
            shown = link.get_text().lower().removeprefix("www.")
            assert shown.rstrip("/") in link["href"].lower(), f"{url}: '{link.get_text()}' prints no address"


# --- Privacy and security --------------------------------------------------------------------------


def test_every_page_has_a_policy_covering_each_inline_script(engine_site):
    for url, soup in pages(engine_site).items():
        meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert meta is not None, f"{url}: no Content-Security-Policy"
        policy = dict(part.strip().split(" ", 1) for part in meta["content"].split(";"))
        assert "'unsafe-inline'" not in policy["script-src"]
        for script in soup.select("script:not([src])"):
            if script.get("type", "text/javascript") not in ("text/javascript", "module", "application/javascript"):
                continue  # data, not a script (Material's __config JSON)
            assert source_hash(script.string or "") in policy["script-src"], f"{url}: inline script not allowed"
        handlers = [tag.name for tag in soup.find_all(True) if any(name.startswith("on") for name in tag.attrs)]
        assert not handlers, f"{url}: inline event handlers on {handlers}"


def test_no_page_asks_another_host_for_anything(engine_site):
    own = urlsplit(SITE_URL).netloc
    for url, soup in pages(engine_site).items():
        for tag in soup.select("script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src]"):
            address = tag.get("src") or tag.get("href")
            if tag.name == "link" and set(tag.get("rel", [])) & {"canonical", "alternate"}:
                continue
            host = urlsplit(address).netloc
            assert not host or host == own, f"{url}: <{tag.name}> loads {address}"


def test_every_link_and_anchor_resolves(engine_site):
    result = subprocess.run([sys.executable, "scripts/check_links.py", str(engine_site.dir)], cwd=REPO,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "SITE_URL": SITE_URL if "clinic" not in str(engine_site.dir) else CLINIC_SITE_URL})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


# --- The same guide from both engines --------------------------------------------------------------


def article_outline(soup: BeautifulSoup) -> tuple[list[str], list[str]]:
    """What a reader gets from a page's article: its words, and the ids links can point at."""
    article = copy.copy(soup.select_one("article"))
    for tag in article.select(".headerlink, .md-source-file, .print-handout, script, style"):
        tag.decompose()
    words = re.findall(r"\w+", article.get_text(" "))
    ids = [tag["id"] for tag in article.select("[id]") if not tag["id"].startswith("__")]
    return words, ids


def test_both_engines_write_the_same_article_on_every_page(mkdocs_site, zensical_site):
    ours, theirs = reader_pages(mkdocs_site), reader_pages(zensical_site)
    assert sorted(ours) == sorted(theirs), "the engines built different pages"
    differences = []
    for url in ours:
        (words_m, ids_m), (words_z, ids_z) = article_outline(ours[url]), article_outline(theirs[url])
        if ids_m != ids_z:
            differences.append(f"{url}: ids only in MkDocs {sorted(set(ids_m) - set(ids_z))[:5]}, "
                               f"only in Zensical {sorted(set(ids_z) - set(ids_m))[:5]}")
        if words_m != words_z:
            at = next(i for i, pair in enumerate(zip(words_m + [""], words_z + [""])) if pair[0] != pair[1])
            differences.append(f"{url}: text differs at word {at}: MkDocs '{' '.join(words_m[at:at + 8])}', "
                               f"Zensical '{' '.join(words_z[at:at + 8])}'")
    assert not differences, "\n".join(differences)


# --- Wrong settings stop either build -----------------------------------------------------------


@pytest.mark.parametrize("change, message", [
    ({"clinic": {**SAMPLE_CLINIC["clinic"], "phone": "020 7946 O000"}},
     "extra.clinic.phone is '020 7946 O000'. Use digits and spaces only"),
    ({"crisis_region": "eu"}, "extra.crisis_region is 'eu'. Use one of"),
])
def test_a_wrong_setting_stops_the_zensical_build_naming_it(tmp_path, change, message):
    build = build_with_zensical(tmp_path / "project", change, SITE_URL, check=False)
    assert not build.ok and message in build.log, build.log[-2000:]
    assert not (build.dir / "get-help" / "index.html").exists(), "a page was published despite the mistake"


def test_a_wrong_review_date_stops_the_zensical_build_naming_the_page(tmp_path):
    folder = tmp_path / "project"
    project_copy(folder)
    page = folder / "docs" / "about.md"
    page.write_text(re.sub(r"(?m)^last_reviewed: .*$", "last_reviewed: 2026-13-01", page.read_text()), encoding="utf-8")
    build = build_with_zensical(folder, None, SITE_URL, check=False)
    assert not build.ok and "about.md: front matter last_reviewed is '2026-13-01', not a date" in build.log, build.log[-2000:]
