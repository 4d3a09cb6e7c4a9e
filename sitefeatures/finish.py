"""After the engine has written the site: the steps that read the finished pages.

Both engines end here. The MkDocs plugin calls ``finish`` after its build (and after
mkdocs-redirects and the minifier); after ``zensical build`` run
``python -m sitefeatures finish`` (``make build ENGINE=zensical`` does). In order:

1. the list of links for emails is written into the page that asked for it;
2. a clinic's custom domain gets site/CNAME;
3. every page gets its Content-Security-Policy, computed last, over the final HTML, so the
   hashes hold for whatever the engine's minifier wrote; a script that no template of the
   theme writes stops the build with the page and the part of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .clinic import domain, links
from .csp import policy


@dataclass(frozen=True)
class Build:
    """What the finishing steps need to know about a build, from either engine's settings."""

    site_dir: Path
    docs_dir: Path
    nav: list | None
    site_url: str
    directory_urls: bool = True
    language: str = "en"
    languages: tuple[str, ...] = ()  # the editions the copy publishes (extra.languages)


def add_policies(site_dir: Path, allowed: set[str]) -> int:
    """Every finished HTML page with its policy; the number of pages read."""
    count = 0
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        updated = policy.add_policy(html, str(path.relative_to(site_dir)), allowed)
        if updated != html:
            path.write_text(updated, encoding="utf-8")
        count += 1
    return count


def finish(build: Build, allowed: set[str] | None) -> None:
    """Run the finishing steps; ``allowed`` None skips the policy (while serving: live reload is inline)."""
    links.fill_site(build.site_dir, build.docs_dir, build.nav, build.site_url, build.directory_urls,
                    build.language, build.languages)
    domain.write_cname(build.site_dir, build.site_url)
    if allowed is not None:
        add_policies(build.site_dir, allowed)
