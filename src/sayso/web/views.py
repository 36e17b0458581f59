"""What the routes and pages show: corpus queries paged, filtered and turned into plain JSON-ready data.

Thin over ``sayso.corpus``: each function calls one or two query functions and reshapes their
records. Records are read through their fields with ``to_dict``, so fields added to them later
(by the linking or events work) flow through to the API and the pages unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import threading
from collections import OrderedDict
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from sayso import corpus
from sayso.corpus import browse
from sayso.models import Analysis
from sayso.settings import Settings
from sayso.store import Store
from sayso.web.errors import ApiError

MAX_LIMIT = 500


_PLAIN = (str, int, float, bool, type(None))
_SHAPES: dict[type, tuple[tuple[str, ...], bool]] = {}


def _shape(kind: type) -> tuple[tuple[str, ...], bool]:
    """A record type's field names, and whether it has a ``source`` property (cached per type)."""
    shape = _SHAPES.get(kind)
    if shape is None:
        shape = (tuple(f.name for f in dataclasses.fields(kind)), isinstance(getattr(kind, "source", None), property))
        _SHAPES[kind] = shape
    return shape


def jsonify(record: Any) -> Any:
    """A record as plain data; dates become ISO strings, and a claim's ``source`` property is kept."""
    if isinstance(record, _PLAIN):
        return record
    if isinstance(record, (list, tuple)):
        return [jsonify(r) for r in record]
    if isinstance(record, (dt.date, dt.datetime)):
        return record.isoformat()
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        names, has_source = _shape(type(record))
        data = {n: jsonify(getattr(record, n)) for n in names}
        if has_source:
            data["source"] = record.source
        return data
    if isinstance(record, dict):
        return {k: jsonify(v) for k, v in record.items()}
    return record


_CACHE: OrderedDict[tuple, Any] = OrderedDict()
_CACHE_LOCK = threading.Lock()
CACHE_SIZE = 64


def data_version(store: Store) -> tuple:
    """What changes whenever an ingest stores or relinks anything: articles and runs, counted and last."""
    row = store.rows("SELECT (SELECT count(*) FROM articles) AS n, (SELECT max(pk) FROM articles) AS last,"
                     " (SELECT max(pk) FROM runs) AS runs")[0]
    return (row["n"], row["last"], row["runs"])


def cached(store: Store, name: str, compute: Callable[[], Any], *key: Any) -> Any:
    """``compute()`` once per store, data version and ``key``: the whole-corpus queries (clusters,
    contradictions, timelines) are recomputed only after an ingest changed the store."""
    full = (store.url, data_version(store), name, key)
    with _CACHE_LOCK:
        if full in _CACHE:
            _CACHE.move_to_end(full)
            return _CACHE[full]
    value = compute()
    with _CACHE_LOCK:
        _CACHE[full] = value
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def contradictions(store: Store, settings: Settings, about: str | None = None, since: dt.date | None = None,
                   until: dt.date | None = None) -> list[Any]:
    return cached(store, "contradictions", lambda: list(corpus.contradictions(
        store, about=about, since=since, until=until, settings=settings)), about, since, until,
        settings.contradiction_days, settings.value_tolerance)


def clusters(store: Store, about: str | None = None, since: dt.date | None = None,
             until: dt.date | None = None) -> list[Any]:
    return cached(store, "clusters", lambda: list(corpus.claim_clusters(store, about=about, since=since,
                                                                         until=until)), about, since, until)


def timeline(store: Store, about: str | None = None, measure: str | None = None) -> list[Any]:
    return cached(store, "timeline", lambda: list(corpus.timeline(store, about=about, measure=measure)),
                  about, measure)


@dataclass(frozen=True)
class Page:
    """One page of a listing: its items, where it starts, its size, and whether more follow."""

    items: list[Any]
    offset: int
    limit: int
    more: bool


def page(records: Iterable[Any], offset: int, limit: int) -> Page:
    rows = list(itertools.islice(records, offset, offset + limit + 1))
    return Page(rows[:limit], offset, limit, len(rows) > limit)


