"""Throwaway copies of the project for tests that seed a defect or add a redirect:
docs/ and overrides/ are copied (free to damage), everything else the build reads
is linked, and a mkdocs.yml inherits the real one."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import REPO
from site_urls import read_config

COPIED = ("docs", "overrides")
NOT_LINKED = {".git", ".venv", "site", "mkdocs.yml", ".pytest_cache", ".hypothesis", "__pycache__", ".cache", ".make"}


def project_copy(dest: Path, redirects: dict[str, str] | None = None, extra: dict | None = None) -> Path:
    """Lay out a copy of the project in dest; return its mkdocs.yml. redirects are
    added to the redirects plugin's redirect_maps; extra: values are added to the real ones."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in REPO.iterdir():
        if entry.name in COPIED:
            shutil.copytree(entry, dest / entry.name)
        elif entry.name not in NOT_LINKED:
            (dest / entry.name).symlink_to(entry)
    config = {"INHERIT": str(REPO / "mkdocs.yml")}
    if redirects:
        config["plugins"] = plugins_with_redirects(redirects)
    if extra:
        config["extra"] = extra
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def plugins_with_redirects(redirects: dict[str, str]) -> list:
    """The real plugins list with redirects added (INHERIT replaces lists whole)."""
    plugins = read_config(REPO / "mkdocs.yml")["plugins"]
    for index, plugin in enumerate(plugins):
        if plugin == "redirects" or (isinstance(plugin, dict) and "redirects" in plugin):
            options = (plugin["redirects"] if isinstance(plugin, dict) else None) or {}
            options["redirect_maps"] = {**(options.get("redirect_maps") or {}), **redirects}
            plugins[index] = {"redirects": options}
            return plugins
    raise AssertionError("mkdocs.yml has no redirects plugin")


def inject(page: Path, html: str) -> None:
    """Add raw HTML at the end of a built page's body."""
    text = page.read_text(encoding="utf-8")
    assert "</body>" in text, page
    page.write_text(text.replace("</body>", html + "</body>", 1), encoding="utf-8")
