"""Where, when, how many dead and who says so: an event's fields from the other extractors' records.

Each function reads the records of the sentences that report one event (places, dates, claims,
quotes) and picks the one that belongs to it; none re-reads the raw text except for the short
word lists of events_en.json (relative times, hedges).
"""

from __future__ import annotations

import datetime as dt
import re

from sayso.extract.events import lexicon as lx
from sayso.models import Claim, DateRef, Place, Quote, Speaker

Span = tuple[int, int]
PRECISE = ("city", "town", "village", "site", "building", "airport", "port", "district", "sea")
NEAR_RX = re.compile(r"\b(?:near|outside|outskirts of|close to|(?:north|south|east|west)(?:east|west)?(?:ern)? of|"
                     r"around|on the (?:edge|approach(?:es)?) (?:of|to))\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
STATEMENT_RX = re.compile(r"\b(?:said|says|told|announced|reported|added|wrote|stated|confirmed|claimed)\s+(?:on\s+|late\s+|early\s+)?$", re.I)


def inside(span: Span, start: int | None, end: int | None) -> bool:
    return start is not None and end is not None and span[0] <= start and end <= span[1]


def _rank(place: Place) -> int:
    feature = (place.feature or "").lower()
    if feature in ("country", "area", "continent", "sea", "ocean"):
        return 3
    if feature in ("region", "admin1", "state", "province", "oblast"):
        return 2
    return 1


def pick_place(text: str, spans: list[Span], places: list[Place], trigger_at: int,
               avoid: list[Span]) -> tuple[Place | None, int | None]:
    """The most specific place named in the event's sentences, nearest the trigger; and its precision."""
    found = []
    for p in places:
        if p.metonym or p.lat is None or not any(inside(s, p.start, p.end) for s in spans):
            continue
        if any(a[0] <= p.start < a[1] for a in avoid):
            continue
        if p.end <= dateline_end(text):
            continue
        found.append(p)
    best = min(found, key=lambda p: (_rank(p), abs(p.start - trigger_at))) if found else None
    if best is None or _rank(best) > 1:
        told = _town_told(text, spans, places)
        if told is not None:  # "police were flown to the town": the town the article named before
            return told, 1
    if best is None:
        return None, None
    rank = _rank(best)
    if rank == 1 and NEAR_RX.search(text[max(0, best.start - 40):best.start]):
        return best, 2
    return best, (1 if rank == 1 else 3)


def _town_told(text: str, spans: list[Span], places: list[Place]) -> Place | None:
    """The town a definite "the town" ("the northern Shan State town", "the city centre") in the event's
    sentences stands for: the last town named before them, after the dateline, when only its own region or
    country was named since; None with no such phrase, or after another region ("Kyiv ... Luhansk ... the city")."""
    first = min(s[0] for s in spans)
    if not any(_definite_town_rx().search(text[s[0]:s[1]]) for s in spans):
        return None
    filed = dateline_end(text)
    before = sorted((p for p in places if not p.metonym and p.lat is not None and filed <= p.start
                     and p.end <= first), key=lambda p: p.start)
    wider = []
    for p in reversed(before):  # back over the town's own region or country ("Lalibela ... Amhara ... the town")
        if _rank(p) == 1:
            return p if all(_holds(w, p) for w in wider) else None
        wider.append(p)
    return None


def _holds(wide: Place, town: Place) -> bool:
    """``wide`` is the country or first-level region ``town`` lies in."""
    if wide.country_code != town.country_code:
        return False
    return _rank(wide) == 3 or (wide.admin1 is not None and wide.admin1 == town.admin1)


def _definite_town_rx() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(lx.word_set("anaphoric_towns"))))
    return re.compile(rf"\bthe\s+(?:[\w'’-]+\s+){{0,3}}(?:{words})\b(?!\s+of\b)", re.I)


def event_dates(text: str, dates: list[DateRef]) -> list[DateRef]:
    """Resolved dates that can date an event: not the start of a running total ("since April 2023")."""
    return [d for d in dates if d.value and not re.search(r"\bsince\s+(?:the\s+)?$", text[max(0, d.start - 12):d.start], re.I)]


def statement_date(text: str, d: DateRef) -> bool:
    """"said on Monday": the date of the statement, not of what it reports."""
    return bool(STATEMENT_RX.search(text[max(0, d.start - 25):d.start]))