@dataclass(frozen=True)
class ClaimFilter:
    """The ledger's filters: those of ``sayso claims`` plus source, status and place."""

    about: str | None = None
    measure: str | None = None
    source: str | None = None
    status: str | None = None
    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def keeps(self, c: Any) -> bool:
        if self.status and c.status != self.status:
            return False
        if self.source and self.source.lower() not in " ".join(
                x for x in (c.source, c.speaker, c.entity) if x).lower():
            return False
        if not self.place:
            return True
        frame_place = getattr(getattr(c, "frame", None), "place", None)
        where = " ".join(str(x) for x in (c.subject, frame_place, c.measure_key) if x)
        return self.place.lower() in where.lower()


def claims(store: Store, f: ClaimFilter) -> Iterator[Any]:
    rows = corpus.claims(store, about=f.about, measure=f.measure, since=f.since, until=f.until)
    return (c for c in rows if f.keeps(c))


def measures(store: Store) -> list[str]:
    """Every measure key with at least one claim, for the ledger's and timeline's pickers."""
    return cached(store, "measures", lambda: sorted({c.measure_key for c in corpus.claim_clusters(store)}))


# -- one article -------------------------------------------------------------------------------------
def analysis(store: Store, article_id: str) -> Analysis:
    found = store.get_analysis(article_id)
    if found is None:
        raise ApiError(404, f"no article with id {article_id!r}; list them at /api/articles", "not_found")
    return found


def _same(stored: Any, claim: Any) -> bool:
    """Whether a stored claim is this claim of the article (a contradiction's side may also be a quote):
    by the figure's span when the record carries it, else by the figure's and the clause's text."""
    if getattr(stored, "q_start", None) is not None:
        return (stored.q_start, getattr(stored, "q_end", None)) == (claim.quantity.start, claim.quantity.end)
    return (getattr(stored, "quantity", None) == claim.quantity.text
            and (getattr(stored, "text", None) or None) == (claim.text or None))


def claim_links(store: Store, found: Analysis, settings: Settings) -> list[dict[str, Any]]:
    """For each claim of the article (in order): its measure, how many claims share it, its contradictions."""
    art = found.article
    if not found.claims or art.published is None:
        return [{} for _ in found.claims]
    reach = dt.timedelta(days=max(settings.contradiction_days, 31))
    mine = [c for c in corpus.claims(store, since=art.published - reach, until=art.published + reach)
            if c.article_id == art.id]
    conflicts = [x for x in contradictions(store, settings, None, art.published - 2 * reach,
                                           art.published + 2 * reach) if art.id in (x.a.article_id, x.b.article_id)]
    sizes: dict[str, int] = {}
    out = []
    for claim in found.claims:
        stored = next((c for c in mine if _same(c, claim)), None)
        if stored is None:
            out.append({})
            continue
        mine.remove(stored)
        key = stored.measure_key
        if key not in sizes:
            sizes[key] = cached(store, "cluster size", lambda: sum(1 for _ in corpus.claims(store, measure=key)), key)
        against = []
        for x in conflicts:
            this, other = (x.a, x.b) if x.a.article_id == art.id and _same(x.a, claim) else (x.b, x.a)
            if this.article_id == art.id and _same(this, claim):
                against.append({"reason": x.reason, "kind": getattr(x, "kind", None), "other": jsonify(other)})
        out.append({"measure_key": key, "cluster_size": sizes[key], "date": jsonify(stored.date),
                    "contradictions": against})
    return out


def article(store: Store, article_id: str, settings: Settings) -> dict[str, Any]:
    found = analysis(store, article_id)
    data = found.to_dict()
    data["links"] = claim_links(store, found, settings)
    data["speakers"] = speaker_legend(found)
    data["event_links"] = article_event_links(store, article_id, len(found.events)) if found.events else []
    return data


def speaker_legend(found: Analysis) -> list[dict[str, Any]]:
    """The article's speakers in order of first quote, each with a colour index and a quote count."""
    counts = Counter(q.speaker.name for q in found.quotes if q.speaker)
    order = list(dict.fromkeys(q.speaker.name for q in found.quotes if q.speaker))
    return [{"name": n, "colour": i % 12, "quotes": counts[n]} for i, n in enumerate(order)]


