"""The Markdown extension: Markdown in, HTML out, for every question type and option."""

from __future__ import annotations

import re
import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from selfcheck.errors import QuizError
from tests.support.quiz import HOSTILE

EXTENSIONS = ["selfcheck.extension", "footnotes", "abbr", "attr_list", "md_in_html", "pymdownx.superfences"]


def render(text: str, extensions=EXTENSIONS) -> str:
    return markdown.markdown(textwrap.dedent(text), extensions=extensions)


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(render(text), "html.parser")


def inner(element) -> str:
    return element.decode_contents().strip()


SINGLE_HTML = """\
<div class="quiz" data-kind="quiz" data-quiz="" id="who">
<form class="quiz__form" method="dialog">
<fieldset>
<legend>Who builds it?</legend>
<div class="quiz__choice"><input id="who-1" name="who" type="radio" value="1" /><label for="who-1">Only the therapist</label></div>
<div class="quiz__choice"><input data-right="" id="who-2" name="who" type="radio" value="2" /><label for="who-2">Both of you</label></div>
</fieldset>
<button class="quiz__btn quiz__check" hidden="hidden" type="submit">Check</button><button class="quiz__btn quiz__again" hidden="hidden" type="button">Try again</button><div class="quiz__result" role="status"></div>
</form>
<details class="quiz__answer" data-search-exclude="">
<summary>Show the answer</summary>
<ul class="quiz__key">
<li>
<p><strong>Not right:</strong> Only the therapist</p>
<p>Not quite.</p>
</li>
<li data-right="">
<p><strong>Right answer:</strong> Both of you</p>
</li>
</ul>
<p>Both shape it.</p>
</details>
</div>"""

ALL_HTML = """\
<div class="quiz" data-kind="quiz-all" data-quiz="" id="w">
<form class="quiz__form" method="dialog">
<fieldset>
<legend>Which?</legend>
<div class="quiz__choice"><input data-right="" id="w-1" name="w" type="checkbox" value="1" /><label for="w-1">A</label></div>
<div class="quiz__choice"><input data-right="" id="w-2" name="w" type="checkbox" value="2" /><label for="w-2">B</label></div>
<div class="quiz__choice"><input id="w-3" name="w" type="checkbox" value="3" /><label for="w-3">C</label></div>
</fieldset>
<button class="quiz__btn quiz__check" hidden="hidden" type="submit">Check</button><button class="quiz__btn quiz__again" hidden="hidden" type="button">Try again</button><div class="quiz__result" role="status"></div>
</form>
<details class="quiz__answer" data-search-exclude="">
<summary>Show the answer</summary>
<ul class="quiz__key">
<li data-right="">
<p><strong>Right answer:</strong> A</p>
</li>
<li data-right="">
<p><strong>Right answer:</strong> B</p>
</li>
<li>
<p><strong>Not right:</strong> C</p>
</li>
</ul>
</details>
</div>"""

MYTH_HTML = """\
<div class="quiz" data-kind="myth-or-fact" data-quiz="" id="quiz-talking-is-enough">
<form class="quiz__form" method="dialog">
<fieldset>
<legend><span class="quiz__kind">Myth or fact?</span> Talking is enough.</legend>
<div class="quiz__choice"><input id="quiz-talking-is-enough-1" name="quiz-talking-is-enough" type="radio" value="1" /><label for="quiz-talking-is-enough-1">Myth</label></div>
<div class="quiz__choice"><input data-right="" id="quiz-talking-is-enough-2" name="quiz-talking-is-enough" type="radio" value="2" /><label for="quiz-talking-is-enough-2">Fact</label></div>
</fieldset>
<button class="quiz__btn quiz__check" hidden="hidden" type="submit">Check</button><button class="quiz__btn quiz__again" hidden="hidden" type="button">Try again</button><div class="quiz__result" role="status"></div>
</form>
<details class="quiz__answer" data-search-exclude="">
<summary>Show the answer</summary>
<ul class="quiz__key">
<li>
<p><strong>Not right:</strong> Myth</p>
</li>
<li data-right="">
<p><strong>Right answer:</strong> Fact</p>
<p>Yes.</p>
</li>
</ul>
</details>
</div>"""

REFLECT_HTML = """\
<div class="quiz" data-kind="reflect" data-quiz="" id="feel">
<form class="quiz__form" method="dialog">
<fieldset>
<legend>How do you feel?</legend>
<div class="quiz__choice"><input id="feel-1" name="feel" type="radio" value="1" /><label for="feel-1">Fine</label></div>
<div class="quiz__choice"><input id="feel-2" name="feel" type="radio" value="2" /><label for="feel-2">Not fine</label></div>
</fieldset>
<button class="quiz__btn quiz__check" hidden="hidden" type="submit">Show guidance</button><button class="quiz__btn quiz__again" hidden="hidden" type="button">Try again</button><div class="quiz__result" role="status"></div>
</form>
<details class="quiz__answer" data-search-exclude="">
<summary>Show guidance for every answer</summary>
<ul class="quiz__key">
<li>
<p><strong>Fine</strong></p>
<p>Keep going.</p>
</li>
<li>
<p><strong>Not fine</strong></p>
<p>Say so.</p>
</li>
</ul>
</details>
</div>"""

