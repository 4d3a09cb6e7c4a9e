"""Shared fixtures: one strict build of the site per test session (the one `make` has just built,
when it says so), the sample clinic's copy, the builds started early (tests/support/early.py), a
local server for the built site and a headless Chromium for the browser tests. Helpers live in
tests/support/."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.build import Build, build_site, site_built_by_make
from tests.support.chromium import CHROMIUM_ARGS, find_chromium
from tests.support.clinic import CLINIC_SITE_ROOT, CLINIC_SITE_URL, SAMPLE_CLINIC
from tests.support.early import EarlyBuilds, early_build, in_order_of_use
from tests.support.project import SITE_URL, edition_env, effective_settings, project_copy

BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items):
    """Every test in tests/browser/ needs Chromium: mark it, so `-m "not browser"` leaves it out,
    and run those files last, after the quick tests (whose early builds are done by then)."""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: BROWSER_TESTS in item.path.parents)


@pytest.fixture(scope="session", autouse=True)
def early_builds(request, tmp_path_factory):
    """Starts the early builds that the selected tests need (see tests/support/early.py)."""
    builds = EarlyBuilds(in_order_of_use(request.session.items), tmp_path_factory)
    yield builds
    builds.close()


@pytest.fixture(scope="session")
def settings():
    """The effective settings of the configuration being built (see effective_settings)."""
    return effective_settings()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The whole site, built once per test session with --strict (or the site/ make has just built)."""
    return site_built_by_make() or build_site(tmp_path_factory.mktemp("site") / "site", editions=True)


@pytest.fixture
def site_copy(site, tmp_path) -> Path:
    """A private copy of the built site that a test may damage."""
    dest = tmp_path / "site"
    shutil.copytree(site.dir, dest)
    return dest


@early_build
def clinic_build(folder: Path) -> Build:
    """The sample clinic's copy, built at its own custom domain."""
    config = project_copy(folder / "project", extra=SAMPLE_CLINIC)
    return build_site(folder / "site", config=config, env=edition_env(CLINIC_SITE_ROOT), editions=True)


@pytest.fixture(scope="session")
def clinic_site(clinic_build) -> Build:
    """The sample clinic's copy, built once per session; ``.settings`` holds its effective settings
    (the sample's values over this repository's mkdocs.yml)."""
    clinic_build.settings = effective_settings(clinic_build.config, CLINIC_SITE_URL)
    return clinic_build


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
