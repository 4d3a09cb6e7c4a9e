"""The MkDocs plugin (``plugins: [sitefeatures]``): calls each feature at its build event.

Every feature's work is in its own module; this file only decides when it runs. Settings
are checked once (``on_config``); markers in pages are filled before Markdown is rendered;
the link list for clinics once every page is rendered; the Content-Security-Policy last of
all, after minification, on every finished page (404 and redirect pages included).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from . import addresses, redirect_checks, review_dates, settings
from .clinic import domain, handout, links, placeholders
from .crisis import data as crisis_data
from .crisis import render as crisis_render
from .csp import policy, theme_scripts
from .glossary import entries as glossary
from .glossary.focus import FocusableTermsExtension

log = get_plugin_logger("sitefeatures")


class SiteFeaturesConfig(Config):
    enabled = c.Type(bool, default=True)


def redirect_maps(config) -> dict:
    plugin = config.plugins.get("redirects")
    return dict(plugin.config.get("redirect_maps") or {}) if plugin else {}


class SiteFeaturesPlugin(BasePlugin[SiteFeaturesConfig]):
    """Crisis lines, clinic settings and links, glossary, review dates, print handouts and CSP."""

    supports_multiple_instances = False
    serving = False

    def on_startup(self, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        if not self.config.enabled:
            return config
        checked = settings.check_extra(config.extra, config.docs_dir)
        config.extra[settings.KEY] = checked
        config.site_name = settings.site_name(config.site_name, checked["clinic"])
        config.markdown_extensions.append(FocusableTermsExtension())
        if self.serving:
            log.info("No Content-Security-Policy while serving (live reload needs an inline script).")
        return config

    def on_files(self, files, config):
        if self.config.enabled:
            pages = {file.src_uri for file in files.documentation_pages()}
            redirect_checks.check_redirects(redirect_maps(config), pages)
        return files

    def on_env(self, env, config, files):
        env.filters["qr_svg"] = handout.qr_svg
        return env

    def on_pre_build(self, config):
        if self.config.enabled and not self.serving:
            self.allowed = theme_scripts.allowed_hashes(
                config.theme.dirs, config.site_url, redirect_maps(config), config.use_directory_urls
            )

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return markdown
        checked = config.extra[settings.KEY]
        source = page.file.src_uri
        markdown = addresses.fill(markdown, source, config.site_url, checked["guide_repo"])
        markdown = placeholders.fill(markdown, checked["clinic"], checked["guide_repo"])
        markdown = crisis_render.fill(markdown, checked["crisis"]["regions"])
        markdown = glossary.fill(markdown, checked["glossary"])
        markdown = links.mark(markdown)
        page.meta["review"], problems = review_dates.review(page.meta, source)
        for problem in problems:
            log.warning(problem)
        return markdown

    def on_page_content(self, html, page, config, files):
        if self.config.enabled and page.canonical_url:
            html = handout.add_print_hrefs(html, page.canonical_url)
        return html

    def on_page_context(self, context, page, config, nav):
        if self.config.enabled and page.content:
            page.content = links.fill(page.content, nav, page, config.site_url)
        return context

    @event_priority(-100)  # after minify
    def on_post_page(self, output, page, config):
        if not self.config.enabled or self.serving:
            return output
        return policy.add_policy(output, page.file.src_uri, self.allowed)

    @event_priority(-100)
    def on_post_template(self, output_content, template_name, config):
        if self.config.enabled and not self.serving and template_name.endswith(".html"):
            return policy.add_policy(output_content, template_name, self.allowed)
        return output_content

    @event_priority(-100)  # after mkdocs-redirects writes its pages
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        domain.write_cname(config.site_dir, config.site_url)
        if self.serving:
            return
        for path in Path(config.site_dir).rglob("*.html"):
            html = path.read_text(encoding="utf-8")
            updated = policy.add_policy(html, str(path.relative_to(config.site_dir)), self.allowed)
            if updated != html:
                path.write_text(updated, encoding="utf-8")

    def on_serve(self, server, config, builder):
        server.watch(str(Path(config.docs_dir) / crisis_data.DATA_FILE))
        server.watch(str(Path(config.docs_dir) / glossary.SNIPPET))
        return server