def pick_date(text: str, spans: list[Span], dates: list[DateRef], trigger_at: int,
              published: dt.date | None) -> tuple[str | None, int | None]:
    """When the event happened: a date in its sentences (not the date of a statement), else a relative
    time word ("overnight") against the publication date; with ACLED's time precision."""
    candidates = []
    filed = dateline_end(text)
    for d in event_dates(text, dates):
        if not any(inside(s, d.start, d.end) for s in spans) or d.end <= filed:
            continue
        if published and d.value[:10] > published.isoformat():
            continue
        statement = statement_date(text, d)
        candidates.append((statement, abs(d.start - trigger_at), d))
    if candidates:
        _, _, best = min(candidates, key=lambda c: (c[0], c[1]))
        return best.value, _time_precision(best)
    if published is not None:
        for s in spans:
            low = text[s[0]:s[1]].lower()
            for word, offset in lx.words()["relative_times"].items():
                if re.search(rf"\b{word}\b", low):
                    return (published + dt.timedelta(days=offset)).isoformat(), 1
    return None, None


DATELINE_RX = re.compile(r"^\s*[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|[ .'’-]){1,40}(?:,\s*(?:[^\W\d_]|[ .]){2,30})?"  # "CÚCUTA"
                         r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                         r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")


def dateline_end(text: str) -> int:
    """Where the dateline ("KYIV, March 3 (Reuters) -") ends; 0 when the article has none."""
    m = DATELINE_RX.match(text[:120])
    return m.end() if m else 0


def _time_precision(d: DateRef) -> int:
    if any(w in d.text.lower() for w in lx.word_set("week_words")):
        return 2
    return 1 if len(d.value or "") == 10 else 3


def _nearest_keyword(text: str, start: int, end: int) -> str | None:
    """'kill' or 'injure': which kind of word sits nearest a figure, within its clause ("seven were hurt":
    a word right after the figure comes first)."""
    window_before = text[max(0, start - 45):start]
    window_after = text[end:end + 45]
    best: tuple[int, str] | None = None
    for kind, key in (("kill", "kill_words"), ("injure", "injury_words")):
        rx = lx.phrase_rx(key)
        for m in rx.finditer(window_after):
            if re.search(r"[;.,]", window_after[:m.start()]) or re.search(r"\band\b", window_after[:m.start()]):
                continue
            if best is None or m.start() - 20 < best[0]:
                best = (m.start() - 20, kind)
        for m in rx.finditer(window_before):
            dist = len(window_before) - m.end()
            if re.search(r"[;.]", window_before[m.end():]):
                continue
            if best is None or dist < best[0]:
                best = (dist, kind)
    return best[1] if best else None


def pick_figures(text: str, spans: list[Span], claims: list[Claim]) -> tuple[Claim | None, tuple[Claim, ...]]:
    """The death toll (the largest figure next to a word of killing) and the event's other figures."""
    toll: Claim | None = None
    others = []
    for c in claims:
        q = c.quantity
        if not any(inside(s, q.start, q.end) for s in spans):
            continue
        if q.si_unit not in (None, "count") or q.currency:
            others.append(c)
            continue
        if _nearest_keyword(text, q.start, q.end) == "kill" and q.value is not None:
            if toll is None or q.value > (toll.quantity.value or 0):
                if toll is not None:
                    others.append(toll)
                toll = c
                continue
        others.append(c)
    return toll, tuple(others)


def speaker_status(speaker: Speaker) -> str:
    """``reported`` for a generic unnamed source ("residents said", "local radio reported"), else ``claimed``."""
    words = speaker.name.lower().split()
    generic = speaker.kind in ("unnamed", "media") and bool({words[0], words[-1]} & lx.word_set("generic_sources"))
    return "reported" if generic else "claimed"


def _past_semicolon(text: str, trigger_at: int, q: Quote) -> bool:
    """"Sirens sounded after a rocket was fired; the army said it fell in an open area": a verb of saying after a
    semicolon reports its own clause, not the one before."""
    return q.cue_start is not None and q.cue_start > trigger_at and ";" in text[trigger_at:q.cue_start]


def pick_source(text: str, spans: list[Span], trigger_at: int, quotes: list[Quote],
                claims: list[Claim]) -> tuple[str, Speaker | None]:
    """Who reports the event and how: the speaker of a statement holding the trigger, else the source of
    a figure in the same sentence, else the reporter; hedges make it ``reported``, a verification
    disclaimer ``unverified``."""
    sent = next((s for s in spans if s[0] <= trigger_at < s[1]), spans[0])
    sentence = text[sent[0]:sent[1]]
    unverified = bool(lx.unverified_rx().search(sentence))
    speaker = None
    for q in quotes:
        if q.start <= trigger_at < q.end and q.speaker is not None and not _past_semicolon(text, trigger_at, q):
            speaker = q.speaker
            break
    if speaker is None:
        for c in claims:
            if c.source is not None and c.status in ("claimed", "reported") and inside(sent, c.start, c.end):
                speaker = c.source
                break
    if unverified:
        return "unverified", speaker
    if speaker is not None:
        return speaker_status(speaker), speaker
    if lx.hedge_rx().search(sentence):
        return "reported", None
    return "asserted", None
