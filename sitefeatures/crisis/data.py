"""Reading the crisis-lines file and a clinic's changes into checked regions, in the order to show them.

A value is checked where it was written, so the message names that place: the data file
(``docs/_data/crisis-lines.yml, region 'uk', line 'Samaritans'``) or the setting
(``extra.crisis_overrides.uk, line 'Riverside crisis team'``).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..values import SettingsError, check_schema, problem
from .schema import CONTACTS, Bar, BarSchema, Line, LineSchema, OverrideLineSchema, Region, RegionSchema

DATA_FILE = Path("_data") / "crisis-lines.yml"
OVERRIDES = "extra.crisis_overrides"
OVERRIDE_KEYS = ("name", "bar", "emergency", "lines")


def read_file(path: Path) -> list[dict]:
    """The raw regions of the data file; SettingsError when it cannot be read."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SettingsError(f"Cannot read crisis lines from {path}: {error}") from error
    regions = data.get("regions") if isinstance(data, dict) else None
    if not isinstance(regions, list) or not regions:
        raise SettingsError(f"{path}: 'regions' must be a non-empty list of regions (id, name, emergency, lines).")
    return [dict(region, _where=f"{path}, region {number}") if isinstance(region, dict) else region
            for number, region in enumerate(regions, 1)]


def line_where(region_where: str, raw, number: int) -> str:
    name = raw.get("name") if isinstance(raw, dict) else None
    return f"{region_where}, line '{name}'" if name else f"{region_where}, line {number}"


def check_line(raw, where: str, schema=LineSchema) -> Line:
    """One checked helpline; SettingsError naming where it was written."""
    checked = check_schema(schema, raw, where)
    if not any(checked[key] for key in CONTACTS):
        raise SettingsError(f"{where} has no way to reach it. Give at least one of {', '.join(CONTACTS)}.")
    return Line(**{key: checked[key] for key in Line.__dataclass_fields__})


def check_region(raw) -> Region:
    """One checked region with its lines; duplicate names or numbers in a region are refused."""
    if not isinstance(raw, dict):
        raise problem("A region in the crisis lines", raw, "Each region needs id, name, emergency and lines.")
    where = raw.get("_where", "crisis lines")
    lines = raw.get("lines")
    fields = {key: value for key, value in raw.items() if not key.startswith("_")}
    region = check_schema(RegionSchema, fields, where)
    if ", region " in where:  # name the region by its id once the id is known to be good
        where = f"{where.rsplit(', region ', 1)[0]}, region '{region['id']}'"
    if not lines:
        raise SettingsError(f"{where} has no lines. Give at least one helpline.")
    checked = []
    for number, line in enumerate(lines, 1):
        origin = line.get("_where") if isinstance(line, dict) else None
        fields = {key: value for key, value in line.items() if key != "_where"} if isinstance(line, dict) else line
        checked.append(check_line(fields, origin or line_where(where, line, number)))
    refuse_duplicates(checked, where)
    bar = None
    if region["bar"] is not None:
        bar_values = check_schema(BarSchema, region["bar"], f"{where}.bar")
        bar = Bar(bar_values["label"], bar_values["call"])
    return Region(region["id"], region["name"], region["emergency"], tuple(checked), bar)


def refuse_duplicates(lines: list[Line], where: str) -> None:
    """Two lines with the same name, or the same number, in one region stop the build."""
    names: dict[str, str] = {}
    numbers: dict[str, str] = {}
    for line in lines:
        key = line.name.casefold()
        if key in names:
            raise SettingsError(f"{where}: two lines are called '{line.name}'. Give each line its own name, "
                                "or remove one.")
        names[key] = line.name
        for number in line.numbers:
            if number in numbers and numbers[number] != line.name:
                raise SettingsError(f"{where}: '{line.name}' and '{numbers[number]}' have the same number "
                                    f"({number}). List the service once.")
            numbers[number] = line.name


