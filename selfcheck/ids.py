"""Stable quiz ids: the author's ``{#id}``, or one made from the question alone."""

from __future__ import annotations

import hashlib
import re
import unicodedata

VALID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
MAX_SLUG = 48
_MARKUP = [
    (re.compile(r"\[\^[^\]]*\]"), ""),  # footnote references
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: keep the text
    (re.compile(r"<[^>]*>"), ""),  # HTML tags
]


def derive(question: str) -> str:
    """``quiz-`` and a slug of the question's words; depends on nothing else on the page."""
    text = question
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = ""
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if slug and len(slug) + len(word) >= MAX_SLUG:
            break
        slug += "-" + word
    return "quiz" + (slug or "-" + hashlib.sha1(question.encode()).hexdigest()[:8])
