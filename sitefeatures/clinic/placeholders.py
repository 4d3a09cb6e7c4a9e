"""The clinic in the text of pages: the welcome email and the About page.

``{{ clinic_name }}`` and ``{{ clinic_phone }}`` become the clinic's name and phone, or
the placeholders staff fill in by hand ("[clinic name]", "[phone number]") on the general
guide. ``{{ this_copy }}`` on a line of its own becomes, on a clinic's copy, a note saying
who runs the copy and crediting the original guide (CC BY 4.0); on the general guide, nothing.
"""

from __future__ import annotations

from ..values import marker_line
from .settings import Clinic

THIS_COPY = marker_line("this_copy")
PLACEHOLDERS = {"{{ clinic_name }}": "[clinic name]", "{{ clinic_phone }}": "[phone number]"}


def this_copy(clinic: Clinic, guide_repo: str) -> str:
    """The About page's note on a clinic's copy (Markdown)."""
    return (
        f'!!! info "Who runs this copy"\n'
        f"    This copy of the guide is run by [{clinic.name}]({clinic.url}). For questions about your care,\n"
        f"    call [{clinic.phone}]({clinic.tel}) or email [{clinic.email}](mailto:{clinic.email}).\n\n"
        f"    The text was written by the open project *What makes therapy work* and is shared under the\n"
        f"    [CC BY 4.0 licence](https://creativecommons.org/licenses/by/4.0/). {clinic.name} added its own\n"
        f"    contact details and crisis lines. The original guide and its history are at\n"
        f"    [{guide_repo.split('://', 1)[-1]}]({guide_repo}). Mistakes in the text are fixed there, for every copy.\n"
    )


def fill(markdown: str, clinic: Clinic | None, guide_repo: str) -> str:
    """The page's Markdown with the clinic markers replaced."""
    values = {"{{ clinic_name }}": clinic.name, "{{ clinic_phone }}": clinic.phone} if clinic else PLACEHOLDERS
    for marker, value in values.items():
        markdown = markdown.replace(marker, value)
    if THIS_COPY.search(markdown):
        markdown = THIS_COPY.sub(lambda _: this_copy(clinic, guide_repo) if clinic else "", markdown)
    return markdown
