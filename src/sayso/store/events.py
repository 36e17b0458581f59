"""Events in the store: one row per event of an article (the record as JSON beside the columns queries use)."""

from __future__ import annotations

import json
import logging
from typing import Any, Iterator

from sayso.models import Analysis, Claim, Event, EventParty, Place, Speaker, from_dict, to_dict

EVENTS_TABLE = (
    """CREATE TABLE events (
        pk {pk}, article_pk {big} NOT NULL, seq {big} NOT NULL, type TEXT NOT NULL, subtype TEXT,
        start_char {big} NOT NULL, end_char {big} NOT NULL, text TEXT NOT NULL, actor TEXT, target TEXT,
        place TEXT, country_code TEXT, lat {real}, lon {real}, geo_precision {big}, event_date TEXT,
        time_precision {big}, fatalities {big}, status TEXT NOT NULL, source TEXT, record TEXT NOT NULL)""",
    "CREATE INDEX events_article ON events (article_pk)",
    "CREATE INDEX events_type_date ON events (type, event_date)",
)

log = logging.getLogger(__name__)
_SELECT = ("SELECT e.pk, e.seq, e.record, a.id AS article_id, a.title, a.url, a.published, a.source AS outlet,"
           " a.group_pk"
           " FROM events e JOIN articles a ON a.pk = e.article_pk")


def _record(row: dict[str, Any]) -> dict[str, Any] | None:
    """The event's stored record; a row whose JSON is unreadable is skipped with a logged warning."""
    try:
        record = json.loads(row.pop("record"))
    except (TypeError, ValueError) as exc:
        record, why = None, f"unreadable JSON ({exc})"
    else:
        why = "the record is not a JSON object"
    if not isinstance(record, dict):
        log.warning("skipped a bad stored event row (pk %s, article %s): %s", row.get("pk"), row.get("article_id"), why)
        return None
    return record


def _name(party: Any) -> str | None:
    return getattr(party, "name", None)


def _claim(data: Any) -> Claim | None:
    return from_dict(Claim, data) if isinstance(data, dict) else None


def event_from_record(record: dict[str, Any]) -> Event:
    """The ``Event`` stored as ``to_dict`` JSON, with its nested records (parties, place, claims) rebuilt."""
    data = dict(record)
    for key in ("actor", "target"):
        data[key] = from_dict(EventParty, data.get(key)) if isinstance(data.get(key), dict) else None
    data["place"] = from_dict(Place, data["place"]) if isinstance(data.get("place"), dict) else None
    data["source"] = from_dict(Speaker, data["source"]) if isinstance(data.get("source"), dict) else None
    data["fatalities_claim"] = _claim(data.get("fatalities_claim"))
    data["figures"] = tuple(c for c in map(_claim, data.get("figures") or ()) if c is not None)
    data["mentions"] = tuple(tuple(m) for m in data.get("mentions") or ())
    data["weapons"] = tuple(data.get("weapons") or ())
    return from_dict(Event, data)


class Events:
    """Write and read methods for events; mixed into the store classes."""

    def _add_events(self, article_pk: int, analysis: Analysis) -> None:
        rows = []
        for i, ev in enumerate(analysis.events):
            place = ev.place
            rows.append((article_pk, i, ev.type, ev.subtype, ev.start, ev.end, ev.text, _name(ev.actor),
                         _name(ev.target), place.name if place else None, place.country_code if place else None,
                         place.lat if place else None, place.lon if place else None, ev.geo_precision, ev.date,
                         ev.time_precision, ev.fatalities, ev.status, _name(ev.source),
                         json.dumps(to_dict(ev), ensure_ascii=False)))
        self.executemany(
            "INSERT INTO events (article_pk, seq, type, subtype, start_char, end_char, text, actor, target, place,"
            " country_code, lat, lon, geo_precision, event_date, time_precision, fatalities, status, source, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def article_events(self, article_pk: int) -> tuple[Event, ...]:
        """The events of one stored article, in their order; a bad row is skipped with a logged warning."""
        events = []
        for row in self.rows("SELECT pk, record FROM events WHERE article_pk = ? ORDER BY seq", (article_pk,)):
            record = _record(row)
            if record is None:
                continue
            try:
                events.append(event_from_record(record))
            except (TypeError, ValueError, KeyError) as exc:
                log.warning("skipped a bad stored event row (pk %s): %s", row.get("pk"), exc)
        return tuple(events)

    def event_rows(self, *, type_: str | None = None, since: str | None = None, until: str | None = None
                   ) -> Iterator[dict[str, Any]]:
        """Stored events as their record dicts plus ``article_id``, ``published``, ``url``, ``outlet``, ``title``."""
        where, params = [], []
        if type_:
            where.append("e.type = ?")
            params.append(type_)
        if since:
            where.append("coalesce(e.event_date, a.published) >= ?")
            params.append(since)
        if until:
            where.append("coalesce(e.event_date, a.published) <= ?")
            params.append(until)
        query = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.pk, e.seq"
        for row in self.iter_rows(query, params):
            record = _record(row)
            if record is None:
                continue
            record.update({k: row[k] for k in ("article_id", "title", "url", "published", "outlet", "group_pk")})
            record["pk"], record["seq"] = row["pk"], row["seq"]
            yield record
