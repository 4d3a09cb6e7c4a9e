"""The MkDocs plugin: errors with page and line, site-wide ids, assets only where quizzes are."""

from __future__ import annotations

import gzip
import re

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from selfcheck import bundle
from tests.support.quiz import HOSTILE, MISTAKES, build_mini, lines_moved, quiz

FRONT = "---\ntitle: A page\n---\n\n"
ASSET_BUDGET = 6 * 1024


def test_an_authoring_mistake_stops_the_build_with_file_line_and_fix(tmp_path):
    page = FRONT + "# Page\n\n/// quiz | Q?\n- [ ] A\n- [ ] B\n///\n"
    site = build_mini(tmp_path, {"index.md": "# Home\n", "guide/page.md": page})
    assert not site.ok
    assert "docs/guide/page.md:7: This quiz has no correct answer. Mark the right choice '- [x]'" in site.log
    assert "Aborted with a BuildError" in site.log and "Traceback" not in site.log


@pytest.fixture(scope="module")
def mistake_site(tmp_path_factory):
    """A configured plugin and a site folder, for feeding pages to it one by one."""
    root = tmp_path_factory.mktemp("mistakes")
    build_mini(root, {"index.md": "# Home\n"})
    config = load_config(str(root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    plugin = config.plugins["selfcheck"]
    return root, config, plugin


def render_page(mistake_site, text: str) -> list[str]:
    """Render docs/guide/page.md through MkDocs with the plugin; the mistakes it collected."""
    root, config, plugin = mistake_site
    (root / "docs" / "guide").mkdir(exist_ok=True)
    (root / "docs" / "guide" / "page.md").write_text(text, encoding="utf-8")
    file = File("guide/page.md", config.docs_dir, config.site_dir, True)
    page = Page(None, file, config)
    page.read_source(config)
    plugin.on_pre_build(config)
    markdown = plugin.on_page_markdown(page.markdown, page=page, config=config, files=None)
    page.markdown = markdown
    page.render(config, Files([file]))
    plugin.on_page_content(page.content, page=page, config=config, files=None)
    if plugin.collector.mistakes:
        with pytest.raises(PluginError, match="listed above"):
            plugin.on_env(None, config=config, files=None)
    return [str(error) for error in plugin.collector.mistakes]


@pytest.mark.parametrize("name", [*MISTAKES, *HOSTILE])
def test_every_mistake_is_collected_with_page_path_and_file_line(mistake_site, name):
    text, line, problem, fix = {**MISTAKES, **HOSTILE}[name]
    [message] = render_page(mistake_site, FRONT + text)
    offset = FRONT.count("\n")
    assert message.startswith(f"docs/guide/page.md:{line + offset}: "), message
    assert lines_moved(problem, offset) in message and fix in message


def test_an_unclosed_block_is_reported_where_it_opens(tmp_path):
    site = build_mini(tmp_path, {"index.md": "# Home\n\nText.\n\n/// quiz | Q?\n- [x] A\n- [ ] B\n"})
    assert not site.ok
    assert "docs/index.md:5: This quiz is not closed. Add a line with only '///'" in site.log


def test_ids_are_unique_across_the_site(tmp_path):
    site = build_mini(tmp_path, {"a.md": "# A\n\n" + quiz("same"), "b.md": FRONT + "# B\n\n" + quiz("same")})
    assert not site.ok
    assert re.search(r"docs/b\.md:7: The quiz id 'same' is already used at docs/a\.md:3\.", site.log)


def test_a_shared_id_names_the_new_quiz_not_the_published_one(tmp_path):
    (tmp_path / "published.txt").write_text("# registry\n/b/#same\n", encoding="utf-8")
    pages = {"a.md": FRONT + "# A\n\n" + quiz("same"), "b.md": "# B\n\nText.\n\n" + quiz("same")}
    site = build_mini(tmp_path, pages, plugins=("selfcheck:\n      published: published.txt",))
    assert not site.ok
    assert ("docs/a.md:7: The quiz id 'same' is already used at docs/b.md:5, by a published quiz (/b/#same) "
            "that clinics may link to. Ids are unique across the site") in site.log, site.log


def test_every_mistake_of_a_build_is_listed_and_no_page_is_written(tmp_path):
    pages = {"index.md": "# Home\n", "a.md": FRONT + "# A\n\n/// quiz | Q?\n- [ ] A\n- [ ] B\n///\n",
             "b.md": "# B\n\n/// quiz | Q? <script>alert(1)</script>\n- [x] A\n- [ ] B\n///\n"}
    site = build_mini(tmp_path, pages)
    assert not site.ok
    assert "docs/a.md:7: This quiz has no correct answer." in site.log
    assert "docs/b.md:3: This quiz has raw HTML ('<script>')" in site.log
    assert "2 quiz mistakes, listed above" in site.log and "Traceback" not in site.log
    assert not list(tmp_path.glob("site/**/*.html"))


def test_a_blocks_extension_under_another_name_keeps_its_blocks(tmp_path):
    """Regression: the plugin once decided on its own, by extension name, which blocks were foreign."""
    (tmp_path / "myblocks.py").write_text("from pymdownx.blocks.admonition import makeExtension  # noqa: F401\n")
    page = "# Home\n\n/// note | Hi\nA note.\n///\n\n" + quiz("q")
    site = build_mini(tmp_path, {"index.md": page}, extensions=("myblocks", "selfcheck.extension"),
                      env={"PYTHONPATH": str(tmp_path)})
    assert site.ok, site.log
    html = BeautifulSoup(site.html("/"), "html.parser")
    assert html.select_one(".admonition.note") and html.select_one("#q[data-quiz]")


def test_a_quiz_in_an_html_comment_is_left_out_without_a_mistake(tmp_path):
    page = FRONT + "# Home\n\n<!--\n" + quiz("draft") + "-->\n\nText.\n"
    site = build_mini(tmp_path, {"index.md": page})
    assert site.ok, site.log
    assert "data-quiz" not in site.html("/") and "selfcheck" not in site.html("/")


def test_a_quiz_id_that_is_also_a_heading_id_is_a_strict_warning(tmp_path):
    site = build_mini(tmp_path, {"index.md": "# Home\n\n## Check {#check}\n\n" + quiz("check")})
    assert not site.ok
    assert re.search(r"WARNING +- +selfcheck: docs/index\.md:5: the quiz id 'check' is also a heading's id", site.log)


def test_assets_are_hashed_files_linked_only_from_quiz_pages(tmp_path):
    site = build_mini(tmp_path, {
        "index.md": "# Home\n\nNo quiz here. [Deep](deep/page.md)\n",
        "deep/page.md": "# Deep\n\n" + quiz("deep-1") + "\n" + quiz("deep-2", 2),
    })
    assert site.ok, site.log
    published = sorted(path.name for path in (site.dir / "assets" / "selfcheck").iterdir())
    assert published == sorted(asset.name for asset in bundle.load())
    assert all(re.fullmatch(r"quiz\.[0-9a-f]{10}\.(css|js)", name) for name in published)
    assert "selfcheck" not in site.html("/")
    page = BeautifulSoup(site.html("/deep/page/"), "html.parser")
    css = [link["href"] for link in page.select("link[rel=stylesheet]") if "selfcheck" in link["href"]]
    js = [script["src"] for script in page.select("script[src]") if "selfcheck" in script["src"]]
    assert len(css) == 1 and len(js) == 1
    for url in css + js:
        assert url.startswith("../../assets/selfcheck/quiz.")
        assert (site.dir / "deep" / "page" / url).resolve().is_file()
    assert page.select_one(f"script[src='{js[0]}']").has_attr("defer")


def test_assets_are_minified_and_small():
    minified = {asset.name.rsplit(".", 1)[1]: asset.content for asset in bundle.load()}
    sources = {asset.name.rsplit(".", 1)[1]: asset.content for asset in bundle.load(minify=False)}
    for kind in ("css", "js"):
        assert len(minified[kind]) < 0.8 * len(sources[kind])
        assert b"/*" not in minified[kind]
    compressed = sum(len(gzip.compress(content, 9)) for content in minified.values())
    assert compressed <= ASSET_BUDGET, f"{compressed} bytes gzipped; the budget is {ASSET_BUDGET}"


def test_the_script_stores_and_sends_nothing():
    script = next(asset for asset in bundle.load(minify=False) if asset.name.endswith(".js")).content.decode()
    for forbidden in ("localStorage", "sessionStorage", "document.cookie", "indexedDB", "fetch(", "XMLHttpRequest",
                      "sendBeacon", "WebSocket", "addEventListener(\"change\""):
        assert forbidden not in script


def test_the_plugin_adds_the_extension_only_when_it_is_missing(tmp_path):
    alone = build_mini(tmp_path / "alone", {"index.md": "# Home\n\n" + quiz("q")}, extensions=("footnotes",))
    assert alone.ok, alone.log
    assert 'id="q"' in alone.html("/") or "id=q" in alone.html("/")
    for root, count in ((tmp_path / "alone", 0), (tmp_path / "both", 1)):
        if count:
            build_mini(root, {"index.md": "# Home\n\n" + quiz("q")})
        config = load_config(str(root / "mkdocs.yml"))
        assert config.markdown_extensions.count("selfcheck.extension") == count
        config = config.plugins.on_config(config)
        assert config.markdown_extensions.count("selfcheck.extension") == 1


def test_disabled_plugin_publishes_no_assets_but_listed_extension_still_renders(tmp_path):
    site = build_mini(tmp_path, {"index.md": "# Home\n\n" + quiz("q")}, plugins=("selfcheck:\n      enabled: false",))
    assert site.ok, site.log
    assert not (site.dir / "assets" / "selfcheck").exists()
    page = BeautifulSoup(site.html("/"), "html.parser")
    assert page.select_one("#q[data-quiz] details") and "selfcheck" not in str(page.select("link, script"))


def test_settings_choose_the_folder_and_readable_assets(tmp_path):
    plugin = "selfcheck:\n      assets_dir: js/quiz/\n      minify: false"
    site = build_mini(tmp_path, {"index.md": "# Home\n\n" + quiz("q")}, plugins=(plugin,))
    assert site.ok, site.log
    [script] = (site.dir / "js" / "quiz").glob("quiz.*.js")
    assert script.read_text().startswith("/* Self-check quizzes")
    assert "js/quiz/quiz." in site.html("/")
