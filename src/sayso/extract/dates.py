"""Date expressions resolved against the article's publication date.

Spans are found with precompiled patterns over the text (month-day dates, months, years,
weekdays, "yesterday", "last week", "two months ago" ...), so what counts as a date does not
depend on the statistical entity recogniser: ages and durations ("45 years old", "three years")
are not dates, while "Wednesday night" is. spaCy DATE entities that no pattern covers and that
name a month or a year are handed to dateparser (span text only, results cached and guarded).

Resolution follows news usage: a bare weekday is the most recent such day on or before
publication, unless its clause speaks of the future ("will", "next", "is due to"), then the next
one after it; a month-day or month without a year is the one closest to publication. Without a
publication date, anything relative stays unresolved (``value=None``) with a ``reason``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import logging
import re
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc

from sayso.extract.wordstarts import WordStartPattern, WordStarts
from sayso.models import DateRef, Note
from sayso.nlp.pipeline import doc_text

log = logging.getLogger(__name__)

NO_PUBLISHED = "relative date and no publication date to resolve it against"
OUT_OF_CALENDAR = "relative date that falls outside the calendar (years 1 to 9999) from this publication date"


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads(resources.files("sayso.data").joinpath("dates_words.json").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, WordStartPattern]]:
    w = _words()
    full = [m for m in w["months"] if len(m) > 4 or m in ("may", "june", "july")]
    abbr = w["month_abbreviations_need_dot"]
    mon = "(?:" + "|".join(sorted((m.capitalize() for m in full), key=len, reverse=True)) + "|" + \
        "|".join(sorted((a.capitalize() + r"\." for a in abbr), key=len, reverse=True)) + ")"
    # wire style writes "Oct 15" without the dot: a bare abbreviation counts only with a day number after it
    bare = "(?:" + "|".join(sorted((a.capitalize() for a in abbr), key=len, reverse=True)) + r")(?=\s+\d{1,2}\b)"
    dow = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    part = r"(?:\s+(?:morning|afternoon|evening|night))?"
    num = r"(?:\d{1,2}|[Aa]n?|[Oo]ne|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of)"
    ord_ = r"(?:st|nd|rd|th)?"
    yr = r"(?:1[6-9]\d\d|20\d\d)"
    mod = r"(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater|[Mm]id)[\s-]|[Tt]he (?:end|beginning|start|middle) of )"
    table = [
        ("mdy", rf"(?:(?P<dow>{dow}),?\s+)?(?:{mod})?(?P<mon>{mon}|{bare})\s+(?P<day>\d{{1,2}}){ord_}\b(?:,?\s+(?P<year>{yr})\b)?"),
        ("dmy", rf"(?:(?P<dow>{dow}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}}){ord_}\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<year>{yr})\b)?"),
        ("my", rf"(?:{mod})?(?P<mon>{mon}),?\s+(?:of\s+)?(?P<year>{yr})\b"),
        ("mon", rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his(?: past| coming)?)\s+|{mod})?(?P<mon>{mon})(?!\w)"
                r"(?:\s+(?P<rely>last year|this year|next year))?"),
        ("dow", rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his(?: past| coming)?|[Tt]he (?:previous|following)|"
                rf"[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?(?P<dow>{dow})\b{part}"),
        ("rday", rf"(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?(?P<rd>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|"
                 rf"[Ll]ast night)\b{part}"),
        ("rel", r"(?:(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+"
                r"(?P<unit>week|month|year)\b"),
        ("season", r"(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Tt]his past|[Tt]his coming)\s+)"
                   r"(?P<season>summer|spring|autumn|fall|winter)\b(?:\s+(?P<year>(?:19|20)\d\d)\b)?"),
        ("wkend", r"(?:(?:[Oo]ver|[Dd]uring|[Aa]t)\s+)?(?P<rel>[Tt]he|[Tt]his|[Ll]ast|[Nn]ext|[Tt]his past|[Tt]his coming)"
                  r"\s+weekend\b"),
        ("yend", r"(?:[Tt]he end of (?:the|this|last) year|(?:[Tt]he )?year[- ]end|[Yy]ear's end)\b"),
        ("ago", rf"(?:(?:[Nn]early|[Aa]lmost|[Aa]bout|[Ss]ome|[Mm]ore than|[Oo]ver|[Jj]ust over|[Ll]ess than|[Rr]oughly)\s+)?(?P<num>{num})\s+"
                r"(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before|later)\b"),
        ("year", rf"(?:(?P<ymod>{mod}|(?:[Ff]iscal|[Cc]alendar)\s+|(?:[Tt]he )?(?:[Ss]ummer|[Ss]pring|[Aa]utumn|[Ff]all|"
                 rf"[Ww]inter) of ))?(?<![/.\d])(?<!\d-)(?P<year>{yr})\b(?!s\b|/|\s*(?:%|percent|per cent)|,\d|\.\d|-\d)"),
        ("wyear", rf"(?:(?P<mon>{mon})\s+|(?P<pre>[Tt]he year)\s+)?{_spoken_year_rx()}"),
    ]
    # each opens at a word boundary, so it is tried only at the word starts whose letter can begin it
    return [(name, WordStartPattern(r"\b" + rx)) for name, rx in table]


def _spoken_year_rx() -> str:
    """"nineteen ninety-six", "twenty fifteen", "two thousand and one": years read out in transcripts."""
    w = _words()["spoken_years"]

    def alt(words) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    return (rf"(?i:(?P<wc>{alt(w['centuries'])})[\s-](?P<wt>{alt(w['tens'])})(?:[\s-](?P<wu>{alt(w['units'])}))?"
            rf"|(?P<wk>two thousand)(?:(?:\s+and)?[\s-](?P<wn>{alt(w['thousand_years'])}))?)\b(?![\s-](?:percent|per cent))")


def _spoken_year(g: dict) -> int:
    w = _words()["spoken_years"]
    if "wk" in g:
        return 2000 + w["thousand_years"].get(g.get("wn", "").lower(), 0)
    tens = w["tens"][g["wt"].lower()]
    return w["centuries"][g["wc"].lower()] + tens + (w["units"][g["wu"].lower()] if "wu" in g and tens >= 20 else 0)


@dataclass
class Match:
    start: int
    end: int
    kind: str
    groups: dict


def find_dates(text: str) -> list[Match]:
    """Non-overlapping date spans in text order; at a tie the longest match wins."""
    found: list[Match] = []
    starts = WordStarts(text)
    for kind, rx in _patterns():
        for m in rx.finditer(starts):
            found.append(Match(m.start(), m.end(), kind, {k: v for k, v in m.groupdict().items() if v}))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def extract_dates(doc: Doc, published: dt.date | None = None, notes: list[Note] | None = None) -> list[DateRef]:
    """Every date expression in ``doc``, resolved to YYYY-MM-DD / YYYY-MM / YYYY where possible."""
    text = doc_text(doc)
    if isinstance(published, dt.datetime):
        published = published.date()
    refs: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for m in find_dates(text):
        if not _plausible(m, text, doc):
            continue
        try:
            value, relative = resolve(m, text, published)
            reason = NO_PUBLISHED if value is None and relative and published is None else None
        except (OverflowError, ValueError):  # "last week" published on 0001-01-01, "next year" in 9999
            value, relative, reason = None, True, OUT_OF_CALENDAR
        if value is not None and not _in_calendar(value):  # "the end of last year" in year 1: year 0
            value, reason = None, OUT_OF_CALENDAR
        refs.append(DateRef(m.start, m.end, text[m.start:m.end], value, relative=relative, reason=reason))
        taken.append((m.start, m.end))
    refs.extend(_from_entities(doc, published, taken))
    refs.sort(key=lambda r: r.start)
    return refs


# ---------------------------------------------------------------- which matches are dates


def _plausible(m: Match, text: str, doc: Doc) -> bool:
    """Guards for the words that are dates only sometimes: "May", "March", bare years."""
    if m.kind == "mon" and m.groups["mon"].lower() in _words()["ambiguous_months"] and len(m.groups) == 1:
        return _word_before(text, m.start) in _words()["month_cues"]
    if m.kind == "year" and "ymod" not in m.groups:
        return _bare_year(m, text, doc)
    if m.kind in ("mdy", "dmy") and not 1 <= int(m.groups["day"]) <= 31:
        return False
    if m.kind == "wyear":
        return _spoken_year_plausible(m.groups, text, m.start)
    return True


def _spoken_year_plausible(g: dict, text: str, start: int) -> bool:
    """"two thousand" alone is a count, a year only after "in", "the year" or a month; "twenty
    thirty" is a count too, while "twenty fifteen" and "twenty twenty-two" are years."""
    if "mon" in g or "pre" in g:
        return True
    if "wk" in g:
        return _word_before(text, start) == "in"
    if g["wc"].lower() == "twenty":
        tens = _words()["spoken_years"]["tens"][g["wt"].lower()]
        return tens < 20 or (tens == 20 and "wu" in g)
    return True


