"""The MkDocs plugin: the quiz's assets, the site-wide checks and the settings.

Parsing and rendering live in the Markdown extension; this plugin makes sure
the extension is loaded (once), reports authoring mistakes with the page path
and the line in the file, keeps quiz ids unique across the site, publishes the
assets and links them only from pages that have a quiz.
"""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import bundle
from .config import SelfCheckConfig
from .errors import QuizError
from .parser import body_offset, parse_page

EXTENSION = "selfcheck.extension"
RENDERED = ' data-quiz=""'
log = get_plugin_logger("selfcheck")


class SelfCheckPlugin(BasePlugin[SelfCheckConfig]):
    """Quizzes on MkDocs pages; see docs/for-authors/quizzes.md."""

    supports_multiple_instances = False

    def on_config(self, config):
        if not self.config.enabled:
            return config
        if EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(EXTENSION)
        self.assets = bundle.load(self.config.minify)
        self.foreign = any(str(name).startswith("pymdownx.blocks") for name in config.markdown_extensions)
        self.root = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        return config

    def on_pre_build(self, config):
        self.ids: dict[str, str] = {}
        self.pages: dict[str, list] = {}

    def on_files(self, files, config):
        if self.config.enabled:
            for asset in self.assets:
                files.append(File.generated(config, self._uri(asset), content=asset.content))
        return files

    @event_priority(50)  # before other plugins change the text, so line numbers match the file
    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return markdown
        path = os.path.relpath(page.file.abs_src_path, self.root) if page.file.abs_src_path else page.file.src_uri
        offset = body_offset(page.file.content_string, markdown) if page.file.abs_src_path else 0
        try:
            quizzes = parse_page(markdown, foreign=self.foreign)
        except QuizError as error:
            raise PluginError(str(error.at(path, offset))) from None
        for quiz in quizzes:
            where = f"{path}:{quiz.line + offset}"
            if quiz.id in self.ids:
                raise PluginError(f"{where}: The quiz id '{quiz.id}' is already used at {self.ids[quiz.id]}. "
                                  "Ids are unique across the site, so a link to a quiz always means one quiz: "
                                  "give this one its own id with {#a-new-id} at the end of its question line.")
            self.ids[quiz.id] = where
        self.pages[page.file.src_uri] = quizzes
        return markdown

    def on_page_content(self, html, page, config, files):
        quizzes = self.pages.get(page.file.src_uri, []) if self.config.enabled else []
        rendered = html.count(RENDERED) if self.config.enabled else 0
        if rendered < len(quizzes) or "\x02selfcheck:" in html:
            raise PluginError(f"{page.file.src_uri}: {len(quizzes)} quizzes were found but not all were rendered. "
                              f"Check that nothing removes '{EXTENSION}' from markdown_extensions.")
        headings = set(_toc_ids(page.toc))
        for quiz in quizzes:
            if quiz.id in headings:
                log.warning(f"{self.ids[quiz.id]}: the quiz id '{quiz.id}' is also a heading's id on this page, "
                            "so a link to it is ambiguous. Give the quiz or the heading another id.")
        if not rendered:
            return html
        urls = {asset.name: get_relative_url(self._uri(asset), page.url) for asset in self.assets}
        return html + bundle.tags(urls)

    def _uri(self, asset) -> str:
        return f"{self.config.assets_dir.strip('/')}/{asset.name}"


def _toc_ids(toc):
    """Every heading id in a page's table of contents."""
    for item in toc:
        yield item.id
        yield from _toc_ids(item.children)
