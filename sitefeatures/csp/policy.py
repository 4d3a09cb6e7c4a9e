"""The Content-Security-Policy <meta> of a finished page, after every other step (minify included).

The policy allows the site's own origin, and inline scripts only when the theme's own
templates wrote them (``theme_scripts.allowed_hashes``). Any other inline script, an inline
event handler (``onclick=``) or a ``javascript:`` link stops the build with the page and the
part of the page it is in (the page's text, the crisis bar, the header, ...), so a script that
came in through content, a quiz or a setting is never published, let alone allowed.
Inline styles are hashed as they are (the theme writes none that content controls).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..values import SettingsError
from .theme_scripts import source_hash

META_NAME = "Content-Security-Policy"
NEWLINE = re.compile("\n")
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
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
# Where on a page something sits, from the innermost matching element: (tag, class) -> words.
PLACES = [
    ("", "crisis-bar", "the crisis bar (docs/_data/crisis-lines.yml or extra.crisis_overrides / extra.crisis_bar)"),
    ("", "clinic-box", "the clinic box (extra.clinic)"),
    ("", "md-copyright", "the footer (extra.clinic or copyright in mkdocs.yml)"),
    ("", "md-header", "the header (site_name, extra.clinic)"),
    ("article", "", "the page's text (its Markdown file, a quiz or the glossary)"),
    ("head", "", "the page's <head> (a template or mkdocs.yml)"),
]


class PageScan(HTMLParser):
    """One pass over a page: inline scripts with where they sit, styles, what the policy forbids."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.scripts: list[tuple[str, str]] = []
        self.styles: list[str] = []
        self.problems: list[str] = []
        self.insert_at: int | None = None
        self.has_policy = False
        self._open: list[tuple[str, str]] = []
        self._loads = False
        self._inline: list[str] | None = None
        self._lines = [0] + [match.end() for match in NEWLINE.finditer(html)]  # where each line starts
        self.feed(html)
        self.close()

    def place(self) -> str:
        for tag, classes in reversed(self._open):
            for wanted_tag, wanted_class, words in PLACES:
                if (wanted_tag and tag == wanted_tag) or (wanted_class and wanted_class in classes.split()):
                    return words
        return "a template"

    def _end_of_tag(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag, attrs):
        values = {name: (value or "") for name, value in attrs}
        self._check_attributes(tag, values)
        if tag not in VOID:
            self._open.append((tag, values.get("class", "")))
        if tag == "head" or (tag == "meta" and "charset" in values and not self._loads):
            self.insert_at = self._end_of_tag()
        elif tag == "meta" and values.get("http-equiv", "").lower() == META_NAME.lower():
            self.has_policy = True
        if tag in ("script", "style", "link"):
            self._loads = True
        if tag == "script" and "src" not in values:
            runs = values.get("type", "").strip().lower() in SCRIPT_TYPES
            self._inline = [] if runs else None
        elif tag == "style":
            self._inline = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._inline is not None:
            self._inline.append(data)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._inline is not None:
            text = "".join(self._inline)
            if tag == "script":
                self.scripts.append((text, self.place()))
            else:
                self.styles.append(text)
        if tag in ("script", "style"):
            self._inline = None
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def _check_attributes(self, tag: str, values: dict[str, str]) -> None:
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"an inline event handler <{tag} {name}=...> in {self.place()}")
            elif name == "style":
                self.problems.append(f'an inline style <{tag} style="{value[:40]}"> in {self.place()}')
            elif name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"a javascript: link <{tag} {name}=...> in {self.place()}")


def policy_text(script_hashes: set[str], style_hashes: set[str]) -> str:
    """The policy: the base policy plus the allowed inline scripts and the page's inline styles."""
    sources = {name: list(values) for name, values in POLICY.items()}
    sources["script-src"] += sorted(script_hashes)
    sources["style-src"] += sorted(style_hashes)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in sources.items())


def add_policy(html: str, where: str, allowed: set[str]) -> str:
    """The page with its CSP <meta> first in <head>; SettingsError for anything the policy must not allow."""
    if f'<meta http-equiv="{META_NAME}"' in html:
        return html  # added earlier in this build
    scan = PageScan(html)
    if scan.has_policy or scan.insert_at is None:
        return html
    problems = list(dict.fromkeys(scan.problems))
    used = set()
    for text, place in scan.scripts:
        digest = source_hash(text)
        if digest in allowed:
            used.add(digest)
        else:
            shown = " ".join(text.split())[:60]
            problems.append(f"an inline script that no theme template writes ({shown!r}) in {place}")
    if problems:
        raise SettingsError(
            f"{where}: " + "; ".join(problems) + ". Scripts, event handlers and javascript: links cannot come "
            "from content, quizzes, data files or settings: remove them (use plain text or Markdown), "
            "or add a script file to extra_javascript."
        )
    meta = f'<meta http-equiv="{META_NAME}" content="{policy_text(used, {source_hash(s) for s in scan.styles})}">'
    return html[: scan.insert_at] + meta + html[scan.insert_at :]
