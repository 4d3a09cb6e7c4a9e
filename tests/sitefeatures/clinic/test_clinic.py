"""A clinic's own copy: settings checked, contact box and crisis lines on every page, links for emails.

The sample clinic (tests/support/clinic.py) is built from a mkdocs.yml that says
`INHERIT: <repo>/mkdocs.yml` plus the clinic's extra: values, at a custom domain. What it must
show is read from its effective settings, so the tests hold in a clinic's own fork too.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from sitefeatures.clinic import domain
from sitefeatures.clinic.settings import check_clinic
from sitefeatures.editions import edition
from sitefeatures.values import SettingsError
from sitefeatures.words import words
from tests.support.build import build_site, parse
from tests.support.clinic import CLINIC_SITE_ROOT, CLINIC_SITE_URL, SAMPLE_CLINIC
from tests.support.project import EDITION, REPO, SAID, SITE_ROOT, SITE_URL, project_copy

DOCS = REPO / "docs"
NAME = SAMPLE_CLINIC["clinic"]["name"]
GOOD = {key: value for key, value in SAMPLE_CLINIC["clinic"].items() if key != "logo"}


@pytest.fixture(scope="module")
def clinic_pages(clinic_site):
    return clinic_site.pages


@pytest.fixture(scope="module")
def general_pages(site):
    return site.pages


# --- Settings ------------------------------------------------------------------------------


def test_no_clinic_set_means_the_general_guide():
    for raw in (None, {}, {key: "" for key in ("name", "url", "phone", "email", "logo")}):
        assert check_clinic(raw, DOCS) is None


def test_a_us_number_with_an_area_code_in_brackets_is_fine():
    assert check_clinic({**GOOD, "phone": "(555) 010-4477"}, DOCS).tel == "tel:5550104477"


def test_good_settings_are_kept_with_a_tap_to_call_link():
    checked = check_clinic({**GOOD, "phone": "+44 20 7946-0000"}, DOCS)
    assert checked.name == NAME and checked.tel == "tel:+442079460000"
    assert checked.site == "elmbridge-counselling.example"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"phone": "call us"}, "extra.clinic.phone is 'call us'. Use digits and spaces"),
        ({"phone": "020 7946 O000"}, "extra.clinic.phone is '020 7946 O000'. Use digits and spaces"),
        ({"phone": "+44 (0)20 7946 0000"}, "Leave out the (0)"),
        ({"phone": 2079460000}, "extra.clinic.phone is 2079460000. Put it in quotes"),
        ({"email": "hello at riverside"}, "extra.clinic.email is 'hello at riverside'. Use one email address"),
        ({"email": "mailto:hello@riverside.example"}, 'Leave out "mailto:"'),
        ({"url": "riverside.example"}, "extra.clinic.url is 'riverside.example'. Use the full address"),
        ({"url": "http://www.riverside.example/"}, "starting https://"),
        ({"url": "ftp://riverside.example/"}, "starting https://"),
        ({"name": "<b>Riverside</b>"}, "extra.clinic.name is '<b>Riverside</b>'. Use plain text"),
        ({"email": ""}, "extra.clinic.email is empty. A clinic needs all of name, url, phone, email"),
        ({"logo": "assets/images/missing.png"}, "extra.clinic.logo is 'assets/images/missing.png'. There is no such file"),
        ({"logo": "../mkdocs.yml"}, "Use an image inside docs/"),
        ({"colour": "green"}, "unknown setting(s) colour. Allowed: name, url, phone, email, logo"),
    ],
)
def test_a_wrong_setting_names_the_key_the_value_and_what_is_allowed(change, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        check_clinic({**GOOD, **change}, DOCS)


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"clinic": {**GOOD, "phone": "ring us"}}, "extra.clinic.phone is 'ring us'"),
        ({"crisis_overrides": {"uk": {"lines": [{"name": "Team", "call": 3001231233, "checked": "2026-12-01"}]}}},
         "extra.crisis_overrides.uk, line 'Team': call is 3001231233. Put it in quotes"),
        ({"crisis_region": "eu"}, "extra.crisis_region is 'eu'. Use one of:"),
    ],
)
def test_a_wrong_setting_stops_a_real_build_with_that_message(tmp_path, extra, message):
    config = project_copy(tmp_path / "project", extra=extra)
    build = build_site(tmp_path / "site", config=config, check=False)
    assert not build.ok
    assert message in build.log
    assert "Traceback" not in build.log, "a clinic sees the message, not a traceback"


def test_a_custom_domain_is_taken_from_site_url():
    assert domain.custom_domain("https://guide.riverside.example/") == "guide.riverside.example"
    for address in ("https://clinic.github.io/guide/", "http://127.0.0.1:8000/", "", None):
        assert domain.custom_domain(address) is None


# --- What a clinic's copy shows (the sample clinic, and this repository's own settings) ----------


def checked(build_or_settings):
    """The checked settings (clinic, crisis) of a build or of loaded settings."""
    config = getattr(build_or_settings, "settings", None) or build_or_settings
    return config.extra["checked"]


def assert_shows_its_clinic(pages: dict, clinic, site_url: str) -> None:
    """Every page shows the clinic (box, footer, header, title, link preview), or none when unset."""
    for url, soup in pages.items():
        box = soup.select_one("article .clinic-box")
        if clinic is None:
            assert box is None and not soup.select(".md-copyright__clinic"), f"{url}: a clinic box without a clinic"
            continue
        assert box is not None, f"{url}: no 'Your clinic' box"
        text = " ".join(box.get_text(" ").split())
        assert f"{SAID['your_clinic']}: {clinic.name}" in text and clinic.phone in text and clinic.email in text, url
        assert box.find("a", href=clinic.tel) and box.find("a", href=f"mailto:{clinic.email}"), url
        assert box.find("a", href=clinic.url), url
        assert clinic.name in soup.select_one(".md-footer .md-copyright__clinic").get_text(), f"{url}: footer"
        assert soup.title.get_text().find(clinic.name) >= 0, f"{url}: the page title does not name the clinic"
        assert clinic.name in soup.find("meta", property="og:site_name")["content"], f"{url}: og:site_name"
        header = soup.select_one(".md-header__title").get_text(" ")
        assert clinic.name in header, f"{url}: the header does not name the clinic"
        if clinic.logo:
            logo = soup.select_one(".md-header .md-logo img")
            assert logo["src"].endswith(clinic.logo.rsplit("/", 1)[-1]) and logo["alt"] == clinic.name, url


def assert_leads_with_its_crisis_region(pages: dict, crisis) -> None:
    """The bar shows the chosen regions' numbers, in order; /get-help/ lists every region, lead first."""
    expected = [region.bar.tel for region in crisis["bar"]]
    for url, soup in pages.items():
        numbers = [a["href"] for a in soup.select(".crisis-bar a[href^='tel:']")]
        assert numbers == expected, f"{url}: the bar shows {numbers}, the settings say {expected}"
    article = pages["/get-help/"].select_one("article")
    ids = [h2["id"] for h2 in article.find_all("h2")]
    assert ids[: len(crisis["regions"])] == [region.id for region in crisis["regions"]]
    for region in crisis["regions"]:
        first = article.find("h2", id=region.id).find_next("ul").find("li")
        assert region.lines[0].name in first.get_text(), f"#{region.id}: the first line is not {region.lines[0].name}"


