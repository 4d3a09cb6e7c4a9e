"""The seeded-defect suite (issue 16): each experiment of the adversarial review that
these checks cover is applied to a copy of the project (tests/support/project.py), built,
and must fail with its named message, so none of them can come back.

Two builds serve them all. The quiz plugin lists every page's first mistake before
the build stops, so the defects that must stop the build go one per page into one
copy. The defects a build cannot see go into another copy, which builds, and
whose checks (link lint, registry of published URLs, /for-clinics/ list) must
name them. `make build` missing a deleted file is tests/project/test_makefile.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from link_lint import lint_site
from tests.support.build import Build, build_site
from tests.support.early import early_build
from tests.support.project import BOTH_EDITIONS_IN_THE_ENGLISH_RUN, SITE_URL, project_copy
from update_url_registry import clinic_list_entries
from url_registry import read_entries, resolve, unregistered

pytestmark = BOTH_EDITIONS_IN_THE_ENGLISH_RUN


@dataclass(frozen=True)
class Seed:
    """A defect: Markdown added at the end of a page, and what a check must say about it."""

    name: str
    page: str
    markdown: str
    expect: str
    line: int = 0  # the line of the markdown the message names


def append(project: Path, seed: Seed) -> int:
    """Add the seed's Markdown at the end of its page; the file line of its first line."""
    path = project / "docs" / seed.page
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + seed.markdown + "\n", encoding="utf-8")
    return text.count("\n") + 1


def line_of(path: Path, needle: str) -> int:
    """The file line that holds needle."""
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


PUBLISHED_TWIN = "structure-keep-going"  # a published quiz id on /structure/, reused by a new quiz
STOPS = [
    Seed("script in a quiz question", "relationship.md",
         "/// quiz | Is this safe? <script>alert(1)</script> {#seeded-question}\n- [x] Yes\n- [ ] No\n///",
         "This quiz has raw HTML ('<script>'), which quiz text may not hold."),
    Seed("script in a choice", "expertise.md",
         "/// quiz | Which? {#seeded-choice}\n- [x] A\n- [ ] B <script>alert(1)</script>\n///",
         "This quiz has raw HTML ('<script>')", 2),
    Seed("script block in feedback", "communication.md",
         "/// quiz | Which? {#seeded-feedback}\n- [x] A\n    Right.\n\n    <script>alert(1)</script>\n- [ ] B\n///",
         "This quiz has raw HTML ('<script>')", 4),
    Seed("inline HTML in an explanation", "collaboration.md",
         "/// quiz | Which? {#seeded-em}\n- [x] A\n- [ ] B\n\nBecause <em>both</em> matter.\n///",
         "This quiz has raw HTML ('<em>')", 4),
    Seed("image with an event handler in a question", "accessibility.md",
         "/// quiz | Seen <img src=x onerror=alert(1)>? {#seeded-img}\n- [x] A\n- [ ] B\n///",
         "This quiz has raw HTML ('<img src=x onerror=alert(1)>')"),
    Seed("event handler through attr_list", "myths-and-facts.md",
         "/// quiz | Which? {#seeded-handler}\n- [x] A\n- [ ] *B*{onmouseover=\"alert(1)\"}\n///",
         "This quiz sets an event handler ('onmouseover')", 2),
    Seed("javascript: link in feedback", "starting-therapy.md",
         "/// quiz | Which? {#seeded-link}\n- [x] A\n    See [this](javascript:alert(1)).\n- [ ] B\n///",
         "This quiz links to a script ('javascript:alert(1)')", 2),
    Seed("quiz nested in an admonition on a page with front matter", "is-it-working.md",
         "!!! note\n\n    /// quiz | Nested? {#seeded-nested}\n    - [x] A\n    - [ ] B\n    ///",
         "This quiz is indented, so it would show as plain text.", 2),
    Seed("one id twice on a page", "types-of-therapy.md",
         "/// quiz | One? {#seeded-twice}\n- [x] A\n- [ ] B\n///\n\n/// quiz | Two? {#seeded-twice}\n- [x] A\n- [ ] B\n///",
         "The id 'seeded-twice' is already used by the quiz on line {first}.", 5),
    Seed("a new quiz on an earlier page reusing a published quiz's id", "about.md",
         f"/// quiz | New? {{#{PUBLISHED_TWIN}}}\n- [x] A\n- [ ] B\n///",
         f"The quiz id '{PUBLISHED_TWIN}' is already used at docs/structure.md:{{twin}}, "
         f"by a published quiz (/structure/#{PUBLISHED_TWIN}) that clinics may link to."),
    Seed("a mistake below lines that a hook adds ({{ crisis_lines }})", "get-help.md",
         "/// quiz | Which? {#seeded-hook}\n- [ ] A\n- [ ] B\n///", "This quiz has no correct answer."),
    Seed("a quiz inside raw HTML", "privacy.md",
         "<div>\n\n/// quiz | Hidden? {#seeded-div}\n- [x] A\n- [ ] B\n///\n\n</div>",
         "This quiz is inside raw HTML", 2),
]


