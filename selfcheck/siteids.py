"""Quiz ids are unique across the site; on a clash, the new quiz is the one to rename.

A published quiz id is an address (``/page/#id``) that clinics may have sent out.
So when two quizzes share an id, the mistake is placed at the one that is not in
the registry of published addresses; when both or neither are, at the one the
build reached later.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import QuizError

FIX = ("Ids are unique across the site, so a link to a quiz always means one quiz: "
       "give this quiz its own id with {#a-new-id} at the end of its question line.")


@dataclass(frozen=True)
class Place:
    """Where a quiz is: its file and line, and its address on the site (``/page/#id``)."""

    path: str
    line: int
    address: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def read_published(path: str | Path) -> frozenset[str]:
    """The addresses in a registry file: one per line, '#' starts a comment line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


class SiteIds:
    """The quiz ids seen so far in a build, and where."""

    def __init__(self, published: frozenset[str] = frozenset()):
        self.published = published
        self.places: dict[str, Place] = {}

    def add(self, quiz_id: str, place: Place) -> QuizError | None:
        """Note a quiz; return the mistake to report if its id is taken."""
        first = self.places.setdefault(quiz_id, place)
        if first is place:
            return None
        swap = first.address not in self.published and place.address in self.published
        new, old = (first, place) if swap else (place, first)
        problem = f"The quiz id '{quiz_id}' is already used at {old}"
        if old.address in self.published:
            problem += f", by a published quiz ({old.address}) that clinics may link to"
        return QuizError(new.line, problem + ".", FIX, new.path)
