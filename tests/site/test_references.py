"""References: every entry on /references/ is a full citation (a title, a year, and a DOI
or a web address) and is cited from at least one page of the guide.

A web page without a date is written "(n.d.)" and must then say when we checked it
("Checked 5 December 2026"). A description in [square brackets] is not a title.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.support.sitemap import sitemap_paths

YEAR = re.compile(r"\((?P<year>\d{4})[a-z]?(?:,[^)]*)?\)|\((?P<nd>n\.d\.)\)")
# The day an undated page was checked, as each edition writes it (references stay in their own
# language; the note around them is the edition's): "Checked 5 December 2026", "Consultado el 5 de diciembre de 2026".
CHECKED = re.compile(r"Checked \d{1,2} [A-Z][a-z]+ \d{4}|Consultado el \d{1,2} de [a-z]+ de \d{4}")
TITLE_WORDS = 2


def entries(html: str) -> dict[str, BeautifulSoup]:
    """The reference entries of the references page: {id: element}."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup
    return {element["id"]: element for element in article.select(".reference[id]")}


def entry_problems(ref_id: str, element) -> list[str]:
    """What a reference entry lacks: a year, a title, a DOI or a web address."""
    for anchor in element.select(".headerlink"):
        anchor.decompose()
    text = " ".join(element.get_text(" ").split())
    found = []
    year = YEAR.search(text)
    if not year:
        found.append(f"#{ref_id}: no year; write the year in brackets after the authors, or (n.d.) for an undated page")
    elif year["nd"] and not CHECKED.search(text):
        found.append(f"#{ref_id}: an undated page needs the date it was checked, e.g. 'Checked 5 December 2026.'")
    if "[" in text or "]" in text:
        found.append(f"#{ref_id}: a [bracketed description] is not a title; give the source's own title")
    elif year:
        # The title is the plain text after the year, before the journal (in italics) or the link.
        lead = YEAR.search(plain_lead(element))
        title = plain_lead(element)[lead.end():].strip(" .") if lead else ""
        if len(title.split()) < TITLE_WORDS:
            found.append(f"#{ref_id}: no title after the year (the title comes before the journal and the link)")
    links = [a.get("href", "") for a in element.find_all("a", href=True)]
    if not any(href.startswith(("https://doi.org/", "http://", "https://")) for href in links):
        found.append(f"#{ref_id}: neither a DOI nor a web address")
    return found


def plain_lead(element) -> str:
    """The entry's text up to its first italic part (a journal or book) or link."""
    parts = []
    for node in element.descendants:
        if getattr(node, "name", None) in ("em", "i", "a"):
            break
        if isinstance(node, str) and not any(parent.name in ("em", "i", "a") for parent in node.parents):
            parts.append(node)
    return " ".join("".join(parts).split())


def cited_ids(pages: dict[str, str]) -> set[str]:
    """Reference ids linked from any page other than the references page itself."""
    cited = set()
    for url, html in pages.items():
        if url.rstrip("/").endswith("references"):
            continue
        for link in BeautifulSoup(html, "html.parser").find_all("a", href=True):
            parts = urlsplit(link["href"])
            if parts.fragment and parts.path.rstrip("/").endswith("references"):
                cited.add(unquote(parts.fragment))
    return cited


@pytest.fixture(scope="module")
def built(site):
    return {url: site.html(url) for url in sitemap_paths(site.dir)}


def test_every_reference_is_a_full_citation(built):
    refs = entries(built["/references/"])
    assert len(refs) >= 25, f"only {len(refs)} references found"
    found = [problem for ref_id, element in refs.items() for problem in entry_problems(ref_id, element)]
    assert not found, "\n".join(found)


def test_every_reference_is_cited_somewhere(built):
    refs = entries(built["/references/"])
    uncited = sorted(set(refs) - cited_ids(built))
    assert not uncited, f"references never cited from a page (cite them or remove them): {uncited}"


def entry_html(inner: str, ref_id: str = "x") -> tuple[str, BeautifulSoup]:
    html = f'<article class="md-content__inner"><p class="reference" id="{ref_id}">{inner}</p></article>'
    return ref_id, entries(html)[ref_id]


GOOD = 'Smith, M. L. (1977). Meta-analysis of outcome studies. <em>Am Psychol</em>, 32. <a href="https://doi.org/10.1/x">doi:10.1/x</a>'


@pytest.mark.parametrize(
    "inner, message",
    [
        (GOOD.replace("(1977)", ""), "no year"),
        (GOOD.replace("(1977)", "(n.d.)"), "needs the date it was checked"),
        (GOOD.replace("Meta-analysis of outcome studies", "[A review of outcome studies]"), "not a title"),
        ('Smith, M. L. (1977). <em>Am Psychol</em>. <a href="https://doi.org/10.1/x">x</a>', "no title"),
        (GOOD.split("<a")[0], "neither a DOI nor a web address"),
    ],
)
def test_the_check_catches_each_kind_of_incomplete_entry(inner, message):
    found = entry_problems(*entry_html(inner))
    assert any(message in problem for problem in found), found


def test_the_check_accepts_articles_and_dated_or_checked_web_pages():
    assert entry_problems(*entry_html(GOOD)) == []
    page = 'NHS England (n.d.). Feedback and complaints. <a href="https://www.england.nhs.uk/">england.nhs.uk</a>. Checked 5 December 2026.'
    assert entry_problems(*entry_html(page)) == []


def test_an_uncited_reference_is_found():
    pages = {
        "/references/": '<p class="reference" id="a">A</p><p class="reference" id="b">B</p>',
        "/relationship/": '<a href="../references/#a">Full reference</a>',
    }
    assert cited_ids(pages) == {"a"}
