"""Broad attributions scored by a small learned model: a verb's object or complement read as its subject's stance.

Political copy attributes far more than speech: "Clinton opposed the Iraq invasion", "the senator is
expected to endorse him", "Trump talked about trade". Which of these a reader counts as something a
source said depends on the verb, the argument and the subject together, in ways no hand table
captures well; a verb-by-verb table either floods the output or misses most of them. So the
candidates here (the subtree of every verb argument outside the reports already found) are scored
by a logistic model over parse features, trained by ``tools/train_quote_objects.py`` on the
PolNeAR training articles, and kept when the score reaches the model's threshold.

The weights live in ``data/quote_objects.json`` (feature name -> weight, plus the threshold).
Features are strings so that the table stays readable: ``L=oppose`` is the governing verb's
lemma, ``LD=oppose|dobj|-`` the verb with the argument's relation, and so on.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from sayso.extract.quotes.words import cue_words
from sayso.nlp.pipeline import lemma

MODEL_FILE = "quote_objects.json"
_ARG_DEPS = frozenset({"dobj", "pobj", "xcomp", "ccomp", "oprd", "nsubjpass", "attr", "pcomp", "nsubj", "acomp"})
_PREP_DEPS = frozenset({"prep", "agent", "dative"})
_MARKS = frozenset("“”\"‘’'")
_SIBLING_DEPS = frozenset({"ccomp", "dobj", "xcomp", "prep", "dative", "advcl"})


@dataclass(frozen=True)
class ObjectModel:
    """Weights of the logistic model and the score a candidate needs to be kept."""

    weights: dict[str, float]
    threshold: float

    def score(self, features: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True, slots=True)
class Candidate:
    """Tokens ``a``..``b`` (the argument, edge punctuation trimmed) of ``verb``, with its features."""

    a: int
    b: int
    verb: Token
    features: list[str]


@functools.lru_cache(maxsize=1)
def object_model() -> ObjectModel:
    """Load ``data/quote_objects.json`` once."""
    raw = json.loads(resources.files("sayso.data").joinpath(MODEL_FILE).read_text("utf-8"))
    return ObjectModel({str(k): float(v) for k, v in raw["weights"].items()}, float(raw["threshold"]))


def candidates(doc: Doc, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Every verb argument in ``doc`` whose characters overlap none of the ``taken`` spans."""
    out = []
    for tok in doc:
        found = _argument(doc, tok)
        if found is None:
            continue
        verb, prep, a, b = found
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        if any(s < end and start < e for s, e in taken):
            continue
        out.append(Candidate(a, b, verb, features(doc, tok, verb, prep, a, b)))
    return out


def object_reports(doc: Doc, taken: list[tuple[int, int]], model: ObjectModel | None = None) -> list[Candidate]:
    """The candidates the model keeps, best first, none overlapping another."""
    model = model or object_model()
    scored = sorted(((model.score(c.features), c) for c in candidates(doc, taken)), key=lambda x: (-x[0], x[1].a))
    kept: list[Candidate] = []
    for score, cand in scored:
        if score < model.threshold:
            break
        if all(cand.b <= k.a or k.b <= cand.a for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.a)


def _argument(doc: Doc, tok: Token) -> tuple[Token, str, int, int] | None:
    """(governing verb, preposition or "-", token bounds) when ``tok`` heads an argument worth scoring."""
    if tok.dep_ not in _ARG_DEPS:
        return None
    gov = tok.head
    if tok.dep_ in ("pobj", "pcomp"):
        if gov.head.i == gov.i or gov.dep_ not in _PREP_DEPS:
            return None
        verb, prep = gov.head, gov.lower_
    else:
        verb, prep = gov, "-"
    if verb is tok:
        return None
    a, b = tok.left_edge.i, tok.right_edge.i + 1
    while a < b and doc[a].is_punct and doc[a].text not in _MARKS:
        a += 1
    while b > a and doc[b - 1].is_punct and doc[b - 1].text not in _MARKS:
        b -= 1
    if b <= a or (tok.dep_ == "nsubj" and verb.i < a):
        return None
    return verb, prep, a, b


def features(doc: Doc, tok: Token, verb: Token, prep: str, a: int, b: int) -> list[str]:
    """The model's features of argument ``tok`` (tokens ``a``..``b``) of ``verb``."""
    verb_lemma, dep, subject = lemma(verb), tok.dep_, _subject_kind(verb)
    negated = any(c.dep_ == "neg" for c in verb.children)
    quoted = any(t.text in _MARKS for t in doc[a:b])
    siblings = "/".join(sorted({c.dep_ for c in verb.children if c.dep_ in _SIBLING_DEPS}))
    before = doc[verb.i - 1].lower_ if verb.i > 0 else "^"
    return ["bias", f"L={verb_lemma}", f"D={dep}|{prep}", f"LD={verb_lemma}|{dep}|{prep}", f"LS={verb_lemma}|{subject}",
            f"DS={dep}|{subject}", f"DT={dep}|{verb.tag_}", f"DN={dep}|{_length(b - a)}", f"HT={dep}|{tok.tag_}",
            f"HE={dep}|{tok.ent_type_ or '-'}", f"cue={verb_lemma in cue_words().all_verbs}|{dep}",
            f"neg={negated}", f"q={quoted}|{dep}", f"GD={dep}|{verb.dep_}", f"LG={verb_lemma}|{verb.dep_}",
            f"VT={verb.tag_[:2]}|{subject}", f"LT={verb_lemma}|{verb.tag_}", f"HL={dep}|{lemma(tok)}",
            f"FW={dep}|{doc[a].lower_}", f"LDS={verb_lemma}|{dep}|{subject}", f"sib={dep}|{siblings}",
            f"LW={dep}|{doc[b - 1].tag_}", f"PV={dep}|{before}"]


def _subject_kind(verb: Token) -> str:
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ == "PRP":
                return "it" if child.lower_ == "it" else "prp"
            if child.ent_type_:
                return "ent_" + child.ent_type_
            return "wh" if child.tag_ in ("WDT", "WP") else "np"
        if child.dep_ == "nsubjpass":
            return "pass"
        if child.dep_ == "agent":
            return "agent"
    return "none"


def _length(n: int) -> str:
    for top, name in ((2, str(n)), (4, "2-3"), (8, "4-7"), (16, "8-15")):
        if n < top:
            return name
    return "16+"
