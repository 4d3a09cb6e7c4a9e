"""The repository, the configuration under test and throwaway copies of the project.

``project_copy`` is the one way tests make a copy of the project to build with other
settings or with seeded defects: docs/ and overrides/ are copied (free to damage), everything
else the build reads is linked, and a mkdocs.yml inherits the real one."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest
import yaml

from site_urls import read_config
from sitefeatures.editions import edition
from sitefeatures.words import LANGUAGES, words

REPO = Path(__file__).resolve().parents[2]

# The configuration being built: the repository's mkdocs.yml, with a clinic's settings in a clinic's
# copy, and SITE_URL when set (a GitHub Pages sub-path such as https://clinic.github.io/guide/).
# EDITION=es tests the Spanish edition instead: mkdocs.es.yml, at es/ under the site's address.
EDITION = os.environ.get("EDITION") or "en"
SITE_ROOT = os.environ.get("SITE_URL") or "http://127.0.0.1:8000/"
SITE_ROOT = SITE_ROOT if SITE_ROOT.endswith("/") else SITE_ROOT + "/"
CONFIG_FILE = REPO / edition(EDITION).config_file
SITE_URL = SITE_ROOT + edition(EDITION).path
# The words the site writes around pages in the edition under test (sitefeatures/words.py).
SAID = words(EDITION)

# For a test of the build's machinery on its own copy of the project (seeded defects, the other
# engine, a site under a path, the link checker's output): the same code builds every edition, and
# where it matters the English run's copy publishes both (the engines, the site under a path), so
# the run on another edition (EDITION=es) leaves it out rather than repeat it.
BOTH_EDITIONS_IN_THE_ENGLISH_RUN = pytest.mark.skipif(
    EDITION != "en", reason="a test of the build's machinery on its own copy: the English run covers every edition")


def edition_env(site_root: str = SITE_ROOT) -> dict[str, str]:
    """The addresses a build reads: SITE_URL (the site's root) and each edition's (SITE_URL_ES)."""
    return {"SITE_URL": site_root, **{f"SITE_URL_{language.upper()}": site_root + edition(language).path
                                      for language in LANGUAGES if language != "en"}}


def edition_folder(path: str) -> str:
    """The edition folder that a path relative to the site is in: 'es/', or '' for the main edition."""
    first = path.split("/", 1)[0] + "/"
    return first if first in {edition(language).path for language in LANGUAGES if language != "en"} else ""


COPIED = ("docs", "docs-es", "overrides")
COPIED_FILES = ("mkdocs.es.yml",)
# .cache and .make are the repository's own (zensical build --clean empties a project's .cache).
NOT_LINKED = {".git", ".venv", "site", "mkdocs.yml", ".pytest_cache", ".hypothesis", "__pycache__", ".cache", ".make"}


def project_copy(
    dest: Path, *, extra: dict | None = None, redirects: dict[str, str] | None = None, config_text: str | None = None
) -> Path:
    """Lay out a copy of the project in dest; return its mkdocs.yml.

    The mkdocs.yml inherits the repository's (paths in it are read from dest, where the project's
    files are), adds ``extra`` values (merged into extra:, as a clinic's settings) and ``redirects``
    (added to the redirects plugin's redirect_maps). ``config_text`` replaces it with a whole file."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in REPO.iterdir():
        if entry.name in COPIED:
            shutil.copytree(entry, dest / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        elif entry.name in COPIED_FILES:
            shutil.copy2(entry, dest / entry.name)
        elif entry.name not in NOT_LINKED and not entry.name.startswith(".zensical."):  # made per build
            (dest / entry.name).symlink_to(entry)
    path = dest / "mkdocs.yml"
    if config_text is None:
        config = {"INHERIT": str(CONFIG_FILE)}
        if extra:
            config["extra"] = extra
        if redirects:
            config["plugins"] = plugins_with_redirects(redirects)
        config_text = yaml.safe_dump(config, sort_keys=False)
    path.write_text(config_text, encoding="utf-8")
    return path


def plugins_with_redirects(redirects: dict[str, str]) -> list:
    """The real plugins list with redirects added (INHERIT replaces lists whole)."""
    plugins = read_config(CONFIG_FILE)["plugins"]
    for index, plugin in enumerate(plugins):
        if plugin == "redirects" or (isinstance(plugin, dict) and "redirects" in plugin):
            options = (plugin["redirects"] if isinstance(plugin, dict) else None) or {}
            options["redirect_maps"] = {**(options.get("redirect_maps") or {}), **redirects}
            plugins[index] = {"redirects": options}
            return plugins
    raise AssertionError("mkdocs.yml has no redirects plugin")


@functools.cache  # a configuration is loaded once per test run
def effective_settings(config_file: Path = CONFIG_FILE, site_url: str = SITE_URL):
    """A configuration's settings as its build checks them: ``.extra.checked`` holds the clinic
    (or None), the crisis regions in order and the regions in the bar. ``site_url`` is the
    edition's own address."""
    from sitefeatures.editions import site_root
    from sitefeatures.settings import load_config

    root = site_root(site_url, EDITION if config_file.name != "mkdocs.yml" else "en")
    previous = dict(os.environ)
    os.environ.update(edition_env(root))
    try:
        return load_config(config_file)
    finally:
        os.environ.clear()
        os.environ.update(previous)
