"""Clinic settings: ``extra.clinic`` in mkdocs.yml, checked once at build time.

With every value empty the site is the general public guide. A clinic fills in
name, url, phone and email (and, if it likes, a logo from docs/); every page
then shows a "Your clinic" box and the footer names the clinic. A wrong value
stops the build with a message that names the setting, the value and what is
allowed. Templates read the checked values from ``config.extra.clinic``, which
is ``None`` for the general guide.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

REQUIRED = ("name", "url", "phone", "email")
KEYS = (*REQUIRED, "logo")
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
PHONE = re.compile(r"^\+?[0-9][0-9 ().-]*$")
EMAIL = re.compile(r"^[^@\s<>\"']+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
MAX_NAME = 80


def problem(key: str, value, allowed: str) -> PluginError:
    """A build error naming the setting, the value given and what is allowed."""
    return PluginError(f"extra.clinic.{key} is {value!r}. {allowed}")


# One check per setting: each returns the value to use, or raises naming what is allowed.
def check_name(value: str, docs_dir: Path) -> str:
    if len(value) > MAX_NAME or re.search(r"[<>{}]", value):
        raise problem("name", value, f"Use plain text of at most {MAX_NAME} characters, without < > {{ }}.")
    return value


def check_url(value: str, docs_dir: Path) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or "." not in (parts.hostname or ""):
        raise problem("url", value, "Use the full address of your website, starting https://, e.g. \"https://www.example.org/\".")
    return value


def check_phone(value: str, docs_dir: Path) -> str:
    if not PHONE.match(value) or sum(ch.isdigit() for ch in value) < 3:
        raise problem("phone", value, "Use digits and spaces, with + at the start for an international number, "
                      "e.g. \"020 7946 0000\" or \"+44 20 7946 0000\".")
    return value


def check_email(value: str, docs_dir: Path) -> str:
    if not EMAIL.match(value):
        raise problem("email", value, "Use one email address, e.g. \"hello@example.org\".")
    return value


def check_logo(value: str, docs_dir: Path) -> str:
    path = (docs_dir / value).resolve()
    if path.suffix.lower() not in LOGO_TYPES or not path.is_relative_to(docs_dir.resolve()):
        raise problem("logo", value, f"Use an image inside docs/ ({', '.join(LOGO_TYPES)}), "
                      "e.g. \"assets/images/clinic-logo.png\", or leave it empty.")
    if not path.is_file():
        raise problem("logo", value, f"There is no such file in docs/ ({path}). Add the image or fix the path.")
    return value.lstrip("/")


CHECKS = {"name": check_name, "url": check_url, "phone": check_phone, "email": check_email, "logo": check_logo}


def check_clinic(raw, docs_dir: Path) -> dict | None:
    """The checked clinic settings, or None when no clinic is set."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise PluginError(f"extra.clinic is {raw!r}. It must hold the settings {', '.join(KEYS)} (one a line, indented).")
    unknown = sorted(set(raw) - set(KEYS))
    if unknown:
        raise PluginError(f"extra.clinic has unknown setting(s) {', '.join(unknown)}. Allowed: {', '.join(KEYS)}.")
    values = {}
    for key in KEYS:
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise problem(key, value, f"Put the value in quotes, e.g. {key}: \"...\" (a number or list is not allowed).")
        values[key] = (value or "").strip()
    if not any(values.values()):
        return None
    missing = [key for key in REQUIRED if not values[key]]
    if missing:
        raise PluginError(
            f"extra.clinic.{missing[0]} is empty. A clinic needs all of {', '.join(REQUIRED)} "
            "(the logo is optional); leave every value empty for the general guide."
        )
    clinic = {key: CHECKS[key](value, docs_dir) if value else "" for key, value in values.items()}
    clinic["tel"] = "tel:" + "".join(ch for ch in clinic["phone"] if ch.isdigit() or ch == "+")
    clinic["site"] = urlsplit(clinic["url"]).hostname.removeprefix("www.")
    return clinic


def on_config(config):
    config["extra"]["clinic"] = check_clinic(config["extra"].get("clinic"), Path(config["docs_dir"]))
    return config
