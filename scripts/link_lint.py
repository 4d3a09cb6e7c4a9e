"""Links a reader can use, checked over a built site: link text that says where
it goes, and tel:/sms:/mailto: addresses of the right form.

- Link text that says nothing out of context ("click here", "here", "this page",
  "read more", "link", "more"): a screen reader's list of links shows the text alone.
- tel: and sms: only a leading + and digits, at least 3 of them (options and
  spaces belong in the text, not the number).
- mailto: one address, with an @ and a dot in its domain, and no second "mailto:".

Pages are parsed with html.parser (minified HTML has unquoted attributes).

    python scripts/link_lint.py site/      # one "page: problem" line each; exit 1 if any
"""

from __future__ import annotations

import argparse
import re
import string
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup

from site_urls import REPO, page_path

VAGUE = {"click here", "here", "this page", "read more", "link", "more"}
TRIM = string.punctuation + string.whitespace + "…→←»«›‹"
NUMBER = re.compile(r"\+?[0-9]{3,}")
ADDRESS = re.compile(r"[^@\s,;:]+@[^@\s,;:.]+(\.[^@\s,;:.]+)+")


@dataclass(frozen=True, order=True)
class Finding:
    """One problem link: the page it is on and what is wrong."""

    page: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: {self.problem}"


def link_text(link) -> str:
    """What a screen reader announces for a link: its aria-label, else its text and image alt text."""
    label = link.get("aria-label")
    if label:
        return label
    alts = [image.get("alt", "") for image in link.find_all("img")]
    return " ".join([link.get_text(" "), *alts])


def vague(text: str) -> bool:
    """Whether the text says nothing about where the link goes."""
    return " ".join(text.split()).strip(TRIM).lower() in VAGUE


def href_problem(href: str) -> str | None:
    """What is wrong with a tel:, sms: or mailto: address, or None."""
    scheme, _, value = href.strip().partition(":")
    scheme, value = scheme.lower(), unquote(value).split("?", 1)[0]
    if scheme in ("tel", "sms") and not NUMBER.fullmatch(value):
        return f"'{href}' is not a number: use only a leading + and digits (at least 3); put options in the text"
    if scheme == "mailto":
        if value.lower().startswith("mailto:"):
            return f"'{href}' says 'mailto:' twice: keep one"
        if not ADDRESS.fullmatch(value):
            return f"'{href}' is not one email address: write name@domain.example, with a dot in the domain"
    return None


def lint_page(html: str) -> list[str]:
    """The problems of one page's links, in page order."""
    problems = []
    for link in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        text = link_text(link)
        if vague(text):
            problems.append(f"link text '{' '.join(text.split())}' says nothing out of context "
                            f"(to {link['href']}): name where it goes, like 'crisis lines in the UK'")
        problem = href_problem(str(link["href"]))
        if problem:
            problems.append(problem)
    return problems


def lint_site(site_dir: Path) -> list[Finding]:
    """Every problem link of a built site, sorted by page."""
    return sorted(
        Finding(page_path(site_dir, file), problem)
        for file in Path(site_dir).rglob("*.html")
        for problem in lint_page(file.read_text(encoding="utf-8"))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=REPO / "site", help="built site (default: site/)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"link_lint: {args.site} is not a built site (no index.html): run mkdocs build first.", file=sys.stderr)
        return 2
    findings = lint_site(args.site)
    for finding in findings:
        print(finding)
    print(f"{len(findings)} link problems." if findings else "No link problems.")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
