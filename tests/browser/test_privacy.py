"""Privacy in a real browser. Every page of the built site (from its sitemap), served on 127.0.0.1,
asks no other host for anything, sets no cookie, stores nothing before the reader changes a display
setting, and loads exactly what the page-weight budget counts. Its Content-Security-Policy blocks
nothing: not on load, and not while the reader searches, switches the palette or answers a quiz."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest

from page_weight import loaded_paths, page_file
from tests.support.browsing import csp_violations, in_two_browsers, new_context, open_page, settle
from tests.support.sitemap import sitemap_paths

pytestmark = pytest.mark.browser

STORAGE = "[Object.keys(localStorage), Object.keys(sessionStorage)]"


@dataclass
class Visit:
    """What one page did when it was loaded, before the reader touched anything."""

    path: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    foreign_scripts: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def visits(browser, site, served_site) -> list[Visit]:
    """Every page loaded as a first visit (a new browser context each), until its network is quiet."""
    def visit_all(browser, paths):
        return [first_visit(browser, served_site, path) for path in paths]

    return in_two_browsers(browser, sitemap_paths(site.dir), visit_all)


def first_visit(browser, served_site: str, path: str) -> Visit:
    visit = Visit(path)
    with closing(new_context(browser)) as context:
        page = context.new_page()
        page.on("request", lambda request: visit.requests.append(request.url))
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and visit.errors.append(message.text))
        page.on("dialog", lambda dialog: (visit.dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
        open_page(page, served_site + path.lstrip("/"), quiet=True)
        visit.foreign_scripts = foreign_scripts(page, served_site)
        visit.cookies = [f"{cookie['name']} ({cookie['domain']})" for cookie in context.cookies()]
        local, session = page.evaluate(STORAGE)
        visit.stored = [f"localStorage {key}" for key in local] + [f"sessionStorage {key}" for key in session]
        visit.blocked = csp_violations(page)
    return visit


# Every script element in the live page: an inline one must be allowed by the page's policy
# (the theme's own, by hash); one with src must come from the site itself.
SCRIPTS = """async () => {
  const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const allowed = policy ? policy.content : "";
  const found = [];
  for (const script of document.scripts) {
    const type = (script.type || "").toLowerCase();
    if (!["", "text/javascript", "application/javascript", "module"].includes(type)) continue;
    if (script.src) { found.push(["src", script.src]); continue; }
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(script.textContent));
    const hash = "'sha256-" + btoa(String.fromCharCode(...new Uint8Array(digest))) + "'";
    if (!allowed.includes(hash)) found.push(["inline", script.textContent.slice(0, 60)]);
  }
  return found;
}"""


def foreign_scripts(page, served_site: str) -> list[str]:
    """Scripts on the page that are not the site's own (the theme's inline ones, or files of the site)."""
    problems = []
    for kind, value in page.evaluate(SCRIPTS):
        if kind == "inline":
            problems.append(f"an inline script the policy does not allow: {value!r}")
        elif not value.startswith(served_site):
            problems.append(f"a script from outside the site: {value}")
    return problems


def report(visits: list[Visit], attribute: str) -> str:
    return "\n".join(f"{v.path}: {item}" for v in visits for item in getattr(v, attribute))


def test_no_page_asks_another_host(visits, served_site):
    origin = urlparse(served_site).netloc
    foreign = [
        f"{visit.path}: requests {url}"
        for visit in visits
        for url in visit.requests
        if urlparse(url).scheme not in ("data", "blob") and urlparse(url).netloc != origin
    ]
    assert not foreign, "\n".join(foreign)


def test_no_page_sets_a_cookie(visits):
    assert not any(visit.cookies for visit in visits), report(visits, "cookies")


def test_no_page_stores_anything_before_the_reader_changes_a_setting(visits):
    assert not any(visit.stored for visit in visits), report(visits, "stored")


def test_no_page_breaks_its_content_security_policy(visits):
    assert not any(visit.blocked for visit in visits), report(visits, "blocked")


def test_no_page_runs_a_script_that_is_not_the_sites_own(visits):
    """No dialog opens (an injected alert() would) and every script is the theme's or a file of the site."""
    assert not any(visit.dialogs for visit in visits), report(visits, "dialogs")
    assert not any(visit.foreign_scripts for visit in visits), report(visits, "foreign_scripts")


def test_no_page_has_a_script_error(visits):
    assert not any(visit.errors for visit in visits), report(visits, "errors")


def test_each_page_loads_what_the_weight_budget_counts(visits, site, served_site):
    """The page-weight test reads what a page loads from its HTML; the browser must agree."""
    mismatches = []
    for visit in visits:
        html = page_file(site.dir, visit.path.lstrip("/")).read_text(encoding="utf-8")
        counted = set(loaded_paths(html, visit.path)[0])
        loaded = {url[len(served_site):].split("#")[0].split("?")[0] for url in visit.requests if url.startswith(served_site)}
        if loaded != counted:
            mismatches.append(
                f"{visit.path}: loaded but not counted {sorted(loaded - counted)}, "
                f"counted but not loaded {sorted(counted - loaded)}"
            )
    assert not mismatches, "\n".join(mismatches)


@pytest.fixture
def tab(browser, served_site):
    """A fresh context and page, closed afterwards; open(path) loads a page in it."""
    with closing(new_context(browser)) as context:
        page = context.new_page()
        page.open = lambda path, quiet=False: open_page(page, served_site + path.lstrip("/"), quiet)
        yield page


def test_search_loads_on_demand_and_works_under_the_policy(tab):
    requests = []
    tab.on("request", lambda request: requests.append(urlparse(request.url).path))
    tab.open("/", quiet=True)
    assert not [path for path in requests if "search" in path], "search loaded before it was used"
    tab.focus(".md-search__input")
    tab.keyboard.type("therapist")
    tab.wait_for_selector(".md-search-result__item")
    assert any(path.endswith("/search/search_index.json") for path in requests)
    assert not csp_violations(tab), csp_violations(tab)


def test_palette_toggle_works_under_the_policy_and_only_then_remembers(tab):
    tab.open("/")
    assert tab.evaluate(STORAGE) == [[], []]
    tab.click("label[for^='__palette_']:not([hidden])")
    tab.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    local, _ = tab.evaluate(STORAGE)
    assert any(key.endswith("__palette") for key in local), "the reader's choice is not remembered"
    assert not csp_violations(tab), csp_violations(tab)


def test_quizzes_work_under_the_policy(tab, site):
    quiz_pages = [path for path in sitemap_paths(site.dir) if site.soup(path).select_one("[data-quiz]")]
    if not quiz_pages:
        pytest.skip("no page has a quiz yet")
    for path in quiz_pages:
        tab.open(path)
        quiz = tab.locator("[data-quiz]").first
        quiz.locator("input[type=radio], input[type=checkbox]").first.check()
        quiz.locator("button[type=submit]").first.click()
        settle(tab)
        result = quiz.locator("[role=status]").first.inner_text().strip()
        assert result, f"{path}: the quiz gave no result"
        assert not csp_violations(tab), f"{path}: {csp_violations(tab)}"
