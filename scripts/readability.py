"""Reading level of every content page, measured offline on the built site.

Counts only the main prose a reader has to get through: the page article, less
its source notes, quizzes, the "Sources" section, page notes and code. Scores:
Flesch-Kincaid grade, Flesch Reading Ease and SMOG, with syllables counted by a
small rule-based counter (no dictionary download, so it works without network).

    python scripts/readability.py site/            # print a table
    python scripts/readability.py site/ --check    # also exit 1 over the limits
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

MAX_GRADE = 8.0
MIN_EASE = 60.0
# Pages that are not prose for readers: the reference list and the error page.
SKIPPED_PAGES = {"references/index.html", "404.html"}
SKIPPED_FOLDERS = ("search/", "assets/", "for-authors/")
SKIPPED_SELECTORS = (
    ".footnote", "sup", "[data-quiz]", ".page-notes", ".headerlink", "pre", "script",
    "style", "nav", ".md-source-file", ".admonition-title",
)
SKIPPED_SECTIONS = {"sources"}
BLOCKS = ("p", "li", "td", "th", "dt", "dd", "blockquote", "figcaption")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


@dataclass
class Scores:
    words: int
    sentences: int
    syllables: int
    polysyllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level."""
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def ease(self) -> float:
        """Flesch Reading Ease (higher is easier)."""
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def smog(self) -> float:
        """SMOG grade."""
        return 1.043 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291

    def passes(self) -> bool:
        return self.grade <= MAX_GRADE and self.ease >= MIN_EASE


def syllables(word: str) -> int:
    """Estimate the syllables in an English word with the usual vowel-group rules."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 1  # a number or symbol read aloud as one unit
    if len(word) <= 3:
        return 1
    # Silent endings: "make", "cases", "helped" (but "wanted", "needed" keep theirs).
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$", lambda m: m.group()[0], word)
    word = re.sub(r"^y", "", word)
    count = len(re.findall(r"[aeiouy]+", word))
    return max(1, count)


def prose_blocks(article: Tag) -> list[str]:
    """Texts of the prose blocks in an article, in order, skipping excluded parts.

    A definition list's term (dt) is read together with its definition (dd) as one
    block, "term: definition", so a glossary entry counts as one sentence, not two.
    """
    for selector in SKIPPED_SELECTORS:
        for element in article.select(selector):
            element.decompose()
    texts, section, terms = [], None, []
    for element in article.find_all(["h2", *BLOCKS]):
        if element.name == "h2":
            section = element.get("id")
            continue
        if section in SKIPPED_SECTIONS or element.find(BLOCKS):
            continue  # nested blocks are read on their own
        text = " ".join(element.get_text(" ").split())
        if element.name == "dt":
            if text:
                terms.append(text)
            continue
        if terms:
            if element.name == "dd":
                text = f"{', '.join(terms)}: {text}" if text else ", ".join(terms)
            else:
                texts.append(", ".join(terms))  # a term with no definition
            terms = []
        if text:
            texts.append(text)
    if terms:
        texts.append(", ".join(terms))
    return texts


def score(texts: list[str]) -> Scores:
    """Scores for a list of blocks; each block ends at least one sentence."""
    words = sentences = syllable_total = poly = 0
    for text in texts:
        tokens = WORD.findall(text)
        if not tokens:
            continue
        sentences += max(1, len(SENTENCE_END.findall(text)))
        words += len(tokens)
        for token in tokens:
            count = syllables(token)
            syllable_total += count
            poly += count >= 3
    return Scores(words, max(sentences, 1), syllable_total, poly)


def page_text(html: str) -> list[str]:
    """The prose blocks of one built page."""
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    return prose_blocks(article) if article else []


def content_pages(site: Path) -> list[Path]:
    """Built pages that carry prose for readers."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in SKIPPED_PAGES or rel.startswith(SKIPPED_FOLDERS):
            continue
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:600]:
            continue  # a redirect page
        pages.append(path)
    return pages


def report(site: Path) -> dict[str, Scores]:
    """Scores for every content page, keyed by its URL path."""
    results = {}
    for path in content_pages(site):
        rel = path.relative_to(site).as_posix()
        url = "/" + rel.removesuffix("index.html")
        texts = page_text(path.read_text(encoding="utf-8"))
        if texts:
            results[url] = score(texts)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--check", action="store_true", help="exit 1 when a page is over the limits")
    args = parser.parse_args(argv)
    results = report(args.site)
    print(f"{'page':28} {'words':>6} {'FK grade':>9} {'ease':>6} {'SMOG':>6}  (limits: grade <= {MAX_GRADE:g}, ease >= {MIN_EASE:g})")
    for url, s in results.items():
        flag = "" if s.passes() else "  OVER THE LIMIT"
        print(f"{url:28} {s.words:6d} {s.grade:9.1f} {s.ease:6.1f} {s.smog:6.1f}{flag}")
    failing = [url for url, s in results.items() if not s.passes()]
    return 1 if args.check and failing else 0


if __name__ == "__main__":
    sys.exit(main())
