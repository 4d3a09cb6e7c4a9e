"""The readability scorer reads a glossary term and its definition as one sentence.

Scored apart, each term would count as a sentence of one or two words, which makes a
glossary look easier than it is (an independent scorer put it at grade 9 while this
one said 6.3).
"""

from __future__ import annotations

from readability import page_text, score


def test_a_glossary_term_and_its_definition_count_as_one_sentence():
    html = """<article class="md-content__inner"><h1>Glossary</h1><dl class="glossary">
      <dt id="cbt"><strong>CBT</strong></dt><dd>A talking therapy about thoughts, feelings and actions.</dd>
      <dt id="gp"><strong>GP (GPs)</strong></dt><dd>A family doctor.</dd>
    </dl></article>"""
    texts = page_text(html)
    assert texts == ["CBT: A talking therapy about thoughts, feelings and actions.", "GP (GPs): A family doctor."]
    assert score(texts).sentences == 2


def test_a_term_without_a_definition_is_still_read():
    html = '<article class="md-content__inner"><dl><dt>Alone</dt></dl><p>Then a sentence.</p></article>'
    assert page_text(html) == ["Alone", "Then a sentence."]
