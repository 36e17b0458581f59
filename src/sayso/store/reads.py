"""Reading from the store: whole analyses back as records, and the flat rows the corpus queries use."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any, Iterator, Sequence

from sayso.models import (Analysis, Article, Claim, DateRef, Frame, Note, Place, Proposition, Quantity, Quote, Speaker,
                          from_dict)

log = logging.getLogger(__name__)
_TABLES = ("articles", "speakers", "quotes", "claims", "places", "dates", "notes", "entities", "outcomes", "runs")

_CLAIM_SELECT = (
    "SELECT c.pk, a.id AS article_id, a.title, a.url, a.published, a.source AS outlet, a.group_pk, c.seq,"
    " c.q_start, c.q_end, c.q_text, c.value, c.unit, c.si_value, c.si_unit, c.qualifier, c.value_max, c.counted,"
    " c.currency, c.status, c.start_char, c.end_char, c.text, c.cue, c.measure_key, c.subject, c.verb,"
    " c.claim_date, c.frame, s.name AS speaker, s.kind AS speaker_kind, s.role AS speaker_role, s.entity_pk,"
    " e.name AS entity"
    " FROM claims c JOIN articles a ON a.pk = c.article_pk LEFT JOIN speakers s ON s.pk = c.speaker_pk"
    " LEFT JOIN entities e ON e.pk = s.entity_pk")

_QUOTE_SELECT = (
    "SELECT q.pk, a.id AS article_id, a.title, a.url, a.published, a.source AS outlet, a.group_pk, q.seq, q.kind,"
    " q.start_char, q.end_char, q.text, q.cue, q.propositions, s.name AS speaker, s.kind AS speaker_kind,"
    " s.role AS speaker_role,"
    " s.entity_pk, e.name AS entity"
    " FROM quotes q JOIN articles a ON a.pk = q.article_pk LEFT JOIN speakers s ON s.pk = q.speaker_pk"
    " LEFT JOIN entities e ON e.pk = s.entity_pk")


def _published(value: Any, article_id: str) -> dt.date | None:
    """A stored publication date; an unreadable one is logged and read as none."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        log.warning("article %s: unreadable stored publication date %.40r, read as none", article_id, value)
        return None


def _date_filters(column: str, since: dt.date | None, until: dt.date | None) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if since:
        where.append(f"{column} >= ?")
        params.append(since.isoformat())
    if until:
        where.append(f"{column} <= ?")
        params.append(until.isoformat())
    return where, params


def propositions_of(text: str | None) -> tuple[Proposition, ...]:
    """A quote's stored propositions (a JSON list, or NULL for none)."""
    return tuple(from_dict(Proposition, d) for d in json.loads(text)) if text else ()