CASES = {
    "single choice, id, feedback, explanation": ("""\
        /// quiz | Who builds it? {#who}
        - [ ] Only the therapist
            Not quite.
        - [x] Both of you

        Both shape it.
        ///
        """, SINGLE_HTML),
    "select all that apply": ("""\
        /// quiz-all | Which? {#w}
        - [x] A
        - [x] B
        - [ ] C
        ///
        """, ALL_HTML),
    "myth or fact, derived id": ("""\
        /// myth-or-fact | Talking is enough.
        - [ ] Myth
        - [x] Fact
            Yes.
        ///
        """, MYTH_HTML),
    "reflection": ("""\
        /// reflect | How do you feel? {#feel}
        - [ ] Fine
            Keep going.
        - Not fine
            Say so.
        ///
        """, REFLECT_HTML),
}


@pytest.mark.parametrize("name", CASES)
def test_markdown_in_html_out(name):
    text, html = CASES[name]
    assert render(text, ["selfcheck.extension"]) == html


def test_quiz_sits_between_paragraphs_even_without_blank_lines():
    html = render("Before.\n/// quiz | Q? {#q}\n- [x] A\n- [ ] B\n///\nAfter.\n")
    page = BeautifulSoup(html, "html.parser")
    assert [el.name for el in page.find_all(recursive=False) if el.name] == ["p", "div", "p"]
    assert page.p.text == "Before." and page.find_all("p", recursive=False)[-1].text == "After."


def test_inline_markdown_links_abbreviations_and_footnotes_work_inside_quizzes():
    page = soup("""\
        /// quiz | Is *this* [CBT](cbt.md)? {#q}
        - [x] Yes, **really**
            See [the guide](guide.md).[^src]
        - [ ] No

        Explained.[^src]
        ///

        [^src]: A source.

        *[CBT]: Cognitive behavioural therapy
        """)
    quiz = page.select_one("#q")
    assert inner(quiz.legend) == 'Is <em>this</em> <a href="cbt.md"><abbr title="Cognitive behavioural therapy">CBT</abbr></a>?'
    assert inner(quiz.select_one("label[for=q-1]")) == "Yes, <strong>really</strong>"
    refs = quiz.select("sup a.footnote-ref")
    assert len(refs) == 2 and all(page.find(id=ref["href"][1:]) for ref in refs)
    assert quiz.select_one(".quiz__key a[href='guide.md']")


def test_block_markdown_in_feedback_and_explanation_renders_as_on_the_page():
    feedback = "A list:\n\n- one\n- two\n\n```\n/// not <b>a quiz</b>\n```\n\n> *Quoted* &amp; `<code>`"
    quiz_text = "/// quiz | Q? {#q}\n- [x] A\n" + textwrap.indent(feedback, "    ") + "\n- [ ] B\n\n" + feedback + "\n///\n"
    page = BeautifulSoup(render(quiz_text), "html.parser")
    expected = render(feedback).strip()
    item = page.select_one(".quiz__key li")
    assert "".join(str(el) for el in item.contents[3:]).strip() == expected
    details = page.select_one("details")
    assert "".join(str(el) for el in details.contents[5:]).strip() == expected


def raw_html_passes(text: str) -> bool:
    """Whether Python-Markdown copies raw HTML from this text into its output."""
    md = markdown.Markdown()
    plain = md.convert(text)
    md.inlinePatterns.deregister("html")
    return md.reset().convert(text) != plain


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab <>&\"'*_`[]()!/=#-x&;:."), min_size=1, max_size=40))
def test_markup_in_quiz_text_comes_out_as_markdown_makes_it_and_raw_html_is_refused(text):
    text = text.strip()
    paragraph = markdown.markdown(text)
    assume(re.fullmatch(r"<p>.*</p>", paragraph, re.DOTALL) and "{" not in text)
    assume(not re.match(r"(- |\* |[-*_ ]{3,}$|#|>|\d+\. |<)", text))  # block-level starts
    quiz = f"/// quiz | {text} {{#q}}\n- [x] {text}\n- [ ] B\n///\n"
    if raw_html_passes(text):
        with pytest.raises(QuizError, match="raw HTML"):
            render(quiz, ["selfcheck.extension"])
        return
    try:
        page = BeautifulSoup(render(quiz, ["selfcheck.extension"]), "html.parser")
    except QuizError as error:
        assert "raw HTML" not in error.problem
        return  # e.g. a "question" that is only markup: our error, never another exception
    expected = inner(BeautifulSoup(paragraph, "html.parser").p)
    assert inner(page.legend) == expected
    assert inner(page.select_one("label[for=q-1]")) == expected


