"""A clinic's own copy: settings checked, contact box and crisis lines on every page, links for emails.

The sample clinic (conftest.SAMPLE_CLINIC) is built from a mkdocs.yml that says
`INHERIT: <repo>/mkdocs.yml` plus the clinic's extra: values, at a custom domain.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import CLINIC_SITE_URL, SAMPLE_CLINIC, SITE_URL, build_site, clinic_config
from mkdocs.exceptions import PluginError
from sitemap import sitemap_paths
from test_hooks import load_hook

clinic = load_hook("clinic")
crisis_lines = load_hook("crisis_lines")
custom_domain = load_hook("custom_domain")
DOCS = Path(__file__).resolve().parents[1] / "docs"
NAME = SAMPLE_CLINIC["clinic"]["name"]
GOOD = {key: value for key, value in SAMPLE_CLINIC["clinic"].items() if key != "logo"}


def pages_of(build):
    return {url: build.soup(url) for url in sitemap_paths(build.dir)}


@pytest.fixture(scope="module")
def clinic_pages(clinic_site):
    return pages_of(clinic_site)


@pytest.fixture(scope="module")
def general_pages(site):
    return pages_of(site)


# --- Settings ------------------------------------------------------------------------------


def test_no_clinic_set_means_the_general_guide():
    for raw in (None, {}, {key: "" for key in clinic.KEYS}):
        assert clinic.check_clinic(raw, DOCS) is None


def test_good_settings_are_kept_with_a_tap_to_call_link():
    checked = clinic.check_clinic({**GOOD, "phone": "+44 (0)20 7946-0000"}, DOCS)
    assert checked["name"] == NAME and checked["tel"] == "tel:+4402079460000"
    assert checked["site"] == "elmbridge-counselling.example"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"phone": "call us"}, "extra.clinic.phone is 'call us'. Use digits and spaces"),
        ({"phone": 2079460000}, "extra.clinic.phone is 2079460000. Put the value in quotes"),
        ({"email": "hello at riverside"}, "extra.clinic.email is 'hello at riverside'. Use one email address"),
        ({"url": "riverside.example"}, "extra.clinic.url is 'riverside.example'. Use the full address"),
        ({"url": "ftp://riverside.example/"}, "starting https://"),
        ({"name": "<b>Riverside</b>"}, "extra.clinic.name is '<b>Riverside</b>'. Use plain text"),
        ({"email": ""}, "extra.clinic.email is empty. A clinic needs all of name, url, phone, email"),
        ({"logo": "assets/images/missing.png"}, "extra.clinic.logo is 'assets/images/missing.png'. There is no such file"),
        ({"logo": "../mkdocs.yml"}, "Use an image inside docs/"),
        ({"colour": "green"}, "unknown setting(s) colour. Allowed: name, url, phone, email, logo"),
    ],
)
def test_a_wrong_setting_names_the_key_the_value_and_what_is_allowed(change, message):
    with pytest.raises(PluginError, match=re.escape(message)):
        clinic.check_clinic({**GOOD, **change}, DOCS)


def test_a_wrong_setting_stops_a_real_build_with_that_message(tmp_path):
    config = clinic_config(tmp_path / "project", {"clinic": {**GOOD, "phone": "ring us"}})
    build = build_site(tmp_path / "site", config=config, check=False)
    assert not build.ok
    assert "extra.clinic.phone is 'ring us'" in build.log


REGIONS = crisis_lines.load_regions(DOCS / crisis_lines.DATA_FILE)


def test_the_chosen_region_leads_and_the_others_keep_their_order():
    assert [r["id"] for r in crisis_lines.lead_with(REGIONS, "uk")] == ["uk", "us", "ca", "ie", "au", "nz", "international"]
    assert [r["id"] for r in crisis_lines.lead_with(REGIONS, "international")] == ["international", "us", "uk", "ca", "ie", "au", "nz"]
    with pytest.raises(PluginError, match=re.escape("extra.crisis_region is 'eu'. Use one of: us, uk, ca, ie, au, nz, international.")):
        crisis_lines.lead_with(REGIONS, "eu")


def test_a_clinic_can_replace_remove_and_add_crisis_lines():
    overrides = {"uk": {"lines": [
        {"name": "Shout", "text": "85258", "note": "Text SHOUT."},
        {"name": "NHS 111, option 2", "remove": True},
        {"name": "Elmbridge crisis team", "call": "020 7946 0999"},
    ]}, "ie": {"name": "Ireland", "emergency": "Call 112.", "lines": [{"name": "Samaritans", "call": "116 123"}]}}
    regions = {r["id"]: r for r in crisis_lines.apply_overrides(REGIONS, overrides)}
    assert [line["name"] for line in regions["uk"]["lines"]] == [
        "Elmbridge crisis team", "Samaritans", "NHS 111 Wales, press 2", "NHS 24 (Scotland)",
        "Lifeline (Northern Ireland)", "Childline", "Shout",
    ]
    assert regions["uk"]["lines"][-1]["note"] == "Text SHOUT."
    assert regions["ie"]["name"] == "Ireland" and regions["us"] == REGIONS[0]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"uk": {"phone": "1"}}, "extra.crisis_overrides.uk: unknown key(s) phone"),
        ({"uk": {"lines": [{"name": "Nobody", "remove": True}]}}, "cannot remove 'Nobody'"),
        ({"uk": {"lines": [{"name": "No way to reach"}]}}, "every line needs a name and a way to reach it"),
        ({"uk": {"bar": {"label": "UK"}}}, "'bar' needs a label and a number to call"),
        ({"fr": {"lines": [{"name": "SOS", "call": "3114"}]}}, "has no 'name'"),
        (["uk"], "must map a region id"),
    ],
)
def test_wrong_crisis_overrides_stop_the_build_with_a_clear_message(overrides, message):
    with pytest.raises(PluginError, match=re.escape(message)):
        crisis_lines.apply_overrides(REGIONS, overrides)


def test_a_custom_domain_is_taken_from_site_url():
    assert custom_domain.custom_domain("https://guide.riverside.example/") == "guide.riverside.example"
    for address in ("https://clinic.github.io/guide/", "http://127.0.0.1:8000/", "", None):
        assert custom_domain.custom_domain(address) is None


# --- The sample clinic's build ---------------------------------------------------------------


def test_every_page_shows_the_clinic_box_and_names_the_clinic_in_the_footer(clinic_pages):
    settings = SAMPLE_CLINIC["clinic"]
    for url, soup in clinic_pages.items():
        box = soup.select_one("article .clinic-box")
        assert box is not None, f"{url}: no 'Your clinic' box"
        text = " ".join(box.get_text(" ").split())
        assert f"Your clinic: {NAME}" in text and settings["phone"] in text and settings["email"] in text, url
        assert box.find("a", href="tel:02079460000") and box.find("a", href=f"mailto:{settings['email']}"), url
        assert box.find("a", href=settings["url"]) and box.find("img", src=re.compile(r"logo\.svg$")), url
        assert NAME in soup.select_one(".md-footer .md-copyright__clinic").get_text(), f"{url}: footer"


def test_every_page_leads_with_the_clinics_crisis_region(clinic_pages):
    for url, soup in clinic_pages.items():
        numbers = [a["href"] for a in soup.select(".crisis-bar a[href^='tel:']")]
        assert numbers[:2] == ["tel:116123", "tel:988"], f"{url}: the bar shows {numbers}"
    article = clinic_pages["/get-help/"].select_one("article")
    assert [h2["id"] for h2 in article.find_all("h2")][:3] == ["uk", "us", "ca"]
    first_uk_line = article.find("h2", id="uk").find_next("ul").find("li")
    assert "Elmbridge crisis team" in first_uk_line.get_text() and first_uk_line.find("a", href="tel:02079460999")


def test_the_clinic_copy_uses_its_own_address_everywhere(clinic_site, clinic_pages):
    assert (clinic_site.dir / "CNAME").read_text(encoding="utf-8") == "guide.elmbridge-counselling.example\n"
    for url, soup in clinic_pages.items():
        assert soup.find("link", rel="canonical")["href"] == CLINIC_SITE_URL + url.lstrip("/"), url
    codes = [code.get_text() for code in clinic_pages["/for-clinics/"].select(".clinic-links code")]
    assert codes and all(code.startswith(CLINIC_SITE_URL) for code in codes)


def test_the_general_guide_shows_no_clinic(site, general_pages):
    assert not (site.dir / "CNAME").exists()
    for url, soup in general_pages.items():
        assert not soup.select(".clinic-box, .md-copyright__clinic"), f"{url}: a clinic box in the general guide"
        assert NAME not in soup.get_text(), url
        numbers = [a["href"] for a in soup.select(".crisis-bar a[href^='tel:']")]
        assert numbers[:2] == ["tel:988", "tel:116123"], f"{url}: the bar shows {numbers}"


# --- Links for emails: /for-clinics/ -----------------------------------------------------------


def nav_paths(home) -> list[str]:
    """The pages in the site's navigation, as URL paths, read from the built home page."""
    links = home.select("nav.md-nav--primary a.md-nav__link[href]")
    return sorted({urljoin("/", link["href"]) for link in links if "#" not in link["href"]})


