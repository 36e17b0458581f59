"""Claims across articles: clusters by measure, contradictions within a time window, and timelines.

Pure functions over ``StoredClaim`` records (the store supplies them; tests build them by hand).
Wire copies are folded first: claims from one wire group with the same value and status are one
statement, so a story copied by ten outlets never outvotes one independent source.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
from typing import Iterable, Iterator

from sayso.corpus.records import ClaimCluster, Contradiction, StoredClaim, Timeline, TimelinePoint

DENIAL = "denied"


def date_last(day: dt.date | None) -> tuple[bool, dt.date]:
    """A sort key for a date that may be missing: dated first, in time order; undated after them all."""
    return (day is None, day or dt.date.min)


def fold_verbless(claims: Iterable[StoredClaim]) -> list[StoredClaim]:
    """Claims whose sentence had no measure verb ("area|kursk|-") join the one verb used with that
    measure and subject ("area|kursk|control"); with several verbs or none they keep their key."""
    claims = list(claims)
    verbs: dict[str, set[str]] = {}
    for c in claims:
        head, _, verb = c.measure_key.rpartition("|")
        if verb != "-":
            verbs.setdefault(head, set()).add(verb)
    out = []
    for c in claims:
        head, _, verb = c.measure_key.rpartition("|")
        if verb == "-" and len(verbs.get(head, ())) == 1:
            c = dataclasses.replace(c, measure_key=f"{head}|{next(iter(verbs[head]))}")
        out.append(c)
    return out


def clusters(claims: Iterable[StoredClaim]) -> list[ClaimCluster]:
    """Group claims by measure key, verbless keys folded in (see ``fold_verbless``)."""
    out = []
    for key, group in itertools.groupby(sorted(fold_verbless(claims), key=_order), key=lambda c: c.measure_key):
        members = tuple(group)
        dates = [c.date for c in members if c.date]
        out.append(ClaimCluster(
            measure_key=key, claims=members, origins=len({_origin(c) for c in members}),
            outlets=tuple(sorted({c.outlet for c in members if c.outlet})),
            first=min(dates) if dates else None, last=max(dates) if dates else None))
    return out


def _order(c: StoredClaim) -> tuple:
    return (c.measure_key, date_last(c.date), c.article_id, c.quantity)


def _origin(c: StoredClaim) -> object:
    return c.group if c.group is not None else c.article_id


def fold_copies(claims: Iterable[StoredClaim]) -> list[tuple[StoredClaim, int]]:
    """One (earliest claim, number of copies) per wire group, value, status and source."""
    folded: dict[tuple, list[StoredClaim]] = {}
    for c in claims:
        who = c.entity_pk if c.entity_pk is not None else c.speaker
        folded.setdefault((_origin(c), c.value, c.value_max, c.status, who), []).append(c)
    return [(min(cs, key=lambda c: (date_last(c.date or c.published), c.article_id)), len(cs))
            for cs in folded.values()]


def bounds(c: StoredClaim, tolerance: float) -> tuple[float, float] | None:
    """The interval of values a claim allows, widened by ``tolerance`` (twice that for 'approx')."""
    if c.value is None:
        return None
    v = c.value
    if c.qualifier == "range" and c.value_max is not None:
        return (min(v, c.value_max), max(v, c.value_max))
    if c.qualifier == "at_least":
        return (v, math.inf)
    if c.qualifier == "at_most":
        return (-math.inf, v)
    tol = tolerance * (2 if c.qualifier == "approx" else 1)
    lo, hi = v * (1 - tol), v * (1 + tol)
    return (min(lo, hi), max(lo, hi))


def conflict(a: StoredClaim, b: StoredClaim, tolerance: float) -> str | None:
    """Why ``a`` and ``b`` cannot both hold (opposing status, or values that do not overlap), or None."""
    if a.unit != b.unit and a.value is not None and b.value is not None:
        return None
    ra, rb = bounds(a, tolerance), bounds(b, tolerance)
    overlap = ra is None or rb is None or (ra[0] <= rb[1] and rb[0] <= ra[1])
    if (a.status == DENIAL) != (b.status == DENIAL):
        said, denied = (a, b) if b.status == DENIAL else (b, a)
        if not overlap:
            return None  # a denial of another figure says nothing about this one
        return f"{_show(said)} {said.status} by {said.source}, denied by {denied.source}"
    if a.status == DENIAL or overlap:
        return None
    return f"{_show(a)} ({a.source}) vs {_show(b)} ({b.source})"


def _show(c: StoredClaim) -> str:
    value = "?" if c.value is None else f"{c.value:,.6g}"
    if c.qualifier == "range" and c.value_max is not None:
        value += f"–{c.value_max:,.6g}"
    prefix = {"at_least": "≥", "at_most": "≤", "approx": "~"}.get(c.qualifier, "")
    return f"{prefix}{value} {c.unit or ''}".strip()


def _same_source(a: StoredClaim, b: StoredClaim) -> bool:
    if a.entity_pk is not None and b.entity_pk is not None:
        return a.entity_pk == b.entity_pk
    return a.source == b.source and a.outlet == b.outlet


def _superseded(a: StoredClaim, b: StoredClaim, statements: list[StoredClaim]) -> bool:
    """True when a's source gave a newer figure after ``a`` and by the time of ``b`` (a is then out of date).
    A statement without a date is never placed in time, so it replaces nothing."""
    if a.date is None or b.date is None:
        return False
    return any(_same_source(x, a) and x.value != a.value and x.status != DENIAL
               and x.date is not None and a.date < x.date <= b.date for x in statements)


def contradictions(claims: Iterable[StoredClaim], *, window_days: int = 7, tolerance: float = 0.1
                   ) -> Iterator[Contradiction]:
    """Pairs of claims on one measure, from different origins, at most ``window_days`` apart, that conflict.

    A source revising its own figure is an update, not a contradiction, unless one of the two is a denial;
    a figure its own source has since replaced is not held against a later one.
    """
    for cluster in clusters(claims):
        statements = sorted(fold_copies(cluster.claims), key=lambda p: (date_last(p[0].date), p[0].article_id))
        plain = [s for s, _ in statements]
        for (a, _), (b, _) in itertools.combinations(statements, 2):
            if _origin(a) == _origin(b):
                continue
            days = abs((a.date - b.date).days) if a.date and b.date else None
            if days is None or days > window_days:
                continue
            early, late = (a, b) if a.date <= b.date else (b, a)
            if _superseded(early, late, plain):
                continue
            reason = conflict(a, b, tolerance)
            if reason is None:
                continue
            if _same_source(a, b) and DENIAL not in (a.status, b.status):
                continue
            kind = "denial" if DENIAL in (a.status, b.status) else "figures"
            yield Contradiction(cluster.measure_key, reason, a, b, days, kind)


def timelines(claims: Iterable[StoredClaim]) -> list[Timeline]:
    """Each measure's values over time, one point per independent statement (wire copies folded)."""
    out = []
    for cluster in clusters(claims):
        points = [TimelinePoint(date=c.date, value=c.value, value_max=c.value_max, unit=c.unit,
                                qualifier=c.qualifier, status=c.status, source=c.source, outlet=c.outlet,
                                article_id=c.article_id, copies=n)
                  for c, n in fold_copies(cluster.claims)]
        points.sort(key=lambda p: (date_last(p.date), p.article_id))
        out.append(Timeline(cluster.measure_key, tuple(points)))
    return out