class Reads:
    """Read methods of a store."""

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and tests."""
        return {t: int(self.scalar(f"SELECT count(*) FROM {t}")) for t in _TABLES}

    def article_pk(self, article_id: str) -> int | None:
        return self.scalar("SELECT pk FROM articles WHERE id = ?", (article_id,))

    def get_analysis(self, article_id: str) -> Analysis | None:
        """The stored article and its records, rebuilt as the records ``analyze`` returned."""
        rows = self.rows("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        a = rows[0]
        article = Article(id=a["id"], text=a["text"], title=a["title"], url=a["url"],
                          published=_published(a["published"], a["id"]),
                          source=a["source"], language=a["language"])
        pk = a["pk"]
        speakers = {r["pk"]: Speaker(name=r["name"], start=r["start_char"], end=r["end_char"], text=r["text"],
                                     kind=r["kind"], role=r["role"], affiliation=r["affiliation"])
                    for r in self.rows("SELECT * FROM speakers WHERE article_pk = ?", (pk,))}
        quotes = tuple(Quote(kind=r["kind"], start=r["start_char"], end=r["end_char"], text=r["text"],
                             speaker=speakers.get(r["speaker_pk"]), cue=r["cue"], cue_start=r["cue_start"],
                             cue_end=r["cue_end"], act=r.get("act") or "statement",
                             propositions=propositions_of(r.get("propositions")))
                       for r in self.rows("SELECT * FROM quotes WHERE article_pk = ? ORDER BY seq", (pk,)))
        claims = tuple(_claim_from_row(r, speakers.get(r["speaker_pk"]))
                       for r in self.rows("SELECT * FROM claims WHERE article_pk = ? ORDER BY seq", (pk,)))
        places = tuple(Place(start=r["start_char"], end=r["end_char"], text=r["text"], name=r["name"],
                             country_code=r["country_code"], feature=r["feature"], lat=r["lat"], lon=r["lon"],
                             geonames_id=r["geonames_id"], admin1=r["admin1"], metonym=bool(r["metonym"]))
                       for r in self.rows("SELECT * FROM places WHERE article_pk = ? ORDER BY seq", (pk,)))
        dates = tuple(DateRef(start=r["start_char"], end=r["end_char"], text=r["text"], value=r["value"],
                              relative=bool(r["relative"]), reason=r["reason"])
                      for r in self.rows("SELECT * FROM dates WHERE article_pk = ? ORDER BY seq", (pk,)))
        notes = tuple(Note(extractor=r["extractor"], reason=r["reason"], start=r["start_char"], end=r["end_char"])
                      for r in self.rows("SELECT * FROM notes WHERE article_pk = ? ORDER BY pk", (pk,)))
        return Analysis(article, quotes, claims, places, dates, notes, self.article_events(pk))

    def unread_quote_count(self) -> int:
        """Quotes stored before their propositions were read (migration 0010): stance conflicts miss them."""
        return int(self.scalar("SELECT COUNT(*) FROM quotes WHERE propositions IS NULL") or 0)

    def article_ids(self) -> list[str]:
        return [r["id"] for r in self.rows("SELECT id FROM articles ORDER BY pk")]

    # -- linking support --------------------------------------------------------------------------
    def band_candidates(self, bands: Sequence[int], limit: int = 20) -> list[dict[str, Any]]:
        """Stored articles sharing at least one LSH band with ``bands``, most shared bands first."""
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        return self.rows(
            "SELECT a.pk, a.group_pk, a.minhash, count(*) AS shared FROM article_bands b"
            f" JOIN articles a ON a.pk = b.article_pk WHERE b.band IN ({marks})"
            " GROUP BY a.pk, a.group_pk, a.minhash ORDER BY shared DESC, a.pk LIMIT ?",
            (*bands, limit))

    def article_text(self, pk: int) -> str:
        return self.scalar("SELECT text FROM articles WHERE pk = ?", (pk,)) or ""

    def entity_rows(self) -> tuple[list[dict], list[dict], list[dict]]:
        """Entities, their aliases and their roles, for the entity linker's index."""
        return (self.rows("SELECT pk, name, kind, key FROM entities ORDER BY pk"),
                self.rows("SELECT alias, kind, entity_pk FROM entity_aliases"),
                self.rows("SELECT entity_pk, role_key, role, seen, first_seen, last_seen FROM entity_roles"))

    def entity_summary(self) -> list[dict[str, Any]]:
        """Every entity with its mention count, the names it was seen under, and its roles."""
        ents = self.rows(
            "SELECT e.pk, e.name, e.kind, count(s.pk) AS mentions, count(DISTINCT s.article_pk) AS articles"
            " FROM entities e JOIN speakers s ON s.entity_pk = e.pk GROUP BY e.pk, e.name, e.kind"
            " ORDER BY mentions DESC, e.name")
        names: dict[int, set[str]] = {}
        for r in self.rows("SELECT DISTINCT entity_pk, name FROM speakers WHERE entity_pk IS NOT NULL"):
            names.setdefault(r["entity_pk"], set()).add(r["name"])
        roles: dict[int, list[str]] = {}
        for r in self.rows("SELECT entity_pk, role FROM entity_roles ORDER BY seen DESC, role"):
            roles.setdefault(r["entity_pk"], []).append(r["role"])
        for e in ents:
            e["names"] = sorted(names.get(e["pk"], ()))
            e["roles"] = roles.get(e["pk"], [])
        return ents

    def entity_mention_rows(self) -> Iterator[dict[str, Any]]:
        """Every speaker mention linked to an entity, with its article id and span, by entity then position."""
        return self.iter_rows(
            "SELECT s.entity_pk, a.id AS article_id, s.start_char, s.end_char, s.text, s.name"
            " FROM speakers s JOIN articles a ON a.pk = s.article_pk WHERE s.entity_pk IS NOT NULL"
            " ORDER BY s.entity_pk, a.pk, s.start_char IS NULL, s.start_char, s.pk")

    def group_rows(self) -> list[dict[str, Any]]:
        """Every article with its wire-copy group, ordered by group then date."""
        return self.rows("SELECT pk, id, title, url, source, published, group_pk, group_score FROM articles"
                         " ORDER BY group_pk, published IS NULL, published, pk")

    def copy_rows(self) -> list[dict[str, Any]]:
        """Articles skipped at ingest as exact copies of a stored one: the copy's id and the stored article's pk."""
        return self.rows("SELECT c.id, a.pk AS copy_of_pk, a.group_pk FROM article_copies c"
                         " JOIN articles a ON a.id = c.copy_of ORDER BY c.id")

    # -- query rows -------------------------------------------------------------------------------
    def quote_rows(self, *, entity_pks: Sequence[int] | None = None, speaker_like: str | None = None,
                   since: dt.date | None = None, until: dt.date | None = None,
                   limit: int | None = None) -> Iterator[dict[str, Any]]:
        where, params = _date_filters("a.published", since, until)
        if entity_pks is not None or speaker_like:
            alts = []
            if entity_pks:
                alts.append(f"s.entity_pk IN ({','.join('?' * len(entity_pks))})")
                params.extend(entity_pks)
            if speaker_like:
                alts.append("lower(s.name) LIKE ?")
                params.append(f"%{speaker_like.lower()}%")
            where.append("(" + (" OR ".join(alts) or "1 = 0") + ")")
        sql = _QUOTE_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY a.published IS NULL, a.published, a.pk, q.seq"  # undated last on both backends
        sql += " LIMIT ?" if limit else ""
        return self.iter_rows(sql, (*params, limit) if limit else params)

    def claim_rows(self, *, about: str | None = None, measure_key: str | None = None,
                   since: dt.date | None = None, until: dt.date | None = None,
                   limit: int | None = None) -> Iterator[dict[str, Any]]:
        where, params = _date_filters("coalesce(c.claim_date, a.published)", since, until)
        if measure_key is None:
            where.append("c.measure_key IS NOT NULL")
        else:  # the key and its form with the side unknown ("troops|-"), which linking may fold into it
            where.append("c.measure_key IN (?, ?)")
            key = measure_key.split("@", 1)[0]  # an episode's label names its measure
            parts = key.split("|")
            params.extend([key, "|".join([parts[0], "-", *parts[2:]]) if len(parts) > 1 else key])
        if about:
            like = f"%{about.lower()}%"
            where.append("(lower(c.measure_key) LIKE ? OR lower(coalesce(c.text, '')) LIKE ?"
                         " OR lower(coalesce(c.subject, '')) LIKE ?)")
            params.extend([like, like, like])
        sql = _CLAIM_SELECT + " WHERE " + " AND ".join(where)
        when = "coalesce(c.claim_date, a.published)"
        sql += f" ORDER BY c.measure_key, {when} IS NULL, {when}, a.pk, c.seq"  # undated last on both backends
        sql += " LIMIT ?" if limit else ""
        return self.iter_rows(sql, (*params, limit) if limit else params)

    def search(self, words: Sequence[str], *, limit: int = 20, what: Sequence[str] = ("articles", "quotes")
               ) -> list[dict[str, Any]]:
        """Full-text hits over article text/titles and quote text, best first within each kind."""
        if not words:
            return []
        hits: list[dict[str, Any]] = []
        for kind in what:
            sql, _ = self._search_sql(kind)
            hits.extend(self.rows(sql, (self._search_query(list(words)), limit)))
        return hits

    def iter_spans(self) -> Iterator[tuple[str, str, int, int, str, str]]:
        """(article id, table, start, end, stored text, article text) for every span-holding record."""
        for table, start, end in (("quotes", "start_char", "end_char"), ("places", "start_char", "end_char"),
                                  ("dates", "start_char", "end_char"), ("claims", "q_start", "q_end"),
                                  ("speakers", "start_char", "end_char")):
            text_col = "q_text" if table == "claims" else "text"
            for r in self.iter_rows(f"SELECT a.id, t.{start} AS s, t.{end} AS e, t.{text_col} AS t, a.text AS doc"
                                    f" FROM {table} t JOIN articles a ON a.pk = t.article_pk"
                                    f" WHERE t.{start} IS NOT NULL"):
                yield r["id"], table, r["s"], r["e"], r["t"], r["doc"]


def _claim_from_row(r: dict[str, Any], source: Speaker | None) -> Claim:
    quantity = Quantity(start=r["q_start"], end=r["q_end"], text=r["q_text"], value=r["value"], unit=r["unit"],
                        si_value=r["si_value"], si_unit=r["si_unit"], qualifier=r["qualifier"],
                        value_max=r["value_max"], counted=r["counted"], currency=r["currency"])
    return Claim(quantity=quantity, status=r["status"], source=source, start=r["start_char"], end=r["end_char"],
                 text=r["text"], cue=r["cue"], frame=frame_from_json(r.get("frame")))


def frame_from_json(text: str | None) -> Frame | None:
    """The claim frame stored as JSON (None for claims stored before frames existed)."""
    return from_dict(Frame, json.loads(text)) if text else None
