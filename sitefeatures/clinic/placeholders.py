"""The clinic in the text of pages: the welcome email and the About page.

``{{ clinic_name }}`` and ``{{ clinic_phone }}`` become the clinic's name and phone, or
the placeholders staff fill in by hand ("[clinic name]", "[phone number]") on the general
guide. ``{{ this_copy }}`` on a line of its own becomes, on a clinic's copy, a note saying
who runs the copy and crediting the original guide (CC BY 4.0); on the general guide, nothing.
"""

from __future__ import annotations

from ..values import marker_line
from ..words import words
from .settings import Clinic

THIS_COPY = marker_line("this_copy")


def this_copy(clinic: Clinic, guide_repo: str, language: str = "en") -> str:
    """The About page's note on a clinic's copy (Markdown)."""
    if language == "es":
        return (
            f'!!! info "Quién mantiene esta copia"\n'
            f"    Esta copia de la guía la mantiene [{clinic.name}]({clinic.url}). Si tiene preguntas sobre su\n"
            f"    atención, llame al [{clinic.phone}]({clinic.tel}) o escriba a [{clinic.email}](mailto:{clinic.email}).\n\n"
            f"    El texto es del proyecto abierto *What makes therapy work* y se comparte con la\n"
            f"    [licencia CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.es). {clinic.name} añadió sus\n"
            f"    datos de contacto y sus líneas de crisis. La guía original y su historia están en\n"
            f"    [{guide_repo.split('://', 1)[-1]}]({guide_repo}). Los errores del texto se corrigen allí, para todas las copias.\n"
        )
    return (
        f'!!! info "Who runs this copy"\n'
        f"    This copy of the guide is run by [{clinic.name}]({clinic.url}). For questions about your care,\n"
        f"    call [{clinic.phone}]({clinic.tel}) or email [{clinic.email}](mailto:{clinic.email}).\n\n"
        f"    The text was written by the open project *What makes therapy work* and is shared under the\n"
        f"    [CC BY 4.0 licence](https://creativecommons.org/licenses/by/4.0/). {clinic.name} added its own\n"
        f"    contact details and crisis lines. The original guide and its history are at\n"
        f"    [{guide_repo.split('://', 1)[-1]}]({guide_repo}). Mistakes in the text are fixed there, for every copy.\n"
    )


def fill(markdown: str, clinic: Clinic | None, guide_repo: str, language: str = "en") -> str:
    """The page's Markdown with the clinic markers replaced."""
    said = words(language)
    values = ({"{{ clinic_name }}": clinic.name, "{{ clinic_phone }}": clinic.phone} if clinic
              else {"{{ clinic_name }}": said["clinic_name"], "{{ clinic_phone }}": said["clinic_phone"]})
    for marker, value in values.items():
        markdown = markdown.replace(marker, value)
    if THIS_COPY.search(markdown):
        markdown = THIS_COPY.sub(lambda _: this_copy(clinic, guide_repo, language) if clinic else "", markdown)
    return markdown
