"""Claims across articles: clusters by frame, contradictions a fact-checker would sign, and timelines.

Pure functions over ``StoredClaim`` records (the store supplies them; tests build them by hand).

* **Clusters.** Claims with one measure key (``concept|side``, see ``measures``) are one measure;
  a figure whose side its sentence does not give joins the measure of the same concept that owns
  that place across the corpus, or the one its own article gives. A one-off event measure
  (troops sent, drones launched, an aid package) splits into episodes: reports days apart are
  different events.
* **Statements.** Wire copies of one story, and one source relayed or translated by several
  outlets on the same day, are one statement: a story copied ten times never outvotes one
  independent source.
* **Contradictions**, once per pair of independent statements, ranked by strength, each with its
  reason in words: figures whose intervals do not meet (exact ± half a unit of the last
  significant digit, approximate ±15%, at least, at most, range) at comparable times for the
  concept (days for troops and one-off events, a week for running tolls, which may only grow, a
  year for slow figures such as budgets and polls); a part that exceeds its whole (more drones
  shot down than launched); complementary poll answers above 100%; a figure and its denial. Not
  contradictions: a source revising itself, a toll that grew, overlapping bounds.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import itertools
import math
from typing import Iterable, Iterator

from sayso.corpus.measures import NO_SIDE, comparable_key, measure_rules, same_counted
from sayso.corpus.records import ClaimCluster, Contradiction, StoredClaim, Timeline, TimelinePoint, _date

DENIAL = "denied"
APPROX = 0.15                 # an approximate figure ("about", "nearly") stands for ±15%
WINDOWS = {"stock": 3, "event": 2, "slow": 365}   # days within which two figures compare (cumulative: a setting)
EPISODE_GAP = 3               # days between reports of a one-off event measure that make a new episode
SAME_EVENT_DAYS = 1           # a part and its whole (drones shot down / launched) are of one night's attack
SAME_START_DAYS = 2           # two periods whose starts are this close ("since 8 Nov" / "since 9 Nov") are one
SAME_START_SHARE = 0.2        # ... or closer than this share of the longer period ("since July" / "since 4 July")
BURST = 10                    # a total over a stated period grows at most this many times its average daily pace


def date_last(day: dt.date | None) -> tuple[bool, dt.date]:
    """A sort key for a date that may be missing: dated first, in time order; undated after them all."""
    return (day is None, day or dt.date.min)


# -- clusters --------------------------------------------------------------------------------------

def _side(c: StoredClaim) -> str:
    parts = c.measure_key.split("|")
    return parts[1] if len(parts) > 1 else NO_SIDE


def _concept(c: StoredClaim) -> str:
    return c.measure_key.split("|", 1)[0]


def _country(c: StoredClaim) -> str | None:
    return c.frame.place_country if c.frame is not None else None


def _article_countries(claims: list[StoredClaim]) -> dict[str, str]:
    """The country each article's figures are placed in, where two thirds of its placed figures (at least two)
    are in one country: the article's own context, for a figure its clause does not place."""
    seen: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for c in claims:
        if _country(c):
            seen[c.article_id][_country(c)] += 1
    out = {}
    for article, counts in seen.items():
        top, n = counts.most_common(1)[0]
        if n >= max(2, 2 * sum(counts.values()) / 3):
            out[article] = top
    return out