def test_the_sample_clinic_copy_shows_the_clinic_on_every_page(clinic_site, clinic_pages):
    settings = checked(clinic_site)
    assert settings["clinic"].name == NAME
    assert_shows_its_clinic(clinic_pages, settings["clinic"], CLINIC_SITE_URL)
    assert_leads_with_its_crisis_region(clinic_pages, settings["crisis"])
    assert settings["crisis"]["regions"][0].lines[0].name == "Elmbridge crisis team"
    first = clinic_pages["/get-help/"].select_one("article h2#uk").find_next("ul").find("li")
    assert first.find("a", href="tel:02079460999"), "the clinic's own line is tap-to-call"


def test_this_copy_shows_its_own_clinic_or_none(site, settings, general_pages):
    """Holds for every configuration: the general guide (no clinic) and a clinic's own copy."""
    clinic = checked(settings)["clinic"]
    assert_shows_its_clinic(general_pages, clinic, SITE_URL)
    assert_leads_with_its_crisis_region(general_pages, checked(settings)["crisis"])
    assert (site.dir / "CNAME").exists() == bool(domain.custom_domain(SITE_URL))


def test_the_welcome_email_and_the_about_page_name_the_clinic(clinic_pages, general_pages, settings):
    email = clinic_pages["/for-clinics/"].select_one(".clinic-email pre").get_text()
    assert EMAIL["booking"].format(name=NAME) in email and "020 7946 0000" in email
    assert SAID["clinic_name"] not in email and SAID["clinic_phone"] not in email and EMAIL["first_name"] in email
    about = clinic_pages["/about/"].select_one("article").get_text(" ")
    assert EMAIL["run_by"].format(name=NAME) in " ".join(about.split())
    assert "CC BY 4.0" in about
    own = general_pages["/for-clinics/"].select_one(".clinic-email pre").get_text()
    clinic = checked(settings)["clinic"]
    if clinic is None:
        assert SAID["clinic_name"] in own and SAID["clinic_phone"] in own
        assert EMAIL["run_by"].format(name="") not in general_pages["/about/"].select_one("article").get_text()
    else:
        assert clinic.name in own and clinic.phone in own