@early_build
def stopped(folder: Path) -> tuple[Build, dict[str, str]]:
    """One build of a copy holding every defect that must stop it: (build, {seed name: expected line})."""
    project = project_copy(folder / "project").parent
    twin = line_of(project / "docs" / "structure.md", "{#" + PUBLISHED_TWIN + "}")
    expected = {}
    for seed in STOPS:
        first = append(project, seed)
        message = seed.expect.format(first=first, twin=twin)
        expected[seed.name] = f"selfcheck: docs/{seed.page}:{first + seed.line}: {message}"
    return build_site(folder / "site", project / "mkdocs.yml", check=False), expected


@pytest.mark.parametrize("seed", STOPS, ids=lambda seed: seed.name)
def test_the_build_stops_naming_the_file_line_and_problem(stopped, seed):
    build, expected = stopped
    assert not build.ok
    assert expected[seed.name] in build.log, f"expected: {expected[seed.name]}\n{build.log}"


def test_the_build_lists_every_mistake_and_writes_no_page(stopped):
    build, _ = stopped
    assert f"{len(STOPS)} quiz mistakes, listed above" in build.log and "Traceback" not in build.log
    assert not list(build.dir.glob("**/*.html"))


# Defects the build cannot see; each renamed section is (page, old id, new id).
RENAMED = ("starting-therapy.md", "cost", "paying")
PASSES = [
    Seed("link text 'Click here'", "index.md", "Not sure where to start? [Click here](get-help.md).",
         "/: link text 'Click here' says nothing out of context (to get-help/)"),
    Seed("link text 'Read more'", "about.md", "[Read more](relationship.md)",
         "/about/: link text 'Read more' says nothing out of context (to ../relationship/)"),
    Seed("tel: link with an option in the number", "get-help.md", "[Call NHS 111, option 2](tel:111-option-2)",
         "/get-help/: 'tel:111-option-2' is not a number"),
    Seed("mailto: written twice", "for-clinics.md", "[Email us](mailto:mailto:hello@clinic.example)",
         "/for-clinics/: 'mailto:mailto:hello@clinic.example' says 'mailto:' twice"),
    Seed("mailto: without a dot in the domain", "privacy.md", "[Write to us](mailto:privacy@localhost)",
         "/privacy/: 'mailto:privacy@localhost' is not one email address"),
    Seed("a section clinics link to renamed (#cost -> #paying)", RENAMED[0], "",
         "/starting-therapy/#cost: no #cost on /starting-therapy/; keep the old id on the page"),
    Seed("the renamed section listed on /for-clinics/ but not registered", RENAMED[0], "",
         "/for-clinics/ lists an address not in published-urls.txt: /starting-therapy/#paying"),
]
DRAFT = Seed("a quiz kept in an HTML comment", "relationship.md",
             "<!--\n/// quiz | Draft? {#seeded-draft}\n- [x] A\n///\n-->", "")


def rename_section(project: Path, page: str, old: str, new: str) -> None:
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert "{#" + old + "}" in text, f"{page} has no #{old} any more: pick another section to rename"
    path.write_text(text.replace("{#" + old + "}", "{#" + new + "}"), encoding="utf-8")


def report(site_dir: Path) -> list[str]:
    """What the checks of a built site say: link lint, the registry, the /for-clinics/ list."""
    lines = [str(finding) for finding in lint_site(site_dir)]
    lines += [problem for entry in read_entries() if (problem := resolve(site_dir, entry))]
    lines += [f"/for-clinics/ lists an address not in published-urls.txt: {entry}"
              for entry in unregistered(clinic_list_entries(site_dir, SITE_URL))]
    return lines


@early_build
def passing_copy(folder: Path) -> Build:
    """One strict build of a copy holding every defect the build cannot see."""
    project = project_copy(folder / "project").parent
    for seed in [*PASSES, DRAFT]:
        if seed.markdown:
            append(project, seed)
    rename_section(project, *RENAMED)
    return build_site(folder / "site", project / "mkdocs.yml")


@pytest.fixture(scope="module")
def passed(passing_copy):
    """The copy with every defect the build cannot see, and what its checks say: (build, report)."""
    return passing_copy, report(passing_copy.dir)


@pytest.mark.parametrize("seed", PASSES, ids=lambda seed: seed.name)
def test_a_check_of_the_built_site_names_it(passed, seed):
    _, lines = passed
    assert any(line.startswith(seed.expect) for line in lines), "\n".join(lines)


def test_nothing_else_is_reported(passed):
    _, lines = passed
    unexpected = [line for line in lines if not any(line.startswith(seed.expect) for seed in PASSES)]
    assert not unexpected, "\n".join(unexpected)


def test_a_quiz_in_an_html_comment_is_left_out_without_a_mistake(passed):
    build, _ = passed
    assert "selfcheck:" not in build.log
    assert not build.soup("/relationship/").select("#seeded-draft")