def fold_unowned(claims: Iterable[StoredClaim]) -> list[StoredClaim]:
    """Claims whose side is unknown (``troops|-``) take the key of the same concept that holds their
    place's country across the corpus (two thirds of the owned figures of the same kind of thing placed
    there, at least two); a figure placed nowhere is placed in its article's country. Those still
    unowned take the one key their own article gives that concept for the same kind of thing; the rest
    keep theirs."""
    claims = list(claims)
    countries = _article_countries(claims)

    def country(c: StoredClaim) -> str:
        return _country(c) or countries.get(c.article_id, "")

    at_place: dict[tuple[str, str], list[StoredClaim]] = collections.defaultdict(list)
    for c in claims:
        if _side(c) != NO_SIDE and country(c):
            at_place[(_concept(c), country(c))].append(c)
    placed = []
    for c in claims:
        if _side(c) == NO_SIDE and "|" in c.measure_key:
            seen = collections.Counter(x.measure_key for x in at_place.get((_concept(c), country(c)), ())
                                       if same_counted(x.noun, c.noun))
            if seen:
                top, n = seen.most_common(1)[0]
                if n >= max(2, 2 * sum(seen.values()) / 3):
                    c = dataclasses.replace(c, measure_key=top)
        placed.append(c)
    in_article: dict[tuple[str, str], list[StoredClaim]] = collections.defaultdict(list)
    for c in placed:
        if _side(c) != NO_SIDE:
            in_article[(_concept(c), c.article_id)].append(c)
    out = []
    for c in placed:
        own = {x.measure_key for x in in_article.get((_concept(c), c.article_id), ()) if same_counted(x.noun, c.noun)} \
            if _side(c) == NO_SIDE else set()
        out.append(dataclasses.replace(c, measure_key=next(iter(own))) if len(own) == 1 else c)
    return out


def _episodes(members: list[StoredClaim], kind: str) -> list[list[StoredClaim]]:
    """A one-off event measure split where reports are more than ``EPISODE_GAP`` days apart."""
    if kind != "event":
        return [members]
    dated = sorted(members, key=lambda c: date_last(c.date))
    out: list[list[StoredClaim]] = []
    for c in dated:
        place = c.frame.place if c.frame is not None else None
        home = next((ep for ep in reversed(out) if _same_episode(ep, c, place)), None)
        if home is not None:
            home.append(c)
        else:
            out.append([c])
    return out


def _same_episode(episode: list[StoredClaim], c: StoredClaim, place: str | None) -> bool:
    """A report belongs to an episode when it is at most ``EPISODE_GAP`` days after its last report and
    not at another place (a night's drones over Kharkiv are not the next night's over Odesa)."""
    last = episode[-1].date
    if c.date is not None and last is not None and (c.date - last).days > EPISODE_GAP:
        return False
    places = {x.frame.place for x in episode if x.frame is not None and x.frame.place}
    return place is None or not places or place in places


def _kind(members: Iterable[StoredClaim]) -> str:
    kinds = collections.Counter(c.frame.kind for c in members if c.frame is not None)
    return kinds.most_common(1)[0][0] if kinds else "stock"


def clusters(claims: Iterable[StoredClaim]) -> list[ClaimCluster]:
    """Claims grouped by measure (unowned figures folded in, one-off events split into episodes); the
    cluster's ``measure_key`` (and each member's ``cluster``) is the measure's key, with ``@first date``
    for an episode."""
    by_key: dict[str, list[StoredClaim]] = collections.defaultdict(list)
    for c in fold_unowned(claims):
        by_key[c.measure_key].append(c)
    out = []
    for key in sorted(by_key):
        kind = _kind(by_key[key])
        for members in _episodes(by_key[key], kind):
            members.sort(key=lambda c: (date_last(c.date), c.article_id, c.q_start or 0))
            label = key if kind != "event" or members[0].date is None else f"{key}@{members[0].date.isoformat()}"
            members = [dataclasses.replace(c, cluster=label) for c in members]
            dates = [c.date for c in members if c.date]
            out.append(ClaimCluster(
                measure_key=label, claims=tuple(members), origins=len({_origin(c) for c in members}),
                outlets=tuple(sorted({c.outlet for c in members if c.outlet})),
                first=min(dates) if dates else None, last=max(dates) if dates else None))
    return out


# -- statements ------------------------------------------------------------------------------------

def _origin(c: StoredClaim) -> object:
    return c.group if c.group is not None else c.article_id


