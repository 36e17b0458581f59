"""Cross-article events: the same occurrence reported by several outlets becomes one event with several reports.

Two reports are one event when they have the same type (sub-types agree or one is unknown), their
places agree (the same place or points within 25 km, though two towns of different names only when a
report puts its event near a town; a region holds the places of its first-level unit, a country those
of the country), their dates fall within a short window (a day for day-precise dates; a month-precise
date holds its days), their actors do not conflict, and the kinds of weapon they name overlap when both
name one (a glide bomb and a drone are two strikes). Reports without a date join only when their
articles appeared within ``window_days`` of each other and their places agree; a report without a place
joins one with a place only on the same day with the same sub-type and actor. Groups are the connected
reports (union-find), so a chain of agreeing reports is one event; counts are then of events, not articles.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from sayso.extract.events import lexicon as lx
from sayso.models import STATUSES

NEAR_KM = 25.0
REGION_KM = 200.0  # a region without its admin1 code holds places this close to its centre
BROAD = ("country", "region", "sea", "area")


@dataclass
class EventGroup:
    """One occurrence and the reports of it (each a stored event row, with its article id)."""

    id: int
    reports: list[Mapping[str, Any]] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({str(r["article_id"]) for r in self.reports})

    @property
    def day(self) -> str:
        """When it happened, else when it was first reported ('' if neither): see ``day_of``."""
        return day_of(self)

    @property
    def lead(self) -> Mapping[str, Any]:
        """The report with the most fields filled (the most specific place first), for the summary row."""
        def filled(r):
            place = r.get("place") or {}
            return (bool(place) + (place.get("feature") not in BROAD if place else 0), bool(r.get("date")),
                    bool(r.get("actor")), bool(r.get("target")), r.get("fatalities") is not None)
        return max(self.reports, key=filled)


def _km(a: Mapping, b: Mapping) -> float:
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    dp, dl = p2 - p1, math.radians(b["lon"] - a["lon"])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def places_agree(a: Mapping | None, b: Mapping | None, near: bool = True) -> bool:
    """Two towns of different names are two places however close when both reports put the event in the
    town itself (``near`` False: ACLED's geo_precision 1 on both)."""
    if not a or not b:
        return False
    if a.get("name") and a.get("name") == b.get("name"):
        return True
    towns = a.get("feature") == "city" and b.get("feature") == "city"  # and the names differ
    if None not in (a.get("lat"), b.get("lat")) and _km(a, b) <= NEAR_KM and (near or not towns):
        return True
    if (a.get("feature") in BROAD) != (b.get("feature") in BROAD):
        if not a.get("country_code") or a.get("country_code") != b.get("country_code"):
            return False
        outer, inner = (a, b) if a.get("feature") in BROAD else (b, a)
        if outer.get("feature") == "country":
            return True
        if outer.get("admin1") and inner.get("admin1"):  # a region holds the places of its own first-level unit
            return outer["admin1"] == inner["admin1"]
        return None not in (a.get("lat"), b.get("lat")) and _km(a, b) <= REGION_KM
    return False


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def dates_agree(a: str | None, b: str | None, days: int = 1) -> bool:
    if not a or not b:
        return False
    da, db = _day(a), _day(b)
    if da and db:
        return abs((da - db).days) <= days
    return a.startswith(b) or b.startswith(a)


def _name(party: Any) -> str | None:
    return party.get("name") if isinstance(party, Mapping) else None


def actors_agree(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two reports' actors are one party: the same side, or names whose own words (past the words for a
    force or a group's members) one holds all of the other's ("M23" and "fighters of the AFC/M23 alliance",
    "Viv Ansanm" and "the Viv Ansanm gang coalition"; not "Syrian government" and "Syrian Democratic Forces")."""
    if a.get("country_code") and a.get("country_code") == b.get("country_code") \
            and a.get("kind") == "side" and b.get("kind") == "side":
        return True
    x, y = _core_words(a.get("name")), _core_words(b.get("name"))
    return bool(x and y and (x <= y or y <= x))


def _core_words(name: Any) -> frozenset[str]:
    words = re.findall(r"[^\W_]+", str(name or "").lower())
    generic = lx.word_set("unsided_forces") | lx.word_set("group_members") | _FILLER
    return frozenset(w for w in words if w not in generic)


_FILLER = frozenset({"the", "of", "a", "an", "and", "alliance", "coalition", "group"})


def same_event(a: Mapping[str, Any], b: Mapping[str, Any], window_days: int = 2) -> bool:
    """Whether two reports from different articles describe one occurrence."""
    if a["type"] != b["type"] or (a.get("subtype") and b.get("subtype") and a["subtype"] != b["subtype"]):
        return False
    if _name(a.get("actor")) and _name(b.get("actor")) and not actors_agree(a["actor"], b["actor"]):
        return False
    if a.get("weapons") and b.get("weapons") and not set(a["weapons"]) & set(b["weapons"]):
        return False  # a glide bomb and a drone on one town in one day: two strikes
    in_towns = a.get("geo_precision") == 1 and b.get("geo_precision") == 1  # each in the town itself
    if not places_agree(a.get("place"), b.get("place"), near=not in_towns):
        # a report that names no place joins one that does only on the same day, sub-type and actor
        one_missing = bool(a.get("place")) != bool(b.get("place"))
        return bool(one_missing and _day(a.get("date")) and a.get("date") == b.get("date") and a.get("subtype")
                    and a.get("subtype") == b.get("subtype") and _name(a.get("actor"))
                    and _name(b.get("actor")) and actors_agree(a["actor"], b["actor"]))
    if a.get("date") and b.get("date"):
        return dates_agree(a["date"], b["date"])
    pa, pb = _day(a.get("published")), _day(b.get("published"))
    return bool(pa and pb and abs((pa - pb).days) <= window_days)


def candidate_pairs(rows: list[Mapping[str, Any]], members: list[int], window_days: int = 2) -> set[tuple[int, int]]:
    """The pairs (i < j) of ``members`` whose dates allow ``same_event``, found through indexes rather than by
    comparing every pair: day-precise dates a day apart at most; a coarser date ('2025-06') with every date it
    holds or that holds it; a report without a date with every report published within ``window_days``."""
    by_day: dict[int, list[int]] = defaultdict(list)
    by_published: dict[int, list[int]] = defaultdict(list)
    exact: dict[str, list[int]] = defaultdict(list)
    dated, undated = [], []
    for i in members:
        date, day, published = rows[i].get("date"), _day(rows[i].get("date")), _day(rows[i].get("published"))
        if day:
            by_day[day.toordinal()].append(i)
        if date:
            dated.append((str(date), i))
            exact[str(date)].append(i)
        else:
            undated.append(i)
        if published:
            by_published[published.toordinal()].append(i)
    dated.sort()
    keys = [k for k, _ in dated]
    pairs: set[tuple[int, int]] = set()

    def add(i: int, others: Iterable[int]) -> None:
        pairs.update((min(i, j), max(i, j)) for j in others if j != i)

    for o, ids in by_day.items():
        for i in ids:
            add(i, ids + by_day.get(o + 1, []))
    for date, i in dated:
        if not _day(date):   # coarser: the dates it holds (share its prefix), and those that hold it
            add(i, (j for _, j in dated[bisect.bisect_left(keys, date):bisect.bisect_left(keys, date + "\U0010ffff")]))
            add(i, (j for k in range(1, len(date)) for j in exact.get(date[:k], ())))
    for i in undated:
        published = _day(rows[i].get("published"))
        if published:
            o = published.toordinal()
            add(i, (j for d in range(o - window_days, o + window_days + 1) for j in by_published.get(d, ())))
    return pairs


def link_events(reports: Iterable[Mapping[str, Any]], window_days: int = 2) -> list[EventGroup]:
    """Group event reports (dicts with ``article_id``, ``type``, ``place``, ``date``, ``published`` ...) into
    occurrences. Reports of one article are never merged here: the extractor already did that."""
    rows = list(reports)
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_type: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_type[r["type"]].append(i)
    for members in by_type.values():
        for i, j in sorted(candidate_pairs(rows, members, window_days)):
            if rows[i]["article_id"] != rows[j]["article_id"] and same_event(rows[i], rows[j], window_days):
                parent[find(j)] = find(i)
    groups: dict[int, EventGroup] = {}
    for i, r in enumerate(rows):
        root = find(i)
        groups.setdefault(root, EventGroup(id=len(groups) + 1)).reports.append(r)
    return list(groups.values())


def stored_events(store: Any, *, type_: str | None = None, since: str | None = None, until: str | None = None,
                  window_days: int = 2) -> list[EventGroup]:
    """The store's events grouped into occurrences (see ``link_events``), oldest first. An occurrence's id is
    the smallest stored row id of its reports, so it stays the same while other articles come and go."""
    groups = link_events(store.event_rows(type_=type_, since=since, until=until), window_days)
    for g in groups:
        g.id = min(int(r["pk"]) for r in g.reports)
    return sorted(groups, key=lambda g: (day_of(g), g.id))


# -- the occurrence as the desk and the API show it ------------------------------------------------------
STRENGTH = STATUSES   # most factual first


def day_of(group: EventGroup) -> str:
    """When it happened (the lead report's event date), else when it was first reported; '' if neither."""
    lead = group.lead
    return str(lead.get("date") or min((str(r.get("published") or "") for r in group.reports), default="") or "")


def status_of(group: EventGroup) -> str:
    """The most factual status among the reports: one outlet asserting it outweighs another's 'claimed'."""
    found = {r.get("status") for r in group.reports}
    return next((s for s in STRENGTH if s in found), str(group.lead.get("status") or "asserted"))


def toll_of(group: EventGroup) -> Mapping[str, Any] | None:
    """The report giving the highest death toll, or None when no report gives one."""
    tolls = [r for r in group.reports if r.get("fatalities") is not None]
    return max(tolls, key=lambda r: r["fatalities"]) if tolls else None


def _words(*parties: Any) -> str:
    return " ".join(str(p.get(k) or "") for p in parties if isinstance(p, Mapping) for k in ("name", "text")).lower()


@dataclass(frozen=True)
class EventFilter:
    """Which occurrences to keep: by type and sub-type, date range (on ``day_of``), a word of the place's
    name, the place's country code, a word of the actor's or target's name, and the status."""

    type: str | None = None
    subtype: str | None = None
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    place: str | None = None
    country: str | None = None
    actor: str | None = None
    status: str | None = None

    def keeps(self, g: EventGroup) -> bool:
        lead, reports = g.lead, g.reports
        if (self.type and lead["type"] != self.type) or (self.subtype and lead.get("subtype") != self.subtype):
            return False
        day = day_of(g)
        since, until = (str(x) if x else "" for x in (self.since, self.until))
        if (since and (not day or day < since[:len(day)])) or (until and (not day or day[:len(until)] > until)):
            return False
        if self.status and status_of(g) != self.status:
            return False
        if self.place and self.place.lower() not in " ".join(_words(r.get("place")) for r in reports):
            return False
        if self.country and self.country.upper() not in {(r.get("place") or {}).get("country_code") for r in reports}:
            return False
        return not self.actor or self.actor.lower() in " ".join(_words(r.get("actor"), r.get("target"))
                                                                  for r in reports)


def find_events(store: Any, where: EventFilter = EventFilter(), *, window_days: int = 2) -> list[EventGroup]:
    """The store's events as occurrences (each with its reports), oldest first, kept by ``where``.

    Grouping runs over every stored report of the type, so a filter never splits an occurrence."""
    groups = stored_events(store, type_=where.type, window_days=window_days)
    return [g for g in groups if where.keeps(g)]


def get_event(store: Any, event_id: int, *, window_days: int = 2) -> EventGroup | None:
    """The occurrence one of whose reports has the stored row id ``event_id`` (its own id, or a report's)."""
    for g in stored_events(store, window_days=window_days):
        if any(int(r["pk"]) == event_id for r in g.reports):
            return g
    return None
