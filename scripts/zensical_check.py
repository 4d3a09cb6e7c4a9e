"""Build the site with Zensical (Material's successor) and check that the quizzes render.

Zensical reads mkdocs.yml and runs Python-Markdown extensions such as
``selfcheck.extension``, but no MkDocs plugins or hooks. This script copies docs/,
overrides/ and mkdocs.yml to a temporary folder, adapts the copy where Zensical cannot
follow MkDocs (every change is printed), builds it, and checks each page: as many rendered
quizzes as its Markdown has quiz blocks, and no '///' marker left as text. Then it breaks
one quiz and checks that the build stops naming the file and the line. Not run in CI.

    python3 -m venv /tmp/zensical && /tmp/zensical/bin/pip install zensical
    /tmp/zensical/bin/python scripts/zensical_check.py

Only the standard library and Zensical are needed; the repository is put on PYTHONPATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from selfcheck.errors import QuizError  # noqa: E402
from selfcheck.parser import parse_page  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
# (pattern, replacement, what changes, why): what Zensical cannot take from this mkdocs.yml as it is.
SHIMS = [
    (r"!relative \$docs_dir/?", "docs/", "'!relative $docs_dir/' becomes 'docs/'",
     "Zensical's YAML loader has no '!relative' tag"),
    (r"\n  custom_dir: overrides\n", "\n", "theme.custom_dir is dropped",
     "the overrides use data that MkDocs hooks provide (crisis lines), and Zensical runs no hooks"),
    (r"\nstrict: true\n", "\nstrict: false\n", "strict is turned off",
     "pages that hooks fill in (crisis lines) link to anchors that only the hooks create"),
]
MARKER = re.compile(r"(^|\n)[ \t]*/{3}")


class PageScan(HTMLParser):
    """Counts [data-quiz] elements and keeps the text outside code, scripts and styles."""

    SKIP = frozenset({"pre", "code", "script", "style"})

    def __init__(self, html: str):
        super().__init__()
        self.quizzes, self._skipping = 0, 0
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.quizzes += any(name == "data-quiz" for name, _ in attrs)
        self._skipping += tag in self.SKIP

    def handle_endtag(self, tag):
        self._skipping -= tag in self.SKIP and self._skipping > 0

    def handle_data(self, data):
        if not self._skipping:
            self.text.append(data)


def project_copy(root: Path) -> Path:
    """docs/, overrides/ and an adapted mkdocs.yml under root; returns the config path."""
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for pattern, replacement, what, why in SHIMS:
        config, count = re.subn(pattern, replacement, config)
        if count and root.name == "site-copy":
            print(f"  mkdocs.yml adapted: {what}, because {why}.")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root / "mkdocs.yml"


def zensical_build(config: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zensical", "build", "-f", str(config)], cwd=config.parent,
                          env=ENV, capture_output=True, text=True, timeout=600)


def built_page(site: Path, source: Path) -> Path:
    """Where a page's HTML lands, with directory URLs."""
    stem = source.with_suffix("")
    return site / ("index.html" if stem.name == "index" and stem.parent == Path(".") else stem / "index.html")


def check_pages(root: Path) -> list[str]:
    """Problems found in the built site: missing quizzes, leftover markers."""
    problems, total = [], 0
    for source in sorted((root / "docs").rglob("*.md")):
        relative = source.relative_to(root / "docs")
        if relative.parts[0].startswith("_"):
            continue
        expected = len(parse_page(source.read_text(encoding="utf-8")))
        html = built_page(root / "site", relative)
        if not html.exists():
            problems.append(f"{relative}: not built")
            continue
        scan = PageScan(html.read_text(encoding="utf-8"))
        total += scan.quizzes
        if scan.quizzes != expected:
            problems.append(f"{relative}: {expected} quiz blocks, {scan.quizzes} rendered")
        if MARKER.search("".join(scan.text)) or "\x02" in "".join(scan.text):
            problems.append(f"{relative}: a '///' marker or placeholder is shown as text")
    print(f"  {total} quizzes rendered")
    return problems


def check_error(root: Path) -> list[str]:
    """Break the first right answer in the site and expect 'path:line: problem' from Zensical."""
    for source in sorted((root / "docs").rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        if re.search(r"^- \[x\] ", text, re.MULTILINE) and "/// quiz |" in text:
            broken = re.sub(r"^(/// quiz \|.*\n(?:(?!///).*\n)*?)- \[x\] ", r"\1- [ ] ", text, count=1, flags=re.MULTILINE)
            break
    else:
        return ["no page with a single-choice quiz to break"]
    try:
        parse_page(broken)
        return [f"{source.name}: breaking the quiz did not make it invalid"]
    except QuizError as error:
        expected = f"docs/{source.relative_to(root / 'docs')}:{error.line}: {error.problem}"
    source.write_text(broken, encoding="utf-8")
    result = zensical_build(root / "mkdocs.yml")
    output = result.stdout + result.stderr
    if result.returncode == 0 or expected not in output:
        return [f"a broken quiz should stop the build with '{expected}'; got exit {result.returncode}:\n{output[-2000:]}"]
    print(f"  a broken quiz stops the build: {expected}")
    return []


def main() -> int:
    try:
        import zensical  # noqa: F401
    except ImportError:
        print("Zensical is not installed for this Python. See: python scripts/zensical_check.py --help", file=sys.stderr)
        return 2
    if "--help" in sys.argv:
        print(__doc__)
        return 0
    from importlib.metadata import version

    print(f"Zensical {version('zensical')}, Markdown {version('markdown')}")
    with tempfile.TemporaryDirectory(prefix="zensical-check-") as tmp:
        good, bad = Path(tmp, "site-copy"), Path(tmp, "broken-copy")
        result = zensical_build(project_copy(good))
        if result.returncode:
            print(f"Zensical build failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
            return 1
        print(f"  build: {result.stdout.strip().splitlines()[-1] if result.stdout.strip() else 'ok'}")
        project_copy(bad)
        problems = check_pages(good) + check_error(bad)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print("Zensical check: " + ("failed" if problems else "passed"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
