"""What the first visit of each page downloads, gzipped as GitHub Pages sends it, against the budget.

A first visit loads the page, its stylesheets, scripts, images and icon. Material's search worker
and search index load when the reader starts a search (overrides/partials/search-on-demand.html),
so they are weighed apart, against a budget of their own. Text is counted gzipped, plus a fixed
allowance per response for the headers GitHub Pages sends.

    python scripts/page_weight.py site/                   # a table of every page
    python scripts/page_weight.py site/ --check           # exit 1 over a budget, naming what grew
    python scripts/page_weight.py site/ --write-baseline  # record today's sizes for those messages
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup, Tag

from gzip_server import gzipped, is_compressed_type
from site_urls import sitemap_paths

KB = 1024
PAGE_BUDGET = 120 * KB  # everything a first visit of one page transfers
EXTRAS_BUDGET = 6 * KB  # what one page loads beyond the assets every page shares (a quiz)
SEARCH_BUDGET = 100 * KB  # the worker and index, loaded when a reader starts a search
HEADER_BYTES = 700  # an allowance for the response headers GitHub Pages sends with each file
SEARCH_INDEX = "search/search_index.json"
BASELINE = Path(__file__).resolve().parents[1] / "tests" / "page_weight_baseline.json"
ORIGIN = "http://site.invalid"  # a stand-in origin for resolving a page's relative links
CONTENT_HASH = re.compile(r"\.[0-9a-f]{8,}(?=\.)")


@dataclass(frozen=True)
class Resource:
    path: str  # site-relative, e.g. "assets/stylesheets/main.57a0d79d.min.css" or "relationship/"
    bytes: int  # as transferred: gzipped when GitHub Pages compresses it, plus headers

    @property
    def name(self) -> str:
        """A name that survives rebuilds: content hashes dropped (main.57a0d79d.min.css: main.min.css)."""
        return CONTENT_HASH.sub("", self.path) or "/"


@dataclass
class PageWeight:
    url: str
    resources: list[Resource]  # a first visit, the page itself first
    search: list[Resource]  # added when the reader starts a search
    shared: frozenset[str] = frozenset()  # paths every page loads

    @property
    def total(self) -> int:
        return sum(resource.bytes for resource in self.resources)

    @property
    def search_total(self) -> int:
        return sum(resource.bytes for resource in self.search)

    @property
    def extras(self) -> list[Resource]:
        """What this page loads that not every page does, apart from itself."""
        return [r for r in self.resources[1:] if r.path not in self.shared]

    def problems(self, baseline: dict[str, int] | None = None) -> list[str]:
        """Budgets this page goes over, each naming what grew since the baseline."""
        found = []
        if self.total > PAGE_BUDGET:
            found.append(
                f"{self.url}: first visit transfers {kb(self.total)}, over the {kb(PAGE_BUDGET)} budget. "
                + what_grew(self.resources, baseline or {})
            )
        extra = sum(r.bytes for r in self.extras)
        if extra > EXTRAS_BUDGET:
            found.append(
                f"{self.url}: its own assets (beyond those every page shares) come to {kb(extra)}, over "
                f"the {kb(EXTRAS_BUDGET)} budget for a quiz: " + listing(self.extras)
            )
        if self.search_total > SEARCH_BUDGET:
            found.append(
                f"{self.url}: starting a search downloads {kb(self.search_total)}, over the "
                f"{kb(SEARCH_BUDGET)} budget. " + what_grew(self.search, baseline or {})
            )
        return found


def kb(size: int) -> str:
    return f"{size / KB:.1f} KB"


def listing(resources: list[Resource]) -> str:
    return ", ".join(f"{r.name} {kb(r.bytes)}" for r in sorted(resources, key=lambda r: -r.bytes))


def what_grew(resources: list[Resource], baseline: dict[str, int]) -> str:
    """The resources that are new or larger than in the baseline, largest change first."""
    changes = []
    for resource in resources:
        before = baseline.get(resource.name)
        if before is None:
            changes.append((resource.bytes, f"{resource.name} is new ({kb(resource.bytes)})"))
        elif resource.bytes > before:
            grown = resource.bytes - before
            changes.append((grown, f"{resource.name} grew by {kb(grown)} to {kb(resource.bytes)}"))
    if not changes:
        return "Nothing grew since tests/page_weight_baseline.json; largest: " + listing(resources)
    return "Grew since tests/page_weight_baseline.json: " + "; ".join(
        text for _, text in sorted(changes, key=lambda change: -change[0])
    )


def page_file(site_dir: Path, path: str) -> Path:
    """The file a site path is served from ('relationship/' is relationship/index.html)."""
    file = site_dir / path
    return file / "index.html" if path.endswith("/") or path == "" else file


@lru_cache(maxsize=1024)
def transfer_size(file: Path) -> int:
    """Bytes on the wire for one file: gzipped if GitHub Pages compresses its type, plus headers."""
    data = file.read_bytes()
    return (len(gzipped(data)) if is_compressed_type(file) else len(data)) + HEADER_BYTES


def loaded_paths(html: str, page_url: str) -> tuple[list[str], list[str]]:
    """Site paths a page loads on a first visit (itself first), and those a search adds."""
    soup = BeautifulSoup(html, "html.parser")
    links = [address(tag, "href") for tag in soup.find_all("link") if wanted_link(tag.get_attribute_list("rel"))]
    links += [address(tag, "src") for tag in soup.find_all(["script", "img"])]
    config = soup.find("script", id="__config")
    settings = json.loads(config.string) if config and config.string else {}
    search = []
    if settings.get("search"):  # Material's search worker and the index it loads
        base = urljoin(ORIGIN + page_url, settings["base"] + "/")
        search = [settings["search"], urljoin(base, SEARCH_INDEX)]
    return site_paths(page_url, [page_url, *links]), site_paths(page_url, search)


def address(tag: Tag, attribute: str) -> str | None:
    """The address in a tag's href or src, if it has one."""
    value = tag.get(attribute)
    return value if isinstance(value, str) else None


