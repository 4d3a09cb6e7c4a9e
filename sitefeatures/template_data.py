"""What the templates show around a page, as plain values either engine can hand to a template.

MkDocs templates can read Python objects; Zensical passes page data to its templates
as JSON. So the crisis bar, the clinic box, the footer and the print handout read
``page.meta.site`` (and, on pages that have no Markdown, such as 404, the same value in
``config.extra.site``), made here from the checked settings: strings, lists and dicts only.
"""

from __future__ import annotations

from .clinic.handout import qr_svg
from .editions import has_twin, twins
from .words import words

KEY = "site"


def clinic_data(clinic) -> dict | None:
    """The clinic box and footer: name, addresses and the number as a tel: link."""
    if clinic is None:
        return None
    return {"name": clinic.name, "url": clinic.url, "site": clinic.site, "phone": clinic.phone,
            "tel": clinic.tel, "email": clinic.email, "logo": clinic.logo}


def bar_data(regions) -> list[dict]:
    """The crisis bar: one number per region, in the order the settings chose."""
    return [{"label": region.bar.label, "call": region.bar.call, "tel": region.bar.tel} for region in regions]


def site_data(checked: dict, site_url: str) -> dict:
    """Everything around the content that is the same on every page, in the edition's words."""
    return {
        "clinic": clinic_data(checked["clinic"]),
        "bar": bar_data(checked["crisis"]["bar"]),
        "help_url": f"{site_url or '/'}get-help/",
        "language": checked["language"],
        "words": words(checked["language"]),
    }


def page_data(checked: dict, site_url: str, page_url: str, canonical_url: str | None, source=None) -> dict:
    """The same, plus this page in the other editions (where it has a twin: pages for authors
    have none), its printed address and its QR code."""
    data = site_data(checked, site_url)
    editions = [item for item in checked["editions"] if source is None or has_twin(source, checked["language"], item)]
    if len(editions) > 1:
        data["twins"] = twins(editions, checked["language"], site_url, page_url)
    if canonical_url:
        data["handout"] = {"url": canonical_url, "qr": str(qr_svg(canonical_url))}
    return data
