"""A CNAME file for a clinic's own web address, worked out from site_url.

The site's address is set in one place: site_url (the SITE_URL variable, which
the deploy workflow takes from the repository's GitHub Pages settings). When
that address is a custom domain rather than a github.io or local address, the
build writes site/CNAME with the domain, so the published files say which
domain they belong to.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def custom_domain(site_url: str | None) -> str | None:
    """The custom domain in a site address, or None for github.io and local addresses."""
    host = (urlsplit(site_url or "").hostname or "").lower()
    if not host or host in LOCAL_HOSTS or host == "github.io" or host.endswith(".github.io"):
        return None
    return host


def write_cname(site_dir: str | Path, site_url: str | None) -> None:
    """site/CNAME with the custom domain, when the site has one."""
    domain = custom_domain(site_url)
    if domain:
        (Path(site_dir) / "CNAME").write_text(domain + "\n", encoding="utf-8")
