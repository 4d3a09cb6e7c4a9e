"""Reading level of every content page, measured offline on the built site.

Counts only the main prose a reader has to get through: the page article, less
its source notes, quizzes, the "Sources" section, page notes and code. Scores:
English pages: Flesch-Kincaid grade, Flesch Reading Ease and SMOG. Spanish pages
(``--lang es``): Fernández-Huerta reading ease, whose scale reads 70-80 "bastante
fácil" (fairly easy) and over 80 "fácil". Syllables are counted by small rule-based
counters for each language (no dictionary download, so it works without network).

    python scripts/readability.py site/                       # print a table
    python scripts/readability.py site/ --check               # also exit 1 over the limits
    python scripts/readability.py site/es/ --lang es --check  # the Spanish edition
    python scripts/readability.py --lang es --markdown docs-es/relationship.md  # a draft
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from sitefeatures.editions import edition
from sitefeatures.words import LANGUAGES

MAX_GRADE = 8.0
MIN_EASE = 60.0
#: Fernández-Huerta: 70 is where "bastante fácil" (fairly easy) begins.
MIN_EASE_ES = 70.0
# Pages that are not prose for readers: the reference list and the error page.
SKIPPED_PAGES = {"references/index.html", "404.html"}
SKIPPED_FOLDERS = ("search/", "assets/", "for-authors/")
SKIPPED_SELECTORS = (
    ".footnote", "sup", "[data-quiz]", ".page-notes", ".headerlink", "pre", "script",
    "style", "nav", ".md-source-file", ".admonition-title",
    # The link list's full addresses (/for-clinics/) are for copying, not prose: read as words they
    # made the Spanish page of a copy at a long address score under the line.
    ".clinic-links__url",
)
SKIPPED_SECTIONS = {"sources"}
BLOCKS = ("p", "li", "td", "th", "dt", "dd", "blockquote", "figcaption")
WORD = re.compile(r"[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ'’-]*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


@dataclass
class Scores:
    words: int
    sentences: int
    syllables: int
    polysyllables: int
    language: str = "en"

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

    @property
    def fernandez_huerta(self) -> float:
        """Fernández-Huerta reading ease for Spanish (higher is easier): 206.84 - 60 x syllables per word
        - 1.02 x words per sentence. (Read literally, the 1959 paper's second term counts sentences per
        100 words, which would make longer sentences score easier; this is the form textstat and the
        legible.es tools use, in which longer sentences score harder, as in Flesch's formula.)"""
        return 206.84 - 60.0 * self.syllables / self.words - 1.02 * self.words / self.sentences

    def passes(self) -> bool:
        if self.language == "es":
            return self.fernandez_huerta >= MIN_EASE_ES
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


SPANISH_STRONG = set("aeoáéóíú")  # an accented i or u breaks a diphthong (hiatus)
SPANISH_VOWELS = re.compile(r"[aeiouáéíóúü]+")


def syllables_es(word: str) -> int:
    """Estimate the syllables in a Spanish word: one per vowel group, plus one per hiatus
    (two strong vowels side by side: "le-er", "dí-a"); "ue" in "que" counts once, as spoken."""
    word = re.sub(r"[^a-záéíóúüñ]", "", word.lower())
    if not word:
        return 1
    count = 0
    for group in SPANISH_VOWELS.findall(word):
        count += 1 + sum(a in SPANISH_STRONG and b in SPANISH_STRONG for a, b in itertools.pairwise(group))
    return max(1, count)


COUNTERS = {"en": syllables, "es": syllables_es}


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


def score(texts: list[str], language: str = "en") -> Scores:
    """Scores for a list of blocks; each block ends at least one sentence."""
    counter = COUNTERS[language]
    words = sentences = syllable_total = poly = 0
    for text in texts:
        tokens = WORD.findall(text)
        if not tokens:
            continue
        sentences += max(1, len(SENTENCE_END.findall(text)))
        words += len(tokens)
        for token in tokens:
            count = counter(token)
            syllable_total += count
            poly += count >= 3
    return Scores(words, max(sentences, 1), syllable_total, poly, language)


def page_text(html: str) -> list[str]:
    """The prose blocks of one built page."""
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    return prose_blocks(article) if article else []


def other_editions(language: str) -> tuple[str, ...]:
    """The folders of the other language editions inside this one's site folder (es/ beside English)."""
    return tuple(edition(other).path for other in LANGUAGES if other != language and edition(other).path)


def content_pages(site: Path, language: str = "en") -> list[Path]:
    """Built pages that carry prose for readers, in this edition only (each language has its formula)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in SKIPPED_PAGES or rel.startswith(SKIPPED_FOLDERS + other_editions(language)):
            continue
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:600]:
            continue  # a redirect page
        pages.append(path)
    return pages


def markdown_text(path: Path) -> list[str]:
    """The prose blocks of a Markdown draft, rendered as the site renders it (quizzes left out)."""
    import markdown

    html = markdown.markdown(path.read_text(encoding="utf-8").split("\n---", 1)[-1], extensions=[
        "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "selfcheck.extension"])
    article = BeautifulSoup(f"<article>{html}</article>", "html.parser").article
    return prose_blocks(article) if article else []


def report(site: Path, language: str = "en") -> dict[str, Scores]:
    """Scores for every content page, keyed by its URL path."""
    results = {}
    for path in content_pages(site, language):
        rel = path.relative_to(site).as_posix()
        url = "/" + rel.removesuffix("index.html")
        texts = page_text(path.read_text(encoding="utf-8"))
        if texts:
            results[url] = score(texts, language)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", help="the built site folder")
    parser.add_argument("--check", action="store_true", help="exit 1 when a page is over the limits")
    parser.add_argument("--lang", choices=sorted(COUNTERS), default="en", help="the pages' language")
    parser.add_argument("--markdown", type=Path, nargs="+", help="score Markdown drafts instead of a site")
    args = parser.parse_args(argv)
    if args.markdown:
        results = {str(path): score(markdown_text(path), args.lang) for path in args.markdown}
    elif args.site:
        results = report(args.site, args.lang)
    else:
        parser.error("give a built site folder or --markdown files")
    if args.lang == "es":
        print(f"{'page':40} {'words':>6} {'Fernández-Huerta':>17}  (limit: >= {MIN_EASE_ES:g}, bastante fácil)")
        for url, s in results.items():
            flag = "" if s.passes() else "  OVER THE LIMIT"
            print(f"{url:40} {s.words:6d} {s.fernandez_huerta:17.1f}  {s.words / s.sentences:.1f} words/sentence{flag}")
    else:
        print(f"{'page':28} {'words':>6} {'FK grade':>9} {'ease':>6} {'SMOG':>6}  "
              f"(limits: grade <= {MAX_GRADE:g}, ease >= {MIN_EASE:g})")
        for url, s in results.items():
            flag = "" if s.passes() else "  OVER THE LIMIT"
            print(f"{url:28} {s.words:6d} {s.grade:9.1f} {s.ease:6.1f} {s.smog:6.1f}{flag}")
    failing = [url for url, s in results.items() if not s.passes()]
    return 1 if args.check and failing else 0


if __name__ == "__main__":
    sys.exit(main())
