"""Readings of misparses around speech verbs that the cue rules (``cues``) repair.

The model sometimes hangs the speaker on a fronted place ("In Kharkiv, the regional prosecutor, X, said"
read as an apposition or a conjunct of "Kharkiv"), reads a participle as the sentence's verb and the
clause holding ", he said," as its complement, or reads a speaker's second predicate after a dash as
what the first verb reported. Each function recognises one such shape from the parse alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.extract.quotes.words import CueWords
from sayso.nlp.pipeline import lemma

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_EDGE_PUNCT = frozenset(",;:—–-()")


def apposed_to_fronted(verb: Token) -> Token | None:
    """"In Kharkiv, the regional prosecutor, Ivan Sydorenko, said": a subjectless verb whose speaker the
    parse hung on the fronted place as an apposition ending just before the verb."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    node = doc[verb.i - 2]
    for _ in range(4):
        if node.dep_ not in ("appos", "compound", "conj") or node.head.i == node.i:
            return None
        if node.dep_ in ("appos", "conj") and node.head.dep_ == "pobj" and node.head.head.head.i == verb.i \
                and node.head.head.i < node.i:
            return node
        node = node.head
    return None


def tagged(clause: Token, words: CueWords) -> bool:
    """A clause holding its own parenthetical speech tag with a subject (", he said,")."""
    return any(c.dep_ == "parataxis" and lemma(c) in words.clause and any(g.dep_ in _SUBJECT_DEPS for g in c.children)
               for c in clause.children)


def own_predicate(clause: Token, words: CueWords) -> bool:
    """A subjectless finite speech verb that opens the "clause" the parse gave a speech verb: a predicate of
    the speaker (a dash or comma misread), not what was said."""
    doc = clause.doc
    first = next((t for t in doc[clause.left_edge.i:clause.i + 1] if not t.is_punct), clause)
    return clause.tag_ in ("VBD", "VBZ") and first.i == clause.i and lemma(clause) in words.all_verbs \
        and clause.i > 0 and doc[clause.i - 1].text in _EDGE_PUNCT \
        and not any(c.dep_ in _SUBJECT_DEPS for c in clause.children)
