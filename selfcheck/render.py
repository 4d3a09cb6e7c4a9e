"""Build a quiz as ElementTree elements.

Text is left as Markdown: inline text goes into ``.text``/``.tail`` for
Python-Markdown's inline pass, block text goes through ``parse_blocks``. So
emphasis, links, abbreviations and footnote references come out exactly as
they would anywhere else on the page; raw HTML is refused (``selfcheck.guard``).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.util import AtomicString

from .model import Quiz

#: Every word the reader sees outside the author's text, by the page's language (the script has its own).
LABELS_BY_LANGUAGE = {
    "en": {
        "check": "Check",
        "check-reflect": "Show guidance",
        "again": "Try again",
        "answer": "Show the answer",
        "answer-reflect": "Show guidance for every answer",
        "kind-myth-or-fact": "Myth or fact?",
        "right": "Right answer:",
        "wrong": "Not right:",
    },
    "es": {
        "check": "Comprobar",
        "check-reflect": "Ver orientación",
        "again": "Intentar de nuevo",
        "answer": "Ver la respuesta",
        "answer-reflect": "Ver orientación para cada respuesta",
        "kind-myth-or-fact": "¿Mito o realidad?",
        "right": "Respuesta correcta:",
        "wrong": "No es correcta:",
    },
}
LABELS = LABELS_BY_LANGUAGE["en"]


def labels(language: str | None) -> dict[str, str]:
    """The quiz's words for a page language; English for a language it has no words for."""
    return LABELS_BY_LANGUAGE.get((language or "en")[:2], LABELS)

ParseBlocks = Callable[[etree.Element, str], None]


def build(parent: etree.Element, quiz: Quiz, parse_blocks: ParseBlocks, language: str = "en") -> etree.Element:
    """Append the quiz to ``parent``: a form that works with the script, and a
    ``<details>`` with the answer, the feedback and the explanation that works without."""
    root = etree.SubElement(parent, "div", {"class": "quiz", "data-quiz": "", "data-kind": quiz.kind, "id": quiz.id})
    said = labels(language)
    _form(etree.SubElement(root, "form", {"class": "quiz__form", "method": "dialog"}), quiz, said)
    _answer(etree.SubElement(root, "details", {"class": "quiz__answer", "data-search-exclude": ""}), quiz,
            parse_blocks, said)
    return root


def _form(form: etree.Element, quiz: Quiz, said: dict[str, str]) -> None:
    """Fieldset, legend, one input and label per choice, the buttons and the live region."""
    fieldset = etree.SubElement(form, "fieldset")
    legend = etree.SubElement(fieldset, "legend")
    kind_label = said.get(f"kind-{quiz.kind}")
    if kind_label:
        _text(etree.SubElement(legend, "span", {"class": "quiz__kind"}), kind_label).tail = " " + quiz.question
    else:
        legend.text = quiz.question
    for number, choice in enumerate(quiz.choices, 1):
        row = etree.SubElement(fieldset, "div", {"class": "quiz__choice"})
        attrs = {"type": "checkbox" if quiz.multiple else "radio", "name": quiz.id,
                 "id": f"{quiz.id}-{number}", "value": str(number)}
        if choice.right:
            attrs["data-right"] = ""
        etree.SubElement(row, "input", attrs)
        etree.SubElement(row, "label", {"for": attrs["id"]}).text = choice.text
    _button(form, "submit", "check", said["check" if quiz.scored else "check-reflect"])
    _button(form, "button", "again", said["again"])
    etree.SubElement(form, "div", {"class": "quiz__result", "role": "status"})


def _answer(details: etree.Element, quiz: Quiz, parse_blocks: ParseBlocks, said: dict[str, str]) -> None:
    """The disclosure: each choice (marked right or not) with its feedback, then the explanation."""
    _text(etree.SubElement(details, "summary"), said["answer" if quiz.scored else "answer-reflect"])
    key = etree.SubElement(details, "ul", {"class": "quiz__key"})
    for choice in quiz.choices:
        item = etree.SubElement(key, "li", {"data-right": ""} if choice.right else {})
        strong = etree.SubElement(etree.SubElement(item, "p"), "strong")
        if quiz.scored:
            _text(strong, said["right" if choice.right else "wrong"]).tail = " " + choice.text
        else:
            strong.text = choice.text
        if choice.feedback:
            parse_blocks(item, choice.feedback)
    if quiz.explanation:
        parse_blocks(details, quiz.explanation)


def _button(form: etree.Element, kind: str, name: str, label: str) -> None:
    """A button the script reveals: hidden without JavaScript, where it could do nothing."""
    attrs = {"type": kind, "class": f"quiz__btn quiz__{name}", "hidden": "hidden"}
    _text(etree.SubElement(form, "button", attrs), label)


def _text(element: etree.Element, text: str) -> etree.Element:
    """Set fixed text that Markdown must not touch."""
    element.text = AtomicString(text)
    return element
