"""The search index stays within its budget (60 KB gzipped) as pages are added; over it, the failure
names the largest pages and sections, where trimming helps most. It loads only when a reader searches
(tests/test_page_weight.py weighs it apart from the pages)."""

from __future__ import annotations

import json

import pytest
import search_index
from search_index import BUDGET, KB


def test_the_search_index_is_within_its_budget(site):
    size = search_index.measure_site(site.dir)
    assert not size.over_budget, size.report()


def entry(location: str, words: int) -> dict:
    return {"location": location, "title": location, "text": " ".join(f"word{n}" for n in range(words))}


def test_an_index_over_budget_is_reported_with_its_largest_pages_and_sections():
    docs = [entry("small/", 10), entry("big/", 50), entry("big/#long", 30000), entry("big/#short", 10)]
    docs += [entry(f"page-{n}/#part", 4000 + n) for n in range(20)]
    size = search_index.measure(json.dumps({"config": {}, "docs": docs}).encode())
    assert size.over_budget and size.gz > BUDGET
    report = size.report()
    assert f"budget {BUDGET / KB:.1f} KB gzipped" in report
    assert [c.location for c in size.pages[:1]] == ["big/"]
    assert [c.location for c in size.sections[:1]] == ["big/#long"]
    assert "  big/: " in report and "  big/#long: " in report
    assert "small/" not in report  # only the largest are named
    assert sum(c.raw for c in size.pages) < size.raw  # shares of the file, not more than it


def test_a_small_index_is_within_budget():
    size = search_index.measure(json.dumps({"config": {}, "docs": [entry("a/", 100)]}).encode())
    assert not size.over_budget


def test_a_file_that_is_not_an_index_is_named():
    with pytest.raises(ValueError, match="search_index.json"):
        search_index.measure(b'{"config": {}}')
