"""`make bench`: build time, page weight, search index, reading grades and Lighthouse on every page
(this site beside stock Material), printed as tables. Numbers to watch, not tests: the tests enforce
the budgets.

    python scripts/bench.py [--runs N]   # N interleaved Lighthouse rounds (medians are kept)
    python scripts/bench.py --scale      # also the build at ten times the pages (scripts/bench_scale.py)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import bench_scale
import lighthouse
import page_weight
import readability
import search_index
from site_urls import sitemap_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="interleaved Lighthouse rounds")
    parser.add_argument("--scale", action="store_true", help="also build 1x and 10x the pages (a few minutes)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        started = time.perf_counter()
        site = lighthouse.build(Path(tmp) / "site")
        print(f"strict build: {time.perf_counter() - started:.1f} s\n")
        print(page_weight.table(page_weight.weigh_site(site, sitemap_paths(site))) + "\n")
        print(search_index.measure_site(site).report() + "\n")
        readability.main([str(site)])
        print()
        if args.scale:
            bench_scale.main([])
            print()
        return lighthouse.main(["--runs", str(args.runs), "--site", str(site)])


if __name__ == "__main__":
    sys.exit(main())
