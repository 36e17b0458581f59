"""Numbers that are no claims, on sentences written for these tests: clock times, labels, time windows."""

from __future__ import annotations

import pytest

from sayso.extract.claims import extract_claims

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The striker, their No. 9, scored twice.",
    "The agency updated paragraphs 5-7 with new figures.",
    "\"I ring my son every night at eight.\"",
    "The sirens started at three in the morning, she said.",
    "The curfew begins at 9 p.m. in the old town.",
    "Each night at 8 the generators were switched off.",
])
def test_claims_times_of_day_and_labels_are_no_claims(nlp, text):
    assert extract_claims(nlp(text)) == []


def test_claims_a_window_of_a_week_framing_another_figure_is_no_claim(nlp):
    claims = extract_claims(nlp("The general said Russian losses had reached 9,000 troops in a month."))
    assert [c.quantity.text for c in claims] == ["9,000 troops"]


@pytest.mark.parametrize("text, needle", [
    ("The toll stood at nine on Monday.", "nine"),
    ("Police put the number of dead at 14 in the evening.", "14"),
    # a day part before the figure's verb, not right before "at", makes no clock time
    ("The night count stood at 12.", "12"),
    ("The evening patrol stopped at 7 checkpoints.", "7 checkpoints"),
])
def test_claims_figures_after_at_still_count(nlp, text, needle):
    assert [c.quantity.text for c in extract_claims(nlp(text))] == [needle]


def test_claims_a_counted_noun_inside_a_quotation_stays_out_of_the_span(nlp):
    text = "The minister said troops had killed dozens of \"the foreign hirelings\" near the bridge."
    assert [c.quantity.text for c in extract_claims(nlp(text))] == ["dozens"]