def _who(c: StoredClaim) -> tuple:
    """The source's identity: its entity, else its name, else the outlet's own voice."""
    if c.entity_pk is not None:
        return ("entity", c.entity_pk)
    if c.speaker:
        return ("speaker", " ".join(c.speaker.lower().split()))
    return ("reporter", c.outlet or c.article_id)


def fold_copies(claims: Iterable[StoredClaim]) -> list[tuple[StoredClaim, int]]:
    """One (earliest claim, copies) per statement: a wire group's copies of one figure, and one named
    source's figure relayed or translated by several outlets on the same day, count once."""
    by_story: dict[tuple, list[StoredClaim]] = {}
    nth: dict[tuple, int] = collections.Counter()
    for c in sorted(claims, key=lambda c: (c.article_id, c.q_start or 0)):
        # the n-th mention of one figure in each copy of one wire story is one statement, whatever the
        # copies' extraction made of its source; two mentions in one article are two
        figure = (_origin(c), c.value, c.value_max, " ".join(c.quantity.lower().split()))
        nth[(c.article_id, figure)] += 1
        by_story.setdefault((*figure, nth[(c.article_id, figure)]), []).append(c)
    folded: dict[tuple, list[StoredClaim]] = {}
    for cs in by_story.values():
        cs.sort(key=lambda c: (c.entity_pk is None and not c.speaker, c.date is None, c.article_id))  # named, dated
        who, figure = _who(cs[0]), [cs[0].value, cs[0].value_max, cs[0].status]
        days = {c.date for c in cs}
        key = next((k for k in folded if k[0] == who and list(k[1:4]) == figure
                    and days & {c.date for c in folded[k]}), None)
        folded.setdefault(key or (who, *figure, id(cs)), []).extend(cs)
    return [(min(cs, key=lambda c: (date_last(c.date or c.published), c.article_id, c.q_start or 0)), len(cs))
            for cs in folded.values()]


# -- intervals -------------------------------------------------------------------------------------

def bounds(c: StoredClaim, tolerance: float = 0.0) -> tuple[float, float] | None:
    """The interval of values a figure allows: exact ± half a unit of its last significant digit (or
    ``tolerance`` of it, whichever is wider), approx ±15%, at least [v, ∞), at most [0, v], a range."""
    if c.value is None:
        return None
    v = c.value
    if c.qualifier == "range" and c.value_max is not None:
        return (min(v, c.value_max), max(v, c.value_max))
    if c.qualifier == "at_least":
        return (v, math.inf)
    if c.qualifier == "at_most":
        return (0.0 if v >= 0 else -math.inf, v)
    spread = abs(v) * APPROX if c.qualifier == "approx" else max(c.half_unit, abs(v) * tolerance)
    return (v - spread, v + spread)


def _show(c: StoredClaim) -> str:
    value = "?" if c.value is None else f"{c.value:,.6g}"
    if c.qualifier == "range" and c.value_max is not None:
        value += f"–{c.value_max:,.6g}"
    prefix = {"at_least": "at least ", "at_most": "at most ", "approx": "about "}.get(c.qualifier, "")
    unit = "" if c.unit in (None, "count") else f" {c.unit}"
    return f"{prefix}{value}{unit}"


def _said(c: StoredClaim) -> str:
    when = c.date.isoformat() if c.date else "undated"
    return f"{c.source} ({c.outlet or c.article_id}, {when}): {_show(c)}"


def _gap(ra: tuple[float, float], rb: tuple[float, float]) -> float:
    """How far apart two disjoint intervals are, relative to the larger figure (0 when they meet)."""
    lo, hi = (ra, rb) if ra[1] < rb[0] else (rb, ra)
    if lo[1] >= hi[0]:
        return 0.0
    scale = max(abs(lo[1]), abs(hi[0]), 1.0)
    return (hi[0] - lo[1]) / scale


# -- contradictions --------------------------------------------------------------------------------

