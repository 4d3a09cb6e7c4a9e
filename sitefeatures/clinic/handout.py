"""Printed handouts: link addresses and a QR code, made at build time.

* ``print_href`` gives the full address printed after a link to another page or site
  (the extension sets it as ``data-print-href``; docs/assets/css/handout.css shows it).
  Links whose text already shows the target (phone numbers, email addresses, web
  addresses) and links within the same page get none.
* ``qr_svg`` is a small inline SVG QR code of a page's address (segno, no network),
  shown only in print (``page.meta.site.handout.qr``).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urljoin

import segno
from markupsafe import Markup


def bare(url: str) -> str:
    """An address without its scheme, "www." and trailing slash, for comparing with link text."""
    url = re.sub(r"^[a-z]+:(//)?", "", url.strip().lower())
    return url.removeprefix("www.").rstrip("/")


def print_href(href: str, text: str, page_url: str) -> str | None:
    """The address to print after a link (its text given as plain text), or None when the text says it."""
    if href.startswith(("tel:", "sms:", "mailto:", "javascript:")):
        return None
    target = urljoin(page_url, html.unescape(href))
    if bare(text) == bare(target) or not target.startswith(("http://", "https://")):
        return None
    return target


@lru_cache(maxsize=256)
def qr_svg(url: str | None) -> Markup:
    """An inline SVG QR code for a URL: about 1.5-2.5 KB, under 600 bytes gzipped."""
    if not url:
        return Markup("")
    svg = segno.make(url, error="m").svg_inline(
        border=2, omitsize=True, svgclass="print-qr__code", lineclass=None,
        title=f"QR code for {url}",
    )
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
