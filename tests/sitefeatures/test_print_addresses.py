"""Print addresses: a link to another page prints that page's published address, in either engine.

The tree the Markdown extension sees still holds the Markdown targets ("references.md#x"): the
engine rewrites them later. A regression printed "…/relationship/references.md#x".
"""

from __future__ import annotations

import pytest

from sitefeatures.clinic.handout import print_href
from sitefeatures.extension import page_address


@pytest.mark.parametrize("href, src, expected", [
    ("references.md#norcross-2018", "relationship.md", "http://x.org/references/#norcross-2018"),
    ("index.md", "relationship.md", "http://x.org/"),
    ("glossary.md#cbt", "index.md", "http://x.org/glossary/#cbt"),
    ("../quizzes.md", "for-authors/quizzes.md", "http://x.org/quizzes/"),
    ("https://doi.org/10.1/a.md", "index.md", "https://doi.org/10.1/a.md"),
])
def test_a_link_to_a_page_prints_the_pages_address(href, src, expected):
    page = "http://x.org/" + ("" if src == "index.md" else src.removesuffix(".md") + "/")
    assert print_href(page_address(href, src), "see this", page) == expected