def test_for_clinics_lists_every_page_and_section_with_its_full_address(site, general_pages):
    listing = general_pages["/for-clinics/"].select_one(".clinic-links")
    rows = {code.get_text(): code.parent for code in listing.select(".clinic-links__url code")}
    paths = nav_paths(general_pages["/"])
    assert len(paths) >= 17 and "/for-clinics/" in paths
    for url in paths:
        soup = general_pages[url]
        expected = [SITE_URL + url.lstrip("/")]
        expected += [f"{expected[0]}#{h2['id']}" for h2 in soup.select("article h2[id]")]
        for address in expected:
            assert address in rows, f"/for-clinics/ does not list {address}"
            button = rows[address].find("button", class_="copy-button")
            assert button is not None and button.has_attr("hidden"), f"{address}: no copy button (hidden until JS runs)"
            description = rows[address].find_previous_sibling("p")
            assert description.find("a") and len(description.get_text().split(":", 1)[1].strip()) > 10, address


def test_the_copy_script_loads_only_on_for_clinics(general_pages):
    for url, soup in general_pages.items():
        scripts = [tag["src"] for tag in soup.find_all("script", src=re.compile("copy-link"))]
        assert scripts == (["../assets/js/copy-link.js"] if url == "/for-clinics/" else []), url
    assert not general_pages["/for-clinics/"].select("article script:not([src])"), "no inline script"


