"""Build cost as the site grows: the real pages built as they are (1x) and as a synthetic site of ten
times the pages (10x), printing build time per page and where it goes, so a step that grows faster
than the pages shows up. A benchmark, not a test: it prints tables and asserts nothing.

The synthetic site copies every page nine times (``relationship-2.md`` ... ``relationship-10.md``),
each copy listed in the navigation beside its original, with its quiz ids renamed so they stay
unique. Pages that exist once by nature (those with a ``{{ glossary }}`` or ``{{ clinic_links }}``
marker) are not copied. Both sizes are built from the same generated files, each in a fresh process:

- time: a strict build with each plugin event timed (MkDocs itself is "engine");
- profile: the same build under cProfile, time inclusive per part of the code (the site's own steps
  apart: the clinic link list, the CSP scan, ...), to see which function grows.

    python scripts/bench_scale.py                  # 1x and 10x, time and profile
    python scripts/bench_scale.py --factors 1 5 10 # other sizes
    python scripts/bench_scale.py --top 15         # also the 15 functions that grew most (profile)
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import yaml

from site_urls import read_config

REPO = Path(__file__).resolve().parents[1]
SINGLETON_MARKERS = re.compile(r"^\{\{ (glossary|clinic_links) \}\}\s*$", re.MULTILINE)
QUIZ_OPENING = re.compile(r"^(/// [\w-]+ \|.*?)(?:\s*\{#([A-Za-z][\w-]*)\})?\s*$", re.MULTILINE)
NAV_BLOCK = re.compile(r"^nav:\n(?:[ \t]+.*\n|\n)*", re.MULTILINE)
# Parts of the build, by the file a function is in (first match wins); the rest is the engine.
PARTS = [
    ("site: clinic link list (sitefeatures/clinic/links.py)", "sitefeatures/clinic/links.py"),
    ("site: CSP scan (sitefeatures/csp/)", "sitefeatures/csp/"),
    ("site: other sitefeatures steps", "sitefeatures/"),
    ("site: quizzes (selfcheck/)", "selfcheck/"),
    ("minify (mkdocs_minify_plugin, htmlmin, jsmin, csscompressor)",
     ("mkdocs_minify_plugin/", "htmlmin/", "jsmin/", "csscompressor/")),
    ("search index (mkdocs search plugin)", ("material/plugins/search/", "mkdocs/contrib/search/")),
    ("redirects plugin", "mkdocs_redirects/"),
]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


# --- The synthetic site -------------------------------------------------------------------------

def copy_name(path: str, number: int) -> str:
    """'relationship.md' -> 'relationship-3.md' (number 1 is the original)."""
    return path if number == 1 else re.sub(r"\.md$", f"-{number}.md", path)


def renamed_quizzes(markdown: str, number: int) -> str:
    """The page with every quiz given an id of its own for copy `number` (ids are site-wide)."""
    count = 0

    def rename(match: re.Match) -> str:
        nonlocal count
        count += 1
        base = match.group(2) or f"quiz-{count}"
        return f"{match.group(1)} {{#{base}-copy-{number}}}"

    return QUIZ_OPENING.sub(rename, markdown)


def expanded_nav(nav: list, copies: dict[str, int]) -> list:
    """The navigation with each copied page's copies listed after it, in the same section."""
    result: list = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                result.append({title: expanded_nav(value, copies)})
                continue
            result.append(item)
            result += [{f"{title} ({n})": copy_name(value, n)} for n in range(2, copies.get(value, 1) + 1)]
        else:
            result.append(item)
            result += [copy_name(item, n) for n in range(2, copies.get(item, 1) + 1)]
    return result


