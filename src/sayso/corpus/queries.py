"""Corpus queries for the CLI and the Python API: quotes by speaker, claims, clusters, contradictions,
timelines, wire groups, entities and full-text search. Each takes an open store and returns records."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any, Callable, Iterable, Iterator, TypeVar

from sayso.corpus import linking, stances
from sayso.corpus.linking import date_last
from sayso.corpus.entities import EntityIndex
from sayso.corpus.names import is_name_form
from sayso.corpus.records import (ClaimCluster, Contradiction, EntityMention, EntityRecord, SearchHit, StoredClaim,
                                  StoredQuote, Timeline, WireGroup, _date)
from sayso.settings import Settings
from sayso.store import Store

_WORDS = re.compile(r"\w+", re.UNICODE)
log = logging.getLogger(__name__)
# What a stored row that does not hold what its record needs raises (see records._needed).
BAD_ROW = (ValueError, TypeError, KeyError, ArithmeticError)
R = TypeVar("R")


def records(rows: Iterable[dict[str, Any]], build: Callable[[dict[str, Any]], R], what: str) -> Iterator[R]:
    """``build(row)`` for each row; a bad stored row is skipped with one logged warning naming it."""
    for row in rows:
        try:
            yield build(row)
        except BAD_ROW as exc:
            log.warning("skipped a bad stored %s row (pk %s, article %s): %s", what, row.get("pk"),
                        row.get("article_id"), exc)


def _day(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def find_entities(store: Store, speaker: str, settings: Settings | None = None) -> list[int]:
    """Entity keys for a speaker as a user writes it: any spelling, surname alone, or a role."""
    settings = settings or Settings.from_env()
    return EntityIndex(store, threshold=settings.speaker_match).find(speaker)


def quotes(store: Store, *, speaker: str | None = None, since: dt.date | str | None = None,
           until: dt.date | str | None = None, limit: int | None = None,
           settings: Settings | None = None) -> Iterator[StoredQuote]:
    """Stored quotes, oldest first; ``speaker`` matches the linked entity under any of its names."""
    entity_pks = find_entities(store, speaker, settings) if speaker else None
    rows = store.quote_rows(entity_pks=entity_pks, speaker_like=speaker, since=_day(since), until=_day(until),
                            limit=limit)
    return records(rows, StoredQuote.from_row, "quote")


def claims(store: Store, *, about: str | None = None, since: dt.date | str | None = None,
           until: dt.date | str | None = None, measure: str | None = None,
           limit: int | None = None) -> Iterator[StoredClaim]:
    """Stored claims with a measure key; ``about`` matches the key, the subject or the clause text."""
    rows = store.claim_rows(about=about, measure_key=measure, since=_day(since), until=_day(until), limit=limit)
    return records(rows, StoredClaim.from_row, "claim")


def clustered_claims(store: Store, *, about: str | None = None, since: dt.date | str | None = None,
                     until: dt.date | str | None = None) -> list[StoredClaim]:
    """Stored claims each with the ``cluster`` linking puts it in (claims of one measure share it)."""
    members = [c for g in linking.clusters(claims(store, about=about, since=since, until=until)) for c in g.claims]
    return sorted(members, key=lambda c: (c.article_id, c.q_start or 0))


def claim_clusters(store: Store, *, about: str | None = None, since: dt.date | str | None = None,
                   until: dt.date | str | None = None) -> list[ClaimCluster]:
    """Claims grouped by measure, each with its number of independent origins (wire copies count once)."""
    return linking.clusters(claims(store, about=about, since=since, until=until))


def contradictions(store: Store, *, about: str | None = None, since: dt.date | str | None = None,
                   until: dt.date | str | None = None, settings: Settings | None = None) -> list[Contradiction]:
    """Claims on one measure, close in time, with incompatible values or opposing status, and statements
    one source makes and another denies (stance conflicts), strongest first."""
    settings = settings or Settings.from_env()
    found = list(linking.contradictions(claims(store, about=about, since=since, until=until),
                                        window_days=settings.contradiction_days, tolerance=settings.value_tolerance))
    said = quotes(store, since=since, until=until, settings=settings)
    unread = store.unread_quote_count()
    if unread:
        log.warning("%d stored quotes were analysed before sayso read what they assert or deny (store migration "
                    "0010): stance conflicts among them are not found; ingest their articles into a new store",
                    unread)
    if about:
        said = (q for q in said if about.lower() in q.text.lower())
    found.extend(stances.stance_conflicts(said))
    return sorted(found, key=lambda c: (-(c.strength or 0), c.days_apart if c.days_apart is not None else 10**6,
                                        c.measure_key, c.a.article_id, c.b.article_id))


def timeline(store: Store, *, about: str | None = None, measure: str | None = None,
             since: dt.date | str | None = None, until: dt.date | str | None = None) -> list[Timeline]:
    """Each matching measure's values over time, with source and status, wire copies folded."""
    lines = linking.timelines(claims(store, about=about, measure=measure, since=since, until=until))
    return [t for t in lines if measure is None or t.measure_key == measure]


