"""The site's map: the stable URLs readers and clinics rely on, and helpers to list built pages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

FACTOR_PAGES = ["/relationship/", "/expertise/", "/communication/", "/collaboration/", "/structure/"]
GUIDE_PAGES = ["/starting-therapy/", "/is-it-working/", "/types-of-therapy/", "/myths-and-facts/"]
TRUST_PAGES = ["/glossary/", "/about/", "/privacy/", "/accessibility/"]
SITE_MAP = ["/", *FACTOR_PAGES, *GUIDE_PAGES, "/get-help/", "/references/", *TRUST_PAGES]

# The section ids every factor page carries, in this order (clinics link to them).
FACTOR_SECTIONS = [
    "what-it-is", "research", "in-a-session", "what-you-can-do", "questions-to-ask",
    "warning-signs", "check-yourself", "sources", "related",
]


def sitemap_paths(site_dir: Path) -> list[str]:
    """URL paths listed in the built sitemap.xml, e.g. ['/', '/relationship/']."""
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    return [urlparse(loc.text.strip()).path for loc in root.findall("sm:url/sm:loc", namespace)]
