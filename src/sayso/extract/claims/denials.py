"""Denied figures: by a denial clause after the number ("..., numbers the militia rejects") or in another sentence.

``../shared/eval/CONVENTIONS.md``: a figure is ``denied`` when someone in the article denies the
figure itself; the denier is its source. The denial is read off the parse of the later sentence:

- a negated count of the same thing under the same act: a subject or object with "no" ("no radar
  stations were destroyed", "no herders were wounded", "nobody was injured"), or with "any" under
  a negation or a denial verb ("the elder denied that any of the men died", "had not killed any of
  them"), against an earlier figure whose verb is the same act (the same lemma, or both harm to
  people: ``casualty_verbs``) and whose counted noun is the same (or the denial's noun is a person
  in general: ``anyone_nouns``);
- a correction "N, not M": the earlier figure with the value M;
- a claim noun called false: a denial verb over it ("the defence disputed the figure", "the government
  rejected the opposition's numbers"), or a falsity word said of it ("the count is an invention", "called
  the claim a fantasy"): the figures with its value ("the figure of 31"), else the last statement's before it
  (its first core figure for a singular "the figure", all its figures for "the figures", "the claim").

A negated count does not reach over figures the denier gave in between: "... flames gutted 2 warehouses.
Nobody was injured in that fire, the service added." is about the denier's own account, not an earlier figure.

In the number's own sentence, a denial clause hung on the figure or on a claim noun after it ("...,
a claim the army denied", "..., numbers the militia rejects as lies") makes its subject the
denier (``denier_after``, called by ``claims.extract_claims``).

Denying an accusation or a capture denies no figure: only a negated count of the figure's own thing
does. Figures the article already marks unverified or denied, and the denier's own, are left alone.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Token

from sayso.extract.claims.sources import Attribution, Attributor
from sayso.extract.claims.syntax import lemma, subject_of
from sayso.models import Claim, Speaker
from sayso.nlp.pipeline import tokens_with

_REACH = 2000  # characters back from the denial that an earlier figure may stand
_ARGS = ("nsubj", "nsubjpass", "dobj")
_NONE_WORDS = frozenset({"no", "any", "nobody", "none"})
_NEGATIONS = {"not", "no", "never", "n't"}
_SET_ASIDE = {"rather than", "instead of"}


def deny_elsewhere(claims: list[Claim], attributor: Attributor) -> list[Claim]:
    """``claims`` with the figures that a later sentence denies marked ``denied``, its speaker as source."""
    if not claims:
        return claims
    out = list(claims)
    for verb, noun, denial in _negated_counts(attributor):
        speaker = _speaker(attributor, verb)
        if speaker is None:
            continue
        sent = attributor.sent_of(verb.i)
        for k, claim in enumerate(out):
            if _deniable(claim, sent.start_char, speaker) and _same_count(claim, verb, noun, attributor) \
                    and not _own_between(out, claim, sent.start_char, speaker):
                out[k] = replace(claim, status="denied", source=speaker, cue=denial)
    for at, speaker, noun, cue in _false_claims(attributor):
        for k in _referents(out, at, speaker, noun, attributor):
            out[k] = replace(out[k], status="denied", source=speaker, cue=cue)
    for k, claim in enumerate(list(out)):
        wrong = _corrected_value(claim, attributor)
        if wrong is None:
            continue
        speaker = claim.source
        sent = attributor.sent_of(bisect.bisect_left(attributor.starts, claim.quantity.start))
        for j, other in enumerate(out):
            if _deniable(other, sent.start_char, speaker) and other.quantity.value == wrong \
                    and other.quantity.si_unit == claim.quantity.si_unit:
                out[j] = replace(other, status="denied", source=speaker, cue="not")
    return out


def _deniable(claim: Claim, before: int, speaker: Speaker | None) -> bool:
    """An earlier figure, near enough, not already unverified or denied, and not the denier's own."""
    at = claim.quantity.start
    if speaker is None or not (before - _REACH <= at < before) or claim.status in ("denied", "unverified"):
        return False
    return claim.source is None or not _same_speaker(claim.source, speaker)


def _own_between(claims: list[Claim], claim: Claim, at: int, speaker: Speaker) -> bool:
    """The denier gave figures of its own between the figure and the denial: it goes on with its own account
    ("... flames gutted 2 warehouses. Nobody was injured, the service added."), and the denial is about that."""
    return any(c.source is not None and claim.quantity.start < c.quantity.start < at
               and _same_speaker(c.source, speaker) for c in claims)


def _same_speaker(a: Speaker, b: Speaker) -> bool:
    """One name inside the other, past an article ("the air force", "Ukraine's air force"); not a shared last
    word ("the Kenyan Coast Guard", "the Somali coast guard")."""
    def bare(name: str) -> str:
        words = name.lower().split()
        return " ".join(words[1:] if words and words[0] in ("the", "a", "an") else words)

    x, y = bare(a.name), bare(b.name)
    return bool(x and y) and (x in y or y in x)


