"""Choosing the gazetteer entry a place mention means, from the mention and its article.

Each mention is resolved in two passes: first alone (population, how the name matched, the
feature words around it: "the Kursk region", "Kharkiv city"), then again with the article's
context (the countries and first-level regions its other places lie in, and their distance).
A small town, or a region with a generic name ("Western Province"), in a country the article's other
places do not lie in, and far from them, is dropped.
Countries, regions and named areas outrank same-named small towns; a national capital is
preferred for its bare name; "Paris, Texas" qualifiers restrict the choice (a qualifier is the state
rather than its big town, and the country its town lies in: "Brazzaville, Congo"); and one name keeps
one meaning across the article.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from sayso.gazetteer.build import norm
from sayso.gazetteer.index import Entry, Gazetteer, distance_km


@dataclass
class Mention:
    """A place name in the text, its candidate entries and what the words around it say."""

    start: int
    end: int
    text: str
    key: str
    candidates: list[Entry]
    hint: str | None = None           # feature word next to the name: "region", "city" ...
    qualifier: "Mention | None" = None  # the mention that qualifies it ("Paris, Texas")
    metonym: bool = False
    partial: bool = False             # matched only without its leading words ("northern Gaza")
    landmark: dict | None = None
    chosen: Entry | None = None
    scores: dict[int, float] = field(default_factory=dict)


def resolve(mentions: list[Mention], gaz: Gazetteer) -> None:
    """Pick an entry for each mention: first alone, then again with the article's context."""
    for m in mentions:
        q = m.qualifier
        if (q is not None and q.hint is None and any(e.feature == "region" for e in q.candidates)
                and not any(e.feature == "country" for e in q.candidates)):
            # "Albany, New York": a qualifier names the state, not its big town; but "Brooklyn, New York"
            # names a district of the big town itself
            q.hint = "city" if _district_of_city(m, q) else "region"
    for m in mentions:
        _score(m, None)
    context = _context(mentions)
    for m in mentions:
        _score(m, context)
    for m in mentions:
        if m.qualifier is not None:
            _fit_qualifier(m, m.qualifier)
            _apply_qualifier(m, m.qualifier)
    _one_sense(mentions)
    _drop_foreign_towns(mentions)


#: a region or district this small is as rarely news abroad as a small town ("Long Island" of the Bahamas)
SMALL_UNIT_POPULATION = 20_000
#: a place this close to a city of a million is one of its districts ("Queens, New York")
DISTRICT_KM = 25


def _district_of_city(m: Mention, q: Mention) -> bool:
    cities = [e for e in q.candidates if e.feature == "city" and e.population >= 1_000_000
              and norm(e.name).startswith(q.key)]  # "New York City" for "New York"
    return any(distance_km(e, c) <= DISTRICT_KM for e in m.candidates for c in cities)


#: a town at least this big is news on its own, wherever the article's other places lie
FOREIGN_TOWN_POPULATION = 100_000
#: a town this close to another place of the article is its neighbour, across a border or not
NEIGHBOUR_KM = 300
#: countries whose points lie this close are neighbours ("Georgia" beside "Armenia")
NEIGHBOUR_COUNTRY_KM = 1500


def _drop_foreign_towns(mentions: list[Mention]) -> None:
    """A small town in a country none of the article's other places lie in, and far from all of them,
    is a misread word (a surname, an acronym, a street, an alternate spelling) far more often than the
    place meant: the mention is left unresolved. So is a region of under 20,000 people, one named only
    with direction words ("Western", "Centre"), and a name matched only without its leading words
    ("West Midlands" is not the Midlands of Zimbabwe in an article about England). Capitals, big towns
    and towns marked "city" or qualified ("Paris, Texas") stay. Dropping one may leave another alone in
    its country, so this repeats until nothing changes."""
    while _drop_foreign_pass(mentions):
        pass


def _drop_foreign_pass(mentions: list[Mention]) -> bool:
    # a region named only with direction words ("Western") is no evidence for its country
    chosen = [(m.key, m.chosen) for m in mentions if m.chosen is not None and m.chosen.country_code
              and not (m.chosen.feature in ("region", "district") and _generic(m.chosen.name))]
    dropped = False
    for m in mentions:
        e = m.chosen
        if e is None or m.qualifier is not None:
            continue
        small_town = (e.feature == "city" and not e.capital and e.population < FOREIGN_TOWN_POPULATION
                      and m.hint != "city")
        small_unit = e.feature in ("region", "district") and e.population < SMALL_UNIT_POPULATION
        partial = m.partial and bool(e.country_code)  # "Eastern Mediterranean" may stand for the sea
        if not (small_town or small_unit or partial or (e.feature in ("region", "district") and _generic(e.name))):
            continue
        others = [o for key, o in chosen if key != m.key]
        if len(others) < 2 or any(o.country_code == e.country_code for o in others):
            continue
        if any(o.feature != "country" and distance_km(e, o) < NEIGHBOUR_KM for o in others):
            continue
        m.chosen = None
        dropped = True
    return dropped


