"""The reporter's question: "Asked where the family would sleep, the farmer pointed at the truck".

A participle "asked" with no subject or auxiliary of its own, at the head of a sentence or set off
by a comma ("The envoy, asked about the talks, said ..."), is the question put to a source. Its
words are the reporter's, not the source's (``../shared/eval/CONVENTIONS.md``: a quote is the
content of the source's communication act), so nothing inside it is a quote, and a report that runs
into it starts after it. What the source answers ("..., she said the talks were paused") stays.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from sayso.extract.quotes.cues import Report

_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass"})
_NOT_FRONTED = frozenset({"conj", "xcomp", "relcl"})  # "paused and asked whether ...": the source asks
_LEADS = frozenset({"when", "if", "once", "after", "while", "before"})  # "When asked whether ..."
_OPENERS = frozenset({",", "—", "–", "(", "\"", "“", "'", "‘"})
_CLOSERS = frozenset({",", "—", "–", ";", ":", ")"})


def question_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of every reporter's question ("Asked whether X," / "when asked about Y,")."""
    out = []
    for tok in doc:
        if tok.lower_ != "asked" or tok.tag_ not in ("VBN", "VBD") or tok.dep_ in _NOT_FRONTED:
            continue
        if any(c.dep_ in _OWN_CLAUSE for c in tok.children):
            continue
        a = tok.i - 1 if tok.i > tok.sent.start and doc[tok.i - 1].lower_ in _LEADS else tok.i
        if a > tok.sent.start and doc[a - 1].text not in _OPENERS:
            continue
        b = next((t.i for t in doc[tok.i + 1:tok.sent.end] if t.text in _CLOSERS), None)
        if b is None:
            b = tok.right_edge.i + 1 if tok.dep_ != "ROOT" else tok.i + 1
        out.append((a, b))
    return out


def outside_questions(doc: Doc, reports: list[Report]) -> list[Report]:
    """The reports without the reporter's questions: a report cued or held inside one is dropped, one
    that starts inside one starts after it."""
    spans = question_spans(doc)
    if not spans:
        return reports
    out = []
    for rep in reports:
        if any(a <= rep.cue_a < b for a, b in spans):
            continue
        held = next(((a, b) for a, b in spans if a <= rep.a < b), None)
        if held is not None:
            start = _after(doc, held[1], rep.b)
            if start >= rep.b:
                continue
            rep = replace(rep, a=start)
        out.append(rep)
    return out


def _after(doc: Doc, i: int, end: int) -> int:
    while i < end and (doc[i].is_punct or doc[i].is_space):
        i += 1
    return i

