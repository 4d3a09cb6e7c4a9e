"""The Content-Security-Policy hook: the policy it writes, on what it writes it, and that a browser
enforces it (an inline script without its hash is blocked and reported)."""

from __future__ import annotations

import importlib.util
import logging
from contextlib import closing

import pytest
from browsing import csp_violations, new_context
from conftest import REPO, parse
from mkdocs_redirects.plugin import HTML_TEMPLATE
from sitemap import sitemap_paths

spec = importlib.util.spec_from_file_location("csp", REPO / "overrides" / "hooks" / "csp.py")
csp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(csp)

# Minified the way mkdocs-minify writes pages: unquoted attributes, no line breaks.
PAGE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title>"
    "<script>alert(1)</script><script id=__config type=application/json>{\"a\":1}</script>"
    "</head><body><p>x</p><script src=a.js></script><script>var b=2</script></body></html>"
)


def policy_of(html: str) -> dict[str, list[str]]:
    metas = parse(html).find_all("meta", attrs={"http-equiv": csp.META_NAME})
    assert len(metas) == 1, f"expected one CSP <meta>, found {len(metas)}"
    return {d.split()[0]: d.split()[1:] for d in metas[0]["content"].split(";") if d.strip()}


def test_hash_is_the_base64_sha256_of_the_script_text():
    assert csp.source_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_policy_allows_own_origin_and_hashed_inline_scripts_only():
    policy = policy_of(csp.add_policy(PAGE, "page.md"))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == [
        "'self'", *sorted([csp.source_hash("alert(1)"), csp.source_hash("var b=2")])
    ]
    assert policy["object-src"] == ["'none'"]


def test_policy_comes_right_after_the_charset_and_only_once():
    html = csp.add_policy(PAGE, "page.md")
    head = parse(html).head.find_all(recursive=False)
    assert head[0].name == "meta" and head[0].get("charset") == "utf-8"
    assert head[1].get("http-equiv") == csp.META_NAME
    assert csp.add_policy(html, "page.md") == html


def test_redirect_pages_get_a_policy_for_their_script():
    html = csp.add_policy(HTML_TEMPLATE.format(url="../new/"), "old/index.html")
    script = parse(html).find("script").string
    assert csp.source_hash(script) in policy_of(html)["script-src"]


def test_no_policy_while_serving_because_live_reload_injects_a_script():
    class Page:
        class file:
            src_uri = "page.md"

    try:
        csp.on_startup(command="serve", dirty=False)
        assert csp.on_post_page(PAGE, page=Page, config={}) == PAGE
    finally:
        csp.on_startup(command="build", dirty=False)
    assert csp.on_post_page(PAGE, page=Page, config={}) != PAGE


@pytest.mark.parametrize(
    "markup", ['<a href=# onclick="go()">x</a>', '<p style="color:red">x</p>', "<a href=javascript:go()>x</a>"]
)
def test_markup_the_policy_would_block_is_a_build_warning(markup, caplog):
    with caplog.at_level(logging.WARNING):
        csp.add_policy(PAGE.replace("<p>x</p>", markup), "page.md")
    assert "page.md" in caplog.text and "blocked by the Content-Security-Policy" in caplog.text


def test_every_built_page_carries_a_policy_covering_its_inline_scripts(site):
    pages = [path.lstrip("/") + "index.html" for path in sitemap_paths(site.dir)] + ["404.html"]
    for page in pages:
        html = (site.dir / page).read_text(encoding="utf-8")
        policy = policy_of(html)
        assert policy["default-src"] == ["'self'"], page
        assert not {"'unsafe-inline'", "'unsafe-eval'"} & set(policy["script-src"]), page
        for script in parse(html).find_all("script", src=False):
            if script.get("type", "") in ("", "text/javascript", "module"):
                assert csp.source_hash(script.string or "") in policy["script-src"], f"{page}: {script}"


@pytest.mark.browser
def test_browser_blocks_and_reports_an_inline_script_without_its_hash(browser, served_site):
    html = csp.add_policy(PAGE, "page.md").replace("</body>", "<script>window.ran=1</script></body>")
    with closing(new_context(browser)) as context:
        context.route("**/csp-probe.html", lambda route: route.fulfill(body=html, content_type="text/html"))
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.dismiss())
        page.goto(served_site + "csp-probe.html")
        assert page.evaluate("window.ran") is None
        assert any("script-src" in violation for violation in csp_violations(page))
