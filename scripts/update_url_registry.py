"""Add the pages of a built site's sitemap, the ids of their quizzes, and every
address the /for-clinics/ list tells clinics to use (pages and sections), to
tests/published-urls.txt.

Append only: entries are never removed or changed, because a published address
may sit in an email for months. A page that moves keeps its old entry and gets
a redirect (see CONTRIBUTING.md).

    make build && python scripts/update_url_registry.py            # add new pages
    python scripts/update_url_registry.py --edition es              # the Spanish edition's (site/es/)
    python scripts/update_url_registry.py --check                   # exit 1 if any are missing
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from site_urls import REPO, configured_site_url, site_path, sitemap_urls
from sitefeatures.editions import edition
from sitefeatures.words import LANGUAGES
from url_registry import append_entries, page_file, registry_for, unregistered

# The self-check quizzes' stable ids, which clinics may link to.
QUIZ_IDS = "[data-quiz][id]"
# The full addresses in the list of links for emails (overrides/hooks/clinic_links.py).
# (Not the same addresses in the copy's other editions: each edition's registry holds its own.)
CLINIC_LINKS = ".clinic-links .clinic-links__url:not(.clinic-links__url--twin) code"


def site_paths(urls: list[str], site_url: str, where: str) -> list[str]:
    """The site paths of full addresses ('/about/'); a ValueError names the first outside site_url."""
    paths = [site_path(url, site_url) for url in urls]
    outside = [url for url, path in zip(urls, paths, strict=True) if path is None]
    if outside:
        raise ValueError(f"{where} lists addresses outside {site_url} ({outside[0]}): build with the same SITE_URL")
    return [path for path in paths if path is not None]


def sitemap_entries(site_dir: Path, site_url: str) -> list[str]:
    """The site paths of every page in the sitemap ('/', '/about/', ...)."""
    urls = sitemap_urls(site_dir)
    if not urls:
        raise ValueError(f"{site_dir}/sitemap.xml lists no pages: was the site built with an empty SITE_URL?")
    return site_paths(urls, site_url, "the sitemap")


def sitemap_pages(site_dir: Path, site_url: str):
    """(site path, parsed page or None) for every page of the sitemap."""
    for path in sitemap_entries(site_dir, site_url):
        file = page_file(site_dir, path)
        yield path, BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser") if file.is_file() else None


def listed_for_clinics(html: BeautifulSoup, site_url: str) -> list[str]:
    """The site paths of the addresses a page's list of links for emails shows."""
    return site_paths([code.get_text(strip=True) for code in html.select(CLINIC_LINKS)], site_url, "a clinic link list")


def clinic_list_entries(site_dir: Path, site_url: str) -> list[str]:
    """Every address that a page of the sitemap lists for clinics' emails (/for-clinics/)."""
    return [entry for _, html in sitemap_pages(site_dir, site_url) if html for entry in listed_for_clinics(html, site_url)]


def published_entries(site_dir: Path, site_url: str) -> list[str]:
    """Every page of the sitemap, each followed by its quiz ids ('/structure/#structure-keep-going')
    and the addresses it lists for clinics; each address once."""
    entries = []
    for path, html in sitemap_pages(site_dir, site_url):
        entries.append(path)
        if html is not None:
            entries += [f"{path}#{tag['id']}" for tag in html.select(QUIZ_IDS)]
            entries += listed_for_clinics(html, site_url)
    return list(dict.fromkeys(entries))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, help="built edition (default: site/, or site/es/ for es)")
    parser.add_argument("--edition", default=os.environ.get("EDITION") or "en", choices=LANGUAGES,
                        help="which edition's registry (default: en, or EDITION)")
    parser.add_argument("--registry", type=Path, help="registry file (default: the edition's)")
    parser.add_argument("--site-url", help="override the edition's site_url")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if addresses are missing")
    args = parser.parse_args(argv)
    chosen = edition(args.edition)
    args.site = args.site or REPO / "site" / chosen.path
    args.registry = args.registry or registry_for(args.edition)
    try:
        entries = published_entries(args.site, args.site_url or configured_site_url(REPO / chosen.config_file))
    except (OSError, ValueError) as error:
        print(f"update_url_registry: {error}", file=sys.stderr)
        return 2
    if args.check:
        missing = unregistered(entries, args.registry)
        for entry in missing:
            print(f"not in {args.registry.name}: {entry}")
        return 1 if missing else 0
    for entry in append_entries(entries, args.registry):
        print(f"added {entry}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
