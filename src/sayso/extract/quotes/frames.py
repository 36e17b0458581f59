"""Content around the cue's own clause: fronted ("X, but Y, the source added"), postposed ("Militants burned
40 tankers, the army said") or framed by an apposition the parse misplaced; a fronted condition alone is none."""

from __future__ import annotations

from spacy.tokens import Token

from sayso.extract.quotes.datelines import skip_dateline

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # tags of a finite verb (the quote rules share them)
_NOMINAL = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "PRP", "PRP$", "CD", "HYPH", "VBN"})
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


def postposed(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """"Militants burned 40 tankers, the army said": a clause before ", SUBJECT said" the parse
    did not attach as the verb's complement, and the subject's head."""
    if verb.dep_ != "ROOT":
        return None
    doc = verb.doc
    # the subject nearest the verb: a dateline's place parsed as a second subject comes first
    subj = max((c for c in verb.lefts if c.dep_ in _SUBJECT_DEPS), key=lambda c: c.i, default=None)
    left = subj.left_edge.i if subj is not None else -1
    if subj is None or left < 2 or doc[left - 1].text != ",":
        subj, left = _tail_subject(verb)  # ", a local leader said" parsed into the clause before it
    if subj is None or subj.tag_ in ("WDT", "WP"):
        return None
    a = _sentence_start(verb)
    if not any(_predicate(t) for t in doc[a:left - 1]) or only_condition(doc[a], left - 1):
        return None
    return (a, left - 1), subj


def _tail_subject(verb: Token) -> tuple[Token | None, int]:
    """The head of the noun phrase between a comma and the verb (", a local church leader said"), and
    where it starts; (None, -1) when the words before the verb are not one noun phrase after a comma."""
    doc = verb.doc
    j = verb.i
    while j > 0 and doc[j - 1].tag_ in _NOMINAL:
        j -= 1
    heads = [t for t in doc[j:verb.i] if t.tag_[:2] == "NN" or t.tag_ == "PRP"]
    if not heads or j < 2 or doc[j - 1].text != ",":
        return None, -1
    return heads[-1], j


def _predicate(tok: Token) -> bool:
    """A finite verb, or a past form with an object the tagger took for a participle ("Rebels armed
    with rifles killed 12 people": "killed" read as a modifier of "rifles")."""
    return tok.tag_ in FINITE or (tok.tag_ == "VBN" and any(c.dep_ == "dobj" for c in tok.children))


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
    while node.dep_ == "appos" and node.head.i != node.i:
        node = node.head  # the highest noun of the chain that follows a comma starts the frame
        if node.tag_[:2] == "NN" and node.left_edge.i > 0 and doc[node.left_edge.i - 1].text == ",":
            first = node
    left = first.left_edge.i
    a = _sentence_start(verb)
    if left < 2 or doc[left - 1].text != "," or not any(t.tag_ in FINITE for t in doc[a:left - 1]):
        return None
    return (a, left - 1), first