def _word_before(text: str, pos: int) -> str:
    words = re.findall(r"[A-Za-z'-]+", text[max(0, pos - 25):pos])
    return words[-1].lower() if words else ""


def _bare_year(m: Match, text: str, doc: Doc) -> bool:
    """A bare 4-digit number is a year after a cue word ("in 1998") or inside a DATE entity."""
    before = text[max(0, m.start - 2):m.start]
    if "$" in before or "#" in before:
        return False
    if _word_before(text, m.start) in _words()["year_cues"]:
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "DATE" for t in span)


# ---------------------------------------------------------------- resolution


def resolve(m: Match, text: str, published: dt.date | None) -> tuple[str | None, bool]:
    """(value, relative) for a match; value None when it needs a publication date and has none."""
    g = m.groups
    kind = m.kind
    if kind in ("mdy", "dmy", "my") and "year" in g:
        return _absolute(g), False
    if kind == "year":
        return g["year"], False
    if kind == "wyear":
        year = _spoken_year(g)
        return (f"{year:04d}-{_month_number(g['mon']):02d}" if "mon" in g else f"{year:04d}"), False
    if published is None:
        return None, True
    future = _future(text, m.start, m.end)
    if kind in ("mdy", "dmy"):
        return _month_day(g, published, future), True
    if kind == "mon":
        return _month(g, published, future), True
    if kind == "dow":
        return _weekday(g, published, future).isoformat(), True
    if kind == "rday":
        word = g["rd"].lower()
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "last night": -1, "tomorrow": 1}[word]
        return (published + dt.timedelta(days=shift)).isoformat(), True
    if kind == "rel":
        return _relative_period(g, published), True
    if kind == "ago":
        return _ago(g, published), True
    if kind == "season":
        return _season(g, published, future), True
    if kind == "wkend":
        return _weekend(g, published, future).isoformat(), True
    if kind == "yend":
        year = published.year - 1 if "last" in text[m.start:m.end] else published.year
        return f"{year:04d}-12-31", True
    return None, True  # pragma: no cover - every kind is handled above


