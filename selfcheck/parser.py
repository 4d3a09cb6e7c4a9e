"""Find quiz blocks in Markdown lines and turn each into a checked ``Quiz``.

Pure functions over lines of text: no Markdown rendering happens here. Quiz
markers inside fenced code or an HTML comment are not quizzes.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable

from . import ids
from .errors import QuizError
from .lines import Numbering, as_given
from .model import KINDS, Choice, Quiz

FOOTNOTE_MARKER = "///Footnotes Go Here///"
MARKER = re.compile(r" {0,3}/{3,}(.*)\Z")
CLOSER = re.compile(r" {0,3}/{3,}\s*\Z")
INDENTED = re.compile(r"\s{4,}/{3,} *([\w-]+)")
HEAD = re.compile(r" *([\w-]+) *(?:\|(.*))?\Z")
WORD = re.compile(r" *([\w-]+)")
FENCE = re.compile(r"\s*(`{3,}|~{3,})")
COMMENT_OPEN = re.compile(r" {0,3}<!--")
COMMENT_CLOSE = "-->"
CHOICE = re.compile(r" {0,3}[-*+] +(?:\[([ xX])\](?= |\Z))? *(.*?)\s*\Z")
OPTIONS = re.compile(r"(?<!\\)\{([^{}]*)(?<!\\)\}\s*\Z")
CLOSE = "close"
EXAMPLE = "'/// quiz | Your question?', the choices ('- [ ] wrong', '- [x] right'), then '///'"

#: The two choices of a myth-or-fact question, in each language a page may be written in.
MYTH_OR_FACT = (["fact", "myth"], ["mito", "realidad"])


def normalize(text: str) -> list[str]:
    """Lines as Python-Markdown's preprocessors see them (line endings, tabs)."""
    text = text.replace("\x02", "").replace("\x03", "")
    return text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")


def parse_page(text: str, **options) -> list[Quiz]:
    """Every quiz in a page's Markdown; raises QuizError on the first mistake."""
    return [quiz for _, _, quiz in scan(normalize(text), **options)]


def scan(lines: list[str], number: Numbering = as_given, foreign: bool = False,
         ignore: frozenset[str] = frozenset({FOOTNOTE_MARKER})) -> list[tuple[int, int, Quiz]]:
    """(first index, closing index, quiz) for each block, outside fenced code and HTML comments.

    ``number`` gives the line number (in the page file) of an index in ``lines``.
    ``foreign`` means another ``///`` block syntax (pymdownx.blocks) is active:
    unknown block names are then left to it unless they look like a quiz typo.
    """
    found: list[tuple[int, int, Quiz]] = []
    seen: dict[str, int] = {}
    hidden, index = None, 0
    while index < len(lines):
        hidden, skip = _hidden(hidden, lines[index])
        marker = None if skip else _marker(lines[index], functools.partial(number, index), foreign, ignore)
        if marker == CLOSE:
            raise QuizError(number(index), "This '///' closes nothing.",
                            "Delete it, or check the line that should open the quiz above it.")
        if isinstance(marker, tuple):
            end = _closing(lines, index, number)
            quiz = _quiz(*marker, lines[index + 1:end], _from(number, index + 1))
            if quiz.id in seen:
                raise QuizError(quiz.line, f"The id '{quiz.id}' is already used by the quiz on line {seen[quiz.id]}.",
                                "Give this quiz its own id: add {#a-new-id} at the end of its question line.")
            seen[quiz.id] = quiz.line
            found.append((index, end, quiz))
            index = end
        index += 1
    return found


def _hidden(state: str | None, line: str) -> tuple[str | None, bool]:
    """Track fenced code and HTML comments that start a line: the one still open
    after this line (its fence, or COMMENT_CLOSE), and whether the line is inside one."""
    if state == COMMENT_CLOSE:
        return (None if COMMENT_CLOSE in line else state), True
    fence, code = _fence(state, line)
    if code:
        return fence, True
    opener = COMMENT_OPEN.match(line)
    if opener:
        return (None if COMMENT_CLOSE in line[opener.end():] else COMMENT_CLOSE), True
    return None, False


