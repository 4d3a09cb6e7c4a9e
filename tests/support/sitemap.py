"""The site's map: the stable URLs readers and clinics rely on."""

from __future__ import annotations

from site_urls import sitemap_paths  # noqa: F401  (re-exported for the tests)

FACTOR_PAGES = ["/relationship/", "/expertise/", "/communication/", "/collaboration/", "/structure/"]
GUIDE_PAGES = ["/starting-therapy/", "/is-it-working/", "/types-of-therapy/", "/myths-and-facts/"]
TRUST_PAGES = ["/glossary/", "/about/", "/privacy/", "/accessibility/"]
SITE_MAP = ["/", *FACTOR_PAGES, *GUIDE_PAGES, "/get-help/", "/references/", *TRUST_PAGES]

# The section ids every factor page carries, in this order (clinics link to them).
FACTOR_SECTIONS = [
    "what-it-is", "research", "in-a-session", "what-you-can-do", "questions-to-ask",
    "warning-signs", "check-yourself", "sources", "related",
]
