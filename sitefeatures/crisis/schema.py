"""What a crisis region and a helpline may hold. Every value is checked as a clinic's own
phone, email and website are: a wrong one stops the build naming the region, the line and the fix."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from ..values import CheckedDate, EmailAddress, PhoneNumber, PlainText, WebAddress, sms_href, tel_href
from ..words import in_words

REGION_ID = re.compile(r"^[a-z][a-z0-9-]{0,19}$")


class RegionId(c.BaseConfigOption[str]):
    """A short code used in links (/get-help/#uk): lowercase letters, digits and hyphens."""

    def run_validation(self, value):
        if not isinstance(value, str) or not REGION_ID.match(value):
            raise ValidationError('Use a short lowercase code of letters, e.g. "uk" or "ie" (it becomes /get-help/#uk).')
        return value


class LineSchema(Config):
    """One helpline: a name, at least one way to reach it, and the day it was checked."""

    name = PlainText(max_length=80, required=True, example="Samaritans")
    call = PhoneNumber(example="116 123")
    text = PhoneNumber(example="85258")
    email = EmailAddress(example="jo@samaritans.org")
    web = WebAddress(example="https://www.samaritans.org/")
    when = PlainText(max_length=200)
    note = PlainText(max_length=300)
    checked = CheckedDate()


class OverrideLineSchema(LineSchema):
    """A line in a clinic's overrides may also say ``remove: true``."""

    remove = c.Type(bool, default=False)


class BarSchema(Config):
    """The number a region shows in the bar at the top of every page."""

    label = PlainText(max_length=20, required=True, example="UK")
    call = PhoneNumber(required=True, example="116 123")


class RegionSchema(Config):
    """A region's heading, emergency advice and (optional) bar number; its lines are checked one by one."""

    id = RegionId()
    name = PlainText(max_length=60, required=True, example="United Kingdom")
    emergency = PlainText(max_length=300, required=True, example="Call [999](tel:999) if a life is at risk right now.")
    bar = c.Optional(c.Type(dict))
    lines = c.Type(list)


CONTACTS = ("call", "text", "email", "web")


@dataclass(frozen=True)
class Line:
    """A checked helpline, as the templates and the /get-help/ list use it."""

    name: str
    checked: dt.date
    call: str = ""
    text: str = ""
    email: str = ""
    web: str = ""
    when: str = ""
    note: str = ""

    @property
    def tel(self) -> str:
        return tel_href(self.call) if self.call else ""

    @property
    def sms(self) -> str:
        return sms_href(self.text) if self.text else ""

    @property
    def checked_words(self) -> str:
        return in_words(self.checked)

    @property
    def numbers(self) -> set[str]:
        return {href[4:] for href in (self.tel, self.sms) if href}


@dataclass(frozen=True)
class Bar:
    label: str
    call: str

    @property
    def tel(self) -> str:
        return tel_href(self.call)


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    emergency: str
    lines: tuple[Line, ...]
    bar: Bar | None = None
