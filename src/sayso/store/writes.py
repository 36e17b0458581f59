"""Writing to the store: one analysed article (text, records, spans, links), outcomes, runs, entities."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from sayso.models import Analysis, Outcome, Proposition, Speaker, to_dict
from sayso.store.base import now
from sayso.store.events import Events


def content_hash(text: str) -> str:
    """The hash that makes an article 'already stored' whatever its id: whitespace-normalised text."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


def propositions_text(propositions: tuple[Proposition, ...]) -> str:
    """A quote's propositions as stored: a JSON list, empty when it has none (NULL is left to quotes stored
    before migration 0010, which were never read for them)."""
    return json.dumps(to_dict(propositions), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class ClaimKey:
    """What measure a claim is about (``measure_key``), and when it was stated (``claim_date``)."""

    measure_key: str | None
    subject: str | None = None
    verb: str | None = None
    claim_date: str | None = None


@dataclass(frozen=True)
class Links:
    """What the corpus linker worked out for one article before it is stored."""

    group_pk: int | None = None          # the wire-copy group joined; None: the article starts its own
    group_score: float | None = None     # similarity to the group's closest member
    bands: Sequence[int] = ()            # MinHash LSH band hashes, for finding near-duplicates later
    minhash: str | None = None           # the encoded MinHash signature, to estimate similarity later
    entities: Mapping[Speaker, int] = field(default_factory=dict)   # speaker -> entity pk
    claim_keys: Sequence[ClaimKey] = ()  # aligned with ``analysis.claims``


class Writes(Events):
    """Write methods of a store; call them inside ``store.transaction()``."""

    def stored_keys(self, ids: Iterable[str], urls: Iterable[str], hashes: Iterable[str]) -> set[str]:
        """Which of these article ids, URLs and content hashes are already stored (as one set)."""
        found: set[str] = set()
        for column, values in (("id", ids), ("url", urls), ("content_hash", hashes)):
            values = sorted({v for v in values if v})
            for i in range(0, len(values), 500):
                part = values[i:i + 500]
                marks = ",".join("?" * len(part))
                found.update(r[column] for r in self.rows(
                    f"SELECT {column} FROM articles WHERE {column} IN ({marks})", part))
        return found

    def add_analysis(self, analysis: Analysis, links: Links | None = None) -> int | None:
        """Store one article and all its records; None when it was already stored (same id, URL or text)."""
        links = links or Links()
        art = analysis.article
        rows = self.rows(
            "INSERT INTO articles (id, url, content_hash, title, text, published, source, language,"
            " group_pk, group_score, minhash, run_pk, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING RETURNING pk",
            (art.id, art.url, content_hash(art.text), art.title, art.text,
             art.published.isoformat() if art.published else None, art.source, art.language,
             links.group_pk, links.group_score, links.minhash, getattr(self, "run_pk", None), now()))
        if not rows:
            return None
        pk = int(rows[0]["pk"])
        if links.group_pk is None:
            self.execute("UPDATE articles SET group_pk = ? WHERE pk = ?", (pk, pk))
        self._index_article(pk, art.title, art.text)
        self.executemany("INSERT INTO article_bands (band, article_pk) VALUES (?, ?)", [(b, pk) for b in links.bands])
        speakers = self._add_speakers(pk, analysis, links)
        self._add_quotes(pk, analysis, links, speakers)
        self._add_claims(pk, analysis, links, speakers)
        self._add_events(pk, analysis)
        self.executemany(
            "INSERT INTO places (article_pk, seq, start_char, end_char, text, name, country_code, feature, lat, lon,"
            " geonames_id, admin1, metonym) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(pk, i, p.start, p.end, p.text, p.name, p.country_code, p.feature, p.lat, p.lon, p.geonames_id,
              p.admin1, int(p.metonym)) for i, p in enumerate(analysis.places)])
        self.executemany(
            "INSERT INTO dates (article_pk, seq, start_char, end_char, text, value, relative, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(pk, i, d.start, d.end, d.text, d.value, int(d.relative), d.reason) for i, d in enumerate(analysis.dates)])
        self.executemany(
            "INSERT INTO notes (article_pk, extractor, reason, start_char, end_char) VALUES (?, ?, ?, ?, ?)",
            [(pk, n.extractor, n.reason, n.start, n.end) for n in analysis.notes])
        return pk

    def _add_speakers(self, article_pk: int, analysis: Analysis, links: Links) -> dict[Speaker, int]:
        """All the article's distinct speakers in one INSERT (one round trip); their keys by ``seq``."""
        distinct = list(dict.fromkeys([q.speaker for q in analysis.quotes if q.speaker]
                                      + [c.source for c in analysis.claims if c.source]
                                      + list(links.entities)))  # + organisations the speakers belong to
        if not distinct:
            return {}
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(distinct))
        params = [v for i, s in enumerate(distinct)
                  for v in (article_pk, i, s.name, s.start, s.end, s.text, s.kind, s.role, s.affiliation,
                            links.entities.get(s))]
        rows = self.rows("INSERT INTO speakers (article_pk, seq, name, start_char, end_char, text, kind, role,"
                         f" affiliation, entity_pk) VALUES {values} RETURNING pk, seq", params)
        by_seq = {r["seq"]: r["pk"] for r in rows}
        return {s: by_seq[i] for i, s in enumerate(distinct)}

    def _add_quotes(self, pk: int, analysis: Analysis, links: Links, seen: dict[Speaker, int]) -> None:
        if not analysis.quotes:
            return
        self.executemany(
            "INSERT INTO quotes (article_pk, seq, kind, start_char, end_char, text, speaker_pk, cue, cue_start,"
            " cue_end, act, propositions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(pk, i, q.kind, q.start, q.end, q.text, seen.get(q.speaker) if q.speaker else None, q.cue,
              q.cue_start, q.cue_end, q.act, propositions_text(q.propositions))
             for i, q in enumerate(analysis.quotes)])
        self._index_quotes(pk)

    def _add_claims(self, pk: int, analysis: Analysis, links: Links, seen: dict[Speaker, int]) -> None:
        rows = []
        for i, c in enumerate(analysis.claims):
            key = links.claim_keys[i] if i < len(links.claim_keys) else ClaimKey(None)
            q = c.quantity
            frame = json.dumps(to_dict(c.frame), sort_keys=True) if c.frame is not None else None
            rows.append((pk, i, q.start, q.end, q.text, q.value, q.unit, q.si_value, q.si_unit, q.qualifier,
                         q.value_max, q.counted, q.currency, c.status, seen.get(c.source) if c.source else None,
                         c.start, c.end, c.text, c.cue, key.measure_key, key.subject, key.verb, key.claim_date, frame))
        self.executemany(
            "INSERT INTO claims (article_pk, seq, q_start, q_end, q_text, value, unit, si_value, si_unit, qualifier,"
            " value_max, counted, currency, status, speaker_pk, start_char, end_char, text, cue, measure_key,"
            " subject, verb, claim_date, frame)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows)

    # -- runs and outcomes ------------------------------------------------------------------------
    def start_run(self, inputs: Sequence[str]) -> int:
        with self.transaction():
            self.run_pk = self.insert("INSERT INTO runs (started_at, inputs) VALUES (?, ?)",
                                      (now(), " ".join(inputs)[:2000]))
        return self.run_pk

    def finish_run(self, run_pk: int, counts: Mapping[str, int]) -> None:
        with self.transaction():
            self.execute("UPDATE runs SET finished_at = ?, ok = ?, skipped = ?, failed = ?, stored = ? WHERE pk = ?",
                         (now(), counts.get("ok", 0), counts.get("skipped", 0), counts.get("failed", 0),
                          counts.get("stored", 0), run_pk))

    def add_outcomes(self, outcomes: Iterable[Outcome]) -> None:
        self.executemany(
            "INSERT INTO outcomes (run_pk, article_id, status, reason, origin, at) VALUES (?, ?, ?, ?, ?, ?)",
            [(getattr(self, "run_pk", None), o.article_id, o.status, o.reason, o.origin, now()) for o in outcomes])

    # -- exact copies skipped at ingest -------------------------------------------------------------
    def stored_twins(self, hashes: Iterable[str], urls: Iterable[str]) -> dict[str, str]:
        """The stored article id under each of these content hashes and URLs (those stored only)."""
        found: dict[str, str] = {}
        for column, values in (("content_hash", hashes), ("url", urls)):
            values = sorted({v for v in values if v})
            for i in range(0, len(values), 500):
                part = values[i:i + 500]
                found.update((r[column], r["id"]) for r in self.rows(
                    f"SELECT id, {column} FROM articles WHERE {column} IN ({','.join('?' * len(part))})", part))
        return found

    def add_copies(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Record articles skipped as exact copies: (the copy's id, the id of the stored article it copies)."""
        self.executemany("INSERT INTO article_copies (id, copy_of, run_pk) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         [(copy, twin, getattr(self, "run_pk", None)) for copy, twin in pairs])

    # -- entities ---------------------------------------------------------------------------------
    def create_entity(self, name: str, kind: str, key: str) -> int:
        return self.insert("INSERT INTO entities (name, kind, key) VALUES (?, ?, ?)", (name, kind, key))

    def rename_entity(self, pk: int, name: str, key: str) -> None:
        self.execute("UPDATE entities SET name = ?, key = ? WHERE pk = ?", (name, key, pk))

    def add_alias(self, alias: str, kind: str, entity_pk: int) -> None:
        self.execute("INSERT INTO entity_aliases (alias, kind, entity_pk) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                     (alias, kind, entity_pk))

    def add_role(self, entity_pk: int, role_key: str, role: str, day: str | None = None) -> None:
        """One more sighting of an entity in a role, on ``day`` (ISO date) when known."""
        self.execute(
            "INSERT INTO entity_roles (entity_pk, role_key, role, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (entity_pk, role_key) DO UPDATE SET seen = entity_roles.seen + 1,"
            " first_seen = CASE WHEN entity_roles.first_seen IS NULL OR excluded.first_seen < entity_roles.first_seen"
            " THEN coalesce(excluded.first_seen, entity_roles.first_seen) ELSE entity_roles.first_seen END,"
            " last_seen = CASE WHEN entity_roles.last_seen IS NULL OR excluded.last_seen > entity_roles.last_seen"
            " THEN coalesce(excluded.last_seen, entity_roles.last_seen) ELSE entity_roles.last_seen END",
            (entity_pk, role_key, role, day, day))
