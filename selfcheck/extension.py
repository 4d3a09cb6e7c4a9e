"""The Python-Markdown extension: list ``selfcheck.extension`` in ``markdown_extensions``.

A preprocessor finds and checks the quiz blocks while line numbers are still
those of the page, and leaves a placeholder; a block processor renders each
placeholder in place. Works in MkDocs and in Zensical (which has no plugins).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions.footnotes import FootnoteExtension
from markdown.preprocessors import Preprocessor

from . import render
from .errors import QuizError
from .model import Quiz
from .parser import FOOTNOTE_MARKER, body_offset, scan

NAME = "selfcheck"
#: After normalize_whitespace (30); before fenced code (25) and raw HTML (20) change the line count.
PRIORITY = 28
PLACEHOLDER = "\x02selfcheck:{}\x03"
PLACEHOLDER_RE = re.compile(r"\x02selfcheck:(\d+)\x03\Z")


class QuizPreprocessor(Preprocessor):
    """Cut each quiz block out of the page, check it and leave a placeholder."""

    def __init__(self, md: Markdown, quizzes: list[Quiz]):
        super().__init__(md)
        self.quizzes = quizzes

    def run(self, lines: list[str]) -> list[str]:
        try:
            found = scan(lines, foreign="blocks" in self.md.parser.blockprocessors, ignore=_ignored(self.md))
        except QuizError as error:
            page, offset = _where(self.md)
            raise (error.at(page, offset) if page else error) from None
        out, position = [], 0
        for start, end, quiz in found:
            out += lines[position:start] + ["", PLACEHOLDER.format(len(self.quizzes)), ""]
            self.quizzes.append(quiz)
            position = end + 1
        return out + lines[position:]


class QuizBlockProcessor(BlockProcessor):
    """Render a placeholder left by the preprocessor."""

    def __init__(self, parser, quizzes: list[Quiz]):
        super().__init__(parser)
        self.quizzes = quizzes

    def test(self, parent: etree.Element, block: str) -> bool:
        return PLACEHOLDER_RE.match(block.strip()) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        quiz = self.quizzes[int(PLACEHOLDER_RE.match(blocks.pop(0).strip())[1])]
        render.build(parent, quiz, self.parse_blocks)

    def parse_blocks(self, parent: etree.Element, text: str) -> None:
        """Parse block Markdown into ``parent``, first running the preprocessors that
        come after ours (fenced code, raw HTML), as the page's own text had."""
        registry = self.parser.md.preprocessors
        lines = text.split("\n")
        for preprocessor in list(registry)[registry.get_index_for_name(NAME) + 1:]:
            lines = preprocessor.run(lines)
        self.parser.parseChunk(parent, "\n".join(lines))


class SelfCheckExtension(Extension):
    """Quizzes written as ``/// quiz | Question?`` blocks."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.quizzes: list[Quiz] = []
        md.preprocessors.register(QuizPreprocessor(md, self.quizzes), NAME, PRIORITY)
        md.parser.blockprocessors.register(QuizBlockProcessor(md.parser, self.quizzes), NAME, 75)

    def reset(self) -> None:
        self.quizzes.clear()


def _ignored(md: Markdown) -> frozenset[str]:
    """Lines that look like block markers but belong to another extension."""
    markers = {ext.getConfig("PLACE_MARKER") for ext in md.registeredExtensions if isinstance(ext, FootnoteExtension)}
    return frozenset(markers or {FOOTNOTE_MARKER})


def _where(md: Markdown) -> tuple[str | None, int]:
    """The page file being rendered and its front-matter lines, where the host says
    (Zensical's rendering context; MkDocs' plugin reports errors itself)."""
    context = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None
    page = getattr(context, "page", None)
    if page is None:
        return None, 0
    try:
        path = Path(context.config.get("root_dir", ""), context.config["docs_dir"], page.path)
        return os.path.relpath(path), body_offset(path.read_text(encoding="utf-8-sig"))
    except (AttributeError, KeyError, TypeError, OSError, ValueError):
        return page.path, 0


def makeExtension(**kwargs) -> SelfCheckExtension:  # noqa: N802 (Python-Markdown's name)
    return SelfCheckExtension(**kwargs)
