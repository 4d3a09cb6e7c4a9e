"""Shared fixtures: one strict build per test session, parsed pages, a local
server for the built site and a headless Chromium for the browser tests."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

# The configuration being built: the repository's mkdocs.yml, with a clinic's settings in a clinic's
# copy, and SITE_URL when set (a GitHub Pages sub-path such as https://clinic.github.io/guide/).
CONFIG_FILE = REPO / "mkdocs.yml"
SITE_URL = os.environ.get("SITE_URL") or "http://127.0.0.1:8000/"
SITE_URL = SITE_URL if SITE_URL.endswith("/") else SITE_URL + "/"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "SITE_URL": SITE_URL}
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@dataclass
class Build:
    """A finished build: where it went and what MkDocs printed."""

    dir: Path
    log: str
    ok: bool = True
    settings: object = None

    def html(self, url: str) -> str:
        """The HTML of the page at a site URL such as '/relationship/'."""
        path = self.dir / url.lstrip("/")
        if url.endswith("/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        return parse(self.html(url))


def parse(html: str) -> BeautifulSoup:
    """Parse HTML with a real parser."""
    return BeautifulSoup(html, "html.parser")


def build_site(
    dest: Path, config: Path | None = None, env: dict | None = None, check: bool = True, strict: bool = True
) -> Build:
    """Run a MkDocs build (strict unless told) into dest; fail the test on error (unless check=False)."""
    mode = "--strict" if strict else "--no-strict"
    cmd = [sys.executable, "-m", "mkdocs", "build", mode, "--clean", "-d", str(dest)]
    if config:
        cmd += ["-f", str(config)]
    result = subprocess.run(
        cmd, cwd=REPO, env={**BUILD_ENV, **(env or {})}, capture_output=True, text=True, timeout=300
    )
    log = result.stdout + result.stderr
    if result.returncode and check:
        pytest.fail(f"mkdocs build failed:\n{log}")
    return Build(dest, log, ok=not result.returncode)


@functools.lru_cache(maxsize=None)  # a configuration is loaded once per test run
def effective_settings(config_file: Path = CONFIG_FILE, site_url: str = SITE_URL):
    """A configuration's settings as its build checks them: ``.extra.checked`` holds the clinic
    (or None), the crisis regions in order and the regions in the bar."""
    from sitefeatures.settings import load_config

    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = site_url
    try:
        return load_config(config_file)
    finally:
        if previous is None:
            os.environ.pop("SITE_URL")
        else:
            os.environ["SITE_URL"] = previous


@pytest.fixture(scope="session")
def settings():
    """The effective settings of the configuration being built (see effective_settings)."""
    return effective_settings()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The whole site, built once per test session with --strict."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture
def site_copy(site, tmp_path) -> Path:
    """A private copy of the built site that a test may damage."""
    dest = tmp_path / "site"
    shutil.copytree(site.dir, dest)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


class _SubPathHandler(_QuietHandler):
    """Serves the site under its own path (/guide/ on https://clinic.github.io/guide/), as Pages does."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path[len(self.prefix):])


@pytest.fixture(scope="session")
def served_site(site):
    """The built site served on 127.0.0.1 at a free port, under site_url's path; yields its base URL."""
    prefix = urlsplit(SITE_URL).path or "/"
    handler_class = type("Handler", (_SubPathHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    server.shutdown()


def find_chromium() -> str | None:
    """Debian's Chromium (or the path in $CHROMIUM), if installed."""
    candidates = [os.environ.get("CHROMIUM", ""), *CHROMIUM_CANDIDATES]
    return next((path for path in candidates if path and Path(path).exists()), None)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by Playwright; skips (or fails under CI) when missing."""
    path = find_chromium()
    if not path:
        message = (
            "No Chromium found. Install Debian's package (sudo apt-get install chromium) "
            "or set CHROMIUM=/path/to/chrome to run the browser tests."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# A clinic's copy: the sample settings a clinic would put under extra: in mkdocs.yml.
SAMPLE_CLINIC = {
    "clinic": {
        "name": "Elmbridge Counselling Service",
        "url": "https://www.elmbridge-counselling.example/",
        "phone": "020 7946 0000",
        "email": "hello@elmbridge-counselling.example",
        "logo": "assets/images/logo.svg",
    },
    "crisis_region": "uk",
    "crisis_bar": [],
    "crisis_overrides": {
        "uk": {"lines": [{"name": "Elmbridge crisis team", "call": "020 7946 0999", "when": "Every day, 8am to 8pm.",
                          "checked": "2026-12-05"}]},
    },
}
CLINIC_SITE_URL = "https://guide.elmbridge-counselling.example/"
NOT_LINKED = {".git", ".venv", "site", "mkdocs.yml", ".pytest_cache", ".hypothesis"}


def clinic_config(folder: Path, extra: dict) -> Path:
    """A mkdocs.yml in folder that inherits the real one and adds a clinic's extra: values.

    Paths in an inherited config are read from the new file's folder, so the project's
    files (docs/, overrides/, ...) are linked in beside it."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    for entry in REPO.iterdir():
        if entry.name not in NOT_LINKED and not (folder / entry.name).exists():
            (folder / entry.name).symlink_to(entry)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump({"INHERIT": str(REPO / "mkdocs.yml"), "extra": extra}), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def clinic_site(tmp_path_factory) -> Build:
    """The sample clinic's copy, built once per session at its own custom domain; ``.settings``
    holds its effective settings (the sample's values over this repository's mkdocs.yml)."""
    folder = tmp_path_factory.mktemp("clinic")
    config = clinic_config(folder / "project", SAMPLE_CLINIC)
    build = build_site(folder / "site", config=config, env={"SITE_URL": CLINIC_SITE_URL})
    build.settings = effective_settings(config, CLINIC_SITE_URL)
    return build
