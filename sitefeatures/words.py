"""The words the site's features write around and into pages, in each edition's language.

The language is the theme's (``theme.language`` in mkdocs.yml: ``en``, or ``es`` in
mkdocs.es.yml). Python code takes its words from ``words(language)``; templates read the
same words from ``page.meta.site.words``. Messages for authors and clinic staff (settings
errors) stay in English.
"""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("en", "es")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "locale": "en_GB",
        "language_name": "English",
        "get_help": "Get help now",
        "crisis_bar": "Crisis help",
        "emergency": "In an emergency",
        "call": "call",
        "text": "text",
        "email": "email",
        "visit": "visit",
        "or": "or",
        "checked": "Checked {date}.",
        "clinic_name": "[clinic name]",
        "clinic_phone": "[phone number]",
        "your_clinic": "Your clinic",
        "clinic_call": "Call",
        "clinic_email": "Email",
        "clinic_visit": "Visit",
        "run_by": "This copy of the guide is run by",
        "not_care": "This guide is general information. It is not medical advice and not a substitute for care.",
        "danger_now": "If you are in danger now,",
        "get_help_link": "get help now",
        "about_page": "About this page",
        "last_reviewed": "Last reviewed:",
        "next_review": "Next review:",
        "read_online": "Read this page online:",
        "scan_code": "(scan the code with a phone camera).",
        "crisis_help": "Crisis help:",
        "copy_link": "Copy link",
        "copy_link_to": "to",
        "copied": "Copied.",
        "selected_to_copy": "Selected. Press Ctrl+C, or Cmd+C on a Mac, to copy.",
        "name_of_es": "Spanish",
        "email_elsewhere": "The same email in {language}, with links to the pages in {language}, is on "
                           '[this page in {language}]({href}){{ hreflang="{lang}" }}.',
        "part_of_page": "The “{title}” part of the page.",
        "pages": "Pages",
        "this_page_in": "This page in English",
        "social_alt": "a plain, evidence-based guide to what helps therapy work",
        "not_found": "We could not find that page",
        "not_found_why": "The link may be old, or there may be a typing mistake in the address.",
        "go_start": "Go to the start of the guide",
        "if_today": ", if you need to talk to someone today",
        "use_search": "You can also use the search at the top of the page.",
    },
    "es": {
        "locale": "es_LA",
        "language_name": "Español",
        "get_help": "Ayuda urgente",
        "crisis_bar": "Ayuda en una crisis",
        "emergency": "En una emergencia",
        "call": "llame al",
        "text": "envíe un mensaje de texto al",
        "email": "escriba a",
        "visit": "visite",
        "or": "o",
        "checked": "Revisado el {date}.",
        "clinic_name": "[nombre de la clínica]",
        "clinic_phone": "[número de teléfono]",
        "your_clinic": "Su clínica",
        "clinic_call": "Llame al",
        "clinic_email": "Escriba a",
        "clinic_visit": "Visite",
        "run_by": "Esta copia de la guía la mantiene",
        "not_care": "Esta guía es información general. No es un consejo médico y no reemplaza la atención.",
        "danger_now": "Si usted corre peligro ahora,",
        "get_help_link": "busque ayuda urgente",
        "about_page": "Sobre esta página",
        "last_reviewed": "Última revisión:",
        "next_review": "Próxima revisión:",
        "read_online": "Lea esta página en internet:",
        "scan_code": "(escanee el código con la cámara del teléfono).",
        "crisis_help": "Ayuda en una crisis:",
        "copy_link": "Copiar enlace",
        "copy_link_to": "a",
        "copied": "Copiado.",
        "selected_to_copy": "Seleccionado. Pulse Ctrl+C, o Cmd+C en un Mac, para copiar.",
        "name_of_en": "inglés",
        "email_elsewhere": "El mismo correo en {language}, con los enlaces a las páginas en {language}, está en "
                           '[esta página en {language}]({href}){{ hreflang="{lang}" }}.',
        "part_of_page": "La parte «{title}» de la página.",
        "pages": "Páginas",
        "this_page_in": "Esta página en español",
        "social_alt": "una guía sencilla, basada en la investigación, sobre lo que ayuda a que la terapia funcione",
        "not_found": "No encontramos esa página",
        "not_found_why": "El enlace puede ser antiguo, o puede haber un error al escribir la dirección.",
        "go_start": "Ir al inicio de la guía",
        "if_today": ", si necesita hablar con alguien hoy",
        "use_search": "También puede usar la búsqueda en la parte de arriba de la página.",
    },
}

MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")


def words(language: str | None) -> dict[str, str]:
    """The words for a language; English for a language the site has no words for."""
    return WORDS.get(language or "en", WORDS["en"])


def in_words(day: dt.date, language: str | None = "en") -> str:
    """A date as readers write it: "29 November 2026", "29 de noviembre de 2026"."""
    if language == "es":
        return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    return f"{day.day} {day:%B %Y}"
