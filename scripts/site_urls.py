"""Where the site is published and which pages it lists: shared by the link scripts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

REPO = Path(__file__).resolve().parents[1]
MKDOCS_YML = REPO / "mkdocs.yml"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def read_config(config_file: Path = MKDOCS_YML) -> dict:
    """mkdocs.yml as a dict, with !ENV and INHERIT resolved as MkDocs does (not validated)."""
    loader = get_yaml_loader(config=MkDocsConfig(config_file_path=str(config_file)))
    try:
        with open(config_file, encoding="utf-8") as file:
            return yaml_load(file, loader)
    except ConfigurationError as error:
        raise ValueError(f"cannot read {config_file}: {error}") from error


def configured_site_url(config_file: Path = MKDOCS_YML) -> str:
    """site_url from mkdocs.yml (SITE_URL applied), ending in '/'."""
    url = read_config(config_file).get("site_url") or ""
    if not url:
        raise ValueError(f"{config_file} sets no site_url")
    return url if url.endswith("/") else url + "/"


def sitemap_urls(site_dir: Path) -> list[str]:
    """Every <loc> in the built site's sitemap.xml, in order."""
    tree = ET.parse(Path(site_dir) / "sitemap.xml")
    return [loc.text.strip() for loc in tree.iter(f"{SITEMAP_NS}loc") if loc.text]


def sitemap_paths(site_dir: Path) -> list[str]:
    """The pages in the built sitemap.xml as paths from the site's root, e.g. ['/', '/relationship/'],
    also when the site lives under a sub-path (https://clinic.github.io/guide/)."""
    paths = [urlparse(url).path for url in sitemap_urls(site_dir)]
    root = min(paths, key=len) if paths else "/"  # the home page is the site's root
    return ["/" + path[len(root):] for path in paths]


def site_path(url: str, site_url: str) -> str | None:
    """'/about/' for site_url + 'about/'; None for an address outside the site."""
    return "/" + url[len(site_url):] if url.startswith(site_url) else None


def page_path(site_dir: Path, file: Path) -> str:
    """The site path ('/about/') of a built file ('<site_dir>/about/index.html')."""
    relative = Path(file).resolve().relative_to(Path(site_dir).resolve()).as_posix()
    return "/" + re.sub(r"(^|/)index\.html$", r"\1", relative)
