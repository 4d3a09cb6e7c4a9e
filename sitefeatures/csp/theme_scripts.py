"""The inline scripts the site may run: those written by the theme's own templates.

They are read from the template files (Material's and ours in overrides/), not from the
finished pages, so a script that reaches a page any other way (page content, a quiz, a data
file, a setting) is not allowed and fails the build. A template script that uses ``{{ base_url }}``
is rendered for every base address a page can have. Redirect pages written by mkdocs-redirects
get the one script its template writes for each configured redirect.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

MAX_DEPTH = 6  # folders deep a page can be: base_url "." to "../../../../../.."


def source_hash(text: str) -> str:
    """The CSP source expression allowing one inline script or style element."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class InlineScripts(HTMLParser):
    """The bodies of <script> elements without src in one template file."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._body: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        runs = (values.get("type") or "").lower() in ("", "text/javascript", "application/javascript", "module")
        if tag == "script" and "src" not in values and runs:
            self._body = []

    def handle_data(self, data):
        if self._body is not None:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._body is not None:
            self.bodies.append("".join(self._body))
            self._body = None


def template_bodies(theme_dirs: list[str]) -> set[str]:
    """Every inline script body in the theme's template files (Jinja source)."""
    bodies: set[str] = set()
    for folder in theme_dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            parser = InlineScripts()
            parser.feed(path.read_text(encoding="utf-8"))
            bodies.update(body for body in parser.bodies if body.strip())
    return bodies


def base_urls(site_url: str | None) -> list[str]:
    """Every base address a page can have: relative ones by depth, and the site's path (404 page)."""
    relative = ["."] + ["/".join([".."] * depth) for depth in range(1, MAX_DEPTH + 1)]
    absolute = urlsplit(site_url or "/").path or "/"
    return [*relative, absolute, absolute.rstrip("/") or "/"]


def rendered(body: str, site_url: str | None) -> set[str]:
    """A template script as the pages can show it."""
    if "{{" not in body and "{%" not in body:
        return {body}
    environment = jinja2.Environment(undefined=jinja2.ChainableUndefined)
    try:
        template = environment.from_string(body)
    except jinja2.TemplateError:
        return set()
    return {template.render(base_url=base, config={"extra": {}}) for base in base_urls(site_url)}


def redirect_scripts(redirect_maps: dict, use_directory_urls: bool) -> set[str]:
    """The script mkdocs-redirects writes into each redirect page it makes."""
    if not redirect_maps:
        return set()
    from mkdocs.structure.files import File
    from mkdocs_redirects import plugin as redirects

    parser = InlineScripts()
    for old, new in redirect_maps.items():
        target = str(new)
        if not urlsplit(target).scheme:
            path, _, fragment = target.partition("#")
            url = File(path, "", "", use_directory_urls).url + (f"#{fragment}" if fragment else "")
            target = redirects.get_relative_html_path(old, url, use_directory_urls)
        parser.feed(redirects.HTML_TEMPLATE.format(url=target))
    return set(parser.bodies)


def allowed_hashes(theme_dirs: list[str], site_url: str | None, redirect_maps: dict | None = None,
                   use_directory_urls: bool = True) -> set[str]:
    """The hashes of every inline script the site's own templates can write."""
    scripts: set[str] = set()
    for body in template_bodies(theme_dirs):
        scripts |= rendered(body, site_url)
    scripts |= redirect_scripts(redirect_maps or {}, use_directory_urls)
    return {source_hash(script) for script in scripts}
