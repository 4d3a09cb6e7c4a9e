"""Page weight: what the first visit of every page transfers, gzipped as GitHub Pages serves it,
stays within budget. A failure names the page and what grew since tests/page_weight_baseline.json
(refresh it with `python scripts/page_weight.py site/ --write-baseline` after a deliberate change).
tests/browser/test_privacy.py checks that a browser loads exactly what is counted here."""

from __future__ import annotations

import page_weight
from page_weight import KB, PageWeight, Resource, load_baseline, weigh_site
from tests.support.sitemap import sitemap_paths


def test_every_page_is_within_its_budgets(site):
    weights = weigh_site(site.dir, sitemap_paths(site.dir))
    problems = [problem for weight in weights for problem in weight.problems(load_baseline())]
    assert not problems, "\n".join(problems) + "\n\n" + page_weight.table(weights)


def test_a_page_over_budget_is_reported_with_what_grew():
    page = Resource("relationship/", 10 * KB)
    bundle = Resource("assets/javascripts/bundle.0123abcd.min.js", 100 * KB)
    quiz = Resource("assets/selfcheck/quiz.0123456789.js", 15 * KB)
    weight = PageWeight("/relationship/", [page, bundle, quiz], search=[], shared=frozenset({bundle.path}))
    baseline = {"relationship/": 10 * KB, "assets/javascripts/bundle.min.js": 90 * KB}
    total, quiz_budget = weight.problems(baseline)
    assert "/relationship/: first visit transfers 125.0 KB" in total
    assert "assets/selfcheck/quiz.js is new (15.0 KB)" in total
    assert "assets/javascripts/bundle.min.js grew by 10.0 KB" in total
    assert "relationship/ grew" not in total
    assert "its own assets" in quiz_budget and "quiz.js 15.0 KB" in quiz_budget


def test_the_weighed_files_are_what_the_html_loads(site):
    weight = page_weight.weigh(site.dir, "/relationship/")
    names = [resource.name for resource in weight.resources]
    assert names[0] == "relationship/"
    assert "assets/javascripts/bundle.min.js" in names and "assets/stylesheets/main.min.css" in names
    assert [r.name for r in weight.search] == [
        "assets/javascripts/workers/search.min.js", "search/search_index.json"
    ]
