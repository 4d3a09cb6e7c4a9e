"""The list of crisis lines on /get-help/: one section per region, with stable heading ids."""

from __future__ import annotations

from ..values import marker_line
from ..words import in_words, words
from .schema import Line, Region

MARKER = marker_line("crisis_lines")


def line_markdown(line: Line, language: str = "en") -> str:
    """One helpline as a Markdown list item, with the day its details were checked."""
    said = words(language)
    ways = []
    if line.call:
        ways.append(f"{said['call']} [{line.call}]({line.tel})")
    if line.text:
        ways.append(f"{said['text']} [{line.text}]({line.sms})")
    if line.email:
        ways.append(f"{said['email']} [{line.email}](mailto:{line.email})")
    if line.web:
        label = line.web.split("://", 1)[-1].rstrip("/")
        ways.append(f"{said['visit']} [{label}]({line.web})")
    sentence = f" {said['or']} ".join(ways)
    parts = [f"**{line.name}**: {sentence[0].upper()}{sentence[1:]}."]
    parts += [text for text in (line.when, line.note) if text]
    checked = said["checked"].format(date=in_words(line.checked, language))
    parts.append(f'<span class="crisis-checked">{checked}</span>')
    return "- " + " ".join(parts)


def regions_markdown(regions: list[Region], language: str = "en") -> str:
    """The whole list, one section per region."""
    blocks = []
    for region in regions:
        lines = "\n".join(line_markdown(line, language) for line in region.lines)
        blocks.append(
            f"## {region.name} {{#{region.id}}}\n\n"
            f"!!! danger \"{words(language)['emergency']}\"\n    {region.emergency}\n\n{lines}\n"
        )
    return "\n".join(blocks)


def fill(markdown: str, regions: list[Region], language: str = "en") -> str:
    """The page with the ``{{ crisis_lines }}`` marker replaced by the list."""
    return MARKER.sub(lambda _: regions_markdown(regions, language), markdown) if MARKER.search(markdown) else markdown
