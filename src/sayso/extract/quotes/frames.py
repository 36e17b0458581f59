"""Content around the cue's own clause: fronted ("X, but Y, the source added"), postposed ("Militants burned
40 tankers, the army said") or framed by an apposition the parse misplaced; a fronted condition alone is none."""

from __future__ import annotations

from spacy.tokens import Token

from sayso.extract.quotes.datelines import skip_dateline

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBORDINATORS = frozenset({"if", "unless", "when", "whenever", "while", "although", "though", "because", "since",
                            "once", "after", "before", "as", "until"})


def fronted(verb: Token, bounds: tuple[int, int]) -> tuple[int, int]:
    """"X, but Y, the source added": fronted content runs from its sentence's start to the cue."""
    return _sentence_start(verb), bounds[1]


def _sentence_start(verb: Token) -> int:
    """The first content token of the cue's sentence, after any dateline ("KYIV (AP) —")."""
    doc = verb.doc
    a = skip_dateline(doc, verb.sent.start, verb.i)
    while a < verb.i and (doc[a].is_punct or doc[a].is_space):
        a += 1
    return a


def postposed(verb: Token) -> tuple[int, int] | None:
    """"Militants burned 40 tankers, the army said": a clause before ", SUBJECT said" the parse
    did not attach as the verb's complement."""
    subj = next((c for c in verb.lefts if c.dep_ in _SUBJECT_DEPS), None)
    if subj is None or verb.dep_ != "ROOT" or subj.tag_ in ("WDT", "WP"):
        return None
    left = subj.left_edge.i
    doc = verb.doc
    if left < 2 or doc[left - 1].text != ",":
        return None
    a = _sentence_start(verb)
    if not any(t.tag_ in _FINITE for t in doc[a:left - 1]) or only_condition(doc[a], left - 1):
        return None
    return a, left - 1


def only_condition(first: Token, end: int) -> bool:
    """"If the talks fail, officials warn ...", "Should the dam break, engineers fear ...": a fronted
    condition alone is the circumstance of the cue, not what was said (unlike "If X, Y, he said")."""
    inverted = first.lower_ in ("should", "had", "were") and first.dep_ in ("aux", "auxpass", "advcl", "ccomp")
    if not (first.dep_ == "mark" and first.lower_ in _SUBORDINATORS) and not inverted:
        return False
    clause = first.head if first.dep_ in ("mark", "aux", "auxpass") else first
    return clause.right_edge.i >= end - 1


def appos_frame(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """"X happened, the town's mayor, Ali Ahmed, said by telephone" parsed with the speaker as an
    apposition inside X: the content is the clause before the role, said by the role."""
    doc = verb.doc
    if verb.dep_ not in ("advcl", "conj") or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    j = verb.i - 1 if verb.i > 0 and doc[verb.i - 1].text == "," else verb.i
    if j < 1 or doc[j - 1].dep_ != "appos" or doc[j - 1].tag_[:2] != "NN":
        return None
    node = first = doc[j - 1]
    while node.dep_ == "appos" and node.head is not node:
        node = node.head  # the highest noun of the chain that follows a comma starts the frame
        if node.tag_[:2] == "NN" and node.left_edge.i > 0 and doc[node.left_edge.i - 1].text == ",":
            first = node
    left = first.left_edge.i
    a = _sentence_start(verb)
    if left < 2 or doc[left - 1].text != "," or not any(t.tag_ in _FINITE for t in doc[a:left - 1]):
        return None
    return (a, left - 1), first
