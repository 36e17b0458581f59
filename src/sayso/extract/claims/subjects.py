"""Subjects the parse put elsewhere: wire datelines read as subjects, a trailing "X said" whose subject
hangs on the clause before, a reporting verb whose subject went into the clause before it.

Pure readings of a parsed Doc; ``can_speak`` says whether a token may stand for a source at all (the
attributor's: not a time, not a dateline).
"""

from __future__ import annotations

from typing import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from sayso.extract.quotes.datelines import skip_dateline

_NOUNS = ("NN", "NNS", "NNP", "NNPS")
CanSpeak = Callable[[Token], bool]


def dateline_tokens(doc: Doc, sents: Sequence[Span]) -> frozenset[int]:
    """The tokens of the wire datelines that open paragraphs ("KHARKIV, Ukraine (Northern Wire) —")."""
    out: set[int] = set()
    for sent in sents:
        if sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws:
            out.update(range(sent.start, skip_dateline(doc, sent.start, sent.end)))
    return frozenset(out)


def trailing_subject(verb: Token, anchor: Token, can_speak: CanSpeak, hung: bool = True) -> Token | None:
    """ "..., the town's governor, Amadou Keita, said": a trailing "X said" whose subject the parse hung
    elsewhere: on the main verb as an object (``hung``, the verb a conjunct of it), or as an apposition
    of the phrase before ("... on Wednesday, the city's mayor, Andriy Horbenko, said"). The noun phrase
    just before the verb, climbed up its appositions to the one that opens after a comma."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.i < 2:
        return None
    doc = verb.doc
    k = verb.i - 1
    if doc[k].text != ",":
        return None
    noun = doc[k - 1]
    while noun.dep_ in ("appos", "compound") and anchor.i < noun.head.i < verb.i and can_speak(noun.head):
        noun = noun.head
    if noun.i <= anchor.i or noun.tag_ not in _NOUNS or not can_speak(noun) \
            or (hung and noun.head.i != verb.head.i) or doc[noun.left_edge.i - 1].text != ",":
        return None
    return noun


def subject_before(verb: Token, anchor: Token, can_speak: CanSpeak) -> Token | None:
    """ "Even though ..., several polls (A, B) have reported that ...": a finite reporting verb the parse left
    without a subject (it hung the subject inside the clause before) takes the noun phrase that ends just
    before it, past its auxiliaries and a bracket, climbed from a prepositional object to the noun it is of."""
    if verb.dep_ not in ("ROOT", "ccomp") or verb.i > anchor.i or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].dep_ in ("aux", "neg", "advmod") and doc[k].head.i == verb.i:
        k -= 1
    if k >= 0 and doc[k].text == ")":
        k = next((j for j in range(k - 1, max(-1, k - 30), -1) if doc[j].text == "("), -1) - 1
    if k < 0 or doc[k].tag_ not in _NOUNS:
        return None
    noun = doc[k]
    while noun.dep_ in ("pobj", "compound") and noun.head.i < verb.i:
        noun = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.tag_ not in _NOUNS or not can_speak(noun) or any("\n" in t.text_with_ws for t in doc[noun.i:verb.i]):
        return None
    return noun
