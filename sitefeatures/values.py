"""Small pieces several features share: settings errors, checked values, tel: links, slugs, markers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import PluginError


class SettingsError(PluginError):
    """A setting or data value that stops the build; the message names it and the fix."""


def problem(where: str, value, fix: str) -> SettingsError:
    """The one message shape for a wrong value: what it is, where, and what to write instead."""
    shown = "empty" if value in (None, "") else repr(value)
    return SettingsError(f"{where} is {shown}. {fix}")


def check_schema(schema, raw, where: str):
    """Load raw settings into a MkDocs config schema; raise SettingsError naming the first wrong key."""
    if not isinstance(raw, dict):
        keys = ", ".join(key for key, _ in schema._schema)
        raise problem(where, raw, f"It must hold the settings {keys} (one a line, indented under it).")
    allowed = [key for key, _ in schema._schema]
    unknown = sorted(str(key) for key in raw if key not in allowed)
    if unknown:
        raise SettingsError(f"{where} has unknown setting(s) {', '.join(unknown)}. Allowed: {', '.join(allowed)}.")
    config = schema()
    config.load_dict(raw)
    failed, _ = config.validate()
    if failed:
        key, error = failed[0]
        sep = "." if where.startswith("extra.") and "," not in where else ": "
        raise problem(f"{where}{sep}{key}", raw.get(key), str(error))
    return config


# --- Values a person types ------------------------------------------------------------------

PHONE = re.compile(r"^\+?[0-9(][0-9 ()-]*[0-9]$|^[0-9]$")
MIN_DIGITS, MAX_DIGITS = 3, 15
QUOTES = 'Put it in quotes, as you would write it, e.g. "0300 123 1233": without quotes YAML reads a number ' \
    "(one that starts with 0 as an octal number) and changes it."


def phone_fix(example: str) -> str:
    return (f"Use digits and spaces only (hyphens, or brackets around an area code, are fine), with + at the "
            f"start for an international number, e.g. \"{example}\". "
            "Put options such as \"press 2\" in the note.")


class PhoneNumber(c.BaseConfigOption[str]):
    """A number to call or text: digits, spaces, hyphens or brackets, an optional leading +."""

    def __init__(self, example: str = "020 7946 0000", required: bool = False):
        super().__init__()
        self.example = example
        self.needed = required
        self.default = ""

    def run_validation(self, value):
        if value is None or value == "":
            if self.needed:
                raise ValidationError(f"A number is needed, e.g. \"{self.example}\".")
            return ""
        if isinstance(value, bool) or not isinstance(value, str):
            raise ValidationError(QUOTES)
        text = " ".join(value.split())
        digits = sum(ch.isdigit() for ch in text)
        if "(0)" in text:
            raise ValidationError(f"Leave out the (0): it is not dialled after a country code. {phone_fix(self.example)}")
        if not PHONE.match(text) or not MIN_DIGITS <= digits <= MAX_DIGITS or text.count("+") > 1:
            raise ValidationError(phone_fix(self.example))
        return text


def tel_href(number: str) -> str:
    """The tel: address of a checked number: "+44 20 7946 0000" -> "tel:+442079460000"."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def sms_href(number: str) -> str:
    """The sms: address of a checked number."""
    return "sms:" + tel_href(number)[4:]


EMAIL = re.compile(r"^[^@\s<>\"'():;,]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


class OptionalAddress(c.BaseConfigOption[str]):
    """An optional address typed by a person: empty is fine; otherwise text that ``check`` accepts."""

    what = "an address"

    def __init__(self, example: str):
        super().__init__()
        self.example = example
        self.default = ""

    def run_validation(self, value):
        if value is None or value == "":
            return ""
        if not isinstance(value, str):
            raise ValidationError(f"Use {self.what} in quotes, e.g. \"{self.example}\".")
        return self.check(value.strip())

    def check(self, text: str) -> str:
        raise NotImplementedError


class EmailAddress(OptionalAddress):
    """One email address, without "mailto:"."""

    what = "one email address"

    def __init__(self, example: str = "hello@example.org"):
        super().__init__(example)

    def check(self, text: str) -> str:
        if text.lower().startswith("mailto:"):
            raise ValidationError(f"Leave out \"mailto:\": write the address alone, e.g. \"{self.example}\".")
        if not EMAIL.match(text):
            raise ValidationError(f"Use one email address, e.g. \"{self.example}\".")
        return text


class WebAddress(OptionalAddress):
    """A full https:// address."""

    what = "a full web address"

    def __init__(self, example: str = "https://www.example.org/"):
        super().__init__(example)

    def check(self, text: str) -> str:
        parts = urlsplit(text)
        if parts.scheme != "https" or "." not in (parts.hostname or "") or " " in text:
            raise ValidationError(f"Use the full address of the website, starting https://, e.g. \"{self.example}\".")
        return text


UNSAFE_TEXT = re.compile(r"[<>{}]")


class PlainText(c.BaseConfigOption[str]):
    """A short piece of plain text: no HTML, no {{ }} markers, at most max_length characters."""

    def __init__(self, max_length: int = 300, required: bool = False, example: str = ""):
        super().__init__()
        self.max_length = max_length
        self.needed = required
        self.example = example
        self.default = ""

    def run_validation(self, value):
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.needed:
                raise ValidationError(f"Write it in quotes, e.g. \"{self.example}\"." if self.example else "It is needed.")
            return ""
        if not isinstance(value, str):
            raise ValidationError("Put the text in quotes (a number, list or yes/no is not text).")
        text = " ".join(value.split())
        if UNSAFE_TEXT.search(text):
            raise ValidationError("Use plain text, without < > { } (no HTML and no {{ }} markers).")
        if len(text) > self.max_length:
            raise ValidationError(f"Use at most {self.max_length} characters.")
        return text


class CheckedDate(c.BaseConfigOption[dt.date]):
    """The day a number was last checked against the service's own page: YYYY-MM-DD, not in the future."""

    def run_validation(self, value):
        if value is None or value == "":
            raise ValidationError("Add the day you checked the number against the service's own page, "
                                  "e.g. checked: 2026-12-05.")
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            try:
                value = dt.date.fromisoformat(str(value))
            except ValueError:
                raise ValidationError("Write the date as YYYY-MM-DD, e.g. checked: 2026-12-05.") from None
        if value > dt.date.today():
            raise ValidationError("The date is in the future. Write the day the number was checked.")
        return value


# --- Text helpers -------------------------------------------------------------------------------


def slug(text: str) -> str:
    """A short, lowercase anchor id: "A&E" -> "a-and-e", "Help and about" -> "help-and-about"."""
    text = unicodedata.normalize("NFKD", text.lower().replace("&", " and "))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def marker_line(name: str) -> re.Pattern:
    """A ``{{ name }}`` marker alone on its line, as pages write block markers."""
    return re.compile(r"^[ \t]*\{\{ " + re.escape(name) + r" \}\}[ \t]*$", re.MULTILINE)
