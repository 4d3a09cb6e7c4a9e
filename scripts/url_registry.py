"""The registry of published URLs (tests/published-urls.txt, and one per other edition:
tests/published-urls.es.txt): read it, add to it, and resolve an entry against a built site
the way a reader's browser would, following the redirect pages that mkdocs-redirects writes.
Entries are paths under the edition's own address (``/about/`` is ``es/about/`` in Spanish).
EDITION=es in the environment makes the Spanish registry the default, as it does for the tests."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from site_urls import REPO


def registry_for(language: str) -> Path:
    """The registry of an edition's addresses."""
    return REPO / "tests" / ("published-urls.txt" if language == "en" else f"published-urls.{language}.txt")


REGISTRY = registry_for(os.environ.get("EDITION") or "en")
MAX_REDIRECTS = 5


def read_entries(registry: Path = REGISTRY) -> list[str]:
    """The entries ('/about/', '/relationship/#research'), without comments and blank lines."""
    lines = registry.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def unregistered(entries: list[str], registry: Path = REGISTRY) -> list[str]:
    """The entries that the registry does not hold, in order."""
    known = set(read_entries(registry))
    return [entry for entry in entries if entry not in known]


def append_entries(new: list[str], registry: Path = REGISTRY) -> list[str]:
    """Append the entries not yet in the registry, in the given order, under a dated
    comment; return them."""
    added = unregistered(list(dict.fromkeys(new)), registry)
    if added:
        text = registry.read_text(encoding="utf-8").rstrip("\n")
        block = "\n".join([f"# Added {date.today().isoformat()} by scripts/update_url_registry.py", *added])
        registry.write_text(f"{text}\n\n{block}\n", encoding="utf-8")
    return added


def page_file(site_dir: Path, path: str) -> Path:
    """The built file served for a site path: '/about/' -> about/index.html."""
    file = Path(site_dir, path.lstrip("/"))
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def redirect_target(html: BeautifulSoup) -> str | None:
    """The address a redirect page sends the reader to (meta refresh), or None."""
    meta = html.find("meta", attrs={"http-equiv": lambda value: value is not None and value.lower() == "refresh"})
    content = meta.get("content") if meta else None
    if not isinstance(content, str):
        return None
    for part in content.split(";"):
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "url":
            return value.strip().strip("'\"")
    return None


def follow(path: str, fragment: str, target: str) -> tuple[str, str]:
    """Where a redirect page at path leads, and the fragment the reader ends on.
    mkdocs-redirects' script appends the reader's #fragment to the target."""
    new_path, _, new_fragment = urljoin(path, target).partition("#")
    joined = "#".join(part for part in (new_fragment, fragment) if part)
    return new_path, joined


def resolve(site_dir: Path, entry: str) -> str | None:
    """Why the entry no longer reaches a page (and its fragment), or None if it does."""
    path, _, fragment = entry.partition("#")
    hops: list[str] = []
    while True:
        file = page_file(site_dir, path)
        if not file.is_file():
            via = f" (redirected via {' -> '.join(hops)})" if hops else ""
            return f"{entry}: no page at {path}{via}; add a redirect in mkdocs.yml"
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        target = redirect_target(html)
        if target is None:
            break
        if urlsplit(target).scheme:
            return None  # redirected off this site on purpose; nothing to check here
        hops.append(path)
        if len(hops) > MAX_REDIRECTS:
            return f"{entry}: more than {MAX_REDIRECTS} redirects ({' -> '.join(hops)})"
        path, fragment = follow(path, fragment, target)
    if fragment and not html.find(id=fragment) and not html.find(None, attrs={"name": fragment}):
        return f"{entry}: no #{fragment} on {path}; keep the old id on the page"
    return None
