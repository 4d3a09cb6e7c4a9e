"""``python -m sitefeatures finish|editions``: the finishing steps after another engine, and the
language editions after the main one (see sitefeatures/edition_builds.py).

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
from .edition_builds import build_editions, copy_linked_folders
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
    finish(Build(site_dir, Path(config.docs_dir), config.nav, config.site_url or "", config.use_directory_urls,
                 config.theme.get("language") or "en"), allowed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitefeatures", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["finish", "editions"],
                        help="finish: the steps after the engine; editions: build the other language editions")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--engine", choices=["mkdocs", "zensical"], default="zensical")
    args = parser.parse_args(argv)
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