def _fence(fence: str | None, line: str) -> tuple[str | None, bool]:
    """Track fenced code: the fence still open after this line, and whether the line is code."""
    match = FENCE.match(line)
    if fence is None:
        return (match[1], True) if match else (None, False)
    closes = match and match[1][0] == fence[0] and len(match[1]) >= len(fence) and line.strip() == match[1]
    return (None if closes else fence), True


def _from(number: Numbering, start: int) -> Numbering:
    """``number`` for lines counted from index ``start``."""
    return lambda offset: number(start + offset)


def _marker(line: str, number: Callable[[], int], foreign: bool,
            ignore: frozenset[str]) -> str | tuple[str, str | None] | None:
    """CLOSE, (kind, raw question), or None for a line that is not a quiz marker;
    ``number()`` is the line's number (worked out only for a mistake)."""
    match = MARKER.match(line)
    if not match:
        indented = INDENTED.match(line)
        if indented and indented[1] in KINDS:
            raise QuizError(number(), "This quiz is indented, so it would show as plain text.",
                            "Start '///' at the left margin, outside lists and admonitions; "
                            "to show a quiz's source, put it in a fenced code block.")
        return None
    rest = match[1]
    if line.strip() in ignore:
        return None
    if not rest.strip():
        return None if foreign else CLOSE
    word, head = WORD.match(rest), HEAD.match(rest)
    name = word[1] if word else ""
    if name in KINDS:
        if head is None:
            raise QuizError(number(), f"'/// {name}' needs a bar '|' before its question.",
                            f"Write '/// {name} | Your question?'.")
        return name, head[2]
    close = difflib.get_close_matches(name, list(KINDS), 1, 0.6) if name else []
    if foreign and not close:
        return None
    hint = f"Did you mean '/// {close[0]}'? " if close else ""
    raise QuizError(number(), f"Unknown block '{line.strip()}'.",
                    f"{hint}Quiz blocks start with {', '.join('/// ' + kind for kind in KINDS)}.")


def _closing(lines: list[str], start: int, number: Numbering) -> int:
    """Index of the line that closes the block opened at ``start``."""
    fence = None
    for index in range(start + 1, len(lines)):
        fence, code = _fence(fence, lines[index])
        if code:
            continue
        if CLOSER.match(lines[index]):
            return index
        opener = MARKER.match(lines[index])
        word = opener and WORD.match(opener[1])
        if word and word[1] in KINDS:
            raise QuizError(number(start), f"This quiz is not closed before the next one on line "
                            f"{number(index)}.", "Add a line with only '///' at the end of this quiz.")
    raise QuizError(number(start), "This quiz is not closed.",
                    "Add a line with only '///' after its last choice or explanation.")


def _quiz(kind: str, raw: str | None, body: list[str], number: Numbering) -> Quiz:
    """The quiz whose header is ``raw`` and whose body lines are ``body``; ``number(i)``
    is the line number of body line i (-1: the header)."""
    line = number(-1)
    question, quiz_id = _header(raw or "", kind, line)
    choices, explanation = _body(body, number)
    quiz = Quiz(kind, question, quiz_id or ids.derive(question), tuple(choices), explanation, line)
    validate(quiz)
    return quiz


def _header(raw: str, kind: str, line: int) -> tuple[str, str | None]:
    """The question text and the author's id from ``/// kind | question {#id}``."""
    text, quiz_id = raw.strip(), None
    options = OPTIONS.search(text)
    if options:
        text = text[:options.start()].rstrip()
        tokens = options[1].split() or ["{}"]
        for token in tokens:
            if not token.startswith("#"):
                raise QuizError(line, f"Unknown option '{token}' in '{options[0].strip()}'.",
                                "The only option is an id, like {#my-question}; "
                                "to end a question with braces, write \\{ and \\}.")
            if quiz_id is not None or not ids.VALID.match(token[1:]):
                raise QuizError(line, f"'{options[0].strip()}' is not one usable id.",
                                "Write one id of letters, digits and hyphens that starts with a letter, "
                                "like {#relationship-who-builds}.")
            quiz_id = token[1:]
    if not text:
        raise QuizError(line, "This quiz has no question.", f"Write it after the bar: '/// {kind} | Your question?'.")
    return text, quiz_id


