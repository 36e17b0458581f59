"""The fast text scans the extractors share: caseless phrase patterns and word-start patterns give the
matches ``re`` gives, only sooner."""

import re

import pytest

from sayso.extract.caseless import Caseless
from sayso.extract.wordstarts import WordStartPattern, WordStarts

TEXTS = [
    "The Ministry COULD NOT Independently Verify the figure, officials said on Tuesday.",
    "Late Monday night, shelling resumed; by Wednesday morning 12 March 2024 it had stopped.",
    "İstanbul talks could not be verified, said the office in early June.",
    "Nothing here at all — 1999 or 2,000, mid-May and the end of the year.",
    "",
]


@pytest.mark.parametrize("pattern", [
    r"\b(?:could not(?:\s+independently)?\s+verify|officials said)\b",
    r"(?<![\w-])(?:shelling|verified|the office)(?![\w-])",
    r"(?P<word>talks|figure)",
])
@pytest.mark.parametrize("text", TEXTS)
def test_caseless_finds_what_ignorecase_finds(pattern, text):
    plain = re.compile(pattern, re.IGNORECASE)
    fast = Caseless(pattern)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group(0) for m in fast.finditer(text)] == [m.group(0) for m in plain.finditer(text)]
    got, want = fast.search(text), plain.search(text)
    assert (got and got.span()) == (want and want.span())


def test_caseless_match_keeps_original_letters_and_groups():
    m = Caseless(r"(?P<who>the ministry) could not").search("Sources: The MINISTRY could NOT say.")
    assert m.group(0) == "The MINISTRY could NOT"
    assert m.group("who") == "The MINISTRY"


def test_caseless_pattern_with_capitals_falls_back_to_ignorecase():
    fast = Caseless(r"[A-Z]\w+ said")
    assert fast.folded is None
    assert fast.search("then MONDAY said").group(0) == "MONDAY said"


@pytest.mark.parametrize("pattern", [
    r"\b(?:(?P<rel>[Ll]ast|[Nn]ext)\s+)?(?P<dow>Monday|Tuesday|Wednesday)\b",
    r"\b(?P<day>\d{1,2})\s+(?P<mon>March|June)(?:\s+(?P<year>20\d\d))?",
    r"\b(?:(?:[Ee]arly|[Mm]id)[\s-])?(?i:june|may)\b",
    r"\b(?:the\s+)?end of the year\b",
])
@pytest.mark.parametrize("text", TEXTS)
def test_word_start_pattern_finds_what_finditer_finds(pattern, text):
    fast = WordStartPattern(pattern)
    assert fast.first is not None
    got = [(m.span(), m.groupdict()) for m in fast.finditer(WordStarts(text))]
    assert got == [(m.span(), m.groupdict()) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("pattern", [
    r"\b[^a]bc",      # a negated class: the first letters cannot be listed
    r"\b(?:\s+x)",    # a match that could begin with a space is not at a word start
    r"\b(?:x)?",      # a pattern that can match nothing
    r"no boundary",   # not anchored at a word boundary
])
def test_word_start_pattern_scans_everywhere_when_first_letters_are_unknown(pattern):
    fast = WordStartPattern(pattern)
    assert fast.first is None
    text = "abc xbc  x no boundary"
    got = [m.span() for m in fast.finditer(WordStarts(text))]
    assert got == [m.span() for m in re.finditer(pattern, text)]


def test_tokens_with_finds_words_and_labels_on_the_arrays(nlp):
    from sayso.nlp.pipeline import token_ids, tokens_with

    doc = nlp("No convoy was hit, the agent said. Officials denied any attack.")
    assert [t.text for t in tokens_with(doc, {"no", "any"})] == ["No", "any"]
    # "agent" and "mark" are also spaCy symbol names: their array ids are the symbols', not string hashes
    assert [t.text for t in tokens_with(doc, {"agent"})] == ["agent"]
    subjects = [t.i for t in doc if t.dep_ in ("nsubj", "nsubjpass")]
    assert token_ids(doc, deps={"nsubj", "nsubjpass"}) == subjects
    assert [t.text for t in tokens_with(doc, {"agent", "officials"}, {"nsubj"})] == \
        [t.text for t in doc if t.lower_ in ("agent", "officials") and t.dep_ == "nsubj"]


def test_span_text_is_the_span_text(nlp):
    from sayso.nlp.pipeline import span_text

    doc = nlp("Shelling resumed at dawn.  Two people were hurt, the mayor said. ")
    assert [span_text(s) for s in doc.sents] == [s.text for s in doc.sents]


def test_token_ends_are_where_each_token_ends(nlp):
    from sayso.nlp.pipeline import token_ends

    doc = nlp("The town’s mayor — Olena Koval — said: “We held.”")
    assert token_ends(doc) == [t.idx + len(t.text) for t in doc]
