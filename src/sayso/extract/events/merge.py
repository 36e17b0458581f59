"""One event per occurrence: the mentions of one article that report the same thing become one event.

Two mentions are one event when their type agrees (a bare report of deaths joins the strike or
fight it follows), nothing they say conflicts (place, date, actor) and something ties them: the
same sentence, the same place, a definite mention ("the strike") soon after, or the same day.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sayso.models import Claim, EventParty, Place, Speaker

VIOLENT = ("battles", "explosions_remote_violence", "violence_against_civilians")
NEAR_KM = 25.0
ANAPHOR_SENTENCES = 6
FOLLOW_SENTENCES = 2


@dataclass
class Mention:
    """One trigger's reading of an event, before mentions are merged."""

    type: str
    subtype: str | None
    span: tuple[int, int]
    sentence: int
    paragraph: int
    trigger: tuple[int, int, str]
    actor: EventParty | None = None
    target: EventParty | None = None
    place: Place | None = None
    geo_precision: int | None = None
    date: str | None = None
    time_precision: int | None = None
    toll: Claim | None = None
    figures: tuple[Claim, ...] = ()
    status: str = "asserted"
    source: Speaker | None = None
    weak: bool = False
    noun: bool = False
    anaphoric: bool = False
    denied: bool = False
    weapons: tuple[str, ...] = ()
    continued: bool = False           # "Russia also destroyed ...": goes on with what the article just told
    others: list["Mention"] = field(default_factory=list)

    @property
    def score(self) -> float:
        return (2 * (self.place is not None) + (self.date is not None) + (self.actor is not None)
                + (self.target is not None) + (self.toll is not None) + 0.5 * (self.subtype is not None)
                - 3 * self.weak)

    def all(self) -> list["Mention"]:
        return [self, *self.others]


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def same_place(a: Place, b: Place, near: bool = True) -> bool:
    """The same place, a point within 25 km, or a place inside a region named. Two towns of different names
    are two places however close when both mentions put the event in the town itself (``near`` False)."""
    if a.name and a.name == b.name:
        return True
    if a.lat is not None and b.lat is not None and _km(a, b) <= NEAR_KM and (near or not _other_towns(a, b)):
        return True
    broad = {"country", "region"}
    if (a.feature in broad or b.feature in broad) and a.country_code == b.country_code:
        inner, outer = (a, b) if b.feature in broad else (b, a)
        return outer.feature == "country" or (inner.admin1 or "") == (outer.admin1 or outer.name or "")
    return False


def _other_towns(a: Place, b: Place) -> bool:
    """Two towns of different names ("in Druzhkivka", "in Kostiantynivka"), not one town spelt twice."""
    return a.feature == "city" and b.feature == "city" and a.name != b.name


def _dates_agree(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def compatible(a: Mention, b: Mention) -> bool:
    if a.type != b.type and not (b.weak and a.type in VIOLENT and b.type in VIOLENT) \
            and not (a.weak and b.type in VIOLENT and a.type in VIOLENT):
        return False
    if a.type == b.type and a.subtype and b.subtype and a.subtype != b.subtype:
        return False
    if a.place and b.place and not same_place(a.place, b.place, near=not a.geo_precision == b.geo_precision == 1):
        return False
    if not _dates_agree(a.date, b.date):
        return False
    if a.actor and b.actor and a.actor.name != b.actor.name:
        return False
    return True


def tied(a: Mention, b: Mention) -> bool:
    """Something says these two mentions are one occurrence (given that they are compatible)."""
    last = max(m.sentence for m in a.all())
    if any(m.sentence == b.sentence and (m.span[0] < b.span[1] and b.span[0] < m.span[1]
                                         or (m.place is None or b.place is None) and not (m.noun and b.noun))
           for m in a.all()):
        return True  # the same sentence: overlapping clauses, or a clause that names no place of its own
        # (two nouns in a list, "a deployment in Belarus and a gathering at the airfield", stay apart)
    if a.place and b.place:
        return True
    if b.anaphoric and b.sentence - last <= ANAPHOR_SENTENCES:
        return True
    if (b.weak or a.weak) and b.sentence - last <= FOLLOW_SENTENCES and b.paragraph - a.paragraph <= 1:
        return True
    return bool(a.date and a.date == b.date and not (a.place or b.place) and a.type == b.type)


def merge(mentions: list[Mention]) -> list[Mention]:
    """Greedy left to right: each mention joins the latest earlier event it is tied to, else starts one."""
    events: list[Mention] = []
    for m in mentions:
        for ev in reversed(events):
            head = _best(ev)
            if compatible(head, m) and tied(ev, m):
                ev.others.append(m)
                break
        else:
            events.append(m)
    return [_fold(ev) for ev in events]


def _best(ev: Mention) -> Mention:
    return max(ev.all(), key=lambda m: (m.score, -m.sentence))


def _fold(ev: Mention) -> Mention:
    """The merged event: the best mention's span and fields, gaps filled from the other mentions."""
    group = ev.all()
    best = _best(group[0]) if len(group) == 1 else max(group, key=lambda m: (m.score, -m.sentence))
    strong = [m for m in group if not m.weak] or group
    out = Mention(best.type if not best.weak else strong[0].type,
                  best.subtype if not best.weak else strong[0].subtype,
                  best.span, best.sentence, best.paragraph, best.trigger)
    places = [m for m in group if m.place is not None]
    if places:
        precise = min(places, key=lambda m: (m.geo_precision or 3, m is not best))
        out.place, out.geo_precision = precise.place, precise.geo_precision
    for name in ("actor", "target", "date", "time_precision", "source"):
        value = getattr(best, name)
        if value is None:
            value = next((getattr(m, name) for m in group if getattr(m, name) is not None), None)
        setattr(out, name, value)
    tolls = [m.toll for m in group if m.toll is not None]
    out.toll = max(tolls, key=lambda c: c.quantity.value or 0) if tolls else None
    out.figures = tuple(dict.fromkeys(c for m in group for c in m.figures if c is not out.toll))
    statuses = [m.status for m in group]
    out.status = best.status if best.source is not None or out.source is None else next(
        (m.status for m in group if m.source is out.source), best.status)
    if any(m.denied for m in group) and not all(m.denied for m in group):
        out.status = "denied"
    out.denied = all(m.denied for m in group)
    out.weak = all(m.weak for m in group)
    out.anaphoric = best.anaphoric
    out.weapons = tuple(sorted({w for m in group for w in m.weapons}))
    out.others = [m for m in group if m is not best]
    del statuses
    return out
