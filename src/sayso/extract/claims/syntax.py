"""Small readings of the dependency parse for claim attribution: subjects, noun phrases, quotation spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sayso.nlp.pipeline import lemma_of

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
CUT_DEPS = {"relcl", "acl", "advcl", "parataxis", "punct", "ccomp"}
ENTITY_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "group"}


@dataclass(slots=True)
class Region:
    """A stretch inside quotation marks; ``open_ended`` when the paragraph ends before the closing mark."""

    start: int
    end: int
    open_ended: bool


def lemma(tok: Token) -> str:
    return lemma_of(tok.text, tok.tag_)


def speaker_kind(label: str) -> str:
    return {"PERSON": "person", "ORG": "organization"}.get(label, "unnamed")


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is conjoined to or the complement of."""
    for _ in range(len(verb.doc)):  # a chain of conjoined verbs is walked, never recursed
        found, up = _own_subject(verb)
        if found is not None or up is None:
            return found
        verb = up
    return None


def _own_subject(verb: Token) -> tuple[Token | None, Token | None]:
    """``verb``'s own subject, else the verb higher up that lends it one."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        named = [c for c in subjects if c.tag_ in ("NNP", "NNPS")]
        subj = (named or subjects)[-1]
        if subj.tag_ not in ("NNP", "NNPS", "PRP"):
            # "despite the White House's shift in messaging, the Pentagon announced": a misparse that
            # hangs the real subject under the first noun as an apposition
            appos = [t for t in subj.subtree if t.dep_ == "appos" and t.ent_type_ in ("ORG", "PERSON")
                     and t.i < verb.i and t.i > subj.i]
            if appos:
                return appos[-1], None
        return subj, None
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None), None
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i and verb.head.tag_.startswith("VB"):
        return None, verb.head
    return None, None


def adjacent_name(verb: Token) -> Token | None:
    doc = verb.doc
    for k in (verb.i - 1, verb.i + 1):
        if 0 <= k < len(doc) and (doc[k].tag_ in ("NNP", "PRP") or doc[k].ent_type_ in ENTITY_KIND):
            return doc[k]
    return None


def agent_of(noun: Token) -> Token | None:
    """ "data compiled by the Department": the agent behind a document noun."""
    for c in noun.children:
        if c.dep_ in ("acl", "relcl"):
            for g in c.children:
                if g.dep_ == "agent" or (g.dep_ == "prep" and g.lower_ == "by"):
                    return next((p for p in g.children if p.dep_ == "pobj"), None)
    return None


def appos_words(tok: Token) -> frozenset[str]:
    words: set[str] = set()
    for child in tok.children:
        if child.dep_ == "appos":
            words.add(lemma(child))
            words.update(c.lower_ for c in child.children if c.dep_ in ("amod", "compound"))
    return frozenset(words)


def has_name(tok: Token) -> bool:
    return any(t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") for t in tok.subtree)


def np_tokens(head: Token, keep_appos: bool = False) -> list[Token]:
    """The noun phrase of ``head`` without relative clauses, appositions and anything after a comma."""
    cut = set(CUT_DEPS)
    if not keep_appos:
        cut.add("appos")
    keep: list[Token] = []

    stack = [head]  # the kept subtree, walked with a stack: a deep parse cannot exhaust Python's
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in cut and c.text not in (",", "(", "—", "–"))
    keep.sort(key=lambda t: t.i)
    if not keep_appos:
        # stop at a comma or bracket after the head: "Sam Cranny-Evans, a research analyst"
        out = [t for t in keep if t.i <= head.i or not any(x.text in (",", "(") for x in head.doc[head.i:t.i])]
        keep = out or [head]
    return keep


def descriptors(ent: Span) -> frozenset[str]:
    """Words that describe an entity: titles before it and its apposition ("Janes, a global agency")."""
    words: set[str] = set()
    root = ent.root
    for tok in ent.doc[max(0, ent.start - 4):ent.start]:
        if tok.head.i in range(ent.start, ent.end) and tok.dep_ in ("compound", "amod"):
            words.add(tok.lower_)
    for child in root.children:
        if child.dep_ == "appos":
            words.add(lemma(child))
            words.update(c.lower_ for c in child.children if c.dep_ in ("amod", "compound"))
    if root.dep_ == "appos":
        head = root.head
        words.add(lemma(head))
        words.update(c.lower_ for c in head.children if c.dep_ in ("amod", "compound"))
    return frozenset(words)


def full_names(doc: Doc) -> dict[str, str]:
    """Surname (and lone first name) -> the first full name in the article that has it."""
    names: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = ent.text.replace("’s", "").replace("'s", "").split()
        if len(words) < 2:
            continue
        full = " ".join(words)
        names.setdefault(words[-1], full)
        names.setdefault(words[0], full)
    return names


def quote_regions(text: str) -> list[Region]:
    """The stretches inside quotation marks, paragraph by paragraph; a quote left open runs to the paragraph end."""
    regions: list[Region] = []
    pos = 0
    for para in text.split("\n"):
        opened: int | None = None
        closer = ""
        for m in re.finditer(r"[“”\"«»„]", para):
            ch = m.group(0)
            at = pos + m.start()
            if opened is None:
                if ch in OPEN_CLOSE or ch == '"':
                    opened, closer = at + 1, OPEN_CLOSE.get(ch, '"')
            elif ch == closer or (closer == "”" and ch == '"') or (closer == '"' and ch == "”"):
                regions.append(Region(opened, at, False))
                opened = None
        if opened is not None and pos + len(para) > opened:
            regions.append(Region(opened, pos + len(para), True))
        pos += len(para) + 1
    return regions
