"""Who runs the extension: which file a page comes from, and what becomes of what
the extension finds there.

The default suits plain Python-Markdown (no file: lines of the text, mistakes
raised) and Zensical (the file from its rendering context). The MkDocs plugin
passes its own host as the extension's ``host`` setting, to collect each page's
quizzes and mistakes instead of parsing the page a second time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown

from .errors import QuizError
from .model import Quiz


@dataclass(frozen=True)
class Source:
    """The page file being rendered: its path as messages show it, and its whole text."""

    path: str | None = None
    text: str | None = None


class Host:
    """The default host; subclass it to collect what the extension finds."""

    def source(self, md: Markdown) -> Source:
        """The page file, where Zensical's rendering context says; nothing for plain Markdown."""
        context = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None
        page = getattr(context, "page", None)
        if page is None:
            return Source()
        config = getattr(context, "config", None) or {}
        try:
            path = Path(config.get("root_dir", ""), config["docs_dir"], page.path)
            return Source(os.path.relpath(path), path.read_text(encoding="utf-8-sig"))
        except (AttributeError, KeyError, TypeError, OSError, ValueError):
            return Source(getattr(page, "path", None))

    def language(self, md: Markdown) -> str:
        """The page's language, for the quiz's own words: the theme's, where Zensical's context says."""
        context = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None
        theme = (getattr(context, "config", None) or {}).get("theme") or {}
        return theme.get("language") or "en"

    def found(self, quizzes: list[Quiz]) -> None:
        """Called once a page is rendered without mistakes, with its quizzes in order."""

    def mistake(self, error: QuizError) -> None:
        """Called with an authoring mistake, placed in the page file: stop the conversion."""
        raise error
