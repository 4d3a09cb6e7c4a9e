"""The Python-Markdown extension: list ``selfcheck.extension`` in ``markdown_extensions``.

Each page is parsed once, here. A preprocessor finds and checks the quiz blocks
while the lines are still the page's, numbers them by the page file, and leaves
a placeholder; a block processor renders each placeholder in place; once inline
Markdown is done, a tree processor checks that every quiz was rendered and holds
nothing but Markdown (selfcheck.guard), then tells the host what the page holds.
Works in MkDocs (the plugin is the host) and in Zensical (which has no plugins).
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions.footnotes import FootnoteExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import guard, render
from .errors import QuizError
from .host import Host, Source
from .lines import numbering
from .model import Quiz
from .parser import FOOTNOTE_MARKER, normalize, scan

NAME = "selfcheck"
#: After normalize_whitespace (30); before fenced code (25) and raw HTML (20) change the lines.
PRIORITY = 28
#: After inline Markdown (20), attr_list (8), abbreviations (7) and the table of contents (5).
CHECK_PRIORITY = 3
PLACEHOLDER = "\x02selfcheck:{}\x03"
PLACEHOLDER_RE = re.compile(r"\x02selfcheck:(\d+)\x03\Z")
NOT_RENDERED = "This quiz is inside raw HTML (such as a <div> without markdown), so it would not show."
NOT_RENDERED_FIX = "Move it out of the HTML block; to hide a quiz, start the line above it with '<!--'."


@dataclass
class Cut:
    """A quiz cut out of the page: its source lines as (line in the file, text), and
    the element it was rendered as."""

    quiz: Quiz
    source: list[tuple[int, str]]
    root: etree.Element | None = None

    def error(self, needle: str, problem: str, fix: str) -> QuizError:
        """The mistake, on the first source line that holds ``needle`` (else the quiz's first)."""
        for wanted in (needle.rstrip("…"), re.split(r"[\s>]", needle.strip())[0]):
            line = next((number for number, text in self.source if wanted and wanted.lower() in text.lower()), None)
            if line is not None:
                return QuizError(line, problem, fix)
        return QuizError(self.quiz.line, problem, fix)


@dataclass
class PageState:
    """What the extension knows about the page being converted."""

    source: Source = field(default_factory=Source)
    cuts: list[Cut] = field(default_factory=list)
    failed: bool = False


class QuizPreprocessor(Preprocessor):
    """Cut each quiz block out of the page, check it and leave a placeholder."""

    def __init__(self, md: Markdown, ext: SelfCheckExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        guard.install(self.md, self.ext.noted)  # again, in case an extension loaded later replaced it
        page = self.ext.page = PageState(self.ext.host.source(self.md))
        number = numbering(page.source.text, lines, normalize)
        try:
            found = scan(lines, number, foreign="blocks" in self.md.parser.blockprocessors, ignore=_ignored(self.md))
        except QuizError as error:
            self.ext.report(error)
            return lines
        out, position = [], 0
        for start, end, quiz in found:
            out += [*lines[position:start], "", PLACEHOLDER.format(len(page.cuts)), ""]
            page.cuts.append(Cut(quiz, [(number(index), lines[index]) for index in range(start, end + 1)]))
            position = end + 1
        return out + lines[position:]


class QuizBlockProcessor(BlockProcessor):
    """Render a placeholder left by the preprocessor."""

    def __init__(self, parser, ext: SelfCheckExtension):
        super().__init__(parser)
        self.ext = ext

    def test(self, parent: etree.Element, block: str) -> bool:
        return PLACEHOLDER_RE.match(block.strip()) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        placeholder = PLACEHOLDER_RE.match(blocks.pop(0).strip())
        assert placeholder is not None, "test() accepts placeholder blocks only"
        cut = self.ext.page.cuts[int(placeholder[1])]
        try:
            cut.root = render.build(parent, cut.quiz, functools.partial(self.parse_blocks, cut),
                                    self.ext.host.language(self.parser.md))
        except QuizError as error:
            self.ext.report(error)

    def parse_blocks(self, cut: Cut, parent: etree.Element, text: str) -> None:
        """Parse block Markdown into ``parent``, first running the preprocessors that
        come after ours (fenced code, raw HTML), as the page's own text had; raw HTML
        is a mistake."""
        md = self.parser.md
        registry, stash = md.preprocessors, md.htmlStash.rawHtmlBlocks
        html_block = registry["html_block"] if "html_block" in registry else None
        lines = text.split("\n")
        for preprocessor in list(registry)[registry.get_index_for_name(NAME) + 1:]:
            stashed = len(stash)
            lines = preprocessor.run(lines)
            if preprocessor is html_block and len(stash) > stashed:
                raise cut.error(*guard.raw_html(guard.quote(stash[stashed])))
        self.parser.parseChunk(parent, "\n".join(lines))


class QuizCheck(Treeprocessor):
    """Every quiz rendered and holding only Markdown; then tell the host."""

    def __init__(self, md: Markdown, ext: SelfCheckExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        page = self.ext.page
        if page.failed:
            return
        for cut in page.cuts:
            problem = ("", NOT_RENDERED, NOT_RENDERED_FIX) if cut.root is None else next(
                guard.problems(cut.root, self.md, self.ext.noted), None)
            if problem:
                self.ext.report(cut.error(*problem))
                return
        self.ext.host.found([cut.quiz for cut in page.cuts])


class SelfCheckExtension(Extension):
    """Quizzes written as ``/// quiz | Question?`` blocks."""

    def __init__(self, **kwargs):
        self.config = {"host": [Host(), "Who runs the extension; the MkDocs plugin passes its own."]}
        super().__init__(**kwargs)

    @property
    def host(self) -> Host:
        return self.getConfig("host")

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        self.noted: set[int] = set()  # stash entries that are the author's raw inline HTML
        self.page = PageState()
        guard.install(md, self.noted)
        md.preprocessors.register(QuizPreprocessor(md, self), NAME, PRIORITY)
        md.parser.blockprocessors.register(QuizBlockProcessor(md.parser, self), NAME, 75)
        md.treeprocessors.register(QuizCheck(md, self), NAME, CHECK_PRIORITY)

    def reset(self) -> None:
        self.noted.clear()
        self.page = PageState()

    def report(self, error: QuizError) -> None:
        """Hand a mistake, placed in the page file, to the host; the page is not checked further."""
        self.page.failed = True
        path = self.page.source.path
        self.host.mistake(error.at(path) if path else error)


def _ignored(md: Markdown) -> frozenset[str]:
    """Lines that look like block markers but belong to another extension."""
    markers = {ext.getConfig("PLACE_MARKER") for ext in md.registeredExtensions if isinstance(ext, FootnoteExtension)}
    return frozenset(markers or {FOOTNOTE_MARKER})


def makeExtension(**kwargs) -> SelfCheckExtension:  # noqa: N802 (Python-Markdown's name)
    return SelfCheckExtension(**kwargs)
