"""Make a clinic's copy of the guide the way clinic staff do, to test it as its own configuration.

    python scripts/clinic_fork.py DEST --from-guide            # the snippets on /for-clinics/
    python scripts/clinic_fork.py DEST --settings FILE [--logo IMAGE]

DEST becomes a git clone of this repository (a "fork") whose mkdocs.yml is edited as staff
edit it: each setting's lines under ``extra:`` are replaced by the lines shown in the For
clinics page's YAML snippets (or in FILE, written the same way), then committed. Run the
fork's own ``make test`` to check that a clinic's copy passes its gate with no edits to tests/.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUIDE_PAGE = REPO / "docs" / "for-clinics.md"
FENCE = re.compile(r"^(?P<indent>[ \t]*)```yaml[ \t]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.MULTILINE | re.DOTALL)
SETTING_INDENT = 2  # settings sit two spaces in, under extra:


def snippets(markdown: str) -> list[str]:
    """The YAML snippets of a Markdown page, without the indentation of the list they sit in."""
    found = []
    for match in FENCE.finditer(markdown):
        indent = len(match["indent"])
        found.append("".join(line[indent:] if line.strip() else "\n" for line in match["body"].splitlines(True)))
    return found


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def setting_blocks(snippet: str) -> dict[str, list[str]]:
    """The snippet's settings: {key: its lines}, each key two spaces in as under extra:."""
    blocks: dict[str, list[str]] = {}
    key = None
    for line in snippet.splitlines(True):
        if line.lstrip().startswith("#") and indent_of(line) < SETTING_INDENT:
            continue  # a comment about the snippet, not part of a setting
        if line.strip() and indent_of(line) == SETTING_INDENT and not line.lstrip().startswith("#"):
            key = line.strip().split(":", 1)[0]
            blocks[key] = []
        elif line.strip() and indent_of(line) < SETTING_INDENT:
            raise ValueError(f"a snippet line is not indented as under extra: {line.rstrip()!r}")
        if key:
            blocks[key].append(line)
    return blocks


def apply_snippet(config_text: str, snippet: str) -> str:
    """mkdocs.yml with each setting in the snippet replacing the same setting under extra:."""
    lines = config_text.splitlines(True)
    start_extra = next(i for i, line in enumerate(lines) if line.rstrip() == "extra:")
    for key, block in setting_blocks(snippet).items():
        pattern = re.compile(rf"^ {{{SETTING_INDENT}}}{re.escape(key)}:")
        start = next((i for i in range(start_extra + 1, len(lines)) if pattern.match(lines[i])), None)
        if start is None:
            raise ValueError(f"mkdocs.yml has no setting '{key}' under extra: to replace")
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or indent_of(lines[end]) > SETTING_INDENT):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1  # keep the blank line before the next setting
        lines[start:end] = block if block[-1].endswith("\n") else [*block[:-1], block[-1] + "\n"]
    return "".join(lines)


def run(*args: str, cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def make_fork(dest: Path, settings: list[str], logo: Path | None = None) -> Path:
    """A clone of this repository with the settings applied to mkdocs.yml and committed."""
    run("git", "clone", "--quiet", str(REPO), str(dest), cwd=REPO)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for snippet in settings:
        text = apply_snippet(text, snippet)
    config.write_text(text, encoding="utf-8")
    if logo:
        shutil.copy(logo, dest / "docs" / "assets" / "images" / logo.name)
    run("git", "add", "-A", cwd=dest)
    run("git", "-c", "user.name=Clinic", "-c", "user.email=clinic@example.org", "commit", "--quiet",
        "-m", "Our clinic's settings", cwd=dest)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-guide", action="store_true", help="apply the snippets on docs/for-clinics.md")
    source.add_argument("--settings", type=Path, help="apply a file of settings written as under extra:")
    parser.add_argument("--logo", type=Path, help="an image to add to docs/assets/images/")
    args = parser.parse_args(argv)
    if args.from_guide:
        settings = snippets(GUIDE_PAGE.read_text(encoding="utf-8"))
    else:
        settings = [args.settings.read_text(encoding="utf-8")]
    make_fork(args.dest, settings, args.logo)
    print(f"{args.dest}: a clinic's copy with {len(settings)} snippet(s) applied to mkdocs.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
