"""Mentions that report no occurrence: planned, threatened, asked for, conditional, negated, habitual,
counted ("the third attack this month"), questions and embedded headlines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from sayso.extract.events import lexicon as lx
from sayso.nlp import lemma
from sayso.nlp.pipeline import span_text

if TYPE_CHECKING:
    from sayso.extract.events.triggers import Trigger


def kind(token: Token) -> str | None:
    tag = token.tag_
    if tag.startswith("VB"):
        return "verb"
    if tag.startswith("NN") and tag not in ("NNP", "NNPS"):
        return "noun"
    return None


def _governors(tok: Token, limit: int = 6):
    """The token's head chain up to the clause root (and a little beyond for nested clauses)."""
    seen = 0
    while tok.head.i != tok.i and seen < limit:
        yield tok.dep_, tok.head
        tok = tok.head
        seen += 1


def _modal(tok: Token) -> bool:
    modals = lx.word_set("modal_words")
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in modals for c in tok.children) or \
        any(c.dep_ == "neg" for c in tok.children)


def irrealis(trig: Trigger) -> bool:
    """Planned, threatened, conditional, negated or hypothetical: no occurrence is reported."""
    tok = trig.token
    heads = lx.word_set("irrealis_heads")
    marks = {"if", "unless", "whether", "before", "lest", "until", "till"}
    if _modal(tok) or any(c.lower_ in ("no", "any") and c.dep_ == "det" for c in tok.children):
        return True
    if any(c.lower_ in lx.word_set("irrealis_words") and c.dep_ in ("amod", "det", "compound", "advmod")
           for c in tok.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children):
        return True
    if kind(tok) == "verb" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            and tok.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp", "ROOT", "conj", "pcomp"):
        if tok.head.lower_ not in ("said", "says") and lemma(tok.head).lower() not in ("manage", "begin", "start"):
            return True  # "to strike": an aim, not an occurrence
    clause_verb_seen = kind(tok) == "verb"
    below, other_noun = tok, False
    for dep, head in _governors(tok):
        word = lemma(head).lower()
        if head.lower_ in lx.word_set("not_event_nouns"):
            return True
        if dep == "prep" and below.lower_ == "for" and kind(head) == "verb" and word in lx.word_set("call_verbs") \
                and not other_noun:
            return True  # "called for a general strike": asked for, not held (not "for an inquiry into the killing")
        below = head
        other_noun = other_noun or kind(head) == "noun"
        if kind(head) == "noun":
            if word in lx.word_set("irrealis_nouns") or head.lower_ in lx.word_set("irrealis_nouns"):
                return True
            if dep == "pobj" or head.dep_ == "prep":
                break  # "called for an investigation into the killing": what governs the other noun is not ours
        elif word in heads or head.lower_ in heads:
            return True
        if dep in ("advcl",) and any(c.dep_ == "mark" and c.lower_ in marks for c in head.children):
            return True
        if kind(head) == "verb":
            if not clause_verb_seen and _modal(head):
                return True
            if dep in ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj"):
                clause_verb_seen = True
            else:
                clause_verb_seen = True
    if span_text(trig.sent).rstrip().endswith("?"):
        return True
    return any(_hypothetical(v) for v in [tok, *(head for _, head in _governors(tok, 10))] if kind(v) == "verb")


def _hypothetical(verb: Token) -> bool:
    """"If there was a war, we must take in the people who flee its atrocities": a clause with a modal and a
    condition makes everything under it hypothetical."""
    conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
                      for c in verb.children)
    return conditional and _modal(verb)


def running_count(tok: Token) -> bool:
    """The trigger is counted, not told: "the attack was the third on police this month", "it was the latest
    attack on the town" (an ordinal said of it with "be")."""
    def ordinal(t: Token) -> bool:
        return t.ent_type_ == "ORDINAL" or t.lower_ in lx.word_set("count_ordinals")

    head = tok.head
    if _in_a_series(tok, ordinal):
        return True
    if tok.dep_ == "nsubj" and lemma(head).lower() == "be":
        return any(c.dep_ in ("attr", "acomp") and ordinal(c) or c.dep_ == "attr" and any(
            ordinal(g) for g in c.children if g.dep_ == "amod") for c in head.children)
    return tok.dep_ == "attr" and lemma(head).lower() == "be" and any(
        c.dep_ == "amod" and ordinal(c) for c in tok.children)


def _in_a_series(tok: Token, ordinal) -> bool:
    """"..., the latest in a string of raids": the trigger names the series the event belongs to."""
    for dep, head in _governors(tok, 5):
        if dep == "pobj" and head.lower_ == "in" and ordinal(head.head):
            return True
        if kind(head) == "verb":
            return False
    return False


def generic(trig: Trigger) -> bool:
    """Habitual or cumulative activity ("shells the town daily", "since the start of the war")."""
    return bool(lx.phrase_rx("generic_words").search(span_text(trig.sent)))


def headline(trig: Trigger) -> bool:
    """The trigger's line is in capitals, or short with no closing punctuation: an embedded headline, a list
    item or a caption, not a report."""
    doc_text = lx.doc_text(trig.token.doc)
    start = doc_text.rfind("\n", 0, trig.start) + 1
    end = doc_text.find("\n", trig.end)
    text = doc_text[start:end if end >= 0 else len(doc_text)].strip()
    if not text:
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters) and len(letters) > 12:
        return True
    return text[-1] not in ".!?\"”’')]" and len(text.split()) <= 20
