"""The quiz parser: what authors write becomes a Quiz, and every mistake names its line and a fix."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selfcheck import ids
from selfcheck.errors import QuizError
from selfcheck.lines import LineMap
from selfcheck.parser import normalize, parse_page, scan
from tests.support.quiz import MISTAKES, lines_moved

SINGLE = """\
Intro.

/// quiz | Who builds the working relationship in therapy? {#relationship-who-builds}
- [ ] Only the therapist
    Not quite. Your part counts too.
- [x] You and your therapist, together
    Yes. Both of you build it.
- [ ] Only you

Both people shape it. The therapist's part predicts outcome more.[^del-re-2012]
///
"""


def md(text: str) -> str:
    return textwrap.dedent(text)


def test_single_choice_quiz():
    [quiz] = parse_page(SINGLE)
    assert (quiz.kind, quiz.id, quiz.line, quiz.scored, quiz.multiple) == (
        "quiz", "relationship-who-builds", 3, True, False)
    assert quiz.question == "Who builds the working relationship in therapy?"
    assert [(c.text, c.right, c.line) for c in quiz.choices] == [
        ("Only the therapist", False, 4), ("You and your therapist, together", True, 6), ("Only you", False, 8)]
    assert [c.feedback for c in quiz.choices] == [
        "Not quite. Your part counts too.", "Yes. Both of you build it.", ""]
    assert quiz.explanation == "Both people shape it. The therapist's part predicts outcome more.[^del-re-2012]"


def test_select_all_myth_or_fact_and_reflect():
    quizzes = parse_page(md("""\
        /// quiz-all | Which help? Select all that apply.
        - [x] A
        - [X] B
        - [ ] C
        ///

        /// myth-or-fact | Therapy is only for a crisis. {#myth}
        - [x] Myth
            Right.
        - [ ] Fact
        ///

        /// reflect | How do you feel after sessions?
        - [ ] Heard
            Good sign.
        - Unsure
            Common early on.
        ///
        """))
    assert [(q.kind, q.scored, q.multiple) for q in quizzes] == [
        ("quiz-all", True, True), ("myth-or-fact", True, False), ("reflect", False, False)]
    assert [c.right for c in quizzes[0].choices] == [True, True, False]
    assert quizzes[1].id == "myth"
    assert [c.feedback for c in quizzes[2].choices] == ["Good sign.", "Common early on."]


def test_feedback_keeps_paragraphs_and_deeper_indentation():
    [quiz] = parse_page(md("""\
        /// quiz | Q?
        - [x] A
            First paragraph.

            Second paragraph.

                code
        - [ ] B
        ///
        """))
    assert quiz.choices[0].feedback == "First paragraph.\n\nSecond paragraph.\n\n    code"


def test_tabs_and_windows_line_endings_read_like_spaces():
    [quiz] = parse_page("/// quiz | Q?\r\n- [x] A\r\n\tFeedback.\r\n- [ ] B\r\n///\r\n")
    assert quiz.choices[0].feedback == "Feedback."


def test_derived_id_depends_only_on_its_own_question():
    page = md("""\
        /// quiz | How long does therapy usually take?
        - [x] A
        - [ ] B
        ///

        /// quiz | Is it *normal* to feel [worse](a.md) at first?[^note]
        - [x] A
        - [ ] B
        ///
        """)
    first, second = parse_page(page)
    assert (first.id, second.id) == ("quiz-how-long-does-therapy-usually-take", "quiz-is-it-normal-to-feel-worse-at-first")
    edited = page.replace("How long does therapy usually take?", "How long is therapy?")
    assert parse_page(edited)[1].id == second.id


def test_derived_ids_are_short_and_never_empty():
    assert len(ids.derive("word " * 40)) <= len("quiz-") + ids.MAX_SLUG
    assert ids.derive("???").startswith("quiz-") and len(ids.derive("???")) == len("quiz-") + 8
    assert ids.derive("Café <b>crème</b>") == "quiz-cafe-creme"


def test_quiz_markers_inside_fenced_code_are_left_alone():
    page = md("""\
        ```markdown
        /// quiz | Shown as source
        - [x] A
        ///
        ```

        ~~~~
        /// nonsense
        ~~~~
        """)
    assert parse_page(page) == []


def test_footnote_placeholder_and_other_slashes_are_not_markers():
    assert parse_page("Text\n\n///Footnotes Go Here///\n\nA // comment and http://x.org/y\n") == []


def test_other_block_extensions_keep_their_blocks_but_quiz_typos_still_fail():
    assert parse_page("/// details | Summary\nText\n///\n", foreign=True) == []
    with pytest.raises(QuizError, match="Did you mean '/// quiz'"):
        parse_page("/// quizz | Q?\n- [x] A\n- [ ] B\n///\n", foreign=True)


def test_quiz_markers_inside_html_comments_are_left_alone():
    page = md("""\
        <!--
        /// quiz | Not ready yet {#hidden}
        - [x] A
        ///
        -->

        <!-- a note --> Text.

        /// quiz | Shown? {#shown}
        - [x] A
        - [ ] B
        ///
        """)
    assert [quiz.id for quiz in parse_page(page)] == ["shown"]
    # A comment opened inside fenced code, or in the middle of a line, hides nothing.
    assert [q.id for q in parse_page("```\n<!--\n```\n/// quiz | Q {#q}\n- [x] A\n- [ ] B\n///\n")] == ["q"]
    assert [q.id for q in parse_page("Text <!--\n\n/// quiz | Q {#q}\n- [x] A\n- [ ] B\n///\n")] == ["q"]


FILE = "---\ntitle: T\nnext_review: 2027-01-01\n---\n\n# Page\n\nIntro.\n\n/// quiz | Q? {#a}\n- [x] A\n- [ ] B\n///\n"


def test_line_numbers_are_those_of_the_file_front_matter_included():
    body = FILE.split("---\n\n", 1)[1]
    [(_, _, quiz)] = scan(normalize(body), LineMap(normalize(FILE), normalize(body)))
    assert (quiz.line, [choice.line for choice in quiz.choices]) == (10, [11, 12])


def test_line_numbers_survive_lines_that_hooks_add_or_change():
    body = FILE.split("---\n\n", 1)[1].replace("Intro.", "Intro, with\nthree lines\nadded by a hook.")
    broken = body.replace("{#a}", "{#a}\nstray text")
    with pytest.raises(QuizError) as caught:
        scan(normalize(broken), LineMap(normalize(FILE), normalize(broken)))
    assert caught.value.line == 11 and "text before the choices" in caught.value.problem


def test_lines_named_inside_a_message_are_file_lines_too():
    text = FILE + "\n/// quiz | R? {#a}\n- [x] A\n- [ ] B\n///\n"
    body = text.split("---\n\n", 1)[1]
    with pytest.raises(QuizError, match="already used by the quiz on line 10") as caught:
        scan(normalize(body), LineMap(normalize(text), normalize(body)))
    assert caught.value.line == 15


@pytest.mark.parametrize("name", MISTAKES)
def test_every_mistake_names_its_line_and_what_to_do(name):
    text, line, problem, fix = MISTAKES[name]
    with pytest.raises(QuizError) as caught:
        parse_page(text)
    error = caught.value
    assert error.line == line
    assert lines_moved(problem, 0) in error.problem
    assert fix in error.fix
    assert str(error).startswith(f"line {line}: ")
    assert str(error.at("docs/page.md")).startswith(f"docs/page.md:{line}: ")


# Lines an author might write, good and bad, mixed by hypothesis into whole pages.
FRAGMENTS = [
    "/// quiz | Q? {#a}", "/// quiz-all | Q?", "/// myth-or-fact | Claim.", "/// reflect | R?", "/// quizz | Q",
    "/// quiz", "/// quiz |", "/// quiz | Q {.x}", "/// quiz | Q {#}", "///", "////", "///Footnotes Go Here///",
    "- [x] A", "- [ ] B", "- [X] Myth", "- [ ] Fact", "- C", "- [x]", "-", "* [ ] D", "    Feedback.", "  Two.",
    "", "", "Text with *em* and [^n].", "```", "~~~", "    /// quiz | Indented?", "{#x}", "\t- [x] tab",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=25))
def test_any_text_gives_quizzes_or_our_error(lines):
    try:
        quizzes = parse_page("\n".join(lines))
    except QuizError as error:
        assert error.line >= 1 and error.problem and error.fix
    else:
        assert all(quiz.question and len(quiz.choices) >= 2 for quiz in quizzes)
