"""The search index (search/search_index.json): its gzipped size against the budget, and what fills it.

Material's search loads the index when a reader starts a search (overrides/partials/search-on-demand.html),
never with a page, so its size costs only searchers. It grows with every page: each section of each page
is one entry with its text. When it passes the budget the fix is in the content named here (trim the
largest pages or sections) or in the search plugin's settings (mkdocs.yml, `plugins: search`).

    python scripts/search_index.py site/            # size, budget and the largest pages and sections
    python scripts/search_index.py site/ --check    # exit 1 over the budget
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from gzip_server import gzipped

KB = 1024
BUDGET = 60 * KB  # gzipped, as GitHub Pages sends it
INDEX = Path("search") / "search_index.json"
SHOWN = 8  # contributors named per list


@dataclass(frozen=True)
class Contributor:
    """A page or a section of one, with the bytes its entries take in the index."""

    location: str  # "myths-and-facts/" or "myths-and-facts/#myth-1"
    raw: int  # bytes of its entries in the JSON
    gz: int  # its share of the gzipped index, in proportion to raw


@dataclass(frozen=True)
class IndexSize:
    raw: int
    gz: int
    pages: list[Contributor]  # largest first
    sections: list[Contributor]  # largest first

    @property
    def over_budget(self) -> bool:
        return self.gz > BUDGET

    def report(self, shown: int = SHOWN) -> str:
        """The size against the budget and the largest pages and sections, one line each."""
        lines = [
            f"search index: {kb(self.gz)} gzipped ({kb(self.raw)} raw), budget {kb(BUDGET)} gzipped",
            "largest pages (share of the gzipped index):",
            *(f"  {c.location or '/'}: {kb(c.gz)} ({kb(c.raw)} raw)" for c in self.pages[:shown]),
            "largest sections:",
            *(f"  {c.location}: {kb(c.gz)} ({kb(c.raw)} raw)" for c in self.sections[:shown]),
        ]
        return "\n".join(lines)


def kb(size: int) -> str:
    return f"{size / KB:.1f} KB"


def measure(data: bytes) -> IndexSize:
    """Size the index given as the bytes of search_index.json; bad JSON raises ValueError naming the file."""
    try:
        docs = json.loads(data)["docs"]
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{INDEX} is not a search index with a 'docs' list: {error}") from error
    raw, gz = len(data), len(gzipped(data))
    per_section: dict[str, int] = {}
    per_page: dict[str, int] = defaultdict(int)
    for doc in docs:
        location = doc.get("location", "")
        size = len(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        per_section[location] = per_section.get(location, 0) + size
        per_page[location.split("#", 1)[0]] += size

    def ranked(sizes: dict[str, int]) -> list[Contributor]:
        return [
            Contributor(location, size, round(gz * size / raw))
            for location, size in sorted(sizes.items(), key=lambda item: -item[1])
        ]

    sections = [c for c in ranked(per_section) if "#" in c.location]
    return IndexSize(raw, gz, ranked(per_page), sections)


def measure_site(site_dir: Path) -> IndexSize:
    path = Path(site_dir) / INDEX
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: is the search plugin still in mkdocs.yml?")
    return measure(path.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--check", action="store_true", help="exit 1 when the index is over its budget")
    args = parser.parse_args(argv)
    size = measure_site(args.site)
    print(size.report())
    return 1 if args.check and size.over_budget else 0


if __name__ == "__main__":
    sys.exit(main())
