"""Language editions: which ones a copy publishes, where each lives, and a page's twins.

``extra.languages`` in mkdocs.yml lists the editions, English first: ``["en", "es"]`` publishes
the Spanish edition too (mkdocs.es.yml, pages in docs-es/, at ``es/`` under the site's address);
``["en"]`` publishes English only. Each edition is its own build with its own navigation, search
and crisis lines; a page and its twin share a file name, a URL path after the edition's folder,
and their section ids, so a clinic's English link and its Spanish twin differ only by ``es/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .values import SettingsError, problem
from .words import LANGUAGES, words

MAIN = "en"


@dataclass(frozen=True)
class Edition:
    language: str
    name: str
    path: str  # the folder under the site's root: "" for English, "es/" for Spanish

    @property
    def config_file(self) -> str:
        return "mkdocs.yml" if self.language == MAIN else f"mkdocs.{self.language}.yml"

    @property
    def docs_folder(self) -> str:
        return "docs" if self.language == MAIN else f"docs-{self.language}"


def edition(language: str) -> Edition:
    return Edition(language, words(language)["language_name"], "" if language == MAIN else f"{language}/")


def check_languages(raw, building: str) -> list[Edition]:
    """The editions from extra.languages (default: English only); SettingsError naming the fix."""
    if raw in (None, "", []):
        raw = [MAIN]
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise problem("extra.languages", raw, 'List the editions in quotes, English first, e.g. ["en", "es"].')
    unknown = [item for item in raw if item not in LANGUAGES]
    if unknown:
        raise problem("extra.languages", raw, f"{unknown[0]!r} is not an edition of the guide. "
                      f"Use any of {', '.join(LANGUAGES)}, English first.")
    if raw[0] != MAIN or len(set(raw)) != len(raw):
        raise problem("extra.languages", raw, 'Start with "en" and list each language once, e.g. ["en", "es"].')
    if building not in raw:
        raise SettingsError(f"This build is the {building!r} edition, but extra.languages is {raw}. "
                            f"Add {building!r} to extra.languages, or do not build this edition.")
    return [edition(language) for language in raw]


def has_twin(source: Path, language: str, other: Edition) -> bool:
    """Whether a page file of one edition (docs/x.md) has its twin in another (docs-es/x.md)."""
    here = edition(language).docs_folder
    parts = source.parts
    if here not in parts:
        return True  # a folder laid out otherwise: assume the twin is there (the twin check says if not)
    at = len(parts) - 1 - parts[::-1].index(here)
    return Path(*parts[:at], other.docs_folder, *parts[at + 1:]).is_file()


def site_root(site_url: str, language: str) -> str:
    """The address of the whole site, from an edition's own site_url."""
    path = edition(language).path
    return site_url[: -len(path)] if path and site_url.endswith(path) else site_url


def site_folder(site_dir: Path, language: str) -> Path:
    """The folder of the whole site, from an edition's own site folder (site/es -> site)."""
    depth = len(Path(edition(language).path).parts)
    return site_dir.parents[depth - 1] if depth else site_dir


def twins(editions: list[Edition], language: str, site_url: str, page_url: str) -> list[dict]:
    """A page in every edition: language, name, absolute URL (for hreflang), a link from this
    page (relative, so it works wherever the site is served) and the link text in that language."""
    root = site_root(site_url or "/", language)
    up = "../" * (edition(language).path + page_url).count("/")
    return [{"lang": item.language, "name": item.name, "url": f"{root}{item.path}{page_url}",
             "href": f"{up}{item.path}{page_url}" or "./",
             "text": words(item.language)["this_page_in"], "current": item.language == language}
            for item in editions]
