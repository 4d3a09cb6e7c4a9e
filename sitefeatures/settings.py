"""Every setting under ``extra:`` in mkdocs.yml that the features read, checked once.

The checked result is kept under ``extra.checked`` (``clinic``, ``crisis``, ``glossary``),
so templates and tests read one checked copy; the settings as written stay as they are.
Tests load the same result for the configuration being built with ``load_config``.
"""

from __future__ import annotations

from pathlib import Path

from .clinic.settings import check_clinic
from .crisis import data as crisis
from .editions import check_languages
from .glossary import entries as glossary

KEY = "checked"
GUIDE_NAME_JOINER = " · "


def check_extra(extra: dict, docs_dir: str | Path, language: str | None = "en") -> dict:
    """The checked settings: the clinic (or None), the crisis lines in order, the glossary, the
    edition's language (the theme's) and the editions this copy publishes."""
    docs_dir = Path(docs_dir)
    return {
        "clinic": check_clinic(extra.get("clinic"), docs_dir),
        "crisis": crisis.load(docs_dir, extra.get("crisis_overrides"), extra.get("crisis_region"),
                              extra.get("crisis_bar")),
        "glossary": glossary.load_entries(docs_dir / glossary.SNIPPET),
        "guide_repo": (extra.get("guide_repo") or "").rstrip("/"),
        "language": language or "en",
        "editions": check_languages(extra.get("languages"), language or "en"),
    }


def site_name(name: str, clinic) -> str:
    """The site's name in the header, the page title and link previews: the clinic's first on its copy."""
    return f"{clinic.name}{GUIDE_NAME_JOINER}{name}" if clinic else name


def load_config(config_file: str | Path):
    """The MkDocs configuration being built, loaded and checked as a build would (for tests and scripts)."""
    from mkdocs.config import load_config as mkdocs_load

    config = mkdocs_load(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    return config.plugins.on_config(config)
