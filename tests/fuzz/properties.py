"""The properties every analysis must have, shared by the fuzz tests and the named regression tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import sayso
from sayso.batch import FAILED_PREFIX
from sayso.errors import ArticleRejected
from sayso.settings import Settings

SETTINGS = Settings(language_check=False)
LEAD = "Officials in the region gave an update on the fighting. "  # keeps every example past the too-short check
SORT_KEYS = {"quotes": lambda r: r.start, "claims": lambda r: r.quantity.start, "places": lambda r: r.start,
             "dates": lambda r: r.start, "events": lambda r: min(r.mentions)[0] if r.mentions else r.start}
# (an event is placed by its first mention; its own span is the most informative sentence, which may come later)


def _spans(record, text: str, where: str):
    """Every record with start/end/text, nested ones included (a quote's speaker, a claim's quantity)."""
    if isinstance(record, (list, tuple)):
        for n, item in enumerate(record):
            yield from _spans(item, text, f"{where}[{n}]")
        return
    if not dataclasses.is_dataclass(record):
        return
    names = {f.name for f in dataclasses.fields(record)}
    if {"start", "end", "text"} <= names and record.start is not None:
        yield where, record
    for name in sorted(names - {"article"}):
        value = getattr(record, name)
        if dataclasses.is_dataclass(value) or isinstance(value, (list, tuple)):
            yield from _spans(value, text, f"{where}.{name}")


def _analyse(text: str, published: dt.date | None):
    try:
        return sayso.analyze(text, published=published, settings=SETTINGS)
    except ArticleRejected:
        return None  # an outcome with a reason is a fine answer to a hostile text


def check_article(text: str, published: dt.date | None = None) -> sayso.Analysis | None:
    """The analysis of ``text`` (None when it is rejected with a reason), checked for the properties every
    analysis must have; raises AssertionError naming the record that breaks one."""
    first = _analyse(text, published)
    if first is None:
        return None
    failed = [n for n in first.notes if n.reason.startswith(FAILED_PREFIX)]
    assert not failed, f"an extractor raised: {failed}"
    for where, record in _spans(first, text, "analysis"):
        assert 0 <= record.start <= record.end <= len(text), f"{where} span {record.start}:{record.end} outside"
        assert text[record.start:record.end] == record.text, f"{where}: {text[record.start:record.end]!r} != " \
                                                             f"{record.text!r}"
    for note in first.notes:
        if note.start is not None:
            assert 0 <= note.start <= (note.end if note.end is not None else note.start) <= len(text), note
    for field, key in SORT_KEYS.items():
        starts = [key(r) for r in getattr(first, field, ())]
        assert starts == sorted(starts), f"{field} out of text order: {starts}"
    assert _analyse(text, published) == first, "a second run gave another analysis"
    return first
