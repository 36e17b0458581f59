"""Shared test kit for the store and corpus tests: the store fixture (SQLite and PostgreSQL) and record builders.

Records are built by hand from short texts we wrote, with spans found in the text, so the corpus
logic is tested without the extractors.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import uuid

import pytest

from sayso.models import (Analysis, Article, Claim, Event, EventParty, Frame, Outcome, Place, Quantity, Quote, Result,
                          Speaker)
from sayso.store import open_store

PG_CANDIDATES = ("postgresql://postgres@127.0.0.1:5432/test", "postgresql://root@127.0.0.1:5432/test")


@functools.lru_cache(maxsize=1)
def pg_base_url() -> str | None:
    """A PostgreSQL URL that answers (SAYSO_TEST_PG_URL, else the local test server), or None."""
    import psycopg

    for url in ([os.environ["SAYSO_TEST_PG_URL"]] if os.environ.get("SAYSO_TEST_PG_URL") else PG_CANDIDATES):
        try:
            psycopg.connect(url, connect_timeout=2).close()
            return url
        except psycopg.Error:
            continue
    return None


def pg_schema_url() -> str:
    """A URL for a fresh throwaway schema; skips the test when no server answers."""
    base = pg_base_url()
    if base is None:
        pytest.skip("PostgreSQL not reachable at 127.0.0.1:5432 (database 'test', user postgres or root); "
                    "start it or set SAYSO_TEST_PG_URL")
    return f"{base}?schema=sayso_test_{uuid.uuid4().hex[:12]}"


def drop(url: str) -> None:
    if url.startswith("postgresql"):
        store = open_store(url, migrate=False)
        try:
            store.drop_schema()
        finally:
            store.close()


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """A store location on each backend; a PostgreSQL schema is dropped afterwards."""
    url = str(tmp_path / "corpus.db") if request.param == "sqlite" else pg_schema_url()
    yield url
    drop(url)


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


# -- builders ------------------------------------------------------------------------------------------
def find(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def speaker(text: str, name: str, mention: str | None = None, **kw) -> Speaker:
    mention = mention or name
    s, e = find(text, mention)
    return Speaker(name=name, start=s, end=e, text=mention, **kw)


def quote(text: str, said: str, who: Speaker | None, kind: str = "direct") -> Quote:
    s, e = find(text, said)
    return Quote(kind=kind, start=s, end=e, text=said, speaker=who)


def claim(text: str, number: str, value: float, *, counted: str | None = None, si_unit: str = "count",
          status: str = "claimed", source: Speaker | None = None, qualifier: str = "exact",
          value_max: float | None = None, clause: str | None = None, frame: Frame | None = None) -> Claim:
    s, e = find(text, number)
    q = Quantity(start=s, end=e, text=number, value=value, si_value=value, si_unit=si_unit, counted=counted,
                 qualifier=qualifier, value_max=value_max)
    cs, ce = find(text, clause) if clause else (None, None)
    return Claim(quantity=q, status=status, source=source, start=cs, end=ce, text=clause, frame=frame)


def frame(concept: str, kind: str = "stock", unit_kind: str = "count", **kw) -> Frame:
    """A claim frame as the extractor would give it (``whose``, ``place``, ``place_country``, ``when`` ...)."""
    return Frame(concept=concept, kind=kind, unit_kind=unit_kind, **kw)


def place(text: str, name: str, feature: str = "ADM1") -> Place:
    s, e = find(text, name)
    return Place(start=s, end=e, text=name, name=name, feature=feature)


def event(text: str, sentence: str, trigger: str, type_: str, subtype: str | None = None, *,
          actor: str | None = None, target: str | None = None, at: Place | None = None, date: str | None = None,
          fatalities: Claim | None = None, status: str = "asserted", source: Speaker | None = None) -> Event:
    """An event as the extractor would give it: the evidence ``sentence``, its ``trigger`` word, parties by name."""
    s, e = find(text, sentence)
    ts = text.index(trigger, s)
    party = lambda name: EventParty(name=name) if name else None  # noqa: E731
    return Event(type=type_, subtype=subtype, start=s, end=e, text=sentence, trigger=trigger, trigger_start=ts,
                 trigger_end=ts + len(trigger), actor=party(actor), target=party(target), place=at,
                 geo_precision=1 if at else None, date=date, time_precision=1 if date else None,
                 fatalities=int(fatalities.quantity.value) if fatalities else None, fatalities_claim=fatalities,
                 status=status, source=source, mentions=((s, e),))


def article(id: str, text: str, day: str, outlet: str, url: str | None = None) -> Article:
    return Article(id=id, text=text, published=dt.date.fromisoformat(day), source=outlet, url=url)


def stub_analyse(analyses: dict[str, Analysis]):
    """An ``analyse`` for ``ingest``: looks each article up in ``analyses`` (empty analysis if absent)."""
    def analyse(items):
        for item in items:
            if isinstance(item, Outcome):
                yield Result(item)
            else:
                found = analyses.get(item.id, Analysis(item))
                yield Result(Outcome(item.id, "ok", None, item.source), found)
    return analyse
