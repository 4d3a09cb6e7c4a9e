"""Line numbers as the author sees them: a line of the text Markdown renders, found in the page file.

The text Markdown renders is not the file: front matter is cut off, and hooks and
snippets may add or change lines before the quiz extension sees them. Comparing the
two (difflib) finds every line without anyone having to count what was cut or added.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable

Numbering = Callable[[int], int]


def as_given(index: int) -> int:
    """Line numbers of the text itself (no file to compare with)."""
    return index + 1


class LineMap:
    """Maps an index in the lines Markdown renders to a line number in the file.

    Lines the two share map exactly; a line that was changed maps to the changed line,
    and one that was added maps to where it was added. Compared on first use only."""

    def __init__(self, file_lines: list[str], seen: list[str]):
        self._file, self._seen = file_lines, seen
        self._starts: list[int] = []
        self._spans: list[tuple[int, int]] = []

    def __call__(self, index: int) -> int:
        if not self._starts:
            matcher = difflib.SequenceMatcher(None, self._file, self._seen, autojunk=False)
            for _, file_start, file_end, seen_start, _ in matcher.get_opcodes():
                self._starts.append(seen_start)
                self._spans.append((file_start, file_end))
        block = max(bisect.bisect_right(self._starts, index) - 1, 0)
        file_start, file_end = self._spans[block]
        offset = min(index - self._starts[block], max(file_end - file_start - 1, 0))
        return file_start + offset + 1


def numbering(file_text: str | None, seen: list[str], normalize: Callable[[str], list[str]]) -> Numbering:
    """How to number the lines ``seen``: by the file they came from, when it is known."""
    return LineMap(normalize(file_text), seen) if file_text is not None else as_given
