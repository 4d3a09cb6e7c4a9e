"""Lighthouse, mobile, on every page of the sitemap: this site beside stock Material for MkDocs built
from the same pages (a throwaway mkdocs.yml with just `theme: material`), in the same run. The pages
of the other editions (es/, from their own sitemaps) are measured too, ours only: stock is English.
A benchmark, not a test: it prints a table. Both sites are served gzipped on 127.0.0.1 the way
GitHub Pages serves them. Lighthouse comes from npm (pinned) into .make/lighthouse, never committed.

Performance is noisy on a shared machine, so runs go in interleaved rounds (each round audits every
page of both sites, ours then stock) and the table shows each category's median. A page of ours whose
median performance misses the target gets more rounds (--rerun) before it is reported, beside stock's
runs made at the same moments: a miss that stock shares at the same time is load, one that stays is ours.

    python scripts/lighthouse.py                  # 3 rounds, every page, a table
    python scripts/lighthouse.py --runs 5         # more rounds
    python scripts/lighthouse.py --pages / /myths-and-facts/
    python scripts/lighthouse.py --check          # exit 1 when a page of ours misses a target
    python scripts/lighthouse.py --save runs.json # keep every run as it comes (--table runs.json prints it)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path

from gzip_server import serve
from site_urls import sitemap_paths
from sitefeatures.edition_builds import configured_languages
from sitefeatures.editions import edition

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = "lighthouse@12.2.3"  # 13.x needs Node 22
LIGHTHOUSE_DIR = REPO / ".make" / "lighthouse"  # not .cache/, which zensical build --clean empties
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "best", "seo": "seo"}
METRICS = {"largest-contentful-paint": "LCP", "total-blocking-time": "TBT"}
SITES = ("ours", "stock")
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
STOCK_CONFIG = """\
site_name: What makes therapy work
docs_dir: {docs}
theme:
  name: material
"""


def lighthouse_bin() -> Path:
    """The pinned Lighthouse, installed from npm into .cache/ on first use."""
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    wanted = LIGHTHOUSE.split("@")[1]
    if not (binary.exists() and json.loads(package.read_text())["version"] == wanted):
        print(f"installing {LIGHTHOUSE} into {LIGHTHOUSE_DIR} ...", file=sys.stderr)
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(LIGHTHOUSE_DIR), LIGHTHOUSE],
            check=True,
        )
    return binary


def build(dest: Path, config: Path | None = None, strict: bool = True) -> Path:
    """Build the site (or the site of another config) into dest; return dest."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-d", str(dest)]
    command += ["--strict"] if strict else []
    command += ["-f", str(config)] if config else []
    env = {key: value for key, value in BUILD_ENV.items() if key != "SITE_URL"}
    subprocess.run(command, cwd=REPO, env=env, check=True)
    return dest


def build_ours(dest: Path) -> Path:
    """Our site as `make build` makes it: English at dest, each other edition in its folder."""
    build(dest)
    for language in configured_languages(REPO / "mkdocs.yml")[1:]:
        build(dest / edition(language).path, REPO / edition(language).config_file)
    return dest


def every_page(site: Path) -> list[str]:
    """The pages of every edition's sitemap, as site paths (/es/about/ for the Spanish edition)."""
    pages = []
    for language in configured_languages(REPO / "mkdocs.yml"):
        folder = site / edition(language).path
        if (folder / "sitemap.xml").is_file():
            pages += ["/" + edition(language).path + path.lstrip("/") for path in sitemap_paths(folder)]
    return pages


def has_page(site: Path, page: str) -> bool:
    return (site / page.lstrip("/") / "index.html").is_file() or (site / page.lstrip("/")).is_file()