def _body(lines: list[str], line_of: Numbering) -> tuple[list[Choice], str]:
    """Choices with their indented feedback, then the explanation (all raw Markdown)."""
    choices: list[list] = []  # [text, box, feedback lines, line]
    for index, line in enumerate(lines):
        number, choice = line_of(index), CHOICE.match(line)
        if choice:
            choices.append([choice[2], choice[1], [], number])
        elif not line.strip():
            if choices:
                choices[-1][2].append("")
        elif not choices:
            raise QuizError(number, "There is text before the choices.",
                            f"Put the question on the '///' line after the bar; a quiz is {EXAMPLE}.")
        elif line.startswith("    "):
            choices[-1][2].append(line[4:])
        elif line.startswith(" "):
            raise QuizError(number, "This line is indented, but by less than 4 spaces.",
                            "Indent feedback 4 spaces under its choice, or start the explanation at the "
                            "left margin after a blank line.")
        elif lines[index - 1].strip():
            raise QuizError(number, "The explanation touches the choices above it.",
                            "Leave a blank line between the last choice (or its feedback) and the explanation.")
        else:
            return _choices(choices), "\n".join(lines[index:]).rstrip()
    return _choices(choices), ""


def _choices(rows: list[list]) -> list[Choice]:
    return [Choice(text, (box or "").lower() == "x", "\n".join(feedback).strip("\n"), line, box is not None)
            for text, box, feedback, line in rows]


def validate(quiz: Quiz) -> None:
    """Raise QuizError unless the quiz's choices fit its kind."""
    choices = quiz.choices
    if not choices:
        raise QuizError(quiz.line, "This quiz has no choices.",
                        f"List them under the question line; a quiz is {EXAMPLE}.")
    if len(choices) < 2:
        raise QuizError(choices[0].line, "This quiz has only one choice.", "Add at least one more.")
    for choice in choices:
        if not choice.text:
            raise QuizError(choice.line, "This choice has no text.",
                            "Write the answer after the box, like '- [ ] Only the therapist'.")
    right = [choice for choice in choices if choice.right]
    if not quiz.scored:
        if right:
            raise QuizError(right[0].line, "A reflection question has no right answer, but this choice is "
                            "marked [x].", "Write '- [ ]' or just '- '; use '/// quiz' if one answer is right.")
        silent = next((choice for choice in choices if not choice.feedback), None)
        if silent:
            raise QuizError(silent.line, "This reflection choice has no guidance.",
                            "Write what to do next on the line below it, indented 4 spaces.")
        return
    unmarked = next((choice for choice in choices if not choice.marked), None)
    if unmarked:
        raise QuizError(unmarked.line, "This choice has no box.", "Start it with '- [ ]', or '- [x]' if it is right.")
    if quiz.kind == "myth-or-fact" and sorted(choice.text.lower() for choice in choices) not in MYTH_OR_FACT:
        raise QuizError(quiz.line, "A myth-or-fact question needs exactly two choices, 'Myth' and 'Fact' "
                        "('Mito' and 'Realidad' on a Spanish page).",
                        "Write '- [x] Myth' and '- [ ] Fact' (or the other way round), each with its feedback.")
    if not right:
        raise QuizError(quiz.line, "This quiz has no correct answer.",
                        "Mark the right choice '- [x]'; if no answer is right, use '/// reflect'.")
    if len(right) > 1 and not quiz.multiple:
        fix = "Use '/// quiz-all' for 'select all that apply', or keep one [x]."
        raise QuizError(right[1].line, f"A '/// {quiz.kind}' has one right answer, but {len(right)} are marked [x].",
                        "Keep one [x]." if quiz.kind == "myth-or-fact" else fix)