def _days(a: StoredClaim, b: StoredClaim) -> int | None:
    return abs((a.date - b.date).days) if a.date and b.date else None


def _comparable(a: StoredClaim, b: StoredClaim, kind: str, window_days: int) -> bool:
    """Same time (by the concept's pace; a count over a stated period is a running total), place and scope."""
    days = _days(a, b)
    stated = a.frame is not None and b.frame is not None and bool(a.frame.since or b.frame.since)
    if days is None or days > window("cumulative" if stated and kind == "stock" else kind, window_days):
        return False
    if not same_counted(a.noun, b.noun):
        return False  # one civilian killed is no rival of 120 soldiers, three artillery systems of one drone
    fa, fb = a.frame, b.frame
    if fa is None or fb is None:
        return True
    if not (fa.whose or fa.place_country or fb.whose or fb.place_country):
        return False  # both sides only lent by the corpus (a round-up's two unplaced tolls): nothing anchors them
    rules = measure_rules().get(fa.concept)
    if rules is not None and rules.compare == "period" and not (fa.since and fb.since):
        return False  # one convoy's trucks are no rival of another's: only counts over a stated period compare
    if fa.scope and fb.scope and fa.scope != fb.scope:
        return False
    if fa.stance and fb.stance and fa.stance != fb.stance:
        return False
    if fa.increment != fb.increment:
        return False  # an addition ("an extra $25m") is no rival of a level or a total
    one_event = kind == "event" or (fa.scope and fb.scope and fa.scope != "war")  # "killed in the strike"
    if one_event and fa.place and fb.place and fa.place != fb.place:
        return False  # the toll of a strike on Dnipro is not the toll of a strike on Odesa
    if one_event and days > window("event", window_days):
        return False
    if kind in ("stock", "event") and fa.place_country and fb.place_country and fa.place_country != fb.place_country:
        return False  # troops in Transnistria are not the troops on Ukraine's border
    return not (fa.since and fb.since and not _same_start(a, b))


def _start(c: StoredClaim) -> dt.date | None:
    """The start of the period a figure counts ("since July": mid-July), when it states one."""
    return _date(c.frame.since) if c.frame is not None and c.frame.since else None


def _same_start(a: StoredClaim, b: StoredClaim) -> bool:
    """Two stated periods are one when their starts are ``SAME_START_DAYS`` apart or less, or closer than
    ``SAME_START_SHARE`` of the longer period: "over the past week" said on two days running, "since July" and
    "since early July"."""
    sa, sb = _start(a), _start(b)
    if sa is None or sb is None or a.date is None or b.date is None:
        return a.frame.since == b.frame.since
    longest = max((a.date - sa).days, (b.date - sb).days, 0)
    return abs((sa - sb).days) <= max(SAME_START_DAYS, SAME_START_SHARE * longest)


def window(kind: str, window_days: int) -> float:
    """Days within which two figures of a concept of this ``kind`` compare: the setting
    ``contradiction_days`` for running totals; levels and one-off events at their pace (``WINDOWS``),
    scaled by the setting against its default of 7; slow figures within a year."""
    if kind == "cumulative":
        return window_days
    if kind == "slow":
        return WINDOWS["slow"]
    return WINDOWS.get(kind, WINDOWS["stock"]) * window_days / 7


def _growth(a: StoredClaim, b: StoredClaim, ra, rb, kind: str) -> bool:
    """A running total, or a level such as troops massing, that is higher later grew; it does not
    contradict the earlier figure (only a figure of the same day, or a later lower total, can)."""
    stated = any(c.frame is not None and c.frame.since for c in (a, b))  # a total over a period grows, any kind
    if (kind not in ("cumulative", "stock") and not stated) or a.date == b.date:
        return False
    (early, re_), (late, rl) = sorted(((a, ra), (b, rb)), key=lambda p: p[0].date)
    return rl[0] > re_[1] and _pace_allows(early, late, re_, rl)