def build_stock(folder: Path) -> Path:
    """Stock Material (theme: material, nothing else) built from the same docs/ folder."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(STOCK_CONFIG.format(docs=REPO / "docs"), encoding="utf-8")
    return build(folder / "site", config, strict=False)


def audit(url: str, report: Path) -> dict[str, float]:
    """One Lighthouse run (mobile, simulated throttling): scores out of 100 per category, and metrics in ms."""
    command = [
        str(lighthouse_bin()), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, check=True, capture_output=True)
    result = json.loads(report.read_text())
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {short: result["audits"][name]["numericValue"] for name, short in METRICS.items()}
    return {**scores, **metrics}


Runs = dict[str, dict[str, list[dict[str, float]]]]  # site -> page -> runs


def rounds(bases: dict[str, str], pages: list[str], count: int, runs: Runs, folder: Path, save: Path | None,
           sites: dict[str, Path]) -> None:
    """count interleaved rounds: every page of every site that has it once per round, added to runs (and saved)."""
    for number in range(count):
        for page in pages:
            for site, base in bases.items():
                if not has_page(sites[site], page):
                    continue
                runs[site][page].append(audit(base + page.lstrip("/"), folder / "report.json"))
                if save:
                    save.write_text(json.dumps(runs, indent=1), encoding="utf-8")
        print(f"  round {number + 1} of {count} done ({len(pages)} pages)", file=sys.stderr, flush=True)


def medians(page_runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in page_runs) for key in page_runs[0]}


def misses(scores: dict[str, float]) -> list[str]:
    return [f"{SHORT[name]} {scores[name]:g} < {target}" for name, target in CATEGORIES.items() if scores[name] < target]


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def table(runs: Runs, pages: list[str]) -> str:
    """One row per page and site: median scores and metrics, the range of performance, the runs."""
    width = max(len(page) for page in pages) + 1
    header = (f"{'page':<{width}} {'site':<6}" + "".join(f"{SHORT[name]:>6}" for name in CATEGORIES)
              + "".join(f"{short + ' ms':>9}" for short in METRICS.values()) + f"{'perf runs':>16}")
    rows = [header, "-" * len(header)]
    for page in pages:
        for site in SITES:
            if not runs[site].get(page):
                continue  # stock has no such page (another edition)
            found = medians(runs[site][page])
            perf = sorted(int(run["performance"]) for run in runs[site][page])
            cells = "".join(f"{found[name]:>6g}" for name in CATEGORIES)
            cells += "".join(f"{found[short]:>9.0f}" for short in METRICS.values())
            note = "  misses: " + ", ".join(misses(found)) if site == "ours" and misses(found) else ""
            rows.append(f"{page:<{width}} {site:<6}{cells}  {' '.join(map(str, perf)):>16}{note}")
    targets = ", ".join(f"{SHORT[name]} {target}" for name, target in CATEGORIES.items())
    rows.append(f"medians; targets for ours: {targets} (Lighthouse {LIGHTHOUSE.split('@')[1]}, mobile)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="interleaved rounds; medians are reported")
    parser.add_argument("--rerun", type=int, default=3, help="more rounds for pages of ours that miss a target")
    parser.add_argument("--pages", nargs="+", help="site paths to audit (default: every page in the sitemap)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a page of ours misses a target")
    parser.add_argument("--site", type=Path, help="an already built site to measure as ours")
    parser.add_argument("--save", type=Path, help="write every run to this JSON file as it comes")
    parser.add_argument("--table", type=Path, help="print the table of runs saved earlier, and stop")
    args = parser.parse_args(argv)
    if args.table:
        saved = json.loads(args.table.read_text(encoding="utf-8"))
        print(table(saved, list(saved["ours"])))
        return 0
    lighthouse_bin()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp, ExitStack() as servers:
        folder = Path(tmp)
        ours = args.site or build_ours(folder / "ours")
        pages = args.pages or every_page(ours)
        sites = {"ours": ours, "stock": build_stock(folder / "stock")}
        bases = {site: servers.enter_context(serve(path)) for site, path in sites.items()}
        runs: Runs = {site: defaultdict(list) for site in SITES}
        print(f"Lighthouse on {len(pages)} pages, {args.runs} rounds; load {load()}", file=sys.stderr)
        rounds(bases, pages, args.runs, runs, folder, args.save, sites)
        missed = [page for page in pages if misses(medians(runs["ours"][page]))]
        if missed and args.rerun:
            print(table(runs, pages) + "\n", file=sys.stderr)
            print(f"rerunning {', '.join(missed)}; load {load()}", file=sys.stderr)
            rounds(bases, missed, args.rerun, runs, folder, args.save, sites)
    print(table(runs, pages))
    print(f"load average (1, 5, 15 min) at the end: {load()}")
    still = [page for page in pages if misses(medians(runs["ours"][page]))]
    return 1 if args.check and still else 0


if __name__ == "__main__":
    sys.exit(main())
