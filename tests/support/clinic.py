"""The sample clinic: the settings a clinic would put under extra: in mkdocs.yml, and its address."""

from __future__ import annotations

from sitefeatures.editions import edition
from tests.support.project import EDITION

SAMPLE_CLINIC = {
    "clinic": {
        "name": "Elmbridge Counselling Service",
        "url": "https://www.elmbridge-counselling.example/",
        "phone": "020 7946 0000",
        "email": "hello@elmbridge-counselling.example",
        "logo": "assets/images/logo.svg",
    },
    "crisis_region": "uk",
    "crisis_bar": [],
    "crisis_overrides": {
        "uk": {"lines": [{"name": "Elmbridge crisis team", "call": "020 7946 0999", "when": "Every day, 8am to 8pm.",
                          "checked": "2026-12-05"}]},
    },
}
# The clinic's copy is published at its own domain; the edition under test lies at its path there.
CLINIC_SITE_ROOT = "https://guide.elmbridge-counselling.example/"
CLINIC_SITE_URL = CLINIC_SITE_ROOT + edition(EDITION).path