def _pace_allows(early: StoredClaim, late: StoredClaim, re_, rl) -> bool:
    """Whether a total over a stated period could have grown this much in the days between: at most ``BURST``
    times its average daily pace so far (about 250,000 displaced since July cannot be more than 400,000 a day
    later; a toll since one night's strike may still grow many times). A figure with no stated period may grow
    any amount."""
    start = _start(early)
    if start is None or _start(late) is None or not math.isfinite(re_[1]):
        return True
    pace = re_[1] / max((early.date - start).days, 1)
    return rl[0] - re_[1] <= BURST * pace * max((late.date - early.date).days, 1)


def conflict(a: StoredClaim, b: StoredClaim, kind: str = "stock", tolerance: float = 0.0
             ) -> tuple[str, str, float] | None:
    """(contradiction kind, reason, strength) when ``a`` and ``b`` cannot both hold, else None."""
    ra, rb = bounds(a, tolerance), bounds(b, tolerance)
    if (a.status == DENIAL) != (b.status == DENIAL):
        said, denied = (a, b) if b.status == DENIAL else (b, a)
        rs, rd = bounds(said, tolerance), bounds(denied, tolerance)
        if rs is not None and rd is not None and _gap(rs, rd) > 0:
            return None  # a denial of another figure says nothing about this one
        return "denial", f"{_said(said)}, {said.status}; denied by {denied.source} ({denied.outlet or '?'})", 1.0
    if a.status == DENIAL or ra is None or rb is None:
        return None
    gap = _gap(ra, rb)
    if gap <= 0 or _growth(a, b, ra, rb, kind):
        return None
    days = _days(a, b)
    when = "the same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} apart"
    return "figures", f"{_said(a)} vs {_said(b)}: the figures cannot both hold ({when})", gap


def _period_part(a: StoredClaim, b: StoredClaim, tolerance: float) -> bool:
    """True when one figure is a total over a stated period ("since Thursday") and the other, with no period,
    may be a part of it (the toll of one strike that day): they conflict only when the total is the smaller."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or bool(fa.since) == bool(fb.since):
        return False
    total, part = (a, b) if fa.since else (b, a)
    rt, rp = bounds(total, tolerance), bounds(part, tolerance)
    return rt is not None and rp is not None and rt[1] >= rp[0]


def _other_period(a: StoredClaim, b: StoredClaim) -> bool:
    """One figure states a period and the other does not, and they are not the same number: a total since
    February and one day's toll (the same number denied is the same figure, period stated or not)."""
    if a.frame is None or b.frame is None or bool(a.frame.since) == bool(b.frame.since):
        return False
    return a.value is not None and b.value is not None and abs(a.value - b.value) > max(a.half_unit, b.half_unit)


def _independent(a: StoredClaim, b: StoredClaim) -> bool:
    if _who(a) == _who(b):
        return False  # a source revising itself, or one statement relayed
    # two articles of one wire story are one story (an update is not a rival); two sources inside one
    # article are two statements
    return not (_origin(a) == _origin(b) and a.article_id != b.article_id)


def _superseded(a: StoredClaim, b: StoredClaim, statements: list[StoredClaim]) -> bool:
    """True when a's source gave a newer figure after ``a`` and by the time of ``b`` (a is then out of date).
    A statement without a date is never placed in time, so it replaces nothing."""
    if a.date is None or b.date is None:
        return False
    return any(_who(x) == _who(a) and x.value != a.value and x.status != DENIAL
               and x.date is not None and a.date < x.date <= b.date for x in statements)