# -- a speaker ---------------------------------------------------------------------------------------
def speaker(store: Store, name: str, settings: Settings, limit: int = 1000) -> dict[str, Any]:
    entity = next((e for e in corpus.entities(store) if e.name == name), None)
    quotes = list(corpus.quotes(store, speaker=name, settings=settings, limit=limit))
    said = [c for c in corpus.claims(store) if name in (c.entity, c.speaker)][:limit]
    if entity is None and not quotes and not said:
        raise ApiError(404, f"no speaker called {name!r}; list them at /api/entities", "not_found")
    outlets = Counter(x.outlet for x in [*quotes, *said] if x.outlet)
    names = entity.names if entity else tuple(sorted({q.speaker for q in quotes if q.speaker}))
    return {"name": name, "entity": jsonify(entity), "names": list(names),
            "roles": list(entity.roles) if entity else [],
            "outlets": [{"outlet": o, "count": n} for o, n in outlets.most_common()],
            "quotes": jsonify(quotes), "claims": jsonify(said)}


# -- events ----------------------------------------------------------------------------------------
def event_groups(store: Store, where: corpus.EventFilter = corpus.EventFilter()) -> list[corpus.EventGroup]:
    """The store's events as occurrences (linked once per data version), kept by ``where``."""
    groups = cached(store, "events", lambda: corpus.find_events(store))
    return [g for g in groups if where.keeps(g)]


def events(store: Store, where: corpus.EventFilter = corpus.EventFilter()) -> list[dict[str, Any]]:
    return [corpus.event_json(g) for g in event_groups(store, where)]


def event(store: Store, event_id: int) -> dict[str, Any]:
    """One occurrence with its reports, by its id or any of its reports' ids."""
    found = next((g for g in event_groups(store) if any(int(r["pk"]) == event_id for r in g.reports)), None)
    if found is None:
        raise ApiError(404, f"no event with id {event_id}; list them at /api/events", "not_found")
    return corpus.event_json(found)


def article_event_links(store: Store, article_id: str, count: int) -> list[dict[str, Any]]:
    """For each event of the article (in order): the occurrence it belongs to and how many reports it has."""
    links: dict[int, dict[str, Any]] = {}
    for g in event_groups(store):
        for r in g.reports:
            if r["article_id"] == article_id:
                since, until = day_range(g.day) or (None, None)
                links[int(r["seq"])] = {"event": g.id, "reports": len(g.reports), "articles": g.articles,
                                        "type": g.lead["type"], "day": g.day or None, "since": since, "until": until}
    return [links.get(i, {}) for i in range(count)]


def day_range(day: str | None) -> tuple[str, str] | None:
    """The first and last days ('YYYY-MM-DD') of a day, a month or a year ('2024-08-20', '2024-08', '2024'), for
    a date filter that must hold an event dated only to its month or year; None for anything else."""
    try:
        if day and len(day) == 10:
            return dt.date.fromisoformat(day).isoformat(), day
        if day and len(day) == 7:
            first = dt.date.fromisoformat(f"{day}-01")
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return first.isoformat(), last.isoformat()
        if day and len(day) == 4 and day.isdigit():
            return f"{day}-01-01", f"{day}-12-31"
    except ValueError:
        return None
    return None


# -- the map -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MapView:
    places: list[browse.PlaceMentions]
    box: tuple[float, float, float, float] = field(default=(-180.0, -90.0, 360.0, 180.0))
    events: list[dict[str, Any]] = field(default_factory=list)


def _point(e: dict[str, Any]) -> tuple[float, float] | None:
    place = e.get("place") or {}
    return (place["lon"], place["lat"]) if place.get("lat") is not None and place.get("lon") is not None else None


def map_view(store: Store, since: dt.date | None = None, until: dt.date | None = None,
             where: corpus.EventFilter | None = None) -> MapView:
    """The places and the events with points, and a viewBox (x, y, w, h in degrees) framing them with a margin."""
    places = browse.place_mentions(store, since=since, until=until)
    evs = [e for e in events(store, where or corpus.EventFilter(since=since, until=until)) if _point(e)]
    points = [(p.lon, p.lat) for p in places] + [_point(e) for e in evs]
    if not points:
        return MapView(places, events=evs)
    lons, lats = [x for x, _ in points], [y for _, y in points]
    west, east = max(-180.0, min(lons) - 10), min(180.0, max(lons) + 10)
    south, north = max(-90.0, min(lats) - 8), min(90.0, max(lats) + 8)
    return MapView(places, (west, -north, east - west, north - south), evs)
