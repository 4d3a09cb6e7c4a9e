"""The build-time hooks: crisis lines and review dates fail loudly on bad input."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest
from conftest import REPO
from mkdocs.exceptions import PluginError


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "overrides" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


crisis_lines = load_hook("crisis_lines")
review_dates = load_hook("review_dates")


def write(tmp_path, text: str):
    path = tmp_path / "crisis-lines.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_committed_crisis_lines_file_is_valid():
    regions = crisis_lines.load_regions(REPO / "docs" / crisis_lines.DATA_FILE)
    assert [region["id"] for region in regions] == ["us", "uk", "ca", "ie", "au", "nz", "international"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("regions: []", "non-empty list"),
        ("regions:\n  - id: us\n    name: US\n    lines: [{name: X, call: '1'}]", "has no 'emergency'"),
        ("regions:\n  - {id: us, name: US, emergency: call, lines: [{name: X}]}", "a way to reach it"),
        ("regions:\n  - {id: us, name: US, emergency: c, lines: [{name: X, phone: '1'}]}", "unknown keys ['phone']"),
        ("regions:\n  - {id: a, name: A, emergency: c, lines: [{name: X, call: '1'}]}\n"
         "  - {id: a, name: B, emergency: c, lines: [{name: Y, call: '2'}]}", "used twice"),
        ("regions: [unclosed", "Cannot read crisis lines"),
    ],
)
def test_a_malformed_crisis_lines_file_stops_the_build_with_a_clear_message(tmp_path, text, message):
    with pytest.raises(PluginError, match=message.replace("[", r"\[").replace("]", r"\]")):
        crisis_lines.load_regions(write(tmp_path, text))


def test_a_crisis_line_becomes_tap_to_call_and_text_links():
    markdown = crisis_lines.line_markdown({"name": "Samaritans", "call": "116 123", "text": "85258"})
    assert markdown == "- **Samaritans**: Call [116 123](tel:116123) or text [85258](sms:85258)."


def test_review_dates_are_written_in_words():
    assert review_dates.in_words(dt.date(2027, 3, 5)) == "5 March 2027"


class _Page:
    def __init__(self, meta):
        self.meta = meta
        self.file = type("File", (), {"src_uri": "example.md"})()


def test_a_page_without_review_dates_is_a_build_warning(caplog):
    page = _Page({"last_reviewed": dt.date(2026, 1, 1)})
    review_dates.on_page_markdown("text", page, {}, None)
    assert "example.md: front matter needs next_review" in caplog.text
    assert "review" not in page.meta


def test_a_page_with_review_dates_gets_them_for_the_template():
    page = _Page({"last_reviewed": dt.date(2026, 11, 29), "next_review": "2027-11-29"})
    review_dates.on_page_markdown("text", page, {}, None)
    assert page.meta["review"]["next"] == "29 November 2027"
