"""Links a reader can use (scripts/link_lint.py): link text that says where it goes,
and tel:/sms:/mailto: addresses of the right form, on the general guide and a clinic's copy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from link_lint import Finding, href_problem, lint_page, lint_site
from tests.support.build import inject, parse
from tests.support.project import REPO


@pytest.mark.parametrize("build", ["site", "clinic_site"])
def test_the_built_site_has_no_problem_links(build, request):
    site = request.getfixturevalue(build)
    assert not lint_site(site.dir), "\n".join(map(str, lint_site(site.dir)))
    links = [a["href"] for page in site.dir.rglob("*.html") for a in parse(page.read_text()).select("a[href^='tel:']")]
    assert len(links) > 20, "no tap-to-call links were checked: is the crisis bar there?"


def test_the_clinics_contact_box_links_are_checked(clinic_site):
    mail = parse(clinic_site.html("/")).select("a[href^='mailto:']")
    assert mail and not [problem for a in mail if (problem := href_problem(a["href"]))]


VAGUE_LINKS = ["click here", "Here.", "this page", "Read more…", "link", "More →", " CLICK  HERE "]


@pytest.mark.parametrize("text", VAGUE_LINKS)
def test_link_text_that_says_nothing_is_named(text):
    [problem] = lint_page(f'<p>See <a href="../get-help/">{text}</a>.</p>')
    assert f"link text '{' '.join(text.split())}' says nothing out of context (to ../get-help/)" in problem


def test_the_name_a_screen_reader_reads_is_what_counts():
    assert lint_page('<a href="a/" aria-label="here">Crisis lines in the UK</a>')
    assert lint_page('<a href="a/"><img src="x.png" alt="Read more"></a>')
    assert not lint_page('<a href="a/" aria-label="Crisis lines in the UK">here</a>')
    assert not lint_page('<a href="a/">Here is what to ask at a first session</a>')


BAD_HREFS = {
    "tel:111 option 2": "not a number",
    "tel:0800-CALL-NOW": "not a number",
    "tel:12": "not a number",
    "tel:+44+20": "not a number",
    "sms:text-741741": "not a number",
    "mailto:mailto:hello@clinic.example": "'mailto:' twice",
    "mailto:hello.clinic.example": "not one email address",
    "mailto:hello@localhost": "not one email address",
    "mailto:a@clinic.example,b@clinic.example": "not one email address",
    "mailto:": "not one email address",
}
GOOD_HREFS = ["tel:988", "tel:+442079460000", "TEL:116123", "sms:741741?&body=HOME", "mailto:hello@clinic.example",
              "mailto:hello%40clinic.example?subject=Therapy", "https://example.org/", "../get-help/#uk"]


@pytest.mark.parametrize("href", BAD_HREFS)
def test_a_malformed_tel_sms_or_mailto_address_is_named(href):
    problem = href_problem(href)
    assert problem and f"'{href}'" in problem and BAD_HREFS[href] in problem


@pytest.mark.parametrize("href", GOOD_HREFS)
def test_well_formed_addresses_pass(href):
    assert href_problem(href) is None


def test_defects_seeded_into_a_copy_of_the_built_site_are_named_with_their_page(site_copy):
    seeds = {"about": '<a href="../get-help/">click here</a>', "get-help": '<a href="tel:111 2">NHS 111, option 2</a>',
             "for-clinics": '<a href="mailto:mailto:hello@clinic.example">Email us</a>'}
    for page, html in seeds.items():
        inject(site_copy / page / "index.html", html)
    assert lint_site(site_copy) == [Finding(f"/{page}/", problem) for page in sorted(seeds)
                                    for problem in lint_page(seeds[page])]


def test_the_command_prints_page_and_problem(site_copy):
    inject(site_copy / "about" / "index.html", '<a href="../privacy/">this page</a>')
    result = subprocess.run([sys.executable, "scripts/link_lint.py", str(site_copy)], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("/about/: link text 'this page' says nothing out of context (to ../privacy/)")
    assert result.stdout.splitlines()[-1] == "1 link problems."
