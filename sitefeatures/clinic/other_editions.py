"""``{{ welcome_email_in_other_editions }}`` on For clinics: where the welcome email is in the
copy's other editions (the Spanish one on /es/for-clinics/, with the Spanish pages' links).

On a line of its own it becomes one sentence per other edition that has this page, linking to
the same section of that page by its full address (Zensical 0.0.73 rewrites a relative link in a
page's HTML as if the Markdown file wrote it, which puts it one folder off); a copy that publishes
one edition gets nothing there.
"""

from __future__ import annotations

from ..editions import Edition, twins
from ..values import marker_line
from ..words import words

MARKER = marker_line("welcome_email_in_other_editions")
SECTION = "welcome-email"


def sentences(editions: list[Edition], language: str, site_url: str, page_url: str) -> str:
    """The sentences (Markdown, one paragraph each, so the link prints its address like any other)
    for the editions other than this page's."""
    said = words(language)
    return "\n\n".join(
        said["email_elsewhere"].format(language=said[f"name_of_{twin['lang']}"], href=f"{twin['url']}#{SECTION}",
                                       lang=twin["lang"])
        for twin in twins(editions, language, site_url, page_url) if not twin["current"]
    )


def fill(markdown: str, editions: list[Edition], language: str, site_url: str, page_url: str) -> str:
    """The page's Markdown with the marker replaced."""
    if not MARKER.search(markdown):
        return markdown
    return MARKER.sub(lambda _: sentences(editions, language, site_url, page_url), markdown)
