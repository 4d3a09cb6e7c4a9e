"""A small page for the Content-Security-Policy tests, with the one theme script its policy allows."""

from __future__ import annotations

from sitefeatures.csp import theme_scripts

THEME_SCRIPT = "var theme=1"
# Minified the way mkdocs-minify writes pages: unquoted attributes, no line breaks.
PAGE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title>"
    f"<script>{THEME_SCRIPT}</script><script id=__config type=application/json>{{\"a\":1}}</script>"
    "</head><body><p>x</p><article><p>text</p></article><script src=a.js></script></body></html>"
)
ALLOWED = {theme_scripts.source_hash(THEME_SCRIPT)}
