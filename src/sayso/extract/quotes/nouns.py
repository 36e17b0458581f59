"""Reporting cues that are not verbs ("according to X", "the ministry's claim that X"), and the scan for every cue."""

from __future__ import annotations

from spacy.attrs import LOWER, TAG
from spacy.tokens import Doc, Token

from sayso.extract.quotes.acts import STANCE, noun_act
from sayso.extract.quotes.clauses import contrast
from sayso.extract.quotes.cues import (_EDGE_PUNCT, Report, _bounds, _document, _hedge, _infinitive,
                                      _negated, _verb_reports, subject_of)
from sayso.extract.quotes.datelines import skip_dateline
from sayso.extract.quotes.words import CueWords, cue_words
from sayso.nlp.pipeline import lemma, lemma_of

_TALLY_NOUNS = frozenset({"tally", "count", "figures", "data", "survey", "poll", "study", "estimates", "analysis"})
_TOPIC_PREPS = frozenset({"about", "on", "over", "of"})


def according(tok: Token) -> Report | None:
    """"..., according to X": the clause it modifies, said by X."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    source = None
    if to is not None:  # the object of "to", or the first noun under it when the parse went astray
        source = next((c for c in to.children if c.dep_ == "pobj"), None) or next(
            (t for t in to.subtree if t.tag_[:2] == "NN" and t.dep_ not in ("compound", "amod")), None)
    if source is None:
        return None
    source = _behind(source)
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head.i != head.i and head.tag_[:2] != "VB":
        head = head.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "X were killed and Y wounded, according to ...": the whole coordination
    if head.dep_ == "advcl" and (contrast(head) or _participle(head)) \
            and (_ends_sentence(to) or _ends_sentence(tok, head)):
        head = head.head  # "X costs $1m, while Y costs $400, according to ...", "X shelled 30 towns, burning two"
    if _reported(head) and tok.i > head.i:
        return None  # "the governor said X, according to his channel": the speech verb names the speaker
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    a, b = tok.left_edge.i, to.right_edge.i + 1
    doc = tok.doc
    if a <= lo + 1:
        lo = b
    elif max(b, tok.right_edge.i + 1) >= hi - 2:  # ", a Geneva-based monitor" hung on "according"
        hi = a
    else:
        after = max(b, tok.right_edge.i + 1)
        while after < hi and doc[after].is_punct:
            after += 1
        if after < hi and (doc[after].dep_ == "cc" or _circumstance(doc[after].head)):
            hi = a  # "X paid 25%, according to the office, and Y paid 69%": the source vouches for X
    lo = skip_dateline(doc, lo, hi) if lo == tok.sent.start else lo
    while lo < hi and (doc[lo].text in _EDGE_PUNCT or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].text in _EDGE_PUNCT or doc[hi - 1].text == "." or doc[hi - 1].is_space):
        hi -= 1
    if hi - lo < 2:
        return None
    return Report(lo, hi, tok.i, to.i + 1, source)


def _participle(clause: Token) -> bool:
    """A subjectless participial clause ("..., burning two"): part of the sentence it trails."""
    return clause.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _ends_sentence(tok: Token, clause: Token | None = None) -> bool:
    """Nothing but punctuation after ``tok`` in its sentence, or only a circumstance the reporter adds
    to ``clause`` (", as rebels pleaded for air strikes")."""
    end = tok.right_edge.i + 1
    doc = tok.doc
    if clause is not None:
        aside = next((c for c in clause.rights if c.i > end and _circumstance(c)), None)
        if aside is not None and all(t.is_punct for t in doc[end:aside.left_edge.i]) \
                and aside.right_edge.i + 1 >= clause.right_edge.i:
            end = aside.right_edge.i + 1
    return end >= tok.sent.end or all(t.is_punct or t.is_space for t in doc[end:tok.sent.end])


def _circumstance(clause: Token) -> bool:
    """", as residents queued for water": a clause with its own subject, set off by a comma, led by "as"."""
    left = clause.left_edge.i
    return clause.dep_ == "advcl" and left > 0 and clause.doc[left - 1].text == "," \
        and clause.doc[left].lower_ in ("as", "while") \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _reported(clause: Token) -> bool:
    """Whether a clause is itself a speech verb or the content of one."""
    words = cue_words()
    node = clause
    for _ in range(3):
        if node.tag_[:2] == "VB" and lemma(node) in words.clause:
            deps = {c.dep_ for c in node.children}  # "hospitals admitted 2,000 people": not speech
            if "auxpass" in deps and "agent" not in deps:
                return False  # "is thought to cost": nobody named says it
            return "ccomp" in deps or "dobj" not in deps
        if node.dep_ != "ccomp" or node.head.i == node.i:
            return False
        node = node.head
    return False


def _behind(source: Token) -> Token:
    """"according to a statement by the ministry": the ministry, not the statement."""
    if source.lower_ not in cue_words().nouns and source.lower_ not in _TALLY_NOUNS:
        return source
    for prep in source.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return source


def copula_report(noun: Token) -> Report | None:
    """"The ministry's position is that the strikes were legal": the clause, said by the possessor."""
    verb = noun.head
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if noun.dep_ != "nsubj" or owner is None or verb.tag_[:2] != "VB" or lemma(verb) != "be" or _negated(verb):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        return None
    a, b = _bounds(clause)
    return Report(a, b, noun.i, noun.i + 1, owner, clausal=True) if b - a >= 2 else None


def noun_report(noun: Token) -> Report | None:
    """"the ministry's claim that X", "its plan to cut taxes": a reporting noun with a that-clause
    or an infinitive, said by its possessor."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            a, b = _bounds(child)
            act = noun_act(noun, True, cue_words()) if not _object_of_stance(noun) else STANCE
            return Report(a, b, noun.i, noun.i + 1, _owner(noun), clausal=True, act=act) if b - a >= 2 else None
        if child.dep_ == "acl" and noun.lower_ in cue_words().infinitive_nouns and _infinitive(child):
            a, b = _bounds(child, skip_mark=False)  # "his plan to cut taxes"
            act = noun_act(noun, False, cue_words())
            return Report(a, b, noun.i, noun.i + 1, _owner(noun), clausal=True, act=act) if b - a >= 2 else None
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS and noun.lower_ in cue_words().topic_nouns:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is None:
                continue
            a, b = _bounds(obj)
            return Report(a, b, noun.i, noun.i + 1, _owner(noun), act=STANCE) if b - a >= 2 else None
    return copula_report(noun)  # "his argument was that ..."