def test_the_welcome_email_links_to_real_pages_and_sections(site, general_pages):
    email = general_pages["/for-clinics/"].select_one(".clinic-email pre").get_text()
    assert "[first name]" in email and "[clinic name]" in email
    links = re.findall(r"https?://\S+", email)
    assert len(links) >= 3
    for link in links:
        assert link.startswith(SITE_URL), link
        path, _, fragment = urlsplit(link).path, None, urlsplit(link).fragment
        soup = general_pages[path]
        assert not fragment or soup.find(id=fragment), f"the welcome email links to a missing section: {link}"


@pytest.mark.browser
def test_copy_buttons_copy_the_address_and_say_so(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    page = context.new_page()
    page.goto(served_site + "for-clinics/")
    button = page.locator(".clinic-links .copy-button").nth(3)
    expected = button.locator("xpath=..").locator("code").inner_text()
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.locator("p[role=status]").inner_text() == "Copied."
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the link list is wider than a phone"
    context.close()


@pytest.mark.browser
def test_without_javascript_the_addresses_are_plain_text(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "for-clinics/")
    assert page.locator(".clinic-links code").first.is_visible()
    assert page.locator(".copy-button:visible").count() == 0
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_clinic_box_fits_a_phone_screen_and_passes_axe(browser, clinic_site, scheme):
    from browsing import axe_violations

    page = browser.new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page.goto((clinic_site.dir / "relationship" / "index.html").as_uri())
    box = page.locator(".clinic-box").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for part in (".clinic-box", ".md-copyright"):
        assert not axe_violations(page, context=part), f"{part}: {axe_violations(page, context=part)}"
    page.close()