def _in_calendar(value: str) -> bool:
    """Whether a resolved value's year is one ISO 8601 writes with four digits (0001 to 9999)."""
    year = value.split("-")[0]
    return len(year) == 4 and year.isdigit() and year != "0000"


def _month_number(name: str) -> int:
    return _words()["months"][name.lower().rstrip(".")]


def _absolute(g: dict) -> str | None:
    year, month = int(g["year"]), _month_number(g["mon"])
    if "day" not in g:
        return f"{year:04d}-{month:02d}"
    day = int(g["day"])
    if day > calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _closest_year(month: int, day: int, published: dt.date, future: bool) -> int:
    """The year putting month-day closest to publication, leaning to the past as news does.

    A date more than 90 days ahead needs a future clause ("will be paid Jan. 3"); a past clause
    ("the year ended March 31") never looks ahead more than a week.
    """
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        day_ok = min(day, calendar.monthrange(year, month)[1])
        delta = (dt.date(year, month, day_ok) - published).days
        cost = abs(delta)
        if delta > (365 if future else 90):
            cost += 1000
        if future and delta < -7:
            cost += 400  # a future clause rarely means a date well in the past
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1]


def _month_day(g: dict, published: dt.date, future: bool) -> str:
    month, day = _month_number(g["mon"]), int(g["day"])
    year = _closest_year(month, day, published, future)
    if day > calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(g: dict, published: dt.date, future: bool) -> str:
    month = _month_number(g["mon"])
    rel = (g.get("rel") or "").lower()
    rely = (g.get("rely") or "").lower()
    if rely:
        year = published.year + {"last year": -1, "this year": 0, "next year": 1}[rely]
    elif rel == "last" or rel == "this past":
        year = published.year if month < published.month else published.year - 1
    elif rel == "next" or rel == "this coming":
        year = published.year if month > published.month else published.year + 1
    elif rel == "this":
        year = published.year
    else:
        year = _month_year(month, published, future)
    return f"{year:04d}-{month:02d}"


