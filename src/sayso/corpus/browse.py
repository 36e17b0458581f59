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


def _tables_with_article_pk(store: Store) -> list[str]:
    """Every table holding per-article rows (an ``article_pk`` column), so tables added later are cleaned too."""
    if store.dialect == "postgres":
        rows = store.rows("SELECT table_name AS name FROM information_schema.columns WHERE column_name = 'article_pk'"
                          " AND table_schema = current_schema() ORDER BY table_name")
        return [r["name"] for r in rows]
    names = [r["name"] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table'"
                                            " AND name NOT LIKE '%fts%' ORDER BY name")]
    return [n for n in names if any(c["name"] == "article_pk" for c in store.rows(f'PRAGMA table_info("{n}")'))]


def delete_article(store: Store, article_id: str) -> bool:
    """Remove one article and every record of it (and its search index entries); False when there is none.

    Speaker entities stay (other articles may name them); a wire group keeps its other members."""
    found = store.rows("SELECT pk, title, text FROM articles WHERE id = ?", (article_id,))
    if not found:
        return False
    pk = found[0]["pk"]
    with store.transaction():
        if store.dialect == "sqlite":
            store.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                          (pk, found[0]["title"] or "", found[0]["text"]))
            store.execute("INSERT INTO quotes_fts (quotes_fts, rowid, text)"
                          " SELECT 'delete', pk, text FROM quotes WHERE article_pk = ?", (pk,))
        tables = _tables_with_article_pk(store)
        for table in sorted(tables, key=lambda t: t == "speakers"):   # speakers last: quotes and claims name them
            store.execute(f'DELETE FROM "{table}" WHERE article_pk = ?', (pk,))
        store.execute("DELETE FROM articles WHERE pk = ?", (pk,))
    return True