def _negated_counts(attributor: Attributor):
    """(verb, noun, cue) for every clause that says none of a thing underwent the verb's act."""
    data = attributor.data
    doc = attributor.doc
    # only a clause with one of these words can say "none": its argument is the word or the word's head
    marks = tokens_with(doc, _NONE_WORDS)
    args = {t.i for t in marks if t.dep_ in _ARGS} | {t.head.i for t in marks if t.dep_ in ("det", "amod")}
    for tok in (doc[i] for i in sorted(args)):
        if tok.dep_ not in _ARGS or not tok.head.tag_.startswith("VB"):
            continue
        verb = tok.head
        noun = tok
        if tok.lower_ == "any" or tok.lower_ == "none":
            noun = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), tok)
        dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod")} | {tok.lower_}
        if "no" in dets or tok.lower_ in ("nobody", "none") or (tok.lower_ == "one" and "no" in dets):
            yield verb, noun, "no"
        elif "any" in dets and (_negated(verb) or _under_denial(verb, data)):
            yield verb, noun, "any"


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _under_denial(verb: Token, data) -> bool:
    """ "denied that any of the men died": the clause is the complement of a denial verb."""
    return verb.dep_ in ("ccomp", "xcomp") and lemma(verb.head) in data["denial_verbs"]


def _speaker(attributor: Attributor, verb: Token) -> Speaker | None:
    attr = attributor.attribute(verb)
    return attr.speaker if attr is not None and not attr.vague else None


def _same_count(claim: Claim, verb: Token, noun: Token, attributor: Attributor) -> bool:
    """The figure counts the denial's thing under the same act."""
    data = attributor.data
    k = min(bisect.bisect_left(attributor.starts, claim.quantity.start), len(attributor.doc) - 1)
    num = attributor.doc[k]
    own = next((a for a in num.ancestors if a.tag_.startswith("VB")), None)
    if own is None:
        return False
    a, b = lemma(own), lemma(verb)
    harm = data["casualty_verbs"]
    if a != b and not any(a in acts and b in acts for acts in (harm, data["loss_verbs"])):
        return False
    counted = (claim.quantity.unit or "").lower()
    word = lemma(noun)
    if word in data["anyone_nouns"] or noun.lower_ in data["anyone_nouns"]:
        return a in harm
    return bool(counted) and (counted == word or counted.split()[-1] == word)


# ------------------------------------------------------------------ a later sentence calls the figure false


def _false_claims(attributor: Attributor):
    """(char, denier, claim noun, cue) for every clause that calls a figure or a statement false: a denial
    verb over a claim noun ("the defence disputed the figure", "rejected the opposition's numbers"), a claim
    noun described as false ("described the claim as a fantasy") or said to be false ("the count is an
    invention"). Negated clauses ("did not dispute the figure") deny nothing."""
    data = attributor.data
    for noun in tokens_with(attributor.doc, data["claim_nouns"]):
        dep, verb = noun.dep_, noun.head
        if dep in ("nmod", "compound") and verb.lower_ in data["falsity_words"] and verb.dep_ in ("oprd", "dobj"):
            dep, verb = "dobj", verb.head  # "called the claim pure fantasy", parsed as one noun phrase
        if dep not in ("dobj", "nsubj") or not verb.tag_.startswith("VB") or _negated(verb):
            continue
        word = lemma(verb)
        if dep == "dobj" and (word in data["denial_verbs"]
                                    or (word in data["describing_verbs"] and _calls_false(verb, noun, data))):
            subj = subject_of(verb)
            speaker = attributor.speaker_of(subj) if subj is not None else None
        elif dep == "nsubj" and word == "be" and _calls_false(verb, noun, data):
            speaker = _speaker(attributor, verb)
        else:
            continue
        if speaker is not None:
            yield noun.idx, speaker, noun, verb.text


def _calls_false(verb: Token, noun: Token, data) -> bool:
    """A complement of ``verb`` other than ``noun`` holds a falsity word ("as 'pure fantasy'", "a fabrication")
    that no negation takes back ("a cautious count, not an invention" calls the figure true)."""
    words = data["falsity_words"]
    return any(t.lower_ in words and not _negated_word(t) for c in verb.children if c.i != noun.i and c.dep_ in (
        "attr", "acomp", "oprd", "xcomp", "ccomp", "advcl", "prep", "dobj") for t in c.subtree)


def _negated_word(word: Token) -> bool:
    """ "not an invention", "no fabrication", "never inflated", "a careful count rather than an exaggeration":
    a negation on the word or just before its phrase, or the phrase set aside by "rather than"/"instead of"."""
    doc, first = word.doc, word.left_edge.i
    before = doc[max(first - 1, 0):word.i]  # its left modifiers and the word before them
    if any(t.lower_ in _NEGATIONS for t in before):
        return True
    pair = " ".join(t.lower_ for t in doc[max(first - 2, 0):first])
    return pair in _SET_ASIDE


