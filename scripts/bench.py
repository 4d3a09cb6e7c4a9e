"""`make bench`: build time, page weight, reading grades and Lighthouse (this site against stock
Material), printed as tables. Numbers to watch, not tests: the tests enforce the budgets.

    python scripts/bench.py [--runs N]   # N Lighthouse runs per page (the median is kept)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lighthouse
import page_weight
import readability
from site_urls import sitemap_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        started = time.perf_counter()
        site = lighthouse.build(Path(tmp) / "site")
        print(f"strict build: {time.perf_counter() - started:.1f} s\n")
        print(page_weight.table(page_weight.weigh_site(site, sitemap_paths(site))) + "\n")
        readability.main([str(site)])
        print()
        return lighthouse.main(["--runs", str(args.runs), "--site", str(site)])


if __name__ == "__main__":
    sys.exit(main())
