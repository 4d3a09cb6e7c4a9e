"""Crisis lines: read once from docs/_data/crisis-lines.yml, used everywhere.

The data file is the single place a clinic edits numbers. This hook loads and
checks it, hands it to the templates as ``config.extra.crisis``, and writes the
full list into any page that contains the ``{{ crisis_lines }}`` marker.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

MARKER = "{{ crisis_lines }}"
DATA_FILE = Path("_data") / "crisis-lines.yml"
LINE_KEYS = {"name", "call", "text", "email", "web", "when", "note"}
CONTACT_KEYS = ("call", "text", "email", "web")


def load_regions(path: Path) -> list[dict]:
    """Read and check the crisis-lines file; raise PluginError naming the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"Cannot read crisis lines from {path}: {error}") from error
    regions = data.get("regions")
    if not isinstance(regions, list) or not regions:
        raise PluginError(f"{path}: 'regions' must be a non-empty list.")
    seen = set()
    for number, region in enumerate(regions, 1):
        where = f"{path}: region {number}"
        for key in ("id", "name", "emergency", "lines"):
            if not region.get(key):
                raise PluginError(f"{where} has no '{key}'.")
        if region["id"] in seen:
            raise PluginError(f"{where}: id '{region['id']}' is used twice.")
        seen.add(region["id"])
        for line in region["lines"]:
            unknown = set(line) - LINE_KEYS
            if unknown:
                raise PluginError(f"{where}, line '{line.get('name')}': unknown keys {sorted(unknown)}.")
            if not line.get("name") or not any(line.get(key) for key in CONTACT_KEYS):
                raise PluginError(f"{where}: every line needs a name and a way to reach it ({', '.join(CONTACT_KEYS)}).")
    return regions


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
    path = Path(config["docs_dir"]) / DATA_FILE
    config["extra"]["crisis"] = {"regions": load_regions(path), "source": str(path)}
    return config


def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, regions_markdown(config["extra"]["crisis"]["regions"]))
    return markdown


def on_serve(server, config, builder):
    server.watch(str(Path(config["docs_dir"]) / DATA_FILE))
    return server
