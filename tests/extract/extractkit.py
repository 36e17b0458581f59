"""Shared test kit for the extractor tests: run an extractor on a sentence written for a test and check
that every record's span is its evidence (``text[start:end] == record.text``).
"""

from __future__ import annotations

from sayso.extract.claims import extract_claims
from sayso.extract.quotes import extract_quotes


def quotes_in(nlp, text, stances=False):
    """The quotes the pipeline finds in ``text``, each checked against its span."""
    quotes = extract_quotes(nlp(text), [], stances=stances)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return quotes


def quote_texts(nlp, text):
    """The texts of the quotes found in ``text``, in order."""
    return [q.text for q in quotes_in(nlp, text)]


def claim_of(nlp, text, needle):
    """The one claim whose quantity text holds ``needle``, its sources taken from the quotes of ``text``."""
    doc = nlp(text)
    hits = [c for c in extract_claims(doc, extract_quotes(doc)) if needle in c.quantity.text]
    assert len(hits) == 1, hits
    return hits[0]
