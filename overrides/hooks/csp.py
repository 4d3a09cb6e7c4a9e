"""Content-Security-Policy: a <meta> tag on every built page that allows only the site's own origin.

Inline scripts the theme needs are allowed by their SHA-256 hashes, computed from the final HTML,
so this hook runs after every plugin (minify included): hooks are registered after plugins, and
``event_priority(-100)`` keeps it last whatever other plugins ask for. Pages come through
``on_post_page``, the 404 page through ``on_post_template``, and pages other plugins write at the
end (redirect pages) through ``on_post_build``. Markup that a policy without 'unsafe-inline' would
break (``onclick=``, ``style=``, ``javascript:`` links) is a build warning, so ``--strict`` fails.
Under ``mkdocs serve`` no policy is added: live reload injects an inline script of its own.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("csp")

META_NAME = "Content-Security-Policy"
# Script types a browser runs; anything else (application/json, ...) is data and needs no hash.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# data: images are for the icons Material's CSS draws with url(data:...) masks.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def source_hash(text: str) -> str:
    """The CSP source expression allowing one inline script or style element."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class PageScan(HTMLParser):
    """One pass over a page: inline scripts and styles, where the CSP goes, what CSP would block."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.problems: list[str] = []
        self.insert_at: int | None = None
        self.has_policy = False
        self._loads = False  # a script, style or stylesheet came before: the policy must precede it
        self._inline: list[str] | None = None
        self._lines = [0]
        self._lines += [i + 1 for i, char in enumerate(html) if char == "\n"]
        self.feed(html)
        self.close()

    def _end_of_tag(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag, attrs):
        values = {name: (value or "") for name, value in attrs}
        self._check_attributes(tag, values)
        if tag == "head" or (tag == "meta" and "charset" in values and not self._loads):
            self.insert_at = self._end_of_tag()  # first in <head>, or just after an early charset
        elif tag == "meta" and values.get("http-equiv", "").lower() == META_NAME.lower():
            self.has_policy = True
        if tag in ("script", "style", "link"):
            self._loads = True
        if tag == "script" and "src" not in values:
            runs = values.get("type", "").strip().lower() in SCRIPT_TYPES
            self._inline = [] if runs else None
        elif tag == "style":
            self._inline = []

    def handle_data(self, data):
        if self._inline is not None:
            self._inline.append(data)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._inline is not None:
            (self.scripts if tag == "script" else self.styles).append("".join(self._inline))
        if tag in ("script", "style"):
            self._inline = None

    def _check_attributes(self, tag: str, values: dict[str, str]) -> None:
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> (inline event handler)")
            elif name == "style":
                self.problems.append(f'<{tag} style="{value[:40]}"> (inline style attribute)')
            elif name == "href" and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} href=javascript:...>")


def policy_for(scan: PageScan) -> str:
    """The policy text for one page: the base policy plus the hashes of its inline code."""
    sources = {name: list(values) for name, values in POLICY.items()}
    sources["script-src"] += sorted({source_hash(text) for text in scan.scripts})
    sources["style-src"] += sorted({source_hash(text) for text in scan.styles})
    return "; ".join(f"{name} {' '.join(values)}" for name, values in sources.items())


def add_policy(html: str, where: str) -> str:
    """The page with its CSP <meta> added first in <head> (after the charset); warns on problems."""
    if f'<meta http-equiv="{META_NAME}"' in html:
        return html  # added earlier in this build: no second scan
    scan = PageScan(html)
    if scan.has_policy or scan.insert_at is None:
        return html
    for problem in dict.fromkeys(scan.problems):
        log.warning("%s: %s is blocked by the Content-Security-Policy.", where, problem)
    meta = f'<meta http-equiv="{META_NAME}" content="{policy_for(scan)}">'
    return html[: scan.insert_at] + meta + html[scan.insert_at :]


_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
    if _serving:
        log.info("No Content-Security-Policy while serving (live reload needs an inline script).")


@event_priority(-100)
def on_post_page(output, page, config):
    return output if _serving else add_policy(output, page.file.src_uri)


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html") and not _serving:
        return add_policy(output_content, template_name)
    return output_content


@event_priority(-100)
def on_post_build(config):
    """Pages written by other plugins at the end of the build (redirect pages) get a policy too."""
    if _serving:
        return
    for path in Path(config["site_dir"]).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        updated = add_policy(html, str(path.relative_to(config["site_dir"])))
        if updated != html:
            path.write_text(updated, encoding="utf-8")