@pytest.mark.parametrize("name", HOSTILE)
def test_quiz_text_that_is_not_markdown_is_refused_with_its_line(name):
    text, line, problem, fix = HOSTILE[name]
    with pytest.raises(QuizError) as caught:
        render(text)
    assert (caught.value.line, caught.value.page) == (line, None), str(caught.value)
    assert problem in caught.value.problem and fix in caught.value.fix


def test_html_written_as_text_stays_text():
    page = soup("""\
        /// quiz | Is `<script>` &lt;b&gt; 1 < 2 & 3 > 2, see <https://example.org>? {#q}
        - [x] `<em>` is a tag
            Yes: &lt;em&gt;.

            ```html
            <script>alert(1)</script>
            ```
        - [ ] No
        ///
        """)
    quiz = page.select_one("#q")
    assert inner(quiz.legend) == ('Is <code>&lt;script&gt;</code> &lt;b&gt; 1 &lt; 2 &amp; 3 &gt; 2, see '
                                  '<a href="https://example.org">https://example.org</a>?')
    assert not quiz.select("script, em, b") and quiz.select_one(".quiz__key pre code")


def test_raw_html_blocks_in_feedback_are_refused_also_with_md_in_html():
    with pytest.raises(QuizError, match=r"^line 3: This quiz has raw HTML \('<div>'\)"):
        render("/// quiz | Q? {#q}\n- [x] A\n    <div markdown>\n    *x*\n    </div>\n- [ ] B\n///\n")


def test_raw_html_outside_quizzes_is_left_to_markdown():
    html = render("<b>Bold</b> text.\n\n/// quiz | Q? {#q}\n- [x] A\n- [ ] B\n///\n\n<div>Raw</div>\n")
    assert "<b>Bold</b>" in html and "<div>Raw</div>" in html


def test_a_quiz_inside_raw_html_is_a_mistake_on_its_line():
    with pytest.raises(QuizError, match=r"^line 3: This quiz is inside raw HTML .* Move it out"):
        render("<div>\n\n/// quiz | Q? {#q}\n- [x] A\n- [ ] B\n///\n\n</div>\n")


def test_a_quiz_in_an_html_comment_is_not_rendered_and_not_a_mistake():
    html = render("<!--\n/// quiz | Draft {#draft}\n- [x] A\n///\n-->\n\nText.\n")
    assert "data-quiz" not in html and "<p>Text.</p>" in html


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_page_renders_or_raises_our_error(text):
    try:
        render(text)
    except QuizError:
        pass


def test_no_placeholder_or_marker_is_left_in_the_output():
    html = render("/// quiz | Q?\n- [x] A\n- [ ] B\n///\n\n/// reflect | R?\n- A\n    G\n- B\n    H\n///\n")
    assert "\x02" not in html and "///" not in html


def test_one_extension_instance_converts_many_pages():
    md = markdown.Markdown(extensions=["selfcheck.extension"])
    first = md.convert("/// quiz | Q? {#a}\n- [x] A\n- [ ] B\n///")
    md.reset()
    second = md.convert("/// quiz | Q? {#a}\n- [x] A\n- [ ] B\n///")
    assert first == second and 'id="a"' in first


def test_errors_from_the_extension_carry_the_line():
    with pytest.raises(QuizError, match=r"^line 3: This quiz has no correct answer"):
        render("Intro\n\n/// quiz | Q?\n- [ ] A\n- [ ] B\n///\n")


def test_quizzes_work_inside_markdown_html_and_beside_pymdownx_blocks():
    page = soup('<div markdown>\n\n/// quiz | In a div? {#d}\n- [x] Yes\n- [ ] No\n///\n\n</div>\n')
    assert page.select_one("div > #d[data-quiz] legend").text == "In a div?"
    html = render("/// note | Title\nA note.\n///\n\n/// quiz | Beside? {#b}\n- [x] Yes\n- [ ] No\n///\n",
                  ["selfcheck.extension", "pymdownx.blocks.admonition"])
    assert '<div class="admonition note">' in html and 'id="b"' in html
    with pytest.raises(QuizError, match="Did you mean '/// quiz'"):
        render("/// quizz | Typo?\n- [x] Yes\n- [ ] No\n///\n", ["selfcheck.extension", "pymdownx.blocks.admonition"])
