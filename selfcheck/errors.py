"""The one error an author can cause: where it is, what is wrong, what to do."""

from __future__ import annotations


class QuizError(Exception):
    """An authoring mistake in a quiz block, with its line and a fix."""

    def __init__(self, line: int, problem: str, fix: str, page: str | None = None):
        self.line, self.problem, self.fix, self.page = line, problem, fix, page
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.page}:{self.line}" if self.page else f"line {self.line}"
        return f"{where}: {self.problem} {self.fix}"

    def at(self, page: str) -> QuizError:
        """The same error, placed in a page file (its line is already the file's)."""
        return QuizError(self.line, self.problem, self.fix, page)
