"""Review dates (sitefeatures/review_dates.py): checked front matter, written in words."""

from __future__ import annotations

import datetime as dt

from sitefeatures import review_dates
from sitefeatures.words import in_words


def test_review_dates_are_written_in_words():
    assert in_words(dt.date(2027, 3, 5)) == "5 March 2027"


def test_a_page_with_review_dates_gets_them_for_the_template():
    review, problems = review_dates.review({"last_reviewed": dt.date(2026, 11, 29), "next_review": "2027-11-29"}, "a.md")
    assert not problems and review["next"] == "29 November 2027" and review["last_iso"] == "2026-11-29"


def test_a_missing_date_names_that_field_only():
    review, problems = review_dates.review({"last_reviewed": dt.date(2026, 1, 1)}, "a.md")
    assert review is None
    assert problems == ["a.md: front matter next_review is missing. Write it as YYYY-MM-DD, e.g. next_review: 2026-12-05."]


def test_a_malformed_next_review_names_that_field_and_its_value_only():
    _, problems = review_dates.review({"last_reviewed": dt.date(2026, 1, 1), "next_review": "2027-13-01"}, "a.md")
    assert len(problems) == 1 and "next_review is '2027-13-01', not a date" in problems[0]
    assert "last_reviewed" not in problems[0]


def test_a_next_review_before_the_last_is_a_problem():
    _, problems = review_dates.review({"last_reviewed": "2026-05-01", "next_review": "2026-04-01"}, "a.md")
    assert problems and "must come after last_reviewed" in problems[0]