def contradictions(claims: Iterable[StoredClaim], *, window_days: int = 7, tolerance: float = 0.0
                   ) -> Iterator[Contradiction]:
    """Pairs of independent statements that cannot both hold, strongest first (see the module doc)."""
    found: list[Contradiction] = []
    groups = clusters(claims)
    for cluster in groups:
        if not comparable_key(cluster.measure_key):
            continue
        kind = _kind(cluster.claims)
        statements = sorted(fold_copies(cluster.claims), key=lambda p: (date_last(p[0].date), p[0].article_id))
        plain = [s for s, _ in statements]
        for (a, na), (b, nb) in itertools.combinations(statements, 2):
            if not _independent(a, b) or not _comparable(a, b, kind, window_days):
                continue
            early, late = (a, b) if date_last(a.date) <= date_last(b.date) else (b, a)
            if DENIAL not in (a.status, b.status) and _superseded(early, late, plain):
                continue
            verdict = conflict(a, b, kind, tolerance)
            if verdict is not None and verdict[0] == "figures" and _period_part(a, b, tolerance):
                continue
            if verdict is not None and verdict[0] == "denial" and _other_period(a, b):
                continue  # denying a total since February says nothing of one day's toll
            if verdict is not None:
                found.append(Contradiction(cluster.measure_key, verdict[1], a, b, _days(a, b), verdict[0],
                                           round(verdict[2], 4), (na, nb)))
    found.extend(_parts_and_complements(groups, window_days))
    found.sort(key=lambda c: (-(c.strength or 0), c.days_apart if c.days_apart is not None else 10**6,
                              c.measure_key, c.a.article_id, c.b.article_id))
    yield from found


def _parts_and_complements(groups: list[ClaimCluster], window_days: int) -> Iterator[Contradiction]:
    """A part above its whole (drones shot down > launched, one night), complementary answers above 100%."""
    rules = measure_rules()
    by_concept: dict[str, list[tuple[ClaimCluster, StoredClaim, int]]] = collections.defaultdict(list)
    for g in groups:
        for c, n in fold_copies(g.claims):
            if c.status != DENIAL and c.value is not None:
                by_concept[_concept(c)].append((g, c, n))
    for concept, items in by_concept.items():
        for whole in rules[concept].parts if concept in rules else ():
            for (ga, part, na), (gb, total, nb) in itertools.product(items, by_concept.get(whole, ())):
                if _side(part) != _side(total) or _side(part) == NO_SIDE or not _independent(part, total):
                    continue
                days = _days(part, total)
                fp, ft = part.frame, total.frame
                if days is None or days > SAME_EVENT_DAYS or (fp and ft and fp.place and ft.place
                                                              and fp.place != ft.place):
                    continue
                rp, rt = bounds(part), bounds(total)
                if rp and rt and rp[0] > rt[1]:
                    reason = (f"{_said(part)} ({concept.replace('_', ' ')}) is more than "
                              f"{_said(total)} ({whole.replace('_', ' ')})")
                    yield Contradiction(ga.measure_key, reason, part, total, days, "part_whole",
                                        round(_gap(rp, rt), 4), (na, nb))
        complement = rules[concept].complement if concept in rules else ()
        if len(complement) == 2:
            yield from _complements(concept, items, window_days)


def _complements(concept: str, items, window_days: int) -> Iterator[Contradiction]:
    for (ga, a, na), (gb, b, nb) in itertools.combinations(items, 2):
        fa, fb = a.frame, b.frame
        if fa is None or fb is None or not fa.stance or not fb.stance or fa.stance == fb.stance:
            continue
        if _side(a) != _side(b) or _side(a) == NO_SIDE or not _independent(a, b):
            continue
        if fa.scope and fb.scope and fa.scope != fb.scope:
            continue
        days = _days(a, b)
        if days is None or days > WINDOWS["slow"]:
            continue
        ra, rb = bounds(a), bounds(b)
        if ra and rb and ra[0] + rb[0] > 100:
            reason = (f"{_said(a)} {fa.stance} vs {_said(b)} {fb.stance}: "
                      f"the two shares of one population add up to more than 100%")
            yield Contradiction(ga.measure_key, reason, a, b, days, "complement",
                                round((ra[0] + rb[0] - 100) / 100, 4), (na, nb))


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
