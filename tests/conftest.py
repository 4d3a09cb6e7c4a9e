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

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
BUILD_ENV.pop("SITE_URL", None)  # tests build for the default local address
SITE_URL = "http://127.0.0.1:8000/"
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


def build_site(dest: Path, config: Path | None = None, env: dict | None = None) -> Build:
    """Run a strict MkDocs build into dest and return it; fail the test on error."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)]
    if config:
        cmd += ["-f", str(config)]
    result = subprocess.run(
        cmd, cwd=REPO, env={**BUILD_ENV, **(env or {})}, capture_output=True, text=True, timeout=300
    )
    log = result.stdout + result.stderr
    if result.returncode:
        pytest.fail(f"mkdocs build failed:\n{log}")
    return Build(dest, log)


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


@pytest.fixture(scope="session")
def served_site(site):
    """The built site served on 127.0.0.1 at a free port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
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
