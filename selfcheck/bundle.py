"""The quiz's CSS and JavaScript (sources in selfcheck/assets/): minified, named by content hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources

import csscompressor
import jsmin

SOURCES = ("quiz.css", "quiz.js")
MINIFIERS = {".css": csscompressor.compress, ".js": lambda text: jsmin.jsmin(text, quote_chars="'\"`")}


@dataclass(frozen=True)
class Asset:
    """One file to publish: ``quiz.<hash>.js`` and its bytes."""

    name: str
    content: bytes


def load(minify: bool = True) -> list[Asset]:
    """The assets, minified unless asked not to; the name changes whenever the content does."""
    assets = []
    for source in SOURCES:
        stem, suffix = source.rsplit(".", 1)
        text = resources.files(__package__).joinpath("assets", source).read_text(encoding="utf-8")
        content = (MINIFIERS["." + suffix](text) if minify else text).encode()
        digest = hashlib.sha256(content).hexdigest()[:10]
        assets.append(Asset(f"{stem}.{digest}.{suffix}", content))
    return assets


def tags(urls: dict[str, str]) -> str:
    """The HTML that loads the assets, given each file's URL relative to the page."""
    return "".join(
        f'<link rel="stylesheet" href="{url}">' if name.endswith(".css") else f'<script src="{url}" defer></script>'
        for name, url in urls.items()
    )
