"""Glossary: every term is defined once, in docs/_snippets/glossary.md.

That file holds Python-Markdown abbreviation definitions, one a line:

    *[CBT]: Short for cognitive behavioural therapy, a talking therapy that ...

The Markdown extension (sitefeatures.extension) reads it from the docs folder being
built (so each language edition has its own), checks every entry, appends the
definitions to every page (``abbreviations``), where the ``abbr`` extension marks each
use of a term and the theme shows the definition as a tooltip; and it writes the A-Z
list into any page that has the ``{{ glossary }}`` marker on a line of its own, so
the glossary page never copies a definition.

Matching is exact and case-sensitive: "GP" does not match "GPs" or "gp". Write
another form of a term (a plural, a short form) as its own line with exactly the
same definition; the glossary lists such forms together as one entry, with an
anchor made from the first form (``glossary.md#cbt``). A plural or capital form
with a different sentence fails the build. The file may hold HTML comments for
maintainers; every other line must be an entry.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..values import marker_line, slug

MARKER = marker_line("glossary")
SNIPPET = Path("_snippets") / "glossary.md"
ENTRY = re.compile(r"^\*\[(?P<term>[^\]\\]+)\]:[ \t]*(?P<definition>.*?)[ \t]*$")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
MARKUP = re.compile(r"[*_`<>\[\]{}|#\\]|https?:")
SECOND_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")
MAX_WORDS = 40


@dataclass
class Entry:
    """One glossary entry: its forms (first one is the headword) and definition."""

    definition: str
    forms: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return slug(self.forms[0])


def check_definition(term: str, definition: str, where: str) -> None:
    """Raise PluginError unless the definition is one plain sentence."""
    if not definition or definition in ('""', "''"):
        raise PluginError(f"{where}: '{term}' has no definition.")
    problem = None
    if MARKUP.search(definition):
        problem = "must be plain text (no Markdown, HTML or links)"
    elif not definition.endswith("."):
        problem = "must end with a full stop"
    elif SECOND_SENTENCE.search(definition):
        problem = "must be one sentence"
    elif len(definition.split()) > MAX_WORDS:
        problem = f"must be at most {MAX_WORDS} words"
    if problem:
        raise PluginError(f"{where}: the definition of '{term}' {problem}.")


def check_forms(entries: list[Entry], path: Path) -> None:
    """Raise PluginError when a plural or capital form has its own, different definition."""
    heads = {entry.forms[0].casefold(): entry for entry in entries}
    for entry in entries:
        for form in entry.forms:
            folded = form.casefold()
            for head in (folded, folded[:-1], folded[:-2]):
                other = heads.get(head)
                if other is not None and other is not entry and folded in (head, head + "s", head + "es"):
                    raise PluginError(
                        f"{path}: '{form}' is a form of '{other.forms[0]}' but has a different definition. "
                        "Give both exactly the same sentence."
                    )


def alphabetical(term: str) -> str:
    """The sort key of a term: letters without accents, in any case ("médico" before "mindfulness")."""
    return "".join(char for char in unicodedata.normalize("NFKD", term.casefold()) if not unicodedata.combining(char))


def load_entries(path: Path) -> list[Entry]:
    """Read and check the glossary file; return its entries sorted A-Z."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PluginError(f"Cannot read the glossary from {path}: {error}") from error
    # Blank out comments but keep their newlines, so line numbers stay right.
    text = COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    entries: dict[str, Entry] = {}
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        match = ENTRY.match(line)
        if not match:
            raise PluginError(f"{where} is not a glossary entry. Write it as: *[term]: One plain sentence.")
        term, definition = match["term"], match["definition"]
        if term != term.strip():
            raise PluginError(f"{where}: remove the spaces around '{term.strip()}'.")
        if term in seen:
            raise PluginError(f"{where}: '{term}' is already defined on line {seen[term]}.")
        seen[term] = number
        check_definition(term, definition, where)
        entries.setdefault(definition, Entry(definition)).forms.append(term)
    if not entries:
        raise PluginError(f"{path} has no glossary entries.")
    check_forms(list(entries.values()), path)
    ids: dict[str, str] = {}
    for entry in entries.values():
        if not entry.id or entry.id in ids:
            raise PluginError(f"{path}: '{entry.forms[0]}' and '{ids.get(entry.id)}' give the same anchor id.")
        ids[entry.id] = entry.forms[0]
    return sorted(entries.values(), key=lambda entry: alphabetical(entry.forms[0]))


def headword(entry: Entry) -> str:
    """The term as listed: "exposure and response prevention (ERP)".

    A form that only adds to one already shown ("GPs" after "GP", "Empathy"
    after "empathy") is left out.
    """
    shown: list[str] = []
    for form in entry.forms:
        if not any(form.casefold().startswith(other.casefold()) for other in shown):
            shown.append(form)
    first, others = shown[0], shown[1:]
    return f"{first} ({', '.join(others)})" if others else first


def glossary_html(entries: list[Entry]) -> str:
    """The list as one raw HTML block, so the abbr extension leaves it alone."""
    items = "\n".join(
        f'<dt id="{entry.id}"><strong>{html.escape(headword(entry))}</strong></dt>\n<dd>{html.escape(entry.definition)}</dd>'
        for entry in entries
    )
    return f'<dl class="glossary">\n{items}\n</dl>'


def abbreviations(entries: list[Entry]) -> str:
    """Every form of every term as Markdown abbreviation definitions, to append to a page."""
    return "\n".join(f"*[{form}]: {entry.definition}" for entry in entries for form in entry.forms)


def fill(markdown: str, entries: list[Entry]) -> str:
    """The page with the ``{{ glossary }}`` marker replaced by the A-Z list."""
    if not MARKER.search(markdown):
        return markdown
    block = glossary_html(entries)
    return MARKER.sub(lambda _: f"\n{block}\n", markdown)
