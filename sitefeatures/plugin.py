"""The MkDocs adapter (``plugins: [sitefeatures]``): what only MkDocs needs on top of the extension.

The features run in the Markdown extension (``sitefeatures.extension``, which Zensical runs
too) and in the finishing steps over the built site (``sitefeatures.finish``). This plugin
only hands them what MkDocs knows: the settings checked once (``on_config``), the page being
rendered (the extension's host), the checks on redirects, and the finishing steps after the
build (after mkdocs-redirects and the minifier have written their files).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from . import redirect_checks, settings, template_data
from .crisis import data as crisis_data
from .csp import theme_scripts
from .extension import Host, PageFacts
from .finish import Build, finish
from .glossary import entries as glossary

EXTENSION = "sitefeatures.extension"
log = get_plugin_logger("sitefeatures")


class SiteFeaturesConfig(Config):
    enabled = c.Type(bool, default=True)


def redirect_maps(config) -> dict:
    plugin = config.plugins.get("redirects")
    return dict(plugin.config.get("redirect_maps") or {}) if plugin else {}


class MkDocsHost(Host):
    """The extension's host in MkDocs: the page the plugin says is rendered next."""

    def __init__(self):
        self.page: PageFacts | None = None

    def facts(self, md):
        return self.page

    def problem(self, message: str) -> None:
        log.warning(message)  # --strict (strict: true) stops the build


class SiteFeaturesPlugin(BasePlugin[SiteFeaturesConfig]):
    """Crisis lines, clinic settings and links, glossary, review dates, print handouts and CSP."""

    supports_multiple_instances = False
    serving = False

    def on_startup(self, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        if not self.config.enabled:
            return config
        checked = settings.check_extra(config.extra, config.docs_dir, config.theme.get("language"))
        config.extra[settings.KEY] = checked
        config.extra[template_data.KEY] = template_data.site_data(checked, config.site_url)
        config.site_name = settings.site_name(config.site_name, checked["clinic"])
        self.host = MkDocsHost()
        if EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(EXTENSION)
        config.mdx_configs[EXTENSION] = {**config.mdx_configs.get(EXTENSION, {}), "host": self.host}
        if self.serving:
            log.info("No Content-Security-Policy while serving (live reload needs an inline script).")
        return config

    def on_files(self, files, config):
        if self.config.enabled:
            pages = {file.src_uri for file in files.documentation_pages()}
            redirect_checks.check_redirects(redirect_maps(config), pages)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if self.config.enabled:
            self.host.page = PageFacts(page.file.src_uri, page.url, page.meta, config.site_url or "",
                                       config.extra[settings.KEY],
                                       Path(page.file.abs_src_path) if page.file.abs_src_path else None,
                                       page.file.src_uri)
        return markdown

    @event_priority(-100)  # after mkdocs-redirects writes its pages and the minifier
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        allowed = None if self.serving else theme_scripts.allowed_hashes(
            config.theme.dirs, config.site_url, redirect_maps(config), config.use_directory_urls)
        finish(Build(Path(config.site_dir), Path(config.docs_dir), config.nav, config.site_url or "",
                     config.use_directory_urls, config.theme.get("language") or "en",
                     tuple(item.language for item in config.extra[settings.KEY]["editions"])), allowed)

    def on_serve(self, server, config, builder):
        server.watch(str(Path(config.docs_dir) / crisis_data.DATA_FILE))
        server.watch(str(Path(config.docs_dir) / glossary.SNIPPET))
        return server