def _referents(claims: list[Claim], at: int, speaker: Speaker, noun: Token, attributor: Attributor) -> list[int]:
    """The figures a claim noun stands for: those with its value ("the figure of 31"), else the last
    statement's before its sentence (one figure for a singular "the figure"/"the toll", all of that
    sentence's for "the figures"/"the claim"), unless that statement is already unverified or denied."""
    before = attributor.sent_of(noun.i).start_char
    value = _value_of(claims, noun)
    if value is not None:
        return [k for k, c in enumerate(claims) if _deniable(c, before, speaker) and c.quantity.value == value[0]
                and c.quantity.si_unit == value[1]]
    single = noun.tag_ == "NN" and lemma(noun) in attributor.data["single_claim_nouns"]
    earlier = [k for k, c in enumerate(claims) if before - _REACH <= c.quantity.start < before
               and c.status != "asserted" and (c.status == "denied" or c.source is None
                                               or not _same_speaker(c.source, speaker))
               and (not single or _core(c, attributor))]
    if not earlier:
        return []
    last = claims[max(earlier, key=lambda k: claims[k].quantity.start)]
    if last.status in ("denied", "unverified"):
        return []
    group = sorted((k for k in earlier if claims[k].start == last.start and claims[k].source == last.source),
                   key=lambda k: claims[k].quantity.start)
    return group[:1] if single else group


def _core(claim: Claim, attributor: Attributor) -> bool:
    """The figure is what its clause is about (a subject or object: "reached 4,000 troops", "abducted 27
    farmers"), not an adjunct ("arrived on 14 motorcycles", "in a week"): what "the figure" can stand for."""
    k = min(bisect.bisect_left(attributor.starts, claim.quantity.end) - 1, len(attributor.doc) - 1)
    tok = attributor.doc[k]
    while tok.dep_ in ("nummod", "quantmod", "compound", "amod", "conj", "appos", "punct") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd")


def _value_of(claims: list[Claim], noun: Token) -> tuple[float, str] | None:
    """ "the prosecutors' figure of 31 villagers": the value of the figure inside the claim noun's phrase."""
    span = range(noun.idx, noun.right_edge.idx + len(noun.right_edge))
    inside = [c for c in claims if c.quantity.start in span and c.quantity.start > noun.idx]
    if not inside or inside[0].quantity.value is None:
        return None
    return inside[0].quantity.value, inside[0].quantity.si_unit


def _corrected_value(claim: Claim, attributor: Attributor) -> float | None:
    """ "the army put the toll at 9, not 30": the value the figure corrects (30), or None."""
    k = bisect.bisect_left(attributor.starts, claim.quantity.start)
    doc = attributor.doc
    if k < 2 or k >= len(doc) or doc[k - 1].lower_ != "not" or doc[k - 2].text not in (",", "—", "–"):
        return None
    if claim.quantity.value is None:
        return None
    # the figure after "not" is the wrong one: the earlier figure with this value is what is corrected
    return claim.quantity.value


# ------------------------------------------------------------------ a denial clause after the number, in its sentence


def denier_after(attributor: Attributor, anchor: Token) -> Attribution | None:
    """ "..., a figure the army dismissed" / "..., which Moscow rejected": a denial clause after the number."""
    data, doc = attributor.data, attributor.doc
    sent = attributor.sent_of(anchor.i)
    above = {anchor.i, *(a.i for a in anchor.ancestors)}
    for verb in doc[anchor.i + 1:sent.end]:
        if not verb.tag_.startswith("VB") or lemma(verb) not in data["denial_verbs"]:
            continue
        noun = verb.head if verb.dep_ == "relcl" else _gap_noun(attributor, verb, anchor)
        if noun is None:
            continue
        if not _in_phrase(noun, above) and not (noun.i > anchor.i and noun.lower_ in data["claim_nouns"]):
            continue
        subj = subject_of(verb)
        if subj is None or subj.lower_ in ("which", "that", "who") or "\n" in attributor.text[anchor.idx:verb.idx]:
            continue
        speaker = attributor.speaker_of(subj)
        if speaker is not None:
            return Attribution(speaker, verb.text, lemma(verb))
    return None


def _gap_noun(attributor: Attributor, verb: Token, anchor: Token) -> Token | None:
    """ "..., numbers the militia rejects as lies" where the parse made no relative clause: a claim
    noun after a comma, just before the denial verb's subject, and the verb has no object of its own."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    subj = subject_of(verb)
    if subj is None:
        return None
    doc, claim_nouns = attributor.doc, attributor.data["claim_nouns"]
    k = subj.left_edge.i - 1
    while k > anchor.i and doc[k].dep_ in ("det", "amod") and doc[k].lower_ not in claim_nouns:
        k -= 1
    if k <= anchor.i or doc[k].lower_ not in claim_nouns:
        return None
    j = k - 1
    while j > anchor.i and doc[j].dep_ in ("det", "amod"):
        j -= 1
    return doc[k] if doc[j].text in (",", "—", "–") else None


def _in_phrase(noun: Token, above: set[int]) -> bool:
    """The noun is the number's own noun or hangs under it without a verb between ("18 balloons over its territory")."""
    tok = noun
    while not tok.tag_.startswith("VB"):
        if tok.i in above:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
