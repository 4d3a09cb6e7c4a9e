"""Where the browser tests find Chromium (Debian's package, or $CHROMIUM) and how they start it."""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def find_chromium() -> str | None:
    """Debian's Chromium (or the path in $CHROMIUM), if installed."""
    candidates = [os.environ.get("CHROMIUM", ""), *CHROMIUM_CANDIDATES]
    return next((path for path in candidates if path and Path(path).exists()), None)