def site_paths(page_url: str, links: list[str | None]) -> list[str]:
    """Links resolved against the page, as site paths, in order, once each; no other hosts."""
    paths = []
    for link in filter(None, links):
        address = urlparse(urljoin(ORIGIN + page_url, link))
        if f"{address.scheme}://{address.netloc}" != ORIGIN:
            raise ValueError(f"{page_url} loads {link} from another host")
        path = address.path.lstrip("/")
        if path not in paths:
            paths.append(path)
    return paths


def wanted_link(rel: list[str]) -> bool:
    return bool({"stylesheet", "icon", "preload", "modulepreload"} & {r.lower() for r in rel})


def weigh(site_dir: Path, page_url: str) -> PageWeight:
    """The first-visit transfer of one page, e.g. weigh(site, '/relationship/')."""
    html = page_file(site_dir, page_url.lstrip("/")).read_text(encoding="utf-8")
    first_visit, search = loaded_paths(html, page_url)

    def weighed(paths: list[str]) -> list[Resource]:
        return [Resource(path, transfer_size(page_file(site_dir, path))) for path in paths]

    return PageWeight(page_url, weighed(first_visit), weighed(search))


def weigh_site(site_dir: Path, page_urls: list[str]) -> list[PageWeight]:
    """Every page's weight, each knowing which assets all pages share."""
    weights = [weigh(site_dir, url) for url in page_urls]
    common = [frozenset(r.path for r in weight.resources[1:]) for weight in weights]
    shared = frozenset.intersection(*common) if common else frozenset()
    for weight in weights:
        weight.shared = shared
    return weights


def load_baseline() -> dict[str, int]:
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}


def baseline_of(weights: list[PageWeight]) -> dict[str, int]:
    return {r.name: r.bytes for weight in weights for r in weight.resources + weight.search}


def table(weights: list[PageWeight]) -> str:
    rows = [f"{'page':<24} {'first visit':>11} {'own assets':>10} {'+ search':>9}  largest"]
    for weight in sorted(weights, key=lambda w: -w.total):
        largest = max(weight.resources, key=lambda r: r.bytes)
        own = sum(r.bytes for r in weight.extras)
        rows.append(
            f"{weight.url:<24} {kb(weight.total):>11} {kb(own):>10} {kb(weight.search_total):>9}"
            f"  {largest.name} {kb(largest.bytes)}"
        )
    rows.append(
        f"budgets: {kb(PAGE_BUDGET)} a first visit, {kb(EXTRAS_BUDGET)} of a page's own assets, "
        f"{kb(SEARCH_BUDGET)} for search"
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--check", action="store_true", help="exit 1 when a page is over a budget")
    parser.add_argument("--write-baseline", action="store_true", help=f"write {BASELINE.name}")
    args = parser.parse_args(argv)
    weights = weigh_site(args.site, sitemap_paths(args.site))
    print(table(weights))
    if args.write_baseline:
        BASELINE.write_text(json.dumps(baseline_of(weights), indent=1, sort_keys=True) + "\n")
        print(f"wrote {BASELINE}")
    problems = [problem for weight in weights for problem in weight.problems(load_baseline())]
    print("\n".join(problems))
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