_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}


def _season(g: dict, published: dt.date, future: bool) -> str:
    """"last summer" -> the year of the latest summer that had ended by publication (northern seasons)."""
    if g.get("year"):
        return g["year"]
    rel = g["rel"].lower()
    end = _SEASON_END[g["season"]]
    ended_this_year = published.month > end
    if rel in ("last", "this past"):
        year = published.year if ended_this_year else published.year - 1
    elif rel in ("next", "this coming"):
        year = published.year + 1 if published.month >= end - 2 else published.year
    else:
        year = published.year
    return f"{year:04d}"


def _weekend(g: dict, published: dt.date, future: bool) -> dt.date:
    """The Saturday of the weekend meant: the latest one, the next one for "next" or a future clause."""
    rel = g["rel"].lower()
    back = (published.weekday() - 5) % 7
    if rel == "next" or rel == "this coming" or (future and rel in ("the", "this") and back != 0):
        return published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)
    if rel == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _month_year(month: int, published: dt.date, future: bool) -> int:
    """A bare month: the nearest one, looking at most three months ahead unless the clause is future."""
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        delta = (year * 12 + month) - (published.year * 12 + published.month)
        cost = abs(delta) + (0.5 if delta > 0 else 0)
        if delta > (12 if future else 3) or (future and delta < 0):
            cost += 100
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1]


def _weekday(g: dict, published: dt.date, future: bool) -> dt.date:
    target = _words()["weekdays"][g["dow"].lower()]
    rel = (g.get("rel") or "").lower()
    back = (published.weekday() - target) % 7          # days back to the most recent one, 0 = today
    ahead = (target - published.weekday()) % 7 or 7    # days ahead to the next one
    if rel in ("last", "the previous", "this past"):
        return published - dt.timedelta(days=back or 7)
    if rel in ("next", "the following", "this coming"):
        return published + dt.timedelta(days=ahead)
    if future and back != 0:
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _relative_period(g: dict, published: dt.date) -> str:
    rel, unit = g["rel"].lower(), g["unit"]
    step = {"this": 0, "last": -1, "next": 1}[rel]
    if unit == "year":
        return f"{published.year + step:04d}"
    if unit == "month":
        y, mth = divmod(published.year * 12 + published.month - 1 + step, 12)
        return f"{y:04d}-{mth + 1:02d}"
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=7 * step)
    middle = monday + dt.timedelta(days=3)
    return f"{middle.year:04d}-{middle.month:02d}"


