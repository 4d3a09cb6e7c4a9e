"""Crisis data: every line in docs/_data/crisis-lines.yml says when its number was last
checked, the check is less than a year old, and the line names its source.

Read straight from the YAML file (not through the build), so a stale number fails the
test suite even when nothing else changed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from tests.support.project import REPO

DATA = REPO / "docs" / "_data" / "crisis-lines.yml"
MAX_AGE_DAYS = 365
REQUIRED_REGIONS = {"us", "uk", "ca", "ie", "au", "nz", "international"}
LINE_START = re.compile(r"^(?P<indent>\s*)- name:\s*(?P<name>.+?)\s*$")


def problems(text: str, today: dt.date, source: str = "crisis-lines.yml") -> list[str]:
    """Everything wrong with the checked dates and sources in a crisis-lines file."""
    found = []
    data = yaml.safe_load(text) or {}
    regions = data.get("regions") or []
    if not regions:
        return [f"{source}: no regions"]
    for region in regions:
        lines = region.get("lines") or []
        if not lines:
            found.append(f"{source}: region {region.get('id')!r} has no lines")
        for line in lines:
            where = f"{source}: {region.get('id')} / {line.get('name')!r}"
            checked = line.get("checked")
            if checked is None:
                found.append(f"{where} has no 'checked:' date (write checked: YYYY-MM-DD)")
            elif not isinstance(checked, dt.date) or isinstance(checked, dt.datetime):
                found.append(f"{where}: checked is {checked!r}; write a date as YYYY-MM-DD, without quotes")
            elif checked > today:
                found.append(f"{where}: checked {checked} is in the future")
            elif (today - checked).days > MAX_AGE_DAYS:
                found.append(
                    f"{where}: last checked {checked}, {(today - checked).days} days ago; "
                    "check the number against its source again and move the date"
                )
    found += unsourced_lines(text, source)
    return found


def unsourced_lines(text: str, source: str) -> list[str]:
    """Lines whose '- name:' is not directly preceded by a comment naming the source."""
    rows = text.splitlines()
    found = []
    for number, row in enumerate(rows):
        match = LINE_START.match(row)
        if not match:
            continue
        above = rows[number - 1].strip() if number else ""
        if not above.startswith("#"):
            found.append(f"{source}, line {number + 1}: {match['name']!r} has no source comment above it")
    return found


def test_every_line_has_a_recent_checked_date_and_a_source():
    found = problems(DATA.read_text(encoding="utf-8"), dt.date.today(), DATA.name)
    assert not found, "\n".join(found)


def test_every_region_a_clinic_can_choose_is_there_and_dated():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    regions = {region["id"]: region for region in data["regions"]}
    assert REQUIRED_REGIONS <= set(regions), f"missing regions: {sorted(REQUIRED_REGIONS - set(regions))}"
    for region_id, region in regions.items():
        dates = [line.get("checked") for line in region["lines"]]
        assert dates and all(isinstance(date, dt.date) for date in dates), f"{region_id}: lines without checked dates"


GOOD = """regions:
  - id: us
    name: US
    emergency: Call 911.
    lines:
      # Source: the service's own page.
      - name: Line
        call: "988"
        checked: 2026-06-01
"""


@pytest.mark.parametrize(
    "text, message",
    [
        (GOOD.replace("        checked: 2026-06-01\n", ""), "has no 'checked:' date"),
        (GOOD.replace("2026-06-01", "2025-06-01"), "days ago; check the number"),
        (GOOD.replace("2026-06-01", '"June 2026"'), "write a date as YYYY-MM-DD"),
        (GOOD.replace("2026-06-01", "2027-06-01"), "is in the future"),
        (GOOD.replace("      # Source: the service's own page.\n", ""), "has no source comment"),
        (GOOD.replace("    lines:\n", "    lines: []\n    old:\n"), "has no lines"),
    ],
)
def test_the_check_catches_each_mistake(text, message):
    found = problems(text, dt.date(2026, 12, 5))
    assert any(message in problem for problem in found), found


def test_the_check_passes_good_data_and_the_limit_is_one_year():
    assert problems(GOOD, dt.date(2026, 12, 5)) == []
    assert problems(GOOD, dt.date(2027, 6, 1)) == []  # 365 days: still fine
    assert problems(GOOD, dt.date(2027, 6, 2))  # 366 days: due
