"""`make build` rebuilds when a source file is edited, added, deleted or renamed, and
only then; asked with `make -n` of a scratch copy whose site/ is up to date."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.support.project import REPO

COPIED_FILES = ("Makefile", "mkdocs.yml", "pyproject.toml", "tests/published-urls.txt")
COPIED_DIRS = ("docs", "overrides", "selfcheck", "requirements")
BUILD = "mkdocs build --strict"
SOURCES_AGE, SITE_AGE = 1000, 500  # seconds in the past: sources older than the site


def would_build(project: Path) -> bool:
    """Whether `make build` would run the build (make -n prints what it would run)."""
    result = subprocess.run(["make", "-n", "build"], cwd=project, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return BUILD in result.stdout


def age(path: Path, seconds: int) -> None:
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


@pytest.fixture
def project(tmp_path) -> Path:
    """A scratch copy of what the build reads, with a stamped environment and a built site/ (and
    its build log), every source older than the site."""
    for name in COPIED_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, tmp_path / name)
    for name in COPIED_DIRS:
        shutil.copytree(REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    for tool in (".venv/bin/python", ".venv/uv/bin/uv"):
        (tmp_path / tool).parent.mkdir(parents=True)
        (tmp_path / tool).touch()
    (tmp_path / ".venv" / ".installed").touch()
    assert would_build(tmp_path)  # no site yet; this also writes the list of sources
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("built", encoding="utf-8")
    (tmp_path / ".make" / "build.log").write_text("INFO    -  Documentation built", encoding="utf-8")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            age(path, SOURCES_AGE)
    age(tmp_path / ".venv" / ".installed", SOURCES_AGE)
    age(tmp_path / "site" / "index.html", SITE_AGE)
    return tmp_path


def test_nothing_changed_nothing_to_build(project):
    assert not would_build(project)
    assert not would_build(project), "the list of sources was rewritten although nothing changed"


CHANGES = {
    "edited": lambda p: age(p / "docs" / "about.md", 0),
    "deleted": lambda p: (p / "docs" / "about.md").unlink(),
    "renamed": lambda p: (p / "docs" / "about.md").rename(p / "docs" / "about-us.md"),
    "added": lambda p: shutil.copy2(p / "docs" / "about.md", p / "docs" / "about-copy.md"),
    "deleted from overrides": lambda p: next(f for f in sorted((p / "overrides").rglob("*")) if f.is_file()).unlink(),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_changed_set_of_sources_rebuilds(project, change):
    CHANGES[change](project)
    assert would_build(project), f"a source file {change} did not make `make build` rebuild"


def test_a_site_without_its_build_log_is_built_again(project):
    """The tests read the log of the build that made site/ (no warnings), so both must be there."""
    (project / ".make" / "build.log").unlink()
    assert would_build(project)
