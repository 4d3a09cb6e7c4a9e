"""Benchmark the quiz: full build time with quizzes on and off, and the size of its assets.

Not a test (timings vary by machine): it prints a table. Each build runs on a copy of
docs/, overrides/ and mkdocs.yml in a temporary folder, so the work tree is untouched.
"Off" removes both the plugin and the Markdown extension from the copy's mkdocs.yml, so
the same pages are built with their quiz blocks left as plain text. Variants take turns,
so drift on the machine spreads evenly; medians are reported. CPU time (of the build
process) is the steadiest measure on a busy machine; wall clock includes waiting.

    .venv/bin/python scripts/bench_quiz.py [--runs 5] [--quizzes 200]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from selfcheck import bundle  # noqa: E402

QUIZ_CONFIG_LINES = ("  - selfcheck\n", "  - selfcheck.extension\n")
BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
FRONT_MATTER = """\
---
title: Benchmark quizzes
description: Generated quizzes for scripts/bench_quiz.py.
last_reviewed: 2026-11-29
next_review: 2027-11-29
---

# Benchmark quizzes
"""
KINDS = [
    ("quiz", ["[ ] A wrong answer", "[x] The *right* answer", "[ ] Another wrong one"]),
    ("quiz-all", ["[x] One right answer", "[x] Another right answer", "[ ] A wrong answer"]),
    ("myth-or-fact", ["[x] Myth", "[ ] Fact"]),
    ("reflect", ["[ ] Mostly", "[ ] Sometimes", "[ ] Rarely"]),
]


def generated_page(count: int) -> str:
    """A page of ``count`` quizzes of every kind, with feedback and an explanation."""
    blocks = [FRONT_MATTER]
    for number in range(count):
        kind, choices = KINDS[number % len(KINDS)]
        lines = [f"/// {kind} | Question number {number}: what do you think about [this](#q{number})? {{#bench-{number}}}"]
        for choice in choices:
            lines += [f"- {choice}", f"    Feedback for this choice, with **bold** text, for question {number}."]
        lines += ["", f"An explanation for question {number}, with a [link](../index.md).", "///", ""]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def prepare(root: Path, quizzes_on: bool, extra: int) -> Path:
    """A copy of the project to build, with or without the quiz, with ``extra`` generated quizzes."""
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if not quizzes_on:
        for line in QUIZ_CONFIG_LINES:
            if line not in config:
                sys.exit(f"mkdocs.yml has no line {line.strip()!r}; update QUIZ_CONFIG_LINES in {__file__}.")
            config = config.replace(line, "")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    if extra:
        (root / "docs" / "for-authors" / "bench.md").write_text(generated_page(extra), encoding="utf-8")
    return root / "mkdocs.yml"


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(config: Path) -> tuple[float, float, float]:
    """One clean build, not strict (with quizzes off, links to quiz ids cannot resolve):
    seconds of wall clock and of CPU for the whole command, and MkDocs' own 'built in'."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--no-strict", "-f", str(config),
               "-d", str(config.parent / "site")]
    start, cpu = time.perf_counter(), cpu_seconds()
    result = subprocess.run(command, cwd=config.parent, env=ENV, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    if result.returncode:
        sys.exit(f"Build of {config} failed:\n{result.stdout}{result.stderr}")
    built_in = BUILT_IN.search(result.stderr + result.stdout)
    if built_in is None:
        sys.exit(f"Build of {config} printed no '{BUILT_IN.pattern}' line:\n{result.stdout}{result.stderr}")
    return wall, cpu, float(built_in[1])


def asset_sizes() -> list[tuple[str, int, int, int]]:
    """(name, source bytes, minified bytes, gzipped bytes) for each asset."""
    sources = {asset.name.rsplit(".", 1)[1]: len(asset.content) for asset in bundle.load(minify=False)}
    return [(asset.name, sources[asset.name.rsplit(".", 1)[1]], len(asset.content),
             len(gzip.compress(asset.content, 9))) for asset in bundle.load()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per variant (default 5)")
    parser.add_argument("--quizzes", type=int, default=200, help="generated quizzes (default 200)")
    args = parser.parse_args()
    variants = {(site, on): None for site in ("whole site", f"+ {args.quizzes} quizzes") for on in (False, True)}
    times: dict = {variant: [] for variant in variants}
    with tempfile.TemporaryDirectory(prefix="bench-quiz-") as tmp:
        configs = {(site, on): prepare(Path(tmp, f"{index}"), on, args.quizzes if site != "whole site" else 0)
                   for index, (site, on) in enumerate(variants)}
        for config in configs.values():  # warm-up: imports and file caches
            build(config)
        for _ in range(args.runs):
            for variant, config in configs.items():
                times[variant].append(build(config))
    print(f"Build time, median of {args.runs} clean builds, in seconds (quizzes off -> on, ratio):")
    for site in ("whole site", f"+ {args.quizzes} quizzes"):
        for index, measure in enumerate(("wall clock", "CPU time", "MkDocs 'built in'")):
            off, on = (statistics.median(run[index] for run in times[(site, state)]) for state in (False, True))
            print(f"  {site:<17} {measure:<18} {off:6.2f} -> {on:6.2f}   x{on / off:.3f} ({(on / off - 1) * 100:+.1f}%)")
    print("Assets (source -> minified -> gzip -9):")
    sizes = asset_sizes()
    for name, source, minified, compressed in sizes:
        print(f"  {name:<24} {source:6d} B -> {minified:6d} B -> {compressed:5d} B")
    print(f"  total gzip {sum(size[3] for size in sizes)} B (budget 6144 B)")


if __name__ == "__main__":
    main()