@functools.lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    data = json.loads(resources.files("sayso.data").joinpath("places_words.json").read_text("utf-8"))
    return frozenset(norm(w) for w in data["generic_region_words"])


def _generic(name: str) -> bool:
    """A region named only with direction and unit words ("Western Province", "Centre", "West Coast"):
    many countries have one, so it never stands for itself abroad."""
    words = norm(name).split()
    return bool(words) and all(w in _generic_words() for w in words)


def _one_sense(mentions: list[Mention]) -> None:
    """A name means one place per article: bare mentions follow a qualified or feature-marked one,
    else the entry that scores best over all the name's mentions."""
    marked: dict[str, Entry] = {}
    totals: dict[str, Counter] = {}
    entries: dict[int, Entry] = {}
    qualifiers = {id(m.qualifier) for m in mentions if m.qualifier is not None}
    for m in mentions:
        if (m.hint is not None or m.qualifier is not None or id(m) in qualifiers) and m.chosen is not None:
            marked.setdefault(m.key, m.chosen)
        elif m.chosen is not None:
            bucket = totals.setdefault(m.key, Counter())
            for e in m.candidates:
                if e.index in m.scores:
                    bucket[e.index] += m.scores[e.index]
                    entries[e.index] = e
    picks: dict[str, set[int]] = {}
    for m in mentions:
        if m.chosen is not None and m.key in totals:
            picks.setdefault(m.key, set()).add(m.chosen.index)
    for m in mentions:
        if m.hint is not None or m.qualifier is not None or id(m) in qualifiers or m.chosen is None:
            continue
        if m.key in marked and any(e.index == marked[m.key].index for e in m.candidates):
            m.chosen = marked[m.key]
        elif m.key in totals and len(totals[m.key]) > 1 and len(picks.get(m.key, ())) > 1:
            # the mentions disagree: the best total decides, with the same preference for a region's
            # namesake town as one mention gets (a lone bare "Geneva" keeps the town)
            best = max(totals[m.key], key=totals[m.key].get)
            if best in m.scores:
                e = entries[best]
                m.chosen = (_capital_of(m, e) or e) if e.feature == "region" else e


@dataclass
class Context:
    """Where the article's other places lie: countries, admin1 regions and points, counted per name."""

    countries: Counter
    regions: Counter
    by_key: dict[str, tuple[Counter, Counter]]
    points: list[Entry]
    named_regions: Counter = field(default_factory=Counter)
    countries_named: list[tuple[str, Entry]] = field(default_factory=list)

    def country(self, m: Mention, code: str) -> float:
        return self.countries[code] - self.by_key.get(m.key, (Counter(), Counter()))[0][code]

    def region(self, m: Mention, key: tuple[str, str]) -> float:
        return self.regions[key] - self.by_key.get(m.key, (Counter(), Counter()))[1][key]


def _context(mentions: list[Mention]) -> Context:
    countries: Counter = Counter()
    regions: Counter = Counter()
    by_key: dict[str, tuple[Counter, Counter]] = {}
    points = []
    named: Counter = Counter()
    nations: list[tuple[str, Entry]] = []
    for m in mentions:
        e = m.chosen
        if e is None:
            continue
        own = by_key.setdefault(m.key, (Counter(), Counter()))
        weight = 2 if e.feature == "country" else 1
        countries[e.country_code] += weight
        own[0][e.country_code] += weight
        if e.feature in ("region", "city") and e.admin1:
            regions[(e.country_code, e.admin1)] += 1
            own[1][(e.country_code, e.admin1)] += 1
        if e.feature == "region" and e.admin1:
            named[(e.country_code, e.admin1)] += 1
        if e.feature == "country":
            nations.append((m.key, e))
        if e.feature in ("city", "region"):
            points.append(e)
    return Context(countries, regions, by_key, points, named, nations)


