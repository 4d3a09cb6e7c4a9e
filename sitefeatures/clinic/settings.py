"""``extra.clinic`` in mkdocs.yml: the clinic that runs this copy, checked once at build time.

With every value empty the site is the general guide (``None``). A clinic fills in name,
url, phone and email (a logo from docs/ is optional). A wrong value stops the build with a
message naming the setting, the value and what to write instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.base import Config

from ..values import EmailAddress, PhoneNumber, PlainText, SettingsError, WebAddress, check_schema, problem, tel_href

WHERE = "extra.clinic"
REQUIRED = ("name", "url", "phone", "email")
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")


class ClinicSchema(Config):
    name = PlainText(max_length=80, example="Riverside Talking Therapies")
    url = WebAddress(example="https://www.riverside.example/")
    phone = PhoneNumber(example="020 7946 0000")
    email = EmailAddress(example="hello@riverside.example")
    logo = PlainText(max_length=200, example="assets/images/clinic-logo.png")


@dataclass(frozen=True)
class Clinic:
    """A checked clinic, as the templates use it."""

    name: str
    url: str
    phone: str
    email: str
    logo: str = ""

    @property
    def tel(self) -> str:
        return tel_href(self.phone)

    @property
    def site(self) -> str:
        """The website's name as shown: "riverside.example"."""
        return (urlsplit(self.url).hostname or "").removeprefix("www.")


def check_logo(value: str, docs_dir: Path) -> str:
    """The logo's path inside docs/, or a SettingsError saying what to do."""
    # Inside docs/ as written, without following links: the Spanish edition's docs-es/assets is a
    # link to docs/assets, so the same logo path resolves outside docs-es/ and must still pass.
    path = Path(os.path.normpath(os.path.abspath(docs_dir / value)))
    if path.suffix.lower() not in LOGO_TYPES or not path.is_relative_to(os.path.abspath(docs_dir)):
        raise problem(f"{WHERE}.logo", value, f"Use an image inside docs/ ({', '.join(LOGO_TYPES)}), "
                      "e.g. \"assets/images/clinic-logo.png\", or leave it empty.")
    if not path.is_file():
        raise problem(f"{WHERE}.logo", value, f"There is no such file in docs/ ({path}). Add the image or fix the path.")
    return value.lstrip("/")


def check_clinic(raw, docs_dir: Path) -> Clinic | None:
    """The checked clinic, or None when no clinic is set."""
    if raw is None:
        return None
    values = check_schema(ClinicSchema, raw, WHERE)
    if not any(values.values()):
        return None
    missing = [key for key in REQUIRED if not values[key]]
    if missing:
        raise SettingsError(
            f"{WHERE}.{missing[0]} is empty. A clinic needs all of {', '.join(REQUIRED)} "
            "(the logo is optional); leave every value empty for the general guide."
        )
    logo = check_logo(values["logo"], Path(docs_dir)) if values["logo"] else ""
    return Clinic(values["name"], values["url"], values["phone"], values["email"], logo)
