"""What a quiz is, once parsed: plain data, no Markdown rendered yet."""

from __future__ import annotations

from dataclasses import dataclass

#: The word after ``///`` and whether the question is scored and multi-select.
KINDS = {
    "quiz": {"scored": True, "multiple": False},
    "quiz-all": {"scored": True, "multiple": True},
    "myth-or-fact": {"scored": True, "multiple": False},
    "reflect": {"scored": False, "multiple": False},
}


@dataclass(frozen=True)
class Choice:
    """One answer: inline Markdown text, whether it is right, block Markdown feedback."""

    text: str
    right: bool
    feedback: str
    line: int
    marked: bool = True  # written with a [ ] or [x] box


@dataclass(frozen=True)
class Quiz:
    """One question block."""

    kind: str
    question: str
    id: str
    choices: tuple[Choice, ...]
    explanation: str
    line: int

    @property
    def scored(self) -> bool:
        return KINDS[self.kind]["scored"]

    @property
    def multiple(self) -> bool:
        return KINDS[self.kind]["multiple"]
