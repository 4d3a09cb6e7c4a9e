"""The quiz assets for a site built without the plugin (Zensical runs no MkDocs plugins).

After the engine has written the site, ``publish_assets`` writes the CSS and JavaScript
(``bundle``) into it and links them from each page that has a quiz and does not link
them yet, at the end of its ``<head>``; it also refuses two quizzes with one id, as the
plugin does. ``python -m sitefeatures finish --engine zensical`` calls it.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

from . import bundle

ASSETS_DIR = "assets/selfcheck"


class DuplicateQuizId(ValueError):
    """Two finished pages hold quizzes with the same id."""


class QuizPage(HTMLParser):
    """Where a finished page's </head> is, its quiz ids, and whether it links the assets."""

    def __init__(self, page_html: str):
        super().__init__(convert_charrefs=True)
        self.head_end: tuple[int, int] | None = None
        self.quiz_ids: list[str] = []
        self.links_assets = False
        self.feed(page_html)
        self.close()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "data-quiz" in values:
            self.quiz_ids.append(values.get("id") or "")
        if f"/{ASSETS_DIR}/" in "/" + (values.get("src") or values.get("href") or "").lstrip("./"):
            self.links_assets = True

    def handle_endtag(self, tag):
        if tag == "head" and self.head_end is None:
            self.head_end = self.getpos()


def offset(text: str, position: tuple[int, int]) -> int:
    line, column = position
    return sum(len(part) for part in text.splitlines(keepends=True)[: line - 1]) + column


def publish_assets(site_dir: Path, minify: bool = True) -> list[str]:
    """Write the assets and link them from every quiz page; the pages changed."""
    site_dir = Path(site_dir)
    assets = bundle.load(minify)
    pages: dict[str, str] = {}
    changed = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "data-quiz" not in text:
            continue
        scan = QuizPage(text)
        page = path.relative_to(site_dir).as_posix()
        for quiz_id in scan.quiz_ids:
            if quiz_id in pages:
                raise DuplicateQuizId(f"Two quizzes have the id '{quiz_id}' ({pages[quiz_id]} and {page}): "
                                      "links to a quiz must lead to one place. Give the newer quiz another id.")
            pages[quiz_id] = page
        if not scan.quiz_ids or scan.links_assets or scan.head_end is None:
            continue
        here = posixpath.dirname(page)
        urls = {asset.name: posixpath.relpath(f"{ASSETS_DIR}/{asset.name}", here or ".") for asset in assets}
        at = offset(text, scan.head_end)
        path.write_text(text[:at] + bundle.tags(urls) + text[at:], encoding="utf-8")
        changed.append(page)
    if changed:
        folder = site_dir / ASSETS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        for asset in assets:
            (folder / asset.name).write_bytes(asset.content)
    return changed
