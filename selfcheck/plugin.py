"""The MkDocs plugin: the quiz's assets, the site-wide checks and the settings.

Parsing and rendering live in the Markdown extension, which parses each page
once; this plugin is its host (``Collector``): it gives the extension the page
file, collects each page's quizzes and mistakes, keeps quiz ids unique across
the site, publishes the assets and links them only from pages that have a quiz.
Every mistake of a build is listed before it stops, and no page is written.
"""

from __future__ import annotations

import os

from markdown import Markdown
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import bundle
from .config import SelfCheckConfig
from .errors import QuizError
from .host import Host, Source
from .model import Quiz
from .siteids import Place, SiteIds, read_published

EXTENSION = "selfcheck.extension"
log = get_plugin_logger("selfcheck")


class Collector(Host):
    """The extension's host in MkDocs: the page being rendered, and what was found on each."""

    def __init__(self, root: str, language: str = "en"):
        self.root = root
        self.page_language = language
        self.clear()

    def clear(self) -> None:
        self.page: Page | None = None
        self.quizzes: dict[str, list[Quiz]] = {}
        self.mistakes: list[QuizError] = []

    def path(self, page: Page) -> str:
        """The page file as messages show it: relative to mkdocs.yml's folder."""
        file = page.file
        return os.path.relpath(file.abs_src_path, self.root) if file.abs_src_path else file.src_uri

    def source(self, md: Markdown) -> Source:
        if self.page is None:
            return super().source(md)
        text = self.page.file.content_string if self.page.file.abs_src_path else None
        return Source(self.path(self.page), text)

    def language(self, md: Markdown) -> str:
        return self.page_language

    def found(self, quizzes: list[Quiz]) -> None:
        if self.page is not None:
            self.quizzes[self.page.file.src_uri] = quizzes

    def mistake(self, error: QuizError) -> None:
        self.mistakes.append(error)
        log.error(str(error))


class SelfCheckPlugin(BasePlugin[SelfCheckConfig]):
    """Quizzes on MkDocs pages; see docs/for-authors/quizzes.md."""

    supports_multiple_instances = False

    def on_config(self, config):
        if not self.config.enabled:
            return config
        if EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(EXTENSION)
        self.collector = Collector(os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml")),
                                   config.theme.get("language") or "en")
        config.mdx_configs[EXTENSION] = {**config.mdx_configs.get(EXTENSION, {}), "host": self.collector}
        self.assets = bundle.load(self.config.minify)
        self.published = read_published(self.config.published) if self.config.published else frozenset()
        return config

    def on_pre_build(self, config):
        if self.config.enabled:
            self.collector.clear()
            self.ids = SiteIds(self.published)

    def on_files(self, files, config):
        if self.config.enabled:
            for asset in self.assets:
                files.append(File.generated(config, self._uri(asset), content=asset.content))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if self.config.enabled:
            self.collector.page = page  # the extension renders this page next
        return markdown

    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        quizzes = self.collector.quizzes.get(page.file.src_uri, [])
        self._check_ids(page, quizzes)
        if not quizzes:
            return html
        urls = {asset.name: get_relative_url(self._uri(asset), page.url) for asset in self.assets}
        return html + bundle.tags(urls)

    def on_env(self, env, config, files):
        mistakes = self.collector.mistakes if self.config.enabled else []
        if mistakes:
            raise PluginError(f"{len(mistakes)} quiz mistake{'s' * (len(mistakes) > 1)}, listed above: "
                              "fix each one and build again (no page was written).")
        return env

    def _check_ids(self, page: Page, quizzes: list[Quiz]) -> None:
        """Ids unique across the site, and none that is also a heading's id on its page."""
        path = self.collector.path(page)
        headings = set(_toc_ids(page.toc))
        for quiz in quizzes:
            error = self.ids.add(quiz.id, Place(path, quiz.line, f"/{page.url}#{quiz.id}"))
            if error:
                self.collector.mistake(error)
            if quiz.id in headings:
                log.warning(f"{path}:{quiz.line}: the quiz id '{quiz.id}' is also a heading's id on this page, "
                            "so a link to it is ambiguous. Give the quiz or the heading another id.")

    def _uri(self, asset) -> str:
        return f"{self.config.assets_dir.strip('/')}/{asset.name}"


def _toc_ids(toc):
    """Every heading id in a page's table of contents."""
    for item in toc:
        yield item.id
        yield from _toc_ids(item.children)
