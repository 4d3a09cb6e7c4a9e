"""Crisis lines: read once from docs/_data/crisis-lines.yml, used everywhere.

The data file holds the numbers. A clinic can change or add lines without
editing it, through ``extra.crisis_overrides`` in mkdocs.yml, and choose which
region leads the bar and the crisis page with ``extra.crisis_region``. This hook
loads and checks both, hands the result to the templates as
``config.extra.crisis``, and writes the full list into any page that contains
the ``{{ crisis_lines }}`` marker.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

MARKER = "{{ crisis_lines }}"
DATA_FILE = Path("_data") / "crisis-lines.yml"
LINE_KEYS = {"name", "call", "text", "email", "web", "when", "note", "checked"}
CONTACT_KEYS = ("call", "text", "email", "web")
OVERRIDE_KEYS = ("name", "bar", "emergency", "lines")
OVERRIDES = "extra.crisis_overrides"


def load_regions(path: Path) -> list[dict]:
    """Read and check the crisis-lines file; raise PluginError naming the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"Cannot read crisis lines from {path}: {error}") from error
    return check_regions(data.get("regions"), str(path))


def check_regions(regions, source: str) -> list[dict]:
    """Check a list of regions; raise PluginError naming the source and the problem."""
    if not isinstance(regions, list) or not regions:
        raise PluginError(f"{source}: 'regions' must be a non-empty list.")
    seen = set()
    for number, region in enumerate(regions, 1):
        where = f"{source}: region {number}"
        for key in ("id", "name", "emergency", "lines"):
            if not region.get(key):
                raise PluginError(f"{where} has no '{key}'.")
        if region["id"] in seen:
            raise PluginError(f"{where}: id '{region['id']}' is used twice.")
        seen.add(region["id"])
        bar = region.get("bar")
        if bar is not None and not (isinstance(bar, dict) and bar.get("label") and bar.get("call")):
            raise PluginError(f"{where}: 'bar' needs a label and a number to call, e.g. {{ label: UK, call: \"116 123\" }}.")
        for line in region["lines"]:
            check_line(line, where)
    return regions


def check_line(line, where: str) -> None:
    """One helpline: known keys only, a name and at least one way to reach it."""
    if not isinstance(line, dict):
        raise PluginError(f"{where}: each line must have a name and a way to reach it, not {line!r}.")
    unknown = set(line) - LINE_KEYS
    if unknown:
        raise PluginError(f"{where}, line '{line.get('name')}': unknown keys {sorted(unknown)}.")
    if not line.get("name") or not any(line.get(key) for key in CONTACT_KEYS):
        raise PluginError(f"{where}: every line needs a name and a way to reach it ({', '.join(CONTACT_KEYS)}).")


def merge_lines(lines: list[dict], changes, where: str) -> list[dict]:
    """A region's lines after a clinic's changes.

    A change with the name of an existing line replaces it; ``remove: true``
    drops it; a line with a new name is added before the others.
    """
    if not isinstance(changes, list):
        raise PluginError(f"{where}.lines must be a list of lines (each starting with '- name:').")
    merged, added = [dict(line) for line in lines], []
    names = [line["name"] for line in merged]
    for change in changes:
        if not isinstance(change, dict):
            raise PluginError(f"{where}: each line must have a name and a way to reach it, not {change!r}.")
        change = dict(change)
        name = change.get("name")
        if change.pop("remove", False) is True:
            if name not in names:
                raise PluginError(f"{where}: cannot remove '{name}': the region has no such line. Lines: {', '.join(names)}.")
            merged[names.index(name)] = None
            continue
        check_line(change, where)
        if name in names:
            merged[names.index(name)] = change
        else:
            added.append(change)
    return added + [line for line in merged if line]


def apply_overrides(regions: list[dict], overrides) -> list[dict]:
    """The regions with a clinic's ``extra.crisis_overrides`` applied (new ids are added)."""
    if not overrides:
        return regions
    if not isinstance(overrides, dict):
        raise PluginError(f"{OVERRIDES} must map a region id (us, uk, ...) to the parts to change, not {overrides!r}.")
    by_id = {region["id"]: dict(region) for region in regions}
    for region_id, change in overrides.items():
        where = f"{OVERRIDES}.{region_id}"
        if not isinstance(change, dict):
            raise PluginError(f"{where} must hold some of {', '.join(OVERRIDE_KEYS)}, not {change!r}.")
        unknown = sorted(set(change) - set(OVERRIDE_KEYS))
        if unknown:
            raise PluginError(f"{where}: unknown key(s) {', '.join(unknown)}. Allowed: {', '.join(OVERRIDE_KEYS)}.")
        region = by_id.setdefault(str(region_id), {"id": str(region_id)})
        for key, value in change.items():
            region[key] = merge_lines(region.get("lines", []), value, where) if key == "lines" else value
    return check_regions(list(by_id.values()), f"crisis lines with {OVERRIDES}")


def lead_with(regions: list[dict], region_id) -> list[dict]:
    """The regions with the chosen one first; the others keep their order."""
    if region_id is None:
        return regions
    ids = [region["id"] for region in regions]
    if region_id not in ids:
        raise PluginError(f"extra.crisis_region is {region_id!r}. Use one of: {', '.join(ids)}.")
    return sorted(regions, key=lambda region: region["id"] != region_id)


def tel(number: str) -> str:
    """A tel: address for a number written with spaces."""
    return "tel:" + "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")


def line_markdown(line: dict) -> str:
    """One helpline as a Markdown list item."""
    ways = []
    if line.get("call"):
        ways.append(f"call [{line['call']}]({tel(line['call'])})")
    if line.get("text"):
        ways.append(f"text [{line['text']}](sms:{tel(line['text'])[4:]})")
    if line.get("email"):
        ways.append(f"email [{line['email']}](mailto:{line['email']})")
    if line.get("web"):
        label = line["web"].split("://", 1)[-1].rstrip("/")
        ways.append(f"visit [{label}]({line['web']})")
    sentence = " or ".join(ways)
    parts = [f"**{line['name']}**: {sentence[0].upper()}{sentence[1:]}."]
    parts += [line[key] for key in ("when", "note") if line.get(key)]
    return "- " + " ".join(parts)


def regions_markdown(regions: list[dict]) -> str:
    """The whole list, one section per region, with stable heading ids."""
    blocks = []
    for region in regions:
        lines = "\n".join(line_markdown(line) for line in region["lines"])
        blocks.append(
            f"## {region['name']} {{#{region['id']}}}\n\n"
            f"!!! danger \"In an emergency\"\n    {region['emergency']}\n\n{lines}\n"
        )
    return "\n".join(blocks)


def on_config(config):
    extra = config["extra"]
    path = Path(config["docs_dir"]) / DATA_FILE
    regions = apply_overrides(load_regions(path), extra.get("crisis_overrides"))
    regions = lead_with(regions, extra.get("crisis_region"))
    extra["crisis"] = {"regions": regions, "lead": regions[0]["id"], "source": str(path)}
    return config


def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, regions_markdown(config["extra"]["crisis"]["regions"]))
    return markdown


def on_serve(server, config, builder):
    server.watch(str(Path(config["docs_dir"]) / DATA_FILE))
    return server
