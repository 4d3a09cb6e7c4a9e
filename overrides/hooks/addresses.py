"""The site's own addresses, set in one place each and written into pages.

Pages write ``{{ site_url }}`` for the published site (for example in the
welcome-email template), ``{{ repo_url }}`` for the repository and
``{{ issues_url }}`` where they ask readers to report an error or a barrier,
for example ``[tell us]({{ issues_url }})``. This hook replaces them from
``site_url`` and ``repo_url`` in mkdocs.yml, so a clinic that runs its own copy
sets ``SITE_URL`` and ``REPO_URL`` once and every such address follows.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

REPO_MARKERS = {"{{ repo_url }}": "", "{{ issues_url }}": "/issues"}
SITE_MARKER = "{{ site_url }}"


def repo_address(repo_url: str | None, page: str) -> str:
    """The repository's web address without a trailing slash; PluginError if unset."""
    repo = (repo_url or "").strip().rstrip("/")
    if not repo.startswith(("https://", "http://")):
        raise PluginError(
            f"{page} links to the repository ({' or '.join(REPO_MARKERS)}), but repo_url in mkdocs.yml is "
            f"{repo_url!r}. Set repo_url (or the REPO_URL variable) to the repository's web address."
        )
    return repo


def on_page_markdown(markdown, page, config, files):
    markdown = markdown.replace(SITE_MARKER, config.get("site_url") or "/")
    used = [marker for marker in REPO_MARKERS if marker in markdown]
    if used:
        repo = repo_address(config.get("repo_url"), page.file.src_uri)
        for marker in used:
            markdown = markdown.replace(marker, repo + REPO_MARKERS[marker])
    return markdown
