"""The site's own addresses, set in one place each and written into pages.

Pages write ``{{ site_url }}`` for this copy's published address (the welcome email),
``{{ repo_url }}`` for the original guide's repository (where a clinic forks it) and
``{{ issues_url }}`` where they ask readers to report a problem with the text. The last
two point at the original guide (``extra.guide_repo``) even on a clinic's copy, so a
mistake reaches the people who can fix it; ``site_url`` is this copy's own address.
"""

from __future__ import annotations

from .values import SettingsError

SITE_MARKER = "{{ site_url }}"
REPO_MARKERS = {"{{ repo_url }}": "", "{{ issues_url }}": "/issues"}


def repo_address(guide_repo: str | None, page: str) -> str:
    """The original guide's repository without a trailing slash; SettingsError if unset."""
    repo = (guide_repo or "").strip().rstrip("/")
    if not repo.startswith("https://"):
        raise SettingsError(
            f"{page} links to the guide's repository ({' or '.join(REPO_MARKERS)}), but extra.guide_repo in "
            f"mkdocs.yml is {guide_repo!r}. Set it to the original guide's web address, starting https://."
        )
    return repo


def fill(markdown: str, page: str, site_url: str | None, guide_repo: str | None) -> str:
    """The page's Markdown with every address marker replaced."""
    markdown = markdown.replace(SITE_MARKER, site_url or "/")
    used = [marker for marker in REPO_MARKERS if marker in markdown]
    if used:
        repo = repo_address(guide_repo, page)
        for marker in used:
            markdown = markdown.replace(marker, repo + REPO_MARKERS[marker])
    return markdown
