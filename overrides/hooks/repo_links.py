"""Links to the project's repository, set in one place: ``repo_url`` in mkdocs.yml.

Pages write ``{{ repo_url }}`` for the repository itself and ``{{ issues_url }}``
where they ask readers to report an error or a barrier, for example
``[tell us]({{ issues_url }})``. This hook replaces them with ``<repo_url>`` and
``<repo_url>/issues``, so a clinic that runs its own copy sets ``repo_url`` (or
the ``REPO_URL`` variable) once and every such link follows.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

MARKERS = {"{{ repo_url }}": "", "{{ issues_url }}": "/issues"}


def repo_address(repo_url: str | None, page: str) -> str:
    """The repository's web address without a trailing slash; PluginError if unset."""
    repo = (repo_url or "").strip().rstrip("/")
    if not repo.startswith(("https://", "http://")):
        raise PluginError(
            f"{page} links to the repository ({' or '.join(MARKERS)}), but repo_url in mkdocs.yml is "
            f"{repo_url!r}. Set repo_url (or the REPO_URL variable) to the repository's web address."
        )
    return repo


def on_page_markdown(markdown, page, config, files):
    used = [marker for marker in MARKERS if marker in markdown]
    if used:
        repo = repo_address(config.get("repo_url"), page.file.src_uri)
        for marker in used:
            markdown = markdown.replace(marker, repo + MARKERS[marker])
    return markdown
