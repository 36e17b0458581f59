"""Listings for browsing a corpus: articles page by page, and place mentions gathered for a map."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterator

from sayso.corpus.records import _date
from sayso.store import Store

_ARTICLE_SELECT = (
    "SELECT a.id, a.title, a.url, a.published, a.source, a.group_pk,"
    " (SELECT count(*) FROM quotes q WHERE q.article_pk = a.pk) AS quotes,"
    " (SELECT count(*) FROM claims c WHERE c.article_pk = a.pk) AS claims,"
    " (SELECT count(*) FROM places p WHERE p.article_pk = a.pk) AS places"
    " FROM articles a")


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One stored article without its text: what a listing shows, with its record counts."""

    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    outlet: str | None
    group: int | None
    quotes: int
    claims: int
    places: int


@dataclass(frozen=True, slots=True)
class PlaceMentions:
    """One resolved place across the corpus: how often it is mentioned and in which articles."""

    name: str
    country_code: str | None
    feature: str | None
    lat: float
    lon: float
    mentions: int
    articles: tuple[str, ...]


def _where(since: dt.date | None, until: dt.date | None, outlet: str | None) -> tuple[str, list[Any]]:
    where, params = [], []
    if since:
        where.append("a.published >= ?")
        params.append(since.isoformat())
    if until:
        where.append("a.published <= ?")
        params.append(until.isoformat())
    if outlet:
        where.append("lower(coalesce(a.source, '')) = ?")
        params.append(outlet.lower())
    return (" WHERE " + " AND ".join(where) if where else ""), params


def articles(store: Store, *, since: dt.date | None = None, until: dt.date | None = None,
             outlet: str | None = None, offset: int = 0, limit: int | None = None) -> Iterator[ArticleSummary]:
    """Stored articles, newest first, with their quote, claim and place counts."""
    where, params = _where(since, until, outlet)
    sql = _ARTICLE_SELECT + where + " ORDER BY a.published DESC, a.pk DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    elif offset:
        sql += " LIMIT -1 OFFSET ?" if store.dialect == "sqlite" else " OFFSET ?"
        params.append(offset)
    for r in store.iter_rows(sql, params):
        yield ArticleSummary(id=r["id"], title=r["title"], url=r["url"], published=_date(r["published"]),
                             outlet=r["source"], group=r["group_pk"], quotes=int(r["quotes"]),
                             claims=int(r["claims"]), places=int(r["places"]))


def place_mentions(store: Store, *, since: dt.date | None = None, until: dt.date | None = None,
                   metonyms: bool = False, max_articles: int = 50) -> list[PlaceMentions]:
    """Every resolved place with a point, most mentioned first; metonyms ("Moscow said") left out by default."""
    where, params = _where(since, until, None)
    cond = ["p.lat IS NOT NULL", "p.lon IS NOT NULL"] + ([] if metonyms else ["p.metonym = 0"])
    where = (where + " AND " if where else " WHERE ") + " AND ".join(cond)
    rows = store.rows(
        "SELECT coalesce(p.name, p.text) AS name, p.country_code, p.feature, p.lat, p.lon, a.id AS article_id,"
        " a.published FROM places p JOIN articles a ON a.pk = p.article_pk" + where +
        " ORDER BY a.published, a.pk, p.seq", params)
    found: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        key = (r["name"], round(float(r["lat"]), 4), round(float(r["lon"]), 4))
        entry = found.setdefault(key, {"row": r, "mentions": 0, "articles": {}})
        entry["mentions"] += 1
        entry["articles"].setdefault(r["article_id"], None)
    out = [PlaceMentions(name=k[0], country_code=e["row"]["country_code"], feature=e["row"]["feature"],
                         lat=k[1], lon=k[2], mentions=e["mentions"], articles=tuple(e["articles"])[:max_articles])
           for k, e in found.items()]
    return sorted(out, key=lambda p: (-p.mentions, p.name))
