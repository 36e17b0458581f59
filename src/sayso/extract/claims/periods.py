"""When a claimed figure holds and what period it counts, read on the parse of its sentence.

"About 5,000 have fled since the fighting spread there in July" counts a period from July up to the
publication date; "over the past week" and "this week" count the seven days up to the figure's date,
"this year" the days since 1 January; "up from 41,000 a week earlier" dates the other figure, not this one.
The words are data (``recent_periods`` of ``data/measures_en.json``, number words of ``dates_words.json``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Sequence

from spacy.tokens import Doc, Span

from sayso.models import DateRef
from sayso.nlp.pipeline import doc_text


@dataclass(frozen=True)
class PeriodWords:
    recent: re.Pattern            # "over the past week", "in the last 10 days": a stretch up to the figure's date
    current: dict[str, int | str]  # "this week": the stretch now running, in days or from the month's/year's start
    units: dict[str, int]         # the days of each unit of a stretch ("week": 7)
    numbers: dict[str, int]       # "ten days"


@functools.lru_cache(maxsize=1)
def period_words() -> PeriodWords:
    data = resources.files("sayso.data")
    table = json.loads(data.joinpath("measures_en.json").read_text("utf-8"))["recent_periods"]
    numbers = json.loads(data.joinpath("dates_words.json").read_text("utf-8"))["numbers"]
    words = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    units = "|".join(map(re.escape, table["units"]))
    rx = (rf"\b(?:{'|'.join(table['openers'])})\s+the\s+(?:{'|'.join(table['recent'])})\s+"
          rf"(?:(?P<n>\d+|{words})\s+)?(?P<unit>{units})s?\b")
    return PeriodWords(re.compile(rx, re.IGNORECASE), dict(table["current"]), dict(table["units"]), numbers)


# "KYIV, March 3 (Wire) - ", "ADEN, Yemen — ": the dateline of a story's first line, the filing place and day
DATELINE = re.compile(r"^[A-Z][A-Z./' ]{2,}(?:,[^\n\-—–]{0,40})?\s[-—–]{1,2}\s", re.MULTILINE)


def _dateline_end(text: str) -> int:
    """Where the article's dateline ends (0 when it has none): its day is the filing day, not a figure's."""
    match = DATELINE.search(text, 0, 400)
    return match.end() if match else 0


def _stretch_days(match: re.Match, words: PeriodWords) -> int:
    n = (match.group("n") or "1").lower()
    count = int(n) if n.isdigit() else words.numbers.get(n, 1)
    return count * words.units[match.group("unit").lower()]


class Periods:
    """The date and period start of the figures of one parsed article."""

    def __init__(self, doc: Doc, dates: Sequence[DateRef], published: str | None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.dates = sorted(dates, key=lambda d: d.start)
        self.published = published
        self.words = period_words()
        self.dateline_end = _dateline_end(self.text)

    def _dates_in(self, sent: Span, span: Span) -> list[DateRef]:
        """The sentence's dates, less the dateline's and those of another figure ("up from 90,000 a week
        earlier")."""
        return [d for d in self.dates if max(sent.start_char, self.dateline_end) <= d.start < sent.end_char
                and d.value and not self._of_other_figure(d, span)]

    def _of_other_figure(self, d: DateRef, span: Span) -> bool:
        """Whether the date hangs on another figure's phrase before it meets a verb or the figure itself."""
        date = self.doc.char_span(d.start, d.end, alignment_mode="expand")
        tok = date.root if date is not None and len(date) else None
        for _ in range(3):
            if tok is None or tok.head.i == tok.i or tok.tag_.startswith("VB") or span.start <= tok.i < span.end:
                return False
            tok = tok.head
            if any(t.tag_ == "CD" and not span.start <= t.i < span.end
                   for t in [tok] + [c for c in tok.children if c.dep_ == "pobj"]):
                return True  # "up from 90,000 a week earlier": the date hangs on the other figure's phrase
        return False

    def when(self, sent: Span, span: Span) -> str | None:
        """The first date of the sentence that neither opens a period ("since July") nor names the stretch
        now running ("this week"), else the publication date."""
        for d in self._dates_in(sent, span):
            if not self._opens_period(d) and d.text.lower() not in self.words.current:
                return d.value
        return self.published

    def since(self, sent: Span, span: Span) -> str | None:
        """The start of the period the figure counts: a date that opens one ("since July", "since the fighting
        spread in July"), else so many days before its date for a recent stretch ("over the past week",
        "this week")."""
        opened = next((d.value for d in self._dates_in(sent, span) if self._opens_period(d)), None)
        if opened is not None:
            return opened
        days = next((self.words.current[d.text.lower()] for d in self._dates_in(sent, span)
                     if d.text.lower() in self.words.current), None)
        if days is None:
            match = self.words.recent.search(self.text, sent.start_char, sent.end_char)
            days = _stretch_days(match, self.words) if match else None
        when = self.when(sent, span)
        if days is None or when is None or len(when) != 10:
            return None
        if isinstance(days, str):  # "this year": from its first day
            return when[:4] + "-01-01" if days == "year" else when[:7] + "-01"
        return (dt.date.fromisoformat(when) - dt.timedelta(days=days)).isoformat()

    def _opens_period(self, d: DateRef) -> bool:
        """ "since July", "from March", or a date inside a clause opened by "since" ("since the fighting spread
        into the region in July"): the start of a period, not the figure's date."""
        before = self.text[max(0, d.start - 12):d.start].lower().split()
        if before and before[-1] in ("since", "from"):
            return True
        span = self.doc.char_span(d.start, d.end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        for _ in range(4):
            if tok is None or tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.lower_ == "since" and tok.dep_ == "prep":
                return True
            if tok.tag_.startswith("VB"):
                return any(c.lower_ == "since" and c.dep_ == "mark" for c in tok.children)
        return False
