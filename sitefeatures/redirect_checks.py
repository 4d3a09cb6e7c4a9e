"""Redirects that would break a clinic's link stop the build.

mkdocs-redirects writes a small page at each old address. Two mistakes pass it silently:
a target with its own ``#section`` (the reader's ``#section`` is then lost: every old
``/old/#part`` link lands at the top of the page), and a redirect from a page that still
exists (its redirect page silently replaces the real page).
"""

from __future__ import annotations

from .values import SettingsError

WHERE = "plugins.redirects.redirect_maps in mkdocs.yml"


def check_redirects(redirect_maps: dict | None, pages: set[str]) -> None:
    """Raise SettingsError for a redirect that would lose a section or hide a page."""
    for old, new in (redirect_maps or {}).items():
        if "#" in str(new):
            raise SettingsError(
                f"{WHERE}: '{old}: {new}' sends readers to a section, so their own #section is lost "
                f"(every old '{old}#...' link lands at the top). Redirect to the page alone: "
                f"'{old}: {str(new).split('#', 1)[0]}'."
            )
        if old in pages:
            raise SettingsError(
                f"{WHERE}: '{old}: {new}' redirects from a page that still exists, and would replace it. "
                f"Remove the redirect, or remove (or rename) docs/{old} first."
            )
