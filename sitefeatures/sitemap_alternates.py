"""Each edition's sitemap names every page's twins (hreflang), as search engines document.

The pages themselves carry no ``<link rel="alternate">``: Material's scripts (and Zensical's) fetch
a ``sitemap.xml`` beside every such link at load, 404s for a page's twin, and take over clicks
on links into the other edition. Search engines read the same alternates from a sitemap
(https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap),
so after every edition is built this adds them there: for each page that exists in two or more
editions, one ``xhtml:link`` per edition, and ``x-default`` for the main edition's page.
The readers' own way across is the link in the crisis bar (``a[hreflang]``, ``lang``).
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from .editions import Edition

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP)
ET.register_namespace("xhtml", XHTML)


def page_paths(urlset: ET.Element, root: str) -> dict[str, ET.Element]:
    """A sitemap's <url> entries by page path under the edition's root (``about/``)."""
    entries = {}
    for url in urlset.iter(f"{{{SITEMAP}}}url"):
        loc = (url.findtext(f"{{{SITEMAP}}}loc") or "").strip()
        if loc.startswith(root):
            entries[loc[len(root):]] = url
    return entries


def add_alternates(site_dir: Path, site_root: str, editions: list[Edition]) -> int:
    """Write hreflang alternates into every edition's sitemap.xml (and .gz); how many pages got them."""
    sitemaps = {item.language: site_dir / item.path / "sitemap.xml" for item in editions}
    present = {language: path for language, path in sitemaps.items() if path.is_file()}
    if len(present) < 2:
        return 0
    roots = {item.language: site_root + item.path for item in editions}
    urlsets = {language: ET.parse(path).getroot() for language, path in present.items()}
    entries = {language: page_paths(urlset, roots[language]) for language, urlset in urlsets.items()}
    main = editions[0].language
    linked = 0
    for language, pages in entries.items():
        for path, url in pages.items():
            twins = [other for other in present if path in entries[other]]
            if len(twins) < 2:
                continue
            for old in url.findall(f"{{{XHTML}}}link"):
                url.remove(old)
            for other in twins:
                ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=other, href=roots[other] + path)
            if main in twins:
                ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang="x-default", href=roots[main] + path)
            linked += 1
        write(urlsets[language], present[language])
    return linked


def write(urlset: ET.Element, path: Path) -> None:
    """The sitemap and its gzip copy (which MkDocs also publishes)."""
    ET.indent(urlset, space="    ")
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
