"""``python -m sitefeatures finish|editions|languages``: the finishing steps after another engine,
the language editions after the main one (see sitefeatures/edition_builds.py), and the list of
editions a copy publishes (``languages --others``: the ones the tests run on after English).

MkDocs runs them itself (the plugin). After ``zensical build`` run::

    python -m sitefeatures finish --engine zensical [-f mkdocs.yml]

It reads the same mkdocs.yml, copies the folders the docs folder links to (Zensical leaves them
out), publishes the quiz assets on pages that have a quiz (Zensical
runs no plugins), writes the link list for emails and CNAME, and adds each page's
Content-Security-Policy from the inline scripts of the templates that engine used.
A problem stops it with exit status 1 and the message, as it stops a MkDocs build.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfcheck.publish import DuplicateQuizId

from .csp import theme_scripts
from .edition_builds import build_editions, configured_languages, copy_linked_folders
from .editions import check_languages
from .finish import Build, finish
from .values import SettingsError


def zensical_theme_dirs(config_file: Path) -> list[str]:
    """The template folders Zensical used: the custom_dir first, then its own templates."""
    from zensical.config import parse_config

    return list(parse_config(str(config_file.resolve()))["theme_dirs"])


def run_finish(config_file: Path, engine: str) -> None:
    from mkdocs.config import load_config

    from selfcheck.publish import publish_assets

    config = load_config(str(config_file))
    redirects = config.plugins.get("redirects")
    redirect_maps = dict(redirects.config.get("redirect_maps") or {}) if redirects else {}
    theme_dirs = zensical_theme_dirs(config_file) if engine == "zensical" else config.theme.dirs
    site_dir = Path(config.site_dir)
    if engine == "zensical":
        copy_linked_folders(Path(config.docs_dir), site_dir)
        publish_assets(site_dir)
    allowed = theme_scripts.allowed_hashes(theme_dirs, config.site_url, redirect_maps, config.use_directory_urls)
    language = config.theme.get("language") or "en"
    languages = tuple(item.language for item in check_languages(config.extra.get("languages"), language))
    finish(Build(site_dir, Path(config.docs_dir), config.nav, config.site_url or "", config.use_directory_urls,
                 language, languages), allowed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitefeatures", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["finish", "editions", "languages"],
                        help="finish: the steps after the engine; editions: build the other language editions; "
                             "languages: print the editions extra.languages lists")
    parser.add_argument("--others", action="store_true", help="languages: only the editions after the main one")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--engine", choices=["mkdocs", "zensical"], default="zensical")
    args = parser.parse_args(argv)
    if args.command == "languages":
        try:
            languages = configured_languages(args.config_file)
        except SettingsError as error:
            print(f"Error: {error}", file=sys.stderr)
            return 1
        print(" ".join(languages[1:] if args.others else languages))
        return 0
    if args.command == "editions":
        try:
            return build_editions(args.config_file, args.engine)
        except SettingsError as error:
            print(f"Error: {error}", file=sys.stderr)
            return 1
    try:
        run_finish(args.config_file, args.engine)
    except (SettingsError, DuplicateQuizId) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    print(f"Finished the site built by {args.engine} ({args.config_file}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