def _eligible(m: Mention) -> list[Entry]:
    """Candidates worth weighing: a country, region or named area outranks same-named small towns.

    Towns stay in the running when the words around say "city", or when a town is at least a third
    as populous as the biggest such unit ("Kursk" the city beside Kursk the region).
    """
    if m.hint == "city":
        return m.candidates
    big = [e for e in m.candidates if e.feature != "city"]
    if not big:
        return m.candidates
    floor = max(e.population for e in big) / 10
    return big + [e for e in m.candidates if e.feature == "city" and norm(e.name) == m.key
                  and (e.capital or e.population >= floor)]


def _score(m: Mention, ctx: Context | None) -> None:
    best, best_score = None, -math.inf
    for e in _eligible(m):
        s = _entry_score(m, e, ctx)
        m.scores[e.index] = s
        if s > best_score:
            best, best_score = e, s
    if best is not None and best.feature == "region" and m.hint is None:
        best = _capital_of(m, best) or best
    m.chosen = best


def _capital_of(m: Mention, region: Entry) -> Entry | None:
    """A big town named like the region it lies in ("Sao Paulo", "New York"): a bare name means the town."""
    towns = [e for e in m.candidates if e.feature == "city" and e.country_code == region.country_code
             and e.admin1 == region.admin1 and norm(e.name).startswith(m.key)
             and e.population >= region.population / 10]
    return max(towns, key=lambda e: e.population) if towns else None


_FEATURE_PRIOR = {"country": 2.0, "continent": 3.0, "region": 0.5, "district": 0.0, "city": 0.0, "area": 6.0, "sea": 6.0,
                  "strait": 6.0, "island": 5.0, "peninsula": 5.0}


def _entry_score(m: Mention, e: Entry, ctx: Context | None) -> float:
    s = math.log10(e.population + 10) + _FEATURE_PRIOR.get(e.feature, -0.5)
    if e.capital and norm(e.name) == m.key and not any(c.feature == "country" for c in m.candidates):
        s += 2.5  # a bare "Washington" or "Kyiv" is the capital more often than anything else so named
    elif e.feature == "city" and norm(e.name) != m.key:
        s -= 2.0  # a town matched on one of its alternate names only
    if m.hint is not None:
        if m.hint == e.feature or (m.hint == "district" and e.feature == "region"):
            s += 4.0
        elif m.hint == "region" and e.feature == "city":
            s -= 2.0
    if ctx is not None:
        same_country = ctx.country(m, e.country_code)
        if e.country_code and same_country > 0:
            s += 1.0 + (0.5 if same_country >= 3 else 0.0)
        if e.feature != "region" and e.admin1 and ctx.region(m, (e.country_code, e.admin1)) > 0:
            s += 1.0
            if ctx.named_regions[(e.country_code, e.admin1)] >= 2:
                s += 1.0  # the article keeps naming the state or province itself ("Austin ... Indiana")
        if e.feature == "country" and any(key != m.key and c.country_code != e.country_code
                                          and distance_km(e, c) < NEIGHBOUR_COUNTRY_KM for key, c in ctx.countries_named):
            s += 1.0  # "Georgia" beside Armenia and Azerbaijan is the country
        if e.feature == "city" and ctx.points:
            near = min((distance_km(e, p) for p in ctx.points if p.index != e.index), default=1e9)
            if near < 300:
                s += 0.5
    return s


def _fit_qualifier(m: Mention, q: Mention) -> None:
    """"Brazzaville, Congo": of the countries a qualifier may name, the one the town lies in."""
    countries = {e.country_code: e for e in q.candidates if e.feature == "country"}
    if len(countries) < 2 or q.chosen is None or q.chosen.feature != "country":
        return
    inside = [e for e in m.candidates if e.country_code in countries and e.feature != "country"]
    if inside:
        town = max(inside, key=lambda e: m.scores.get(e.index, -math.inf))
        q.chosen = countries[town.country_code]


def _apply_qualifier(m: Mention, q: Mention) -> None:
    """"Paris, Texas": keep only the candidates inside the qualifying region or country."""
    region = q.chosen
    if region is None or region.feature not in ("country", "region") or m.chosen is None:
        return
    if m.chosen.feature == "country" or (m.chosen.feature == "region" and region.feature == "region"):
        return
    inside = [e for e in m.candidates if e.country_code == region.country_code
              and (region.feature == "country" or e.admin1 == region.admin1)]
    if inside:
        m.chosen = max(inside, key=lambda e: m.scores.get(e.index, -math.inf))
    elif m.chosen.feature in ("city", "district"):
        m.chosen = None  # "Stroud, Ontario" for a town the gazetteer lacks: not the Stroud of England