def test_report_a_problem_reaches_the_original_guide_and_contact_reaches_the_clinic(clinic_pages, settings):
    guide_repo = checked(settings)["guide_repo"]
    about = clinic_pages["/about/"]
    report = about.select_one("#report-an-error").find_next("a", href=re.compile("/issues$"))
    assert report["href"] == guide_repo + "/issues"
    box = about.select_one(".clinic-box")
    assert box.find("a", href=f"mailto:{SAMPLE_CLINIC['clinic']['email']}")


def test_the_clinic_copy_uses_its_own_address_everywhere(clinic_site, clinic_pages):
    assert (clinic_site.dir / "CNAME").read_text(encoding="utf-8") == "guide.elmbridge-counselling.example\n"
    for url, soup in clinic_pages.items():
        assert soup.find("link", rel="canonical")["href"] == CLINIC_SITE_URL + url.lstrip("/"), url
    codes = [code.get_text() for code in clinic_pages["/for-clinics/"].select(".clinic-links code")]
    assert codes and all(code.startswith(CLINIC_SITE_ROOT) for code in codes)


# --- Links for emails: /for-clinics/ -----------------------------------------------------------


# The welcome email and the About page's note on a clinic's copy (docs/for-clinics.md,
# sitefeatures/clinic/placeholders.py), in the edition under test.
EMAIL = {
    "en": {"booking": "Thank you for booking with {name}.", "first_name": "[first name]",
           "run_by": "This copy of the guide is run by {name}"},
    "es": {"booking": "Gracias por pedir una cita con {name}.", "first_name": "[nombre]",
           "run_by": "Esta copia de la guía la mantiene {name}"},
}[EDITION]


def nav_paths(home) -> list[str]:
    """The pages in the site's navigation, as URL paths, read from the built home page."""
    links = home.select("nav.md-nav--primary a.md-nav__link[href]")
    return sorted({urljoin("/", link["href"]) for link in links if "#" not in link["href"]})


def test_for_clinics_lists_every_page_and_section_with_its_full_address(site, general_pages):
    listing = general_pages["/for-clinics/"].select_one(".clinic-links")
    rows = {code.get_text(): code.parent for code in listing.select(".clinic-links__url:not(.clinic-links__url--twin) code")}
    paths = nav_paths(general_pages["/"])
    assert len(paths) >= 17 and "/for-clinics/" in paths
    for url in paths:
        soup = general_pages[url]
        expected = [SITE_URL + url.lstrip("/")]
        expected += [f"{expected[0]}#{h2['id']}" for h2 in soup.select("article h2[id]")]
        for address in expected:
            assert address in rows, f"/for-clinics/ does not list {address}"
            button = rows[address].find("button", class_="copy-button")
            assert button is not None, f"{address}: no copy button"
            to = f' {words(EDITION)["copy_link_to"]} '
            assert button["aria-label"].startswith(button.get_text() + to), f"{address}: the button does not say which link"
            description = rows[address].find_previous_sibling("p")
            assert description.find("a") and len(description.get_text().split(":", 1)[1].strip()) > 10, address


