"""Building the editions after the main one: ``python -m sitefeatures editions --engine mkdocs``.

The Makefile builds the English site, then this builds every other edition that
``extra.languages`` lists, each from its own configuration (``mkdocs.es.yml``, which inherits
mkdocs.yml) into its folder of the site (``site/es/``), at its own address (``SITE_URL`` with
``es/`` added, passed as ``SITE_URL_ES``).

Zensical 0.0.73 merges an inherited configuration differently from MkDocs: it appends lists
(navigation, palette) where MkDocs replaces them. So for Zensical the edition's configuration is
first resolved the MkDocs way into one flat file (``.zensical.es.yml``, not committed), which
Zensical then builds and the finishing step finishes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .editions import MAIN, check_languages, edition
from .sitemap_alternates import add_alternates
from .twins import check_twins

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


class IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml's plain settings and leaves its tags (!ENV, !!python/name) alone."""


IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def configured_languages(config_file: Path) -> list[str]:
    """extra.languages as mkdocs.yml sets it, or the file it INHERITs, checked (English only when unset)."""
    with open(config_file, encoding="utf-8") as file:
        config = yaml.load(file, Loader=IgnoreTags) or {}
    extra = config.get("extra") or {}
    if "languages" not in extra and config.get("INHERIT"):
        return configured_languages(config_file.parent / config["INHERIT"])
    return [item.language for item in check_languages(extra.get("languages"), MAIN)]


def edition_site_url(site_url: str | None, language: str) -> str:
    root = site_url or DEFAULT_SITE_URL
    return (root if root.endswith("/") else root + "/") + edition(language).path


def flat_config(config_file: Path) -> Path:
    """The edition's configuration resolved as MkDocs resolves INHERIT, in one file for Zensical."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as file:
        config = yaml_load(file)
    flat = config_file.parent / f".zensical.{config_file.stem.split('.', 1)[-1]}.yml"
    flat.write_text("# Made by python -m sitefeatures editions from " + config_file.name + ": do not edit.\n"
                    + yaml.dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return flat


def commands(config_file: Path, engine: str) -> list[list[str]]:
    if engine == "zensical":
        flat = flat_config(config_file)
        return [[sys.executable, "-m", "zensical", "build", "--clean", "-f", flat.name],
                [sys.executable, "-m", "sitefeatures", "finish", "--engine", "zensical", "-f", config_file.name]]
    return [[sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", config_file.name]]


def copy_linked_folders(docs_dir: Path, site_dir: Path) -> list[str]:
    """Copy the folders that docs_dir links to into the site; their names. Zensical 0.0.73 leaves a
    linked folder out of the site, and docs-es/assets is a link to docs/assets (styles, scripts, logo):
    the finishing step after Zensical runs this."""
    copied = []
    for entry in sorted(docs_dir.iterdir()):
        if entry.is_symlink() and entry.is_dir():
            shutil.copytree(entry.resolve(), site_dir / entry.name, dirs_exist_ok=True)
            copied.append(entry.name)
    return copied


def check_edition(main, config_file: Path) -> None:
    """Every page of the main edition (its loaded configuration) has its twin here, with the same
    ids (sitefeatures.twins)."""
    from mkdocs.config import load_config

    twin = load_config(str(config_file))
    check_twins(main.nav, Path(main.docs_dir), Path(main.site_dir), Path(twin.docs_dir), Path(twin.site_dir))


def link_sitemaps(main, languages: list[str]) -> None:
    """Name every page's twins in each edition's sitemap (sitefeatures.sitemap_alternates)."""
    root = main.site_url or DEFAULT_SITE_URL
    add_alternates(Path(main.site_dir), root if root.endswith("/") else root + "/",
                   [edition(language) for language in languages])


def build_editions(main_config: Path, engine: str) -> int:
    """Build each edition after the main one and check it against the main one; the exit status
    of the first that fails, else 0."""
    from mkdocs.config import load_config

    folder = main_config.parent
    languages = configured_languages(main_config)
    if len(languages) < 2:
        return 0
    main = load_config(str(main_config))
    for language in languages[1:]:
        config_file = folder / edition(language).config_file
        if not config_file.is_file():
            print(f"Error: extra.languages lists {language!r}, but {config_file.name} is missing.", file=sys.stderr)
            return 1
        env = {**os.environ, f"SITE_URL_{language.upper()}": edition_site_url(os.environ.get("SITE_URL"), language)}
        for command in commands(config_file, engine):
            result = subprocess.run(command, cwd=folder, env=env)
            if result.returncode:
                return result.returncode
        check_edition(main, config_file)
    link_sitemaps(main, languages)
    return 0