def _ago(g: dict, published: dt.date) -> str:
    word = g["num"].lower()
    n = int(word) if word.isdigit() else _words()["numbers"].get(word, 1)
    sign = 1 if g["dir"].lower() == "later" else -1
    unit = g["unit"]
    if unit in ("day", "week"):
        return (published + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))).isoformat()
    months = n * (12 if unit == "year" else 1) * sign
    y, mth = divmod(published.year * 12 + published.month - 1 + months, 12)
    day = min(published.day, calendar.monthrange(y, mth + 1)[1])
    return dt.date(y, mth + 1, day).isoformat()


# a sentence end (not after an initial or a title: "Daniel P. Davison", "Mr. Smith"), a semicolon or a quote mark
_CLAUSE_END = re.compile(r"(?<![A-Z])(?<!Mr)(?<!Ms)(?<!Dr)(?<!St)(?<!Mrs)(?<!Gen)[.!?]\s+|[;\n]|[\"“”]")


@functools.lru_cache(maxsize=1)
def _tense_rx() -> re.Pattern:
    w = _words()

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(words, key=len, reverse=True))

    return re.compile(rf"(?<![\w'’])(?:(?P<future>{alt(w['future_markers'])})|(?P<past>{alt(w['past_markers'])}))(?![\w'’])",
                      re.IGNORECASE)


_AFTER_END = re.compile(r"[.,;!?\n\"“”]")


def _future(text: str, start: int, end: int) -> bool:
    """Whether the clause around a date speaks of the future ("will meet on Monday", "is due to ... Monday").

    The tense word nearest the date within its clause decides: a future marker ("will", "is due
    to", "next") or a past one ("said", "was", "ago"); words before the date are read first.
    """
    lo = max(0, start - 100)
    cut = [m.end() for m in _CLAUSE_END.finditer(text, lo, start)]
    lo = cut[-1] if cut else lo
    hi_m = _AFTER_END.search(text, end, min(len(text), end + 40))
    hi = hi_m.start() if hi_m else min(len(text), end + 40)
    before = list(_tense_rx().finditer(text, lo, start))
    if before:
        return before[-1].group("future") is not None
    after = _tense_rx().search(text, end, hi)
    return bool(after and after.group("future"))


# ---------------------------------------------------------------- spaCy DATE entities the patterns missed


_MONTH_OR_YEAR = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_TODAY = re.compile(r"\b(?:today|now|tonight)\b", re.I)
_DECADE = re.compile(r"\d0s\b|\bcentury\b|\bage[sd]?\b|\bold\b", re.I)


def _from_entities(doc: Doc, published: dt.date | None, taken: list[tuple[int, int]]) -> list[DateRef]:
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        if not _MONTH_OR_YEAR.search(ent.text) or _DECADE.search(ent.text) or _ambiguous_numeric(ent.text):
            continue
        value = parse_span(ent.text, published)
        if value is not None:
            out.append(DateRef(ent.start_char, ent.end_char, ent.text, value, relative=False))
    return out


_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b")


def _ambiguous_numeric(text: str) -> bool:
    """12/08/2024 is 12 August or December 8 depending on the writer: left unresolved, not guessed."""
    m = _NUMERIC.search(text)
    return bool(m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2))


@functools.lru_cache(maxsize=4096)
def parse_span(text: str, published: dt.date | None) -> str | None:
    """dateparser on one short span, with the news settings; None for odd or out-of-range results."""
    parser = _parser(published)
    if parser is None or _DECADE.search(text):
        return None
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError) as exc:  # dateparser raises these on odd input
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    when = data.date_obj
    if when is None or not 1600 <= when.year <= 2100:
        return None
    if published is not None and when.date() == published and not _TODAY.search(text):
        return None  # dateparser's fallback to the base date for text it could not read
    if published is not None and abs(when.year - published.year) > 200:
        return None
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}.get(data.period or "day", "%Y-%m-%d")
    return when.strftime(fmt)


@functools.lru_cache(maxsize=64)
def _parser(published: dt.date | None):
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a pinned dependency
        return None
    base = dt.datetime.combine(published or dt.date.today(), dt.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period", "REQUIRE_PARTS": ["year"]}
    return DateDataParser(languages=["en"], settings=settings)