def wire_groups(store: Store, *, min_size: int = 2) -> list[WireGroup]:
    """Groups of near-duplicate articles (wire copies), each led by its earliest article; an article's exact
    copies skipped at ingest are listed in its group and count towards ``min_size``."""
    groups: dict[int, list[dict]] = {}
    for r in store.group_rows():
        groups.setdefault(r["group_pk"] or r["pk"], []).append(r)
    copies: dict[int, list[str]] = {}
    for r in store.copy_rows():
        copies.setdefault(r["group_pk"] or r["copy_of_pk"], []).append(r["id"])
    out = []
    for pk, rows in groups.items():
        if len(rows) + len(copies.get(pk, ())) < min_size:
            continue
        rows.sort(key=lambda r: (date_last(_date(r["published"])), r["pk"]))
        out.append(WireGroup(group=pk, origin=rows[0]["id"], articles=tuple(r["id"] for r in rows),
                             outlets=tuple(sorted({r["source"] for r in rows if r["source"]})),
                             first=_date(rows[0]["published"]), copies=tuple(copies.get(pk, ()))))
    return sorted(out, key=lambda g: (-len(g.articles) - len(g.copies), g.origin))


def entities(store: Store) -> list[EntityRecord]:
    """Every speaker entity with the names and roles seen and its mentions with their spans, most quoted first.
    ``names`` are the names its mentions were resolved to, then every mention written as a name ("President
    Putin", "Mr Putin"; not "he" or "the Russian president")."""
    mentions: dict[int, list[EntityMention]] = {}
    for r in store.entity_mention_rows():
        mentions.setdefault(r["entity_pk"], []).append(EntityMention(
            article_id=r["article_id"], start=r["start_char"], end=r["end_char"], text=r["text"], name=r["name"]))
    out = []
    for e in store.entity_summary():
        seen = mentions.get(e["pk"], [])
        names = dict.fromkeys([*e["names"], *sorted({m.text for m in seen if m.text and is_name_form(m.text)})])
        out.append(EntityRecord(name=e["name"], kind=e["kind"], names=tuple(names), roles=tuple(e["roles"]),
                                mentions=tuple(seen), articles=e["articles"], entity=e["pk"],
                                mention_count=e["mentions"]))
    return out


def search(store: Store, query: str, *, limit: int = 20, kinds: tuple[str, ...] = ("articles", "quotes")
           ) -> list[SearchHit]:
    """Full-text search over articles (title and text) and quotes; every word must occur (stemmed)."""
    words = _WORDS.findall(query)
    return [SearchHit(kind=r["kind"], article_id=r["article_id"], title=r["title"], published=_date(r["published"]),
                      outlet=r["source"], snippet=" ".join((r["snippet"] or "").split()), speaker=r["speaker"])
            for r in store.search(words, limit=limit, what=kinds)]
