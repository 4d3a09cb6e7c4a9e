"""Printed handouts: link addresses and a QR code, made at build time.

* Every link in a page's text that leads to another page or site gets a
  ``data-print-href`` attribute with its full address; the print stylesheet
  (docs/assets/css/handout.css) shows it after the link text. Links whose text
  already shows the target (phone numbers, email addresses, web addresses)
  and links within the same page are left alone.
* Templates get a ``qr_svg`` filter: ``{{ page.canonical_url | qr_svg }}`` is
  a small inline SVG QR code (segno, no network), shown only in print.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urljoin

import segno
from markupsafe import Markup

# Python-Markdown writes every link as <a href="..." ...>text</a>, href first.
LINK = re.compile(r'<a href="(?P<href>[^"#][^"]*)"(?P<attrs>[^>]*)>(?P<text>.*?)</a>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def bare(url: str) -> str:
    """An address without its scheme, "www." and trailing slash, for comparing with link text."""
    url = re.sub(r"^[a-z]+:(//)?", "", url.strip().lower())
    return url.removeprefix("www.").rstrip("/")


def print_href(href: str, text: str, page_url: str) -> str | None:
    """The address to print after a link, or None when the link text already says it."""
    if href.startswith(("tel:", "sms:", "mailto:", "javascript:")):
        return None
    target = urljoin(page_url, html.unescape(href))
    shown = html.unescape(TAG.sub("", text))
    if bare(shown) == bare(target) or not target.startswith(("http://", "https://")):
        return None
    return target


def add_print_hrefs(content: str, page_url: str) -> str:
    """The page HTML with data-print-href on links to other pages and sites."""

    def annotate(match: re.Match) -> str:
        target = print_href(match["href"], match["text"], page_url)
        if target is None or "data-print-href" in match["attrs"]:
            return match.group()
        return (
            f'<a href="{match["href"]}" data-print-href="{html.escape(target)}"'
            f'{match["attrs"]}>{match["text"]}</a>'
        )

    return LINK.sub(annotate, content)


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
