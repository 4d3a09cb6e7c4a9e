"""The list of crisis lines on /get-help/: one section per region, with stable heading ids."""

from __future__ import annotations

from ..values import marker_line
from .schema import Line, Region

MARKER = marker_line("crisis_lines")


def line_markdown(line: Line) -> str:
    """One helpline as a Markdown list item, with the day its details were checked."""
    ways = []
    if line.call:
        ways.append(f"call [{line.call}]({line.tel})")
    if line.text:
        ways.append(f"text [{line.text}]({line.sms})")
    if line.email:
        ways.append(f"email [{line.email}](mailto:{line.email})")
    if line.web:
        label = line.web.split("://", 1)[-1].rstrip("/")
        ways.append(f"visit [{label}]({line.web})")
    sentence = " or ".join(ways)
    parts = [f"**{line.name}**: {sentence[0].upper()}{sentence[1:]}."]
    parts += [text for text in (line.when, line.note) if text]
    parts.append(f'<span class="crisis-checked">Checked {line.checked_words}.</span>')
    return "- " + " ".join(parts)


def regions_markdown(regions: list[Region]) -> str:
    """The whole list, one section per region."""
    blocks = []
    for region in regions:
        lines = "\n".join(line_markdown(line) for line in region.lines)
        blocks.append(
            f"## {region.name} {{#{region.id}}}\n\n"
            f"!!! danger \"In an emergency\"\n    {region.emergency}\n\n{lines}\n"
        )
    return "\n".join(blocks)


def fill(markdown: str, regions: list[Region]) -> str:
    """The page with the ``{{ crisis_lines }}`` marker replaced by the list."""
    return MARKER.sub(lambda _: regions_markdown(regions), markdown) if MARKER.search(markdown) else markdown
