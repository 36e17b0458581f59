"""Qualifiers of figures on sentences written for these tests (extract/claims/quantities.py, quantities_en.json)."""

from __future__ import annotations

import pytest

from sayso.extract.claims import extract_claims

pytestmark = pytest.mark.model


def _claim(nlp, text, needle):
    hits = [c for c in extract_claims(nlp(text)) if needle in c.quantity.text]
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize("text, needle, qualifier", [
    ("Officials said upward of 700 people were wounded.", "700", "at_least"),
    ("Officials said upwards of 700 people were wounded.", "700", "at_least"),
    ("Officials said perhaps 40 people were killed.", "40", "approx"),
    ("Donors have pledged perhaps $5 million so far.", "5 million", "approx"),
    # a verb of passing makes a bare figure a lower bound
    ("By Friday the count of displaced families had passed 41,000, the agency said.", "41,000", "at_least"),
    ("Grain exports topped $2 billion in May.", "2 billion", "at_least"),
    ("Repair costs exceeded 900,000 euros last year.", "900,000", "at_least"),
])
def test_claims_qualifier_words_and_verbs(nlp, text, needle, qualifier):
    assert _claim(nlp, text, needle).quantity.qualifier == qualifier


def test_claims_passing_things_is_no_bound(nlp):
    assert _claim(nlp, "The convoy passed 3 checkpoints on the way.", "3 checkpoints").quantity.qualifier == "exact"


@pytest.mark.parametrize("text, needle, value", [
    ("The siege has lasted two and a half months.", "two and a half months", 2.5),
    ("The column stretched for 3 and a half kilometres.", "3 and a half kilometres", 3.5),
    # a multiplier after the half scales the whole number, which the span holds
    ("The agency says two and a half million refugees crossed the border.", "two and a half million refugees",
     2_500_000),
    ("Volunteers pitched 4 and a half thousand tents by the river.", "4 and a half thousand tents", 4500),
])
def test_claims_and_a_half_joins_the_number(nlp, text, needle, value):
    assert _claim(nlp, text, needle).quantity.value == value
