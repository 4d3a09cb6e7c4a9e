"""Plain language: every content page's main prose is at grade 8 or below."""

from __future__ import annotations

import pytest

from readability import MAX_GRADE, MIN_EASE, page_text, report, score, syllables
from tests.support.project import EDITION


@pytest.mark.parametrize(
    "word, expected",
    [("the", 1), ("make", 1), ("helped", 1), ("wanted", 2), ("people", 2), ("simple", 2),
     ("session", 2), ("therapy", 3), ("therapist", 3), ("therapies", 3), ("relationship", 4), ("988", 1)],
)
def test_syllable_counter_on_common_words(word, expected):
    assert syllables(word) == expected


def test_scores_match_the_published_formulas():
    scores = score(["The cat sat on the mat.", "Then it ran to a table."])
    assert (scores.words, scores.sentences, scores.syllables) == (12, 2, 13)
    assert scores.grade == pytest.approx(0.39 * 12 / 2 + 11.8 * 13 / 12 - 15.59)
    assert scores.ease == pytest.approx(206.835 - 1.015 * 12 / 2 - 84.6 * 13 / 12)


def test_hard_text_fails_and_plain_text_passes():
    hard = ["Psychotherapeutic interventions demonstrate considerable heterogeneity regarding "
            "methodological characteristics, necessitating comprehensive evaluation."]
    plain = ["Talk to your therapist. Say what helps and what does not. It is fine to ask."]
    assert not score(hard).passes()
    assert score(plain).passes()


def test_source_notes_quizzes_and_sources_are_not_counted():
    html = """<article class="md-content__inner"><h1>T</h1><p>Short words here.</p>
      <div class="footnote"><ol><li>Extraordinarily multidimensional psychotherapeutic heterogeneity.</li></ol></div>
      <div class="quiz" data-quiz><p>Incomprehensibly sesquipedalian questionnaire.</p></div>
      <h2 id="sources">Sources</h2><ul><li>Flückiger, Del Re, Wampold and Horvath, meta-analytic synthesis.</li></ul>
    </article>"""
    assert page_text(html) == ["Short words here."]


def test_every_content_page_reads_at_grade_8_or_below(site):
    """English pages by Flesch-Kincaid, Reading Ease and SMOG; the Spanish edition (EDITION=es) by
    Fernández-Huerta. Only the edition under test: the other's folder is left to its own run."""
    results = report(site.dir, EDITION)
    assert len(results) >= 15, "fewer pages measured than the site has"
    if EDITION == "es":
        print("\npage, words, Fernández-Huerta")
        for url, s in results.items():
            print(f"{url}: {s.words} words, ease {s.fernandez_huerta:.1f}")
        failing = {url: f"Fernández-Huerta {s.fernandez_huerta:.1f}" for url, s in results.items() if not s.passes()}
    else:
        print("\npage, words, Flesch-Kincaid grade, Reading Ease, SMOG")
        for url, s in results.items():
            print(f"{url}: {s.words} words, grade {s.grade:.1f}, ease {s.ease:.1f}, SMOG {s.smog:.1f}")
        failing = {
            url: f"grade {s.grade:.1f} (max {MAX_GRADE:g}), ease {s.ease:.1f} (min {MIN_EASE:g}), SMOG {s.smog:.1f}"
            for url, s in results.items() if not s.passes()
        }
    assert not failing, f"pages over the reading-level limit: {failing}"
