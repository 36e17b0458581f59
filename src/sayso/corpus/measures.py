"""What a claim measures: a key from the counted noun or unit, the place or subject, and the measure verb.

"Ukraine controls 1,000 square kilometres in Russia's Kursk region" -> ``area|kursk|control``;
"Moscow said it had retaken 12 villages in Kursk" -> ``settlement|kursk|capture``. Claims with the
same key are the same measure of the same subject, whoever states them and whenever.
"""

from __future__ import annotations

import re
from typing import Sequence

from sayso.corpus.entities import fold
from sayso.corpus.lexicon import COUNTED_FORMS, DEMONYMS, MEASURE_VERBS, UNIT_MEASURES
from sayso.models import Analysis, Claim, DateRef, Place
from sayso.store.writes import ClaimKey

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"'“A-Z0-9])")
_PLACE_AFTER = re.compile(
    r"\b(?:in|near|around|of|across|inside|into|from|over|at|on|towards?|against|outside)\s+"
    r"(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?"
    r"((?:[A-Z][\w-]+)(?:\s+[A-Z][\w-]+)?)")
_PLACE_BEFORE = re.compile(r"\b([A-Z][\w-]+)\s+(?:region|oblast|province|area|front|district)\b")
_REGION_WORDS = {"region", "oblast", "province", "district", "area", "front", "the"}
_COUNTRY_FEATURES = {"PCLI", "PCL", "PCLD", "PCLS", "PCLF", "country"}
_WORD = re.compile(r"[A-Za-z]+")
_NOT_PLACES = set("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``start``..``end`` (a plain punctuation split)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    return left, (m.start() + 1 if m else len(text))


def measure_of(claim: Claim) -> str | None:
    """The counted thing or kind of unit: 'settlement', 'drone', 'area', 'money'; None when unknown."""
    q = claim.quantity
    if q.counted:
        word = fold(q.counted).split()[-1] if fold(q.counted) else ""
        if word:
            return COUNTED_FORMS.get(word, word[:-1] if word.endswith("s") and len(word) > 3 else word)
    if q.si_unit and q.si_unit != "count":
        return UNIT_MEASURES.get(q.si_unit.lower(), q.si_unit.lower())
    if q.unit:
        return fold(q.unit) or None
    return None


def verb_of(sentence: str) -> str | None:
    """The first measure verb in the sentence, reduced to its measure ('retook' is not known: None)."""
    for word in _WORD.findall(sentence.lower()):
        if word in MEASURE_VERBS:
            return MEASURE_VERBS[word]
    return None


def _clean_place(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _REGION_WORDS]
    return " ".join(words)


def subject_of(sentence: str, places: Sequence[Place], offset: int,
               clause: tuple[int, int] | None = None) -> str | None:
    """The most specific place named in the claim's clause or else its sentence (place records first,
    then the wording: "in the Kursk region", "near Sudzha")."""
    if clause:
        in_clause = [p for p in places if clause[0] <= p.start < clause[1]]
        if in_clause:
            places = in_clause
    inside = [p for p in places if offset <= p.start < offset + len(sentence)]
    specific = [p for p in inside if (p.feature or "") not in _COUNTRY_FEATURES]
    for p in specific or inside:
        name = _clean_place(p.name or p.text)
        if name:
            return name
    for pattern in (_PLACE_BEFORE, _PLACE_AFTER):
        for m in pattern.finditer(sentence):
            name = _clean_place(m.group(1))
            if not name or name.split()[0] in _NOT_PLACES:
                continue
            if pattern is _PLACE_BEFORE and name.split()[0] in DEMONYMS:
                continue
            return name
    return None


def claim_date(sentence_start: int, sentence_end: int, dates: Sequence[DateRef], published: str | None) -> str | None:
    """A full date written in the claim's sentence, else the article's publication date."""
    for d in dates:
        if sentence_start <= d.start < sentence_end and d.value and len(d.value) == 10:
            return d.value
    return published


def claim_key(claim: Claim, analysis: Analysis) -> ClaimKey:
    """The measure key, subject, verb and date of one claim in its article."""
    text = analysis.article.text
    q = claim.quantity
    lo, hi = sentence_bounds(text, claim.start if claim.start is not None else q.start,
                             claim.end if claim.end is not None else q.end)
    sentence = text[lo:hi]
    measure = measure_of(claim)
    verb = verb_of(claim.text or "") or verb_of(sentence)
    clause = (claim.start, claim.end) if claim.start is not None and claim.end is not None else None
    subject = subject_of(sentence, analysis.places, lo, clause)
    published = analysis.article.published.isoformat() if analysis.article.published else None
    when = claim_date(lo, hi, analysis.dates, published)
    if measure is None:
        return ClaimKey(None, subject, verb, when)
    key = "|".join((measure, subject or "-", verb or "-"))
    return ClaimKey(key, subject, verb, when)


def claim_keys(analysis: Analysis) -> list[ClaimKey]:
    return [claim_key(c, analysis) for c in analysis.claims]