def test_each_address_is_also_listed_in_the_copys_other_editions(site, general_pages, settings):
    # A clinic that publishes both editions copies a page's Spanish address from right under its
    # English one (and the other way round): the same page and section, in that edition's folder,
    # wherever that page has the section (the Spanish /get-help/ adds #mx and #es of its own).
    others = [item for item in checked(settings)["editions"] if item.language != EDITION]
    listing = general_pages["/for-clinics/"].select_one(".clinic-links")
    if not others:
        assert not listing.select(".clinic-links__url--twin"), "a copy of one edition lists no other edition's addresses"
        return
    root = site.dir.parent if edition(EDITION).path else site.dir  # the folder that holds every edition
    mains = listing.select(".clinic-links__url:not(.clinic-links__url--twin)")
    listed = 0
    for main in mains:
        address = main.code.get_text()
        rows = []
        for sibling in main.find_next_siblings("p"):
            if "clinic-links__url--twin" not in sibling.get("class", []):
                break
            rows.append(sibling)
        expected = []
        for other in others:
            twin = SITE_ROOT + other.path + address[len(SITE_URL):]
            path, _, fragment = twin[len(SITE_ROOT):].partition("#")
            page = parse((root / path / "index.html").read_text(encoding="utf-8"))
            assert page.html["lang"] == other.language, twin
            if not fragment or page.find(id=fragment):
                expected.append((other.language, twin, f"({other.name})"))
        shown = [(row.select_one("span[lang]")["lang"], row.code.get_text(), row.button["aria-label"][-len(f"({name})"):])
                 for row, name in zip(rows, [item[2][1:-1] for item in expected])]
        assert shown == expected and len(rows) == len(expected), f"{address}: its twins are {expected}, listed {rows}"
        listed += len(rows)
    assert listed >= len(mains) * len(others) - 5, "most addresses have their twin"


def test_the_welcome_email_says_where_it_is_in_the_other_editions(site, general_pages, settings):
    others = [item for item in checked(settings)["editions"] if item.language != EDITION]
    section = general_pages["/for-clinics/"].select_one("#welcome-email")
    links = [a for a in section.find_all_next("a", hreflang=True)
             if a.find_previous("h2") is section and "crisis-bar__language" not in a.get("class", [])]
    assert [a["hreflang"] for a in links] == [item.language for item in others]
    root = site.dir.parent if edition(EDITION).path else site.dir
    for a in links:
        assert a["href"] == f"{SITE_ROOT}{edition(a['hreflang']).path}for-clinics/#welcome-email", a["href"]
        page = parse((root / edition(a["hreflang"]).path / "for-clinics" / "index.html").read_text(encoding="utf-8"))
        assert page.select_one("#welcome-email ~ .clinic-email pre"), "no email there"


def test_the_copy_script_loads_only_on_for_clinics(general_pages):
    for url, soup in general_pages.items():
        scripts = [tag["src"] for tag in soup.find_all("script", src=re.compile("copy-link"))]
        assert scripts == (["../assets/js/copy-link.js"] if url == "/for-clinics/" else []), url
    assert not general_pages["/for-clinics/"].select("article script:not([src])"), "no inline script"
    script = general_pages["/for-clinics/"].find("script", src=re.compile("copy-link"))
    assert script["data-copied"] == words(EDITION)["copied"], "the copy script speaks the page's language"


def test_the_welcome_email_links_to_real_pages_and_sections(site, general_pages):
    email = general_pages["/for-clinics/"].select_one(".clinic-email pre").get_text()
    assert EMAIL["first_name"] in email
    links = re.findall(r"https?://\S+", email)
    assert len(links) >= 3
    for link in links:
        assert link.startswith(SITE_URL), link
        address, _, fragment = link.partition("#")
        soup = general_pages["/" + address[len(SITE_URL):]]
        assert not fragment or soup.find(id=fragment), f"the welcome email links to a missing section: {link}"

