"""Shared by the quiz tests: the authoring mistakes, and small MkDocs projects to build."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from tests.support.build import Build, build_site

CONFIG = """\
site_name: Quiz test
site_url: {site_url}
theme:
  name: material
  font: false
  features: [{features}]
plugins:
{plugins}
markdown_extensions:
{extensions}
"""


def yaml_list(items) -> str:
    return "".join(f"  - {item}\n" for item in items)


def build_mini(root: Path, pages: dict[str, str], plugins=("selfcheck",),
               extensions=("footnotes", "attr_list", "selfcheck.extension"), features=(),
               site_url="http://127.0.0.1:8000/", env: dict | None = None) -> Build:
    """Write a small project (mkdocs.yml and docs/) under root and build it, strict, into root/site;
    a failed build is returned, not raised (``env``: more environment variables for the build)."""
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(CONFIG.format(site_url=site_url, features=", ".join(features),
                                    plugins=yaml_list(plugins) or "  []", extensions=yaml_list(extensions)))
    return build_site(root / "site", config, env=env, check=False)


QUIZ = """\
/// quiz | Q{n}? {{#{id}}}
- [x] A
    Yes.
- [ ] B
///
"""


def quiz(quiz_id: str, n: int = 1) -> str:
    """A small valid quiz block."""
    return QUIZ.format(n=n, id=quiz_id)


def lines_moved(problem: str, offset: int) -> str:
    """A problem from the tables below, with the lines it names ('{5}') moved down by offset."""
    return re.sub(r"\{(\d+)\}", lambda match: str(int(match[1]) + offset), problem)


# Each authoring mistake: the page text, the line it must name, words of the problem
# (with any other line it names in braces) and of the fix.
MISTAKES = {
    "no question": ("/// quiz\n- [x] A\n- [ ] B\n///", 1, "no question", "after the bar"),
    "empty question": ("/// quiz |   {#q}\n- [x] A\n- [ ] B\n///", 1, "no question", "after the bar"),
    "no choices": ("Text\n\n/// quiz | Q?\n///", 3, "no choices", "- [x] right"),
    "only one choice": ("/// quiz | Q?\n- [x] A\n///", 2, "only one choice", "Add at least one"),
    "choice without text": ("/// quiz | Q?\n- [x] A\n- [ ]\n///", 3, "no text", "after the box"),
    "no correct answer": ("/// quiz | Q?\n- [ ] A\n- [ ] B\n///", 1, "no correct answer", "/// reflect"),
    "no correct answer in quiz-all": ("/// quiz-all | Q?\n- [ ] A\n- [ ] B\n///", 1, "no correct answer", "- [x]"),
    "two right in a single-choice quiz": ("/// quiz | Q?\n- [x] A\n- [x] B\n///", 3, "one right answer", "quiz-all"),
    "correct answer in a reflection": ("/// reflect | Q?\n- A\n    G\n- [x] B\n    G\n///", 4, "no right answer", "- [ ]"),
    "reflection without guidance": ("/// reflect | Q?\n- A\n    G\n- B\n///", 4, "no guidance", "indented 4 spaces"),
    "choice without a box": ("/// quiz | Q?\n- [x] A\n- B\n///", 3, "no box", "- [ ]"),
    "myth or fact with other choices": ("/// myth-or-fact | Claim.\n- [x] True\n- [ ] False\n///", 1, "'Myth' and 'Fact'", "- [x] Myth"),
    "myth or fact with both right": ("/// myth-or-fact | Claim.\n- [x] Myth\n- [x] Fact\n///", 3, "one right answer", "Keep one"),
    "unknown option": ("/// quiz | Q? {.big}\n- [x] A\n- [ ] B\n///", 1, "Unknown option '.big'", "{#my-question}"),
    "unusable id": ("/// quiz | Q? {#1st}\n- [x] A\n- [ ] B\n///", 1, "not one usable id", "starts with a letter"),
    "two ids": ("/// quiz | Q? {#a #b}\n- [x] A\n- [ ] B\n///", 1, "not one usable id", "one id"),
    "unknown kind": ("Text\n/// quizz | Q?\n- [x] A\n///", 2, "Unknown block '/// quizz | Q?'", "Did you mean '/// quiz'"),
    "unknown block": ("/// note | Hi\n///", 1, "Unknown block", "/// myth-or-fact"),
    "missing bar": ("/// quiz Who?\n- [x] A\n- [ ] B\n///", 1, "needs a bar", "/// quiz | Your question?"),
    "unclosed block": ("/// quiz | Q?\n- [x] A\n- [ ] B\n", 1, "not closed", "only '///'"),
    "unclosed before the next quiz": ("/// quiz | Q?\n- [x] A\n- [ ] B\n\n/// quiz | R?\n- [x] A\n- [ ] B\n///",
                                      1, "not closed before the next one on line {5}", "only '///'"),
    "stray closing line": ("Text\n\n///\n", 3, "closes nothing", "Delete it"),
    "text before the choices": ("/// quiz | Q?\nMore of the question\n- [x] A\n- [ ] B\n///", 2,
                                "text before the choices", "after the bar"),
    "feedback indented too little": ("/// quiz | Q?\n- [x] A\n  Yes.\n- [ ] B\n///", 3, "less than 4 spaces",
                                     "Indent feedback 4 spaces"),
    "explanation touching the choices": ("/// quiz | Q?\n- [x] A\n- [ ] B\nWhy.\n///", 4, "touches the choices",
                                         "blank line"),
    "indented quiz": ("- item\n\n    /// quiz | Q?\n    - [x] A\n    ///", 3, "indented", "left margin"),
    "duplicate id": ("/// quiz | Q? {#same}\n- [x] A\n- [ ] B\n///\n\n/// quiz | R? {#same}\n- [x] A\n- [ ] B\n///",
                     6, "'same' is already used by the quiz on line {1}", "{#a-new-id}"),
    "duplicate derived id": ("/// quiz | Same?\n- [x] A\n- [ ] B\n///\n/// quiz | Same?\n- [x] A\n- [ ] B\n///",
                             5, "already used", "its own id"),
}

# Quiz text that is not Markdown: the page text, the line it must name, words of the problem and of the fix.
RAW = "Quiz text is Markdown only"
HOSTILE = {
    "script in the question": ("/// quiz | Safe <script>alert(1)</script>? {#q}\n- [x] A\n- [ ] B\n///",
                               1, "raw HTML ('<script>')", RAW),
    "script in a choice": ("/// quiz | Q? {#q}\n- [x] A\n- [ ] B <script>alert(1)</script>\n///",
                           3, "raw HTML ('<script>')", RAW),
    "script block in feedback": ("/// quiz | Q? {#q}\n- [x] A\n    Yes.\n\n    <script>alert(1)</script>\n- [ ] B\n///",
                                 5, "raw HTML ('<script>')", RAW),
    "inline tag in feedback": ("/// quiz | Q? {#q}\n- [x] A\n    Yes, <em>really</em>.\n- [ ] B\n///",
                               3, "raw HTML ('<em>')", "*emphasis*"),
    "inline tag in the explanation": ("/// quiz | Q? {#q}\n- [x] A\n- [ ] B\n\nSee <b>this</b>.\n///",
                                      5, "raw HTML ('<b>')", "backticks"),
    "comment in a choice": ("/// quiz | Q? {#q}\n- [x] A <!-- right -->\n- [ ] B\n///",
                            2, "raw HTML ('<!-- right -->')", RAW),
    "event handler through attr_list": ("/// quiz | Q? {#q}\n- [x] A\n- [ ] *B*{onmouseover=\"alert(1)\"}\n///",
                                        3, "event handler ('onmouseover')", "Delete the attribute"),
    "script link": ("/// quiz | Q? {#q}\n- [x] A\n    See [this](javascript:alert(1)).\n- [ ] B\n///",
                    3, "links to a script ('javascript:alert(1)')", "https://"),
}
