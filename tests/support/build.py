"""Building a site: ``build_site`` is the one way tests build (the repository, a project copy or
a small test project), and ``Build`` is what a build left behind."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_urls import sitemap_paths
from sitefeatures.edition_builds import configured_languages
from sitefeatures.editions import edition
from sitefeatures.sitemap_alternates import add_alternates
from tests.support.project import EDITION, REPO, edition_env

BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **edition_env()}
TIMEOUT = 300  # seconds: a build that hangs fails its test instead of the whole run


def parse(html: str) -> BeautifulSoup:
    """Parse HTML with a real parser."""
    return BeautifulSoup(html, "html.parser")


@dataclass(eq=False)
class Build:
    """A finished build: where it went and what MkDocs printed."""

    dir: Path
    log: str
    ok: bool = True
    config: Path | None = None  # the mkdocs.yml built (None: the repository's)
    settings: object = None

    def html(self, url: str) -> str:
        """The HTML of the page at a site URL such as '/relationship/'."""
        path = self.dir / url.lstrip("/")
        if url.endswith("/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        """The page at a site URL, parsed anew (the caller may change it)."""
        return parse(self.html(url))

    @functools.cached_property
    def pages(self) -> dict[str, BeautifulSoup]:
        """Every page of the sitemap, parsed once per build and shared: {url: soup}.
        Read them only; a test that cuts parts out works on ``copy.copy`` of a page."""
        return {url: self.soup(url) for url in sitemap_paths(self.dir)}


def build_site(
    dest: Path, config: Path | None = None, env: dict | None = None, check: bool = True, strict: bool = True,
    editions: bool = False,
) -> Build:
    """Build a site with MkDocs into dest: the configuration under test, or config (a project copy's
    or a small test project's), strict unless told, with more environment variables from env.
    With editions, the other language editions that extra.languages lists are built too, each into
    its folder of dest (dest/es/), as `make build` does; the Build is the edition under test.
    A failed build fails the test, unless check=False (then ``.ok`` is False and ``.log`` says why)."""
    env = {**BUILD_ENV, **(env or {})}
    if config is None:  # the repository: English at the root, the edition under test in its folder
        runs = [(REPO / "mkdocs.yml", dest)]
        if editions or EDITION != "en":
            runs += [(REPO / edition(language).config_file, dest / edition(language).path)
                     for language in configured_languages(REPO / "mkdocs.yml")[1:]]
        built = dest / edition(EDITION).path
    else:  # a copy whose mkdocs.yml inherits the configuration under test
        runs = [(config, dest)]
        if editions and EDITION == "en":
            runs += [(config.parent / edition(language).config_file, dest / edition(language).path)
                     for language in configured_languages(config)[1:]]
        built = dest
    mode = "--strict" if strict else "--no-strict"
    log, ok = "", True
    for config_file, folder in runs:
        command = [sys.executable, "-m", "mkdocs", "build", mode, "--clean", "-d", str(folder), "-f", str(config_file)]
        result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=TIMEOUT)
        log += result.stdout + result.stderr
        ok = ok and not result.returncode
        if not ok:
            break
    if ok and len(runs) > 1:  # as `python -m sitefeatures editions` ends
        root = env["SITE_URL"] if env["SITE_URL"].endswith("/") else env["SITE_URL"] + "/"
        add_alternates(dest, root, [edition(language) for language in configured_languages(runs[0][0])])
    if not ok and check:
        pytest.fail(f"mkdocs build failed:\n{log}")
    return Build(built, log, ok=ok, config=config)


def site_built_by_make() -> Build | None:
    """The site that `make test` or `make check` has just built for this configuration, when it
    says so (BUILT_SITE: the folder, BUILT_SITE_LOG: what the build printed); else None."""
    folder, log = os.environ.get("BUILT_SITE"), os.environ.get("BUILT_SITE_LOG")
    if not folder:
        return None
    folder = (Path(folder) / edition(EDITION).path).resolve()
    if not (folder / "index.html").is_file() or not log or not Path(log).is_file():
        pytest.fail(
            f"BUILT_SITE={folder} with BUILT_SITE_LOG={log}: no built site with its build log there. "
            "Run `make build` first, or unset BUILT_SITE to let the tests build their own site."
        )
    return Build(folder, Path(log).read_text(encoding="utf-8"))


def inject(page: Path, html: str) -> None:
    """Add raw HTML at the end of a built page's body (a defect seeded into a copy of a built site)."""
    text = page.read_text(encoding="utf-8")
    assert "</body>" in text, page
    page.write_text(text.replace("</body>", html + "</body>", 1), encoding="utf-8")
