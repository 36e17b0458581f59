"""Quoted passages found over raw text: mark styles, paragraphs, and unbalanced marks."""

from __future__ import annotations

import pytest

from sayso.extract.quotes.marks import find_passages
from sayso.models import Note


def _texts(text: str) -> list[str]:
    return [text[p.start:p.end] for p in find_passages(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('The mayor said: "The bridge is closed."', ["The bridge is closed."]),
        ("“Shelling went on all night,” the governor said.", ["Shelling went on all night,"]),
        ("''We need more shelters,'' an aid worker said.", ["We need more shelters,"]),
        ("«The talks are over», the envoy said.", ["The talks are over"]),
    ],
)
def test_passage_found_for_each_mark_style(text, expected):
    assert _texts(text) == expected


def test_split_quote_gives_two_passages():
    text = "“The road is cut,” the officer said. “We are sending boats.”"
    assert _texts(text) == ["The road is cut,", "We are sending boats."]


def test_quote_over_two_sentences_is_one_passage():
    text = "“Fuel is running low. The clinic may shut on Friday,” the director said."
    assert _texts(text) == ["Fuel is running low. The clinic may shut on Friday,"]


def test_paragraph_end_convention_continues_the_quote():
    text = "“Crews worked through the night to restore power.\n“Water comes next,” the engineer said."
    passages = find_passages(text)
    assert [text[p.start:p.end] for p in passages] == [
        "Crews worked through the night to restore power.", "Water comes next,"]
    assert passages[0].close_at is None and passages[1].continued


def test_unbalanced_mark_skips_only_its_quote_with_a_note():
    text = "The minister said “the port stays open.\nA spokesman added: “Ships are waiting.”"
    notes: list[Note] = []
    passages = find_passages(text, notes)
    assert [text[p.start:p.end] for p in passages] == ["Ships are waiting."]
    assert [(n.extractor, n.reason) for n in notes] == [("quotes", "opening quotation mark never closed")]


def test_stray_closing_mark_is_noted_and_skipped():
    notes: list[Note] = []
    assert _texts_with("The strike hit a depot” near the river.", notes) == []
    assert notes[0].reason == "closing quotation mark without an opening one"


def _texts_with(text: str, notes: list[Note]) -> list[str]:
    return [text[p.start:p.end] for p in find_passages(text, notes)]


@pytest.mark.parametrize(
    "text",
    [
        "The army's convoy isn't moving, officials say.",
        "The soldiers’ families don’t know where Kyiv’s envoys went in the ’90s.",
        "The band played rock ’n’ roll while the brigades’ trucks rolled past.",
        "Veterans of the '80s said the volunteers' tents were full.",
    ],
)
def test_apostrophes_are_not_passages(text):
    assert _texts(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("‘We will not be intimidated,’ he said.", ["We will not be intimidated,"]),
        ("‘This changes nothing,’ a Kremlin spokesman said of the envoys’ visit.", ["This changes nothing,"]),
        ("'The depot is gone,' the colonel said.", ["The depot is gone,"]),
        ("‘Our pilots’ courage is not in doubt,’ the minister said.", ["Our pilots’ courage is not in doubt,"]),
        ("The army's ‘special operations’ in the east went on.", ["special operations"]),
    ],
)
def test_single_marks_as_primary_quotation_marks(text, expected):
    assert _texts(text) == expected


def test_single_marks_inside_double_ones_are_not_a_passage_of_their_own():
    text = "“He told me ‘hold the line’ and left,” the sergeant said."
    assert _texts(text) == ["He told me ‘hold the line’ and left,"]


def test_double_marks_inside_single_ones_are_a_nested_quote():
    text = "‘He told me “hold the line” and left,’ the sergeant said."
    assert _texts(text) == ["He told me “hold the line” and left,"]


def test_single_mark_paragraph_convention_continues_the_quote():
    text = "‘The wells are dry.\n‘We need tankers by Friday,’ the engineer said."
    passages = find_passages(text)
    assert [text[p.start:p.end] for p in passages] == ["The wells are dry.", "We need tankers by Friday,"]
    assert passages[1].continued


def test_closing_mark_typed_at_paragraph_start_opens_the_quote():
    text = "The mayor spoke first.\n”We will rebuild the school,” she said."
    assert _texts(text) == ["We will rebuild the school,"]
