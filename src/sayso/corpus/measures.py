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
_ADJECTIVE_ENDINGS = ("ian", "ish", "ese", "can", "ean")   # 'Ukrainian' -> 'ukraine'; 'Kyiv' stays 'kyiv'
_COUNTRY_FEATURES = {"PCLI", "PCL", "PCLD", "PCLS", "PCLF", "country"}
_WORD = re.compile(r"[A-Za-z]+")
_ABBREVIATIONS = set("""gen col gov lt sgt maj capt cmdr adm mr mrs ms dr st sen rep prof no vs jr sr u.s u.k u.n
e.g i.e etc approx""".split())
_NOT_PLACES = set("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends "Gen.", "Col.", "U.S." or an initial, not a sentence."""
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    return bool(word) and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``start``..``end`` (a punctuation split that knows "Gen." and "U.S.")."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        if not (text[m.start()] == "." and _is_abbreviation(text, m.start())):
            left = m.end()
    for m in _SENTENCE_END.finditer(text, end):
        if not (text[m.start()] == "." and _is_abbreviation(text, m.start())):
            return left, m.start() + 1
    return left, len(text)


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


def verb_of(sentence: str, anchor: int | None = None) -> str | None:
    """The measure verb of the sentence nearest ``anchor`` (the number's offset in it), else the first one."""
    found = [(abs(m.start() - anchor) if anchor is not None else i, MEASURE_VERBS[m.group(0).lower()])
             for i, m in enumerate(_WORD.finditer(sentence)) if m.group(0).lower() in MEASURE_VERBS]
    return min(found)[1] if found else None


def _clean_place(name: str) -> str:
    """'the Kursk region' -> 'kursk'; 'Ukrainian' -> 'ukraine'."""
    words = [DEMONYMS[w] if w in DEMONYMS and w.endswith(_ADJECTIVE_ENDINGS) else w
             for w in fold(name).split() if w not in _REGION_WORDS]
    return " ".join(words)


def subject_of(sentence: str, places: Sequence[Place], offset: int, clause: tuple[int, int] | None = None,
               anchor: int | None = None) -> str | None:
    """The place the claim is about: from the place records in its clause (else its sentence), else from
    the wording ("in the Kursk region", "near Sudzha"). Metonyms ("Kyiv says") are not subjects; a
    region beats a country, and a place after the number ("150 km2 of the Belgorod region") beats one
    before it (the dateline, the speaker's capital)."""
    anchor = offset if anchor is None else anchor
    inside = [p for p in places if offset <= p.start < offset + len(sentence) and not p.metonym]
    if clause:
        inside = [p for p in inside if clause[0] <= p.start < clause[1]] or inside

    def rank(start: int, country: bool = False) -> tuple:
        return (country, start < anchor, abs(start - anchor))

    def possessive(p: Place) -> bool:  # "Kyiv's troops", "Russia's army": an actor, not the subject
        return sentence[p.end - offset:p.end - offset + 2] in ("'s", "’s")

    for p in sorted(inside, key=lambda p: rank(p.start, (p.feature or "") in _COUNTRY_FEATURES or possessive(p))):
        name = _clean_place(p.name or p.text)
        if name:
            return name
    found = []
    for pattern in (_PLACE_BEFORE, _PLACE_AFTER):
        for m in pattern.finditer(sentence):
            name = _clean_place(m.group(1))
            if not name or name.split()[0] in _NOT_PLACES:
                continue
            if pattern is _PLACE_BEFORE and name.split()[0] in DEMONYMS:
                continue
            found.append((rank(offset + m.start(1)), name))
    return min(found)[1] if found else None


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
    lo, hi = sentence_bounds(text, q.start, q.end)
    clause = (claim.start, claim.end) if claim.start is not None and claim.end is not None else None
    if clause:
        lo, hi = min(lo, clause[0]), max(hi, clause[1])
    sentence = text[lo:hi]
    measure = measure_of(claim)
    verb = verb_of(claim.text or "", q.start - claim.start if claim.start is not None else None) or verb_of(
        sentence, q.start - lo)
    subject = subject_of(sentence, analysis.places, lo, clause, q.start)
    published = analysis.article.published.isoformat() if analysis.article.published else None
    when = claim_date(lo, hi, analysis.dates, published)
    if measure is None:
        return ClaimKey(None, subject, verb, when)
    key = "|".join((measure, subject or "-", verb or "-"))
    return ClaimKey(key, subject, verb, when)


def claim_keys(analysis: Analysis) -> list[ClaimKey]:
    return [claim_key(c, analysis) for c in analysis.claims]
