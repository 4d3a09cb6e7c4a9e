"""Crisis lines (sitefeatures/crisis): the data file and a clinic's changes are checked like a
clinic's own phone, and every wrong value stops the build naming the region, the line and the fix."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sitefeatures.crisis import data, render
from sitefeatures.crisis.schema import Line
from sitefeatures.values import SettingsError
from tests.support.project import REPO

DOCS = REPO / "docs"
TODAY = dt.date.today().isoformat()


def regions_file(tmp_path, text: str):
    (tmp_path / "_data").mkdir(exist_ok=True)
    (tmp_path / "_data" / "crisis-lines.yml").write_text(text, encoding="utf-8")
    return tmp_path


def one_line(line: str) -> str:
    return f"regions:\n  - id: uk\n    name: United Kingdom\n    emergency: Call 999.\n    lines:\n      - {line}\n"


def test_the_committed_crisis_lines_file_is_valid_and_every_line_is_dated():
    crisis = data.load(DOCS)
    assert {"us", "uk", "international"} <= {region.id for region in crisis["regions"]}
    for region in crisis["regions"]:
        for line in region.lines:
            assert isinstance(line.checked, dt.date), f"{region.id}: {line.name} has no checked date"


@pytest.mark.parametrize(
    "line, message",
    [
        ('{name: Helpline, call: "020 7946 O999", checked: %s}', "line 'Helpline': call is '020 7946 O999'. Use digits"),
        ("{name: Helpline, call: 03001231233, checked: %s}", "line 'Helpline': call is 402993819. Put it in quotes"),
        ('{name: NHS 111, call: "111 option 2", checked: %s}', "call is '111 option 2'. Use digits and spaces only"),
        ('{name: Shout, text: "SHOUT 85258", checked: %s}', "text is 'SHOUT 85258'. Use digits"),
        ('{name: "", call: "116 123", checked: %s}', "name is empty. Write it in quotes"),
        ('{name: Web, web: "http://example.org/", checked: %s}', "web is 'http://example.org/'. Use the full address"),
        ('{name: Mail, email: "jo.samaritans.org", checked: %s}', "email is 'jo.samaritans.org'. Use one email"),
        ('{name: Mail, email: "mailto:jo@samaritans.org", checked: %s}', 'Leave out "mailto:"'),
        ('{name: Helpline, call: "116 123"}', "checked is empty. Add the day you checked"),
        ('{name: Helpline, call: "116 123", checked: 2999-01-01}', "checked is datetime.date(2999, 1, 1). The date is in the future"),
        ('{name: Helpline, call: "116 123", checked: yesterday}', "Write the date as YYYY-MM-DD"),
        ('{name: Helpline, when: "24/7", checked: %s}', "line 'Helpline' has no way to reach it"),
        ('{name: Helpline, call: "116 123", phone: "1", checked: %s}', "unknown setting(s) phone"),
        ('{name: "<script>alert(1)</script>", call: "116 123", checked: %s}', "Use plain text, without < > { }"),
    ],
)
def test_a_wrong_value_in_the_data_file_names_the_region_the_line_and_the_fix(tmp_path, line, message):
    docs = regions_file(tmp_path, one_line(line.replace("%s", TODAY)))
    with pytest.raises(SettingsError, match=re.escape(message)) as error:
        data.load(docs)
    assert "crisis-lines.yml, region 'uk'" in str(error.value)


@pytest.mark.parametrize(
    "text, message",
    [
        ("regions: []", "'regions' must be a non-empty list"),
        ("regions: [unclosed", "Cannot read crisis lines"),
        ("regions:\n  - {id: us, name: US, lines: [{name: X, call: '911', checked: %s}]}", "emergency is empty"),
        ("regions:\n  - {id: US!, name: US, emergency: c, lines: [{name: X, call: '911', checked: %s}]}",
         "id is 'US!'. Use a short lowercase code"),
        ("regions:\n  - {id: a, name: A, emergency: c, lines: [{name: X, call: '1 1 1', checked: %s}]}\n"
         "  - {id: a, name: B, emergency: c, lines: [{name: Y, call: '222', checked: %s}]}", "region id 'a' is used twice"),
        ("regions:\n  - {id: a, name: A, emergency: c, lines: [{name: X, call: '111', checked: %s}, "
         "{name: x, call: '222', checked: %s}]}", "two lines are called 'x'"),
        ("regions:\n  - {id: a, name: A, emergency: c, lines: [{name: X, call: '116 123', checked: %s}, "
         "{name: Y, call: '116123', checked: %s}]}", "'Y' and 'X' have the same number (116123)"),
        ("regions:\n  - {id: a, name: A, emergency: c, bar: {label: A, call: 'nine'}, "
         "lines: [{name: X, call: '111', checked: %s}]}", "region 'a'.bar: call is 'nine'"),
        ("regions:\n  - {id: a, name: A, emergency: c, bar: {label: '<b>A</b>', call: '111'}, "
         "lines: [{name: X, call: '111', checked: %s}]}", "label is '<b>A</b>'. Use plain text"),
    ],
)
def test_a_malformed_data_file_stops_the_build_with_a_clear_message(tmp_path, text, message):
    docs = regions_file(tmp_path, text.replace("%s", TODAY))
    with pytest.raises(SettingsError, match=re.escape(message)):
        data.load(docs)


def test_a_clinic_can_replace_remove_and_add_crisis_lines():
    overrides = {"uk": {"lines": [
        {"name": "Samaritans", "call": "116 123", "note": "Free.", "checked": TODAY},
        {"name": "NHS 111, option 2", "remove": True},
        {"name": "Elmbridge crisis team", "call": "020 7946 0999", "checked": TODAY},
    ]}, "xx": {"name": "Testland", "emergency": "Call 112.", "lines": [
        {"name": "Line", "call": "112", "checked": TODAY}]}}
    regions = {region.id: region for region in data.load(DOCS, overrides)["regions"]}
    names = [line.name for line in regions["uk"].lines]
    assert names[0] == "Elmbridge crisis team" and "NHS 111, option 2" not in names
    assert next(line for line in regions["uk"].lines if line.name == "Samaritans").note == "Free."
    assert regions["xx"].name == "Testland"


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"uk": {"phone": "1"}}, "extra.crisis_overrides.uk: unknown key(s) phone"),
        ({"uk": {"lines": [{"name": "Nobody", "remove": True}]}}, "cannot remove 'Nobody'"),
        ({"uk": {"lines": [{"name": "No way", "checked": TODAY}]}}, "line 'No way' has no way to reach it"),
        ({"uk": {"lines": [{"name": "Team", "call": "020 7946 O999", "checked": TODAY}]}},
         "extra.crisis_overrides.uk, line 'Team': call is '020 7946 O999'. Use digits"),
        ({"uk": {"lines": [{"name": "Team", "call": 3001231233, "checked": TODAY}]}}, "call is 3001231233. Put it in quotes"),
        ({"uk": {"lines": [{"name": "Team", "call": "020 7946 0999"}]}}, "line 'Team': checked is empty"),
        ({"uk": {"lines": [{"name": "Team", "email": "mailto:a@b.org", "checked": TODAY}]}}, 'Leave out "mailto:"'),
        ({"uk": {"bar": {"label": "UK"}}}, "extra.crisis_overrides.uk.bar.call is empty. A number is needed"),
        ({"fr": {"lines": [{"name": "SOS", "call": "3114", "checked": TODAY}]}}, "adds a region, so it needs a name"),
        (["uk"], "extra.crisis_overrides is ['uk']. It must map a region id"),
    ],
)
def test_wrong_crisis_overrides_stop_the_build_naming_the_setting(overrides, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        data.load(DOCS, overrides)


def test_the_chosen_region_leads_and_the_bar_can_show_only_it():
    crisis = data.load(DOCS, lead="uk", bar=["uk"])
    assert crisis["lead"] == "uk" and crisis["regions"][0].id == "uk"
    assert [region.id for region in crisis["bar"]] == ["uk"]
    assert [region.id for region in data.load(DOCS, lead="uk")["bar"]][:2] == ["uk", "us"]
    with pytest.raises(SettingsError, match=re.escape("extra.crisis_region is 'eu'. Use one of:")):
        data.load(DOCS, lead="eu")
    with pytest.raises(SettingsError, match=re.escape("extra.crisis_bar is ['international']. international has no bar")):
        data.load(DOCS, bar=["international"])


def test_a_crisis_line_becomes_tap_to_call_and_text_links_built_from_the_checked_number():
    line = Line(name="Samaritans", call="116 123", text="+44 7700 900000", checked=dt.date(2026, 12, 5))
    markdown = render.line_markdown(line)
    assert markdown.startswith(
        "- **Samaritans**: Call [116 123](tel:116123) or text [+44 7700 900000](sms:+447700900000)."
    )
    assert "Checked 5 December 2026." in markdown
