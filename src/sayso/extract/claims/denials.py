"""Denied figures: by a denial clause after the number ("..., figures the group dismisses") or in another sentence.

``../shared/eval/CONVENTIONS.md``: a figure is ``denied`` when someone in the article denies the
figure itself; the denier is its source. The denial is read off the parse of the later sentence:

- a negated count of the same thing under the same act: a subject or object with "no" ("no posts
  had been destroyed", "no civilians had been harmed", "no one had been hurt"), or with "any" under
  a negation or a denial verb ("denied that any soldiers had been killed", "had not killed any of
  them"), against an earlier figure whose verb is the same act (the same lemma, or both harm to
  people: ``casualty_verbs``) and whose counted noun is the same (or the denial's noun is a person
  in general: ``anyone_nouns``);
- a correction "N, not M": the earlier figure with the value M.

In the number's own sentence, a denial clause hung on the figure or on a claim noun after it ("...,
a claim the army denied", "..., figures the group dismisses as propaganda") makes its subject the
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

_REACH = 2000  # characters back from the denial that an earlier figure may stand
_ARGS = ("nsubj", "nsubjpass", "dobj")


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
            if _deniable(claim, sent.start_char, speaker) and _same_count(claim, verb, noun, attributor):
                out[k] = replace(claim, status="denied", source=speaker, cue=denial)
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


def _same_speaker(a: Speaker, b: Speaker) -> bool:
    """One name inside the other, past an article ("the air force", "Ukraine's air force"); not a shared last
    word ("the Philippine Coast Guard", "China's coast guard")."""
    def bare(name: str) -> str:
        words = name.lower().split()
        return " ".join(words[1:] if words and words[0] in ("the", "a", "an") else words)

    x, y = bare(a.name), bare(b.name)
    return bool(x and y) and (x in y or y in x)


def _negated_counts(attributor: Attributor):
    """(verb, noun, cue) for every clause that says none of a thing underwent the verb's act."""
    data = attributor.data
    for tok in attributor.doc:
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
    """ "denied that any soldiers had been killed": the clause is the complement of a denial verb."""
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
    if a != b and not (a in harm and b in harm):
        return False
    counted = (claim.quantity.unit or "").lower()
    word = lemma(noun)
    if word in data["anyone_nouns"] or noun.lower_ in data["anyone_nouns"]:
        return a in harm
    return bool(counted) and (counted == word or counted.split()[-1] == word)


def _corrected_value(claim: Claim, attributor: Attributor) -> float | None:
    """ "the death toll stood at 12, not 18": the value the figure corrects (18), or None."""
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
    """ "..., figures the group dismisses as propaganda" where the parse made no relative clause: a claim
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