def _object_of_stance(noun: Token) -> bool:
    """"rejected the suggestion that X", "condemned claims that X": someone else's statement, taken up as the
    noun-phrase object of the verb; the verb's subject does not say X."""
    return noun.dep_ == "dobj" and lemma(noun.head) in cue_words().objects and \
        not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from")) for c in noun.children)


def _owner(noun: Token) -> Token | None:
    """Whose statement a reporting noun is: its possessor, or the subject of the verb it is object of."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:  # "allegations by aid workers that ..."
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if owner is None and noun.dep_ in ("dobj", "pobj") and head.tag_[:2] == "VB":
        owner = subject_of(head)
    return owner


def find_reports(doc: Doc, quoted: list[int]) -> list[Report]:
    """Every reported-speech cue outside quotation marks. ``quoted[i]`` >= 0 marks a quoted token."""
    words = cue_words()
    strings = doc.vocab.strings
    out: list[Report] = []
    for i, (tag, low) in enumerate(doc.to_array([TAG, LOWER]).tolist()):
        kind = _cue_kind(tag, low, strings, words)
        if kind is None or quoted[i] >= 0:
            continue
        tok = doc[i]
        if tok.is_upper and len(tok) > 1:
            continue  # a heading in capitals, not a sentence
        if kind == "verb":
            out.extend(r for r in _verb_reports(tok, words) if not _hedge(tok, r.subject, words)
                       and not (r.subject is not None and _document(r.subject, words)))
            continue
        if kind == "make":
            out.extend(made_clear(tok, words))
            continue
        if kind == "copula":
            rep = copula_report(tok)
        else:
            rep = according(tok) if kind == "according" else noun_report(tok)
        if rep is not None:
            out.append(rep)
    return out


def made_clear(verb: Token, words: CueWords) -> list[Report]:
    """"The minister made (it) clear that the border stays closed": the clause, cued by "made clear"."""
    word = next((c for c in verb.children if c.i > verb.i and c.lower_ in words.clarity
                 and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")), None)
    if word is None or _negated(verb):
        return []
    clause = next((c for c in word.children if c.i > word.i and c.dep_ in ("ccomp", "advcl")
                   and c.tag_[:2] in ("VB", "MD")), None)
    clause = clause or next((c for c in verb.children if c.i > word.i and c.dep_ == "ccomp"), None)
    if clause is None:
        return []
    a, b = _bounds(clause)
    if b - a < 2:
        return []
    return [Report(a, b, verb.i, word.i + 1, subject_of(verb), clausal=True)]


_KIND_CACHE: dict[tuple[int, int], str | None] = {}


def _cue_kind(tag: int, low: int, strings, words: CueWords) -> str | None:
    """What a (tag, lower-case word) pair can cue, memoised on the two hashes."""
    key = (tag, low)
    if key in _KIND_CACHE:
        return _KIND_CACHE[key]
    tag_s, low_s = strings[tag], strings[low]
    kind = None
    if low_s == "according":
        kind = "according"
    elif tag_s[:2] == "VB" and (lemma_of(low_s, tag_s) in words.all_verbs or lemma_of(low_s, tag_s) in words.reason_verbs):
        kind = "verb"
    elif tag_s[:2] == "NN" and low_s in words.nouns:
        kind = "noun"
    elif tag_s[:2] == "NN" and low_s in words.copula_nouns:
        kind = "copula"
    elif tag_s[:2] == "VB" and lemma_of(low_s, tag_s) == "make":
        kind = "make"
    if len(_KIND_CACHE) < 200_000:
        _KIND_CACHE[key] = kind
    return kind

