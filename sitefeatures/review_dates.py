"""Review dates: every page says when it was last checked and when it is due again.

Pages carry ``last_reviewed`` and ``next_review`` (YYYY-MM-DD) in their front matter.
``review`` checks them and gives both dates in words for the template; a wrong or missing
date is a problem naming that field and its value (a build warning, so ``--strict`` fails).
An overdue review fails the tests, not the build, so a clinic's copy can still be built
while someone reviews the page.
"""

from __future__ import annotations

import datetime as dt

from .words import in_words

KEYS = ("last_reviewed", "next_review")


def as_date(value) -> dt.date | None:
    """A front-matter value as a date, or None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def review(meta: dict, page: str, language: str = "en") -> tuple[dict | None, list[str]]:
    """The dates for the template ({last, next, last_iso, next_iso}) and the problems found."""
    dates = {key: as_date(meta.get(key)) for key in KEYS}
    problems = []
    for key, day in dates.items():
        if day is None:
            given = "missing" if meta.get(key) in (None, "") else f"{meta.get(key)!r}, not a date"
            problems.append(f"{page}: front matter {key} is {given}. Write it as YYYY-MM-DD, e.g. {key}: 2026-12-05.")
    last, upcoming = dates["last_reviewed"], dates["next_review"]
    if problems or last is None or upcoming is None:
        return None, problems
    if upcoming <= last:
        problems.append(f"{page}: next_review ({upcoming}) must come after last_reviewed "
                        f"({last}). Set it about a year later.")
    return {
        "last": in_words(last, language),
        "next": in_words(upcoming, language),
        "last_iso": last.isoformat(),
        "next_iso": upcoming.isoformat(),
    }, problems
