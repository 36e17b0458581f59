"""Where a reported clause ends: the shapes after it that are the reporter's (a contrast set off by a comma,
an aside, an "as" circumstance) or still the speaker's (a partitive tail), and a clause that asks, not states."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.extract.quotes.words import CueWords

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_EDGE_PUNCT = frozenset(",;:—–-()")
_CONTRAST = frozenset({"while", "whereas", "although", "though"})


def contrast(clause: Token) -> bool:
    """"..., while Y": a contrasting clause set off by a comma is the reporter's, not the speaker's
    ("said he was satisfied even though the court ..." goes on with what was said)."""
    if not any(c.dep_ in ("mark", "cc") and c.lower_ in _CONTRAST for c in clause.children):
        return False
    left = clause.left_edge.i
    return left == 0 or clause.doc[left - 1].text in _EDGE_PUNCT


def aside(child: Token) -> bool:
    """", a figure that ..." / ", according to ...": a phrase after a comma that comments on the clause."""
    left = child.left_edge.i
    if left == 0 or child.doc[left - 1].text != ",":
        return False
    return (child.dep_ in ("npadvmod", "appos") and child.tag_[:2] == "NN") or child.lower_ == "according"


def as_aside(clause: Token) -> bool:
    """"there is still time for talks, as the Kremlin keeps up its threats": a circumstance the reporter adds."""
    left = clause.left_edge.i
    return clause.dep_ == "advcl" and left > 0 and clause.doc[left - 1].text == "," \
        and clause.doc[left].lower_ == "as" and any(c.dep_ in _SUBJECT_DEPS for c in clause.children)


def partitive(phrase: Token, words: CueWords) -> bool:
    """", most of them farmers", ", many of them amputations": a quantifier over what the clause counted."""
    doc = phrase.doc
    first = phrase.left_edge.i
    while first < phrase.i and doc[first].is_punct:
        first += 1
    return first + 2 < len(doc) and doc[first].lower_ in words.partitives and doc[first + 1].lower_ == "of" \
        and doc[first + 2].lower_ in ("them", "those", "these", "whom") and first > 0 and doc[first - 1].text == ","


def partitive_tail(verb: Token, end: int, words: CueWords) -> int:
    """The end of a partitive tail right after the reported clause that the parse hung on the speech verb."""
    doc = verb.doc
    for c in verb.rights:
        if c.left_edge.i >= end and all(t.is_punct for t in doc[end:c.left_edge.i]) and partitive(c, words):
            return _trimmed_end(doc, c.left_edge.i, c.right_edge.i + 1)
    return end


def open_question(clause: Token) -> bool:
    """"which of them goes", "whether to stay": a clause that asks rather than states."""
    first = clause.left_edge
    return first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.lower_ in ("whether", "if")


def _trimmed_end(doc: Doc, a: int, b: int) -> int:
    while b > a and (doc[b - 1].text in _EDGE_PUNCT or doc[b - 1].text == "." or doc[b - 1].is_space):
        b -= 1
    return b