def merge_lines(lines: list, changes, where: str) -> list:
    """A region's raw lines with a clinic's changes: same name replaces, remove: true drops, new goes first."""
    if not isinstance(changes, list):
        raise problem(f"{where}.lines", changes, "Give a list of lines, each starting with \"- name:\".")
    merged = [dict(line) if isinstance(line, dict) else line for line in lines]
    names = [line.get("name") if isinstance(line, dict) else None for line in merged]
    added = []
    for number, change in enumerate(changes, 1):
        if not isinstance(change, dict):
            raise problem(f"{where}.lines, item {number}", change, "Each line needs a name and a way to reach it.")
        name = change.get("name")
        place = line_where(where, change, number)
        if change.get("remove") is True:
            if name not in names:
                known = ", ".join(str(n) for n in names if n)
                raise SettingsError(f"{place}: cannot remove '{name}': the region has no such line. Lines: {known}.")
            merged[names.index(name)] = None
            continue
        check_schema(OverrideLineSchema, change, place)  # checked where the clinic wrote it
        line = {key: value for key, value in change.items() if key != "remove"}
        line["_where"] = place
        if name in names:
            merged[names.index(name)] = line
        else:
            added.append(line)
    return added + [line for line in merged if line]


def apply_overrides(regions: list[dict], overrides) -> list[dict]:
    """The raw regions with ``extra.crisis_overrides`` applied (a new id adds a region)."""
    if not overrides:
        return regions
    if not isinstance(overrides, dict):
        raise problem(OVERRIDES, overrides, "It must map a region id (us, uk, ...) to the parts to change.")
    by_id = {region.get("id"): dict(region) for region in regions if isinstance(region, dict)}
    for region_id, change in overrides.items():
        where = f"{OVERRIDES}.{region_id}"
        if not isinstance(change, dict):
            raise problem(where, change, f"It must hold some of {', '.join(OVERRIDE_KEYS)}, one a line.")
        unknown = sorted(str(key) for key in change if key not in OVERRIDE_KEYS)
        if unknown:
            raise SettingsError(f"{where}: unknown key(s) {', '.join(unknown)}. Allowed: {', '.join(OVERRIDE_KEYS)}.")
        region = by_id.setdefault(str(region_id), {"id": str(region_id)})
        region["_where"] = where
        for key, value in change.items():
            region[key] = merge_lines(region.get("lines", []), value, where) if key == "lines" else value
        for key in ("name", "emergency", "lines"):
            if not region.get(key):
                raise SettingsError(f"{where} adds a region, so it needs a {key} too (name, emergency and lines).")
    return list(by_id.values())


def lead_with(regions: list[Region], region_id) -> list[Region]:
    """The regions with the chosen one first; the others keep their order."""
    ids = [region.id for region in regions]
    if region_id in (None, ""):
        return regions
    if region_id not in ids:
        raise problem("extra.crisis_region", region_id, f"Use one of: {', '.join(ids)}.")
    return sorted(regions, key=lambda region: region.id != region_id)


def bar_regions(regions: list[Region], chosen) -> list[Region]:
    """The regions whose numbers the bar shows: ``extra.crisis_bar`` in its order, or every one with a bar."""
    with_bar = [region for region in regions if region.bar]
    if chosen in (None, "", []):
        return with_bar
    ids = {region.id: region for region in with_bar}
    if not isinstance(chosen, list) or not all(isinstance(item, str) for item in chosen):
        raise problem("extra.crisis_bar", chosen, f"Give a list of region ids, e.g. [uk]. With a bar number: "
                      f"{', '.join(ids)}.")
    missing = [item for item in chosen if item not in ids]
    if missing:
        raise problem("extra.crisis_bar", chosen, f"{', '.join(missing)} has no bar number. Use some of: "
                      f"{', '.join(ids)} (or add a bar: label and call to the region).")
    return [ids[item] for item in chosen]


def load(docs_dir: Path, overrides=None, lead=None, bar=None) -> dict:
    """Everything the site shows about crisis help, checked: regions in order, the bar's regions."""
    path = Path(docs_dir) / DATA_FILE
    raw = apply_overrides(read_file(path), overrides)
    seen: set[str] = set()
    regions = []
    for region in raw:
        checked = check_region(region)
        if checked.id in seen:
            raise SettingsError(f"{path}: region id '{checked.id}' is used twice.")
        seen.add(checked.id)
        regions.append(checked)
    regions = lead_with(regions, lead)
    return {"regions": regions, "lead": regions[0].id, "bar": bar_regions(regions, bar), "source": str(path)}