def make_site(folder: Path, factor: int) -> Path:
    """A project in folder with `factor` times the pages; returns its mkdocs.yml."""
    docs = folder / "docs"
    shutil.copytree(REPO / "docs", docs)
    copies: dict[str, int] = {}
    for page in sorted(docs.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if SINGLETON_MARKERS.search(text):
            continue
        copies[page.name] = factor
        for number in range(2, factor + 1):
            (docs / copy_name(page.name, number)).write_text(renamed_quizzes(text, number), encoding="utf-8")
    for name in ("overrides", "tests"):
        (folder / name).symlink_to(REPO / name)
    source = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_dump({"nav": expanded_nav(read_config()["nav"], copies)}, sort_keys=False, allow_unicode=True)
    config, replaced = NAV_BLOCK.subn(lambda _: nav, source, count=1)
    if not replaced:
        raise SystemExit("mkdocs.yml has no top-level 'nav:' block for the synthetic site to extend.")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


# --- One measured build (run in a child process) ----------------------------------------------

def timed_events() -> dict[str, float]:
    """Time every plugin event call from now on: {'plugin name': seconds}."""
    from mkdocs.plugins import PluginCollection

    spent: dict[str, float] = defaultdict(float)

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            started = time.perf_counter()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            spent[self._current_plugin] += time.perf_counter() - started
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    PluginCollection.run_event = run_event  # type: ignore[method-assign]  # the benchmark times each plugin
    return spent


def build(config_file: Path) -> tuple[int, int]:
    """A strict build of config_file into a temporary folder: its page count and HTML bytes."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory(prefix="scale-site-") as site:
        config = load_config(str(config_file), strict=True, site_dir=site)
        mkdocs_build(config)
        pages = list(Path(site).rglob("index.html"))
        return len(pages), sum(page.stat().st_size for page in pages)


def part_of(filename: str) -> str | None:
    for label, prefixes in PARTS:
        if any(prefix in filename for prefix in ((prefixes,) if isinstance(prefixes, str) else prefixes)):
            return label
    return None


def inclusive_times(stats: pstats.Stats) -> dict[str, float]:
    """Seconds spent inside each part, callees included: calls into a part from outside it."""
    spent: dict[str, float] = defaultdict(float)
    for function, (_, _, _, _, callers) in stats.stats.items():  # type: ignore[attr-defined]
        part = part_of(function[0])
        if part is None:
            continue
        for caller, (_, _, _, cumulative) in callers.items():
            if part_of(caller[0]) != part:
                spent[part] += cumulative
    return spent


def function_times(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds per function of the site's own code and the plugins (not the engine)."""
    found = {}
    for (filename, line, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if part_of(filename):
            short = re.sub(r"^.*/(site-packages|lib/python[^/]+)/", "", filename).replace(str(REPO) + "/", "")
            found[f"{name} ({short}:{line})"] = cumulative
    return found


def measure(config_file: Path, profile: bool) -> dict:
    """One build in this process: total seconds and pages, per-plugin or per-part seconds."""
    spent = timed_events()
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    pages, html_bytes = build(config_file)
    if profiler:
        profiler.disable()
    total = time.perf_counter() - started
    result = {"total": total, "pages": pages, "html_bytes": html_bytes, "plugins": dict(spent)}
    if profiler:
        stats = pstats.Stats(profiler)
        result["parts"] = dict(inclusive_times(stats))
        result["functions"] = function_times(stats)
    return result


def measure_in_child(config_file: Path, profile: bool) -> dict:
    command = [sys.executable, __file__, "--measure", str(config_file)] + (["--profile"] if profile else [])
    done = subprocess.run(command, cwd=REPO, env=ENV, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the build of {config_file} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- Tables ----------------------------------------------------------------------------------------

def per_page_table(title: str, runs: dict[int, dict], rows: dict[int, dict[str, float]]) -> str:
    """ms per page for each row at each factor, how much that grew from the smallest size, and how much
    the time per MB of finished HTML grew. Every page carries the whole navigation, so the HTML grows
    faster than the pages: a step that reads each finished page once grows per page but stays flat per
    MB. Only growth per MB is flagged: that is a step doing more than read its input."""
    factors = sorted(runs)
    first, last = factors[0], factors[-1]
    header = f"{title:<72}" + "".join(f"{f'{f}x ms/page':>14}" for f in factors)
    header += f"{'growth/page':>13}{'growth/MB':>11}"
    lines = [header, "-" * len(header)]
    names = sorted({name for factor in factors for name in rows[factor]}, key=lambda n: -rows[last].get(n, 0))
    for name in names:
        per_page = {f: 1000 * rows[f].get(name, 0.0) / runs[f]["pages"] for f in factors}
        growth = per_page[last] / per_page[first] if per_page[first] > 0.05 else float("nan")
        html_growth = (runs[last]["html_bytes"] / runs[last]["pages"]) / (runs[first]["html_bytes"] / runs[first]["pages"])
        per_mb_growth = growth / html_growth
        flag = "  <- superlinear in the HTML" if per_mb_growth > 1.5 else ""
        lines.append(
            f"{name[:71]:<72}" + "".join(f"{per_page[f]:>14.1f}" for f in factors)
            + f"{growth:>12.1f}x{per_mb_growth:>10.1f}x{flag}"
        )
    return "\n".join(lines)


def by_plugin(run: dict) -> dict[str, float]:
    rows = {f"plugin: {name}": seconds for name, seconds in run["plugins"].items()}
    rows["engine (MkDocs, Markdown, theme templates)"] = run["total"] - sum(run["plugins"].values())
    rows["TOTAL"] = run["total"]
    return rows


def by_part(run: dict) -> dict[str, float]:
    rows = dict(run["parts"])
    rows["engine and the rest"] = run["total"] - sum(run["parts"].values())
    rows["TOTAL (under cProfile)"] = run["total"]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10], help="site sizes, in times the pages")
    parser.add_argument("--top", type=int, default=10, help="functions to list that grew most per page")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile builds")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.profile)))
        return 0
    timed, profiled = {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for factor in sorted(set(args.factors)):
            config = make_site(Path(tmp) / f"x{factor}", factor)
            timed[factor] = measure_in_child(config, profile=False)
            run = timed[factor]
            print(f"{factor}x: {run['pages']} pages, strict build {run['total']:.1f} s "
                  f"({1000 * run['total'] / run['pages']:.0f} ms a page), "
                  f"HTML {run['html_bytes'] / run['pages'] / 1024:.0f} KB a page (minified)", flush=True)
            if not args.no_profile:
                profiled[factor] = measure_in_child(config, profile=True)
    print()
    print(per_page_table("build time by plugin (wall clock)", timed, {f: by_plugin(r) for f, r in timed.items()}))
    if profiled:
        print()
        print(per_page_table("build time by part, callees included (cProfile)", profiled,
                             {f: by_part(r) for f, r in profiled.items()}))
        first, last = min(profiled), max(profiled)
        growers = top_growers(profiled, first, last, args.top)
        print()
        print(per_page_table(f"the {args.top} site and plugin functions that grew most per page (cProfile)",
                             {f: profiled[f] for f in (first, last)},
                             {f: {name: profiled[f]["functions"].get(name, 0.0) for name in growers}
                              for f in (first, last)}))
    print(f"\nload: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1, 5, 15 min)")
    return 0


def top_growers(profiled: dict[int, dict], first: int, last: int, count: int) -> list[str]:
    """The site and plugin functions whose time per page grew most between the two sizes."""
    small, large = profiled[first], profiled[last]

    def per_page(run: dict, name: str) -> float:
        return run["functions"].get(name, 0.0) / run["pages"]

    wanted = [name for name in large["functions"] if large["functions"][name] > 0.02 * large["total"]]
    wanted.sort(key=lambda name: -(per_page(large, name) - per_page(small, name)))
    return wanted[:count]


if __name__ == "__main__":
    sys.exit(main())
