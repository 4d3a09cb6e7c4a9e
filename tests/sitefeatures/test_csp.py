"""The Content-Security-Policy (sitefeatures/csp): the policy it writes, which inline scripts it
allows (only those the theme's templates write); that a browser enforces it is tests/browser/test_csp.py."""

from __future__ import annotations

import re

import pytest
from mkdocs_redirects.plugin import HTML_TEMPLATE

from sitefeatures.csp import policy, theme_scripts
from sitefeatures.values import SettingsError
from tests.support.build import parse
from tests.support.csp import ALLOWED, PAGE, THEME_SCRIPT
from tests.support.sitemap import sitemap_paths


def policy_of(html: str) -> dict[str, list[str]]:
    metas = parse(html).find_all("meta", attrs={"http-equiv": policy.META_NAME})
    assert len(metas) == 1, f"expected one CSP <meta>, found {len(metas)}"
    return {d.split()[0]: d.split()[1:] for d in metas[0]["content"].split(";") if d.strip()}


def test_hash_is_the_base64_sha256_of_the_script_text():
    assert theme_scripts.source_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_policy_allows_own_origin_and_the_themes_inline_scripts_only():
    found = policy_of(policy.add_policy(PAGE, "page.md", ALLOWED))
    assert found["default-src"] == ["'self'"] and found["object-src"] == ["'none'"]
    assert found["script-src"] == ["'self'", theme_scripts.source_hash(THEME_SCRIPT)]


def test_policy_comes_right_after_the_charset_and_only_once():
    html = policy.add_policy(PAGE, "page.md", ALLOWED)
    head = parse(html).head.find_all(recursive=False)
    assert head[0].name == "meta" and head[0].get("charset") == "utf-8"
    assert head[1].get("http-equiv") == policy.META_NAME
    assert policy.add_policy(html, "page.md", ALLOWED) == html


@pytest.mark.parametrize(
    "where, markup, place",
    [
        ("<p>text</p>", "<p>text</p><script>alert(1)</script>", "in the page's text"),
        ("<p>x</p>", '<p class="crisis-bar">x<script>alert(1)</script></p>', "in the crisis bar"),
        ("<p>text</p>", '<a href=# onclick="go()">x</a>', "an inline event handler <a onclick=...> in the page's text"),
        ("<p>text</p>", "<a href=javascript:go()>x</a>", "a javascript: link <a href=...> in the page's text"),
        ("<p>text</p>", '<p style="color:red">x</p>', "an inline style"),
    ],
)
def test_a_script_not_written_by_the_theme_stops_the_build_naming_the_page_and_the_place(where, markup, place):
    with pytest.raises(SettingsError, match=re.escape(place)) as error:
        policy.add_policy(PAGE.replace(where, markup), "quiz.md", ALLOWED)
    assert str(error.value).startswith("quiz.md: ")


def test_the_themes_scripts_are_read_from_the_templates_and_rendered_for_each_depth(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "a.html").write_text(
        '{# x #}<script>var s=new URL("{{ config.extra.scope | d(base_url) }}",location)</script>'
        '<script src="b.js"></script><script type="application/json">{}</script>', encoding="utf-8")
    allowed = theme_scripts.allowed_hashes([str(tmp_path)], "https://clinic.github.io/guide/")
    for base in (".", "..", "../..", "/guide/"):
        assert theme_scripts.source_hash(f'var s=new URL("{base}",location)') in allowed, base
    assert len(allowed) == len(set(theme_scripts.base_urls("https://clinic.github.io/guide/"))), "JSON is not a script"


def test_redirect_pages_are_allowed_the_script_mkdocs_redirects_writes_for_them():
    allowed = theme_scripts.allowed_hashes([], None, {"old.md": "new.md"})
    html = policy.add_policy(HTML_TEMPLATE.format(url="../new/"), "old/index.html", allowed)
    script = parse(html).find("script").string
    assert theme_scripts.source_hash(script) in policy_of(html)["script-src"]
    with pytest.raises(SettingsError):
        policy.add_policy(HTML_TEMPLATE.format(url="../elsewhere/"), "old/index.html", allowed)


def test_every_built_page_carries_a_policy_covering_its_inline_scripts(site):
    pages = [path.lstrip("/") + "index.html" for path in sitemap_paths(site.dir)] + ["404.html"]
    for page in pages:
        html = (site.dir / page).read_text(encoding="utf-8")
        found = policy_of(html)
        assert found["default-src"] == ["'self'"], page
        assert not {"'unsafe-inline'", "'unsafe-eval'"} & set(found["script-src"]), page
        for script in parse(html).find_all("script", src=False):
            if script.get("type", "") in ("", "text/javascript", "module"):
                assert theme_scripts.source_hash(script.string or "") in found["script-src"], f"{page}: {script}"

