"""Review dates: every page says when it was last checked and when it is due again.

Pages carry ``last_reviewed`` and ``next_review`` (YYYY-MM-DD) in their front
matter. This hook checks them and adds ``page.meta.review`` with both dates in
words for the template. A missing or malformed date is a build warning, which
``--strict`` turns into a failure. An overdue review fails the tests, not the
build, so a clinic's copy still deploys while someone reviews the page.
"""

from __future__ import annotations

import datetime as dt

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("review_dates")
KEYS = ("last_reviewed", "next_review")


def as_date(value) -> dt.date | None:
    """A front-matter value as a date, or None when it is not one."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def in_words(day: dt.date) -> str:
    """29 November 2026: no leading zero, month spelled out."""
    return f"{day.day} {day:%B %Y}"


def on_page_markdown(markdown, page, config, files):
    dates = {key: as_date(page.meta.get(key)) for key in KEYS}
    missing = [key for key, day in dates.items() if day is None]
    if missing:
        log.warning(
            "%s: front matter needs %s as YYYY-MM-DD.", page.file.src_uri, " and ".join(missing)
        )
        return markdown
    if dates["next_review"] <= dates["last_reviewed"]:
        log.warning("%s: next_review must come after last_reviewed.", page.file.src_uri)
    page.meta["review"] = {
        "last": in_words(dates["last_reviewed"]),
        "next": in_words(dates["next_review"]),
        "last_iso": dates["last_reviewed"].isoformat(),
        "next_iso": dates["next_review"].isoformat(),
    }
    return markdown
