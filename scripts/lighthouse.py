"""Lighthouse, mobile, on the home page, a factor page and /get-help/: this site against stock
Material for MkDocs built from the same pages (a throwaway mkdocs.yml with just `theme: material`).
A benchmark, not a test: it prints a table. Both sites are served gzipped on 127.0.0.1 the way
GitHub Pages serves them. Lighthouse comes from npm (pinned) into .cache/lighthouse, never committed.

    python scripts/lighthouse.py              # one run per page and site
    python scripts/lighthouse.py --runs 3     # the median run of three (by performance)
    python scripts/lighthouse.py --check      # exit 1 when this site misses a target
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gzip_server import serve

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = "lighthouse@12.2.3"  # 13.x needs Node 22
LIGHTHOUSE_DIR = REPO / ".cache" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = ["/", "/relationship/", "/get-help/"]
CATEGORIES = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "best", "seo": "seo"}
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


def build_stock(folder: Path) -> Path:
    """Stock Material (theme: material, nothing else) built from the same docs/ folder."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(STOCK_CONFIG.format(docs=REPO / "docs"), encoding="utf-8")
    return build(folder / "site", config, strict=False)


def audit(url: str, report: Path) -> dict[str, int]:
    """One Lighthouse run (mobile, simulated throttling): scores out of 100 per category."""
    command = [
        str(lighthouse_bin()), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, check=True, capture_output=True)
    categories = json.loads(report.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def median_run(url: str, runs: int, folder: Path) -> dict[str, int]:
    """The run with the median performance score, as Lighthouse's docs advise."""
    results = sorted((audit(url, folder / "report.json") for _ in range(runs)), key=lambda r: r["performance"])
    return results[len(results) // 2]


def measure(site: Path, runs: int, folder: Path) -> dict[str, dict[str, int]]:
    with serve(site) as base:
        return {page: median_run(base + page.lstrip("/"), runs, folder) for page in PAGES}


def misses(scores: dict[str, int]) -> list[str]:
    return [f"{SHORT[name]} {scores[name]} < {target}" for name, target in CATEGORIES.items() if scores[name] < target]


def table(results: dict[str, dict[str, dict[str, int]]]) -> str:
    header = f"{'page':<16} {'site':<6} " + " ".join(f"{SHORT[name]:>5}" for name in CATEGORIES)
    rows = [header, "-" * len(header)]
    for page in PAGES:
        for site, scores in results.items():
            cells = " ".join(f"{scores[page][name]:>5}" for name in CATEGORIES)
            note = "  misses: " + ", ".join(misses(scores[page])) if site == "ours" and misses(scores[page]) else ""
            rows.append(f"{page:<16} {site:<6} {cells}{note}")
    targets = ", ".join(f"{SHORT[name]} >= {target}" for name, target in CATEGORIES.items())
    rows.append(f"targets for ours: {targets} (Lighthouse {LIGHTHOUSE.split('@')[1]}, mobile)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is kept")
    parser.add_argument("--check", action="store_true", help="exit 1 if this site misses a target")
    parser.add_argument("--site", type=Path, help="an already built site to measure as ours")
    args = parser.parse_args(argv)
    lighthouse_bin()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        folder = Path(tmp)
        ours = args.site or build(folder / "ours")
        results = {
            "ours": measure(ours, args.runs, folder),
            "stock": measure(build_stock(folder / "stock"), args.runs, folder),
        }
    print(table(results))
    missed = any(misses(scores) for scores in results["ours"].values())
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
