"""Add the pages of a built site's sitemap, and the ids of their quizzes, to
tests/published-urls.txt.

Append only: entries are never removed or changed, because a published address
may sit in an email for months. A page that moves keeps its old entry and gets
a redirect (see CONTRIBUTING.md).

    mkdocs build && python scripts/update_url_registry.py          # add new pages
    python scripts/update_url_registry.py --check                   # exit 1 if any are missing
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from site_urls import REPO, configured_site_url, site_path, sitemap_urls
from url_registry import REGISTRY, append_entries, page_file, read_entries

# The self-check quizzes' stable ids, which clinics may link to.
QUIZ_IDS = "[data-quiz][id]"


def sitemap_entries(site_dir: Path, site_url: str) -> list[str]:
    """The site paths of every page in the sitemap ('/', '/about/', ...)."""
    urls = sitemap_urls(site_dir)
    if not urls:
        raise ValueError(f"{site_dir}/sitemap.xml lists no pages: was the site built with an empty SITE_URL?")
    outside = [url for url in urls if site_path(url, site_url) is None]
    if outside:
        raise ValueError(f"the sitemap lists addresses outside {site_url} ({outside[0]}): build with the same SITE_URL")
    return [site_path(url, site_url) for url in urls]


def published_entries(site_dir: Path, site_url: str) -> list[str]:
    """Every page of the sitemap, each followed by its quiz ids ('/structure/#structure-keep-going')."""
    entries = []
    for path in sitemap_entries(site_dir, site_url):
        entries.append(path)
        file = page_file(site_dir, path)
        if file.is_file():
            html = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            entries += [f"{path}#{tag['id']}" for tag in html.select(QUIZ_IDS)]
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=REPO / "site", help="built site (default: site/)")
    parser.add_argument("--registry", type=Path, default=REGISTRY, help="registry file")
    parser.add_argument("--site-url", help="override mkdocs.yml's site_url")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if addresses are missing")
    args = parser.parse_args(argv)
    try:
        entries = published_entries(args.site, args.site_url or configured_site_url())
    except (OSError, ValueError) as error:
        print(f"update_url_registry: {error}", file=sys.stderr)
        return 2
    if args.check:
        known = set(read_entries(args.registry))
        missing = [entry for entry in entries if entry not in known]
        for entry in missing:
            print(f"not in {args.registry.name}: {entry}")
        return 1 if missing else 0
    for entry in append_entries(entries, args.registry):
        print(f"added {entry}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
