"""Stance conflicts across statements: one source asserts what another denies or calls false, with or without a figure.

Built on the quotes' propositions, read off the parse at extraction (``extract/quotes/propositions.py``):
what each statement is about (an attack, a withdrawal, troops arriving, a capture), whether it says it,
denies it or calls it false, said as done or only as possible, and whose act it is (a side, a person, or
the speaker's own: "Kyiv denied taking any hostile action"). This module only links those fields: two
statements from different sources, a few days apart, about one act of one side, one asserting and one
denying it, conflict; so do two assertions of opposite movements of one side's troops ("troops are pulling
back" / "7,000 more troops have arrived"). Wire copies of one story never conflict with each other.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
from dataclasses import dataclass
from typing import Iterable, Iterator

from sayso.corpus.records import Contradiction, StoredQuote
from sayso.extract.quotes.propositions import stance_words
from sayso.extract.sides import side_words
from sayso.models import Proposition

WINDOW_DAYS = 3
# acts that cannot both be true of one side's troops at once (classes of data/stances_en.json)
OPPOSITES = (frozenset({"withdraw", "reinforce"}),)
MOVEMENTS = frozenset().union(*OPPOSITES)
# acts that only one side can hold at once of one place: two sides each saying they do conflict
EXCLUSIVE = frozenset({"control"})


@dataclass(frozen=True)
class Statement:
    """What one quote says: the acts it is about, whether it denies them, whose acts they are."""

    quote: StoredQuote
    acts: frozenset[str]
    denies: bool
    agent: str | None          # the side whose act it is ("RU"), when the statement names one
    side: str | None           # the speaker's side
    theme: bool                # it speaks of troops or forces (for movements)
    objects: frozenset[str] = frozenset()  # names after the act ("the village of Loknia"): what it was done to
    named: bool = True         # someone is said to act (not "they are being attacked")
    opposed: str | None = None  # the side the actor is not: the speaker's, when the actor is "the enemy"


def _counted(q: StoredQuote) -> list[Proposition]:
    """The propositions a quote stands for: those it denies or calls false, else those it asserts as done
    (not "could invade", "no invasion", "an invasion would ...", "when missiles struck")."""
    against = [p for p in q.propositions if p.polarity != "asserted"]
    return against or [p for p in q.propositions if not (p.modal or p.nominal or p.background)]


def read(q: StoredQuote, person_sides: dict[str, str]) -> Statement | None:
    """The statement a quote makes, or None when it asserts or denies none of the known acts."""
    said = _counted(q)
    if not said:
        return None
    first = min(said, key=lambda p: p.start)
    side = _speaker_side(q, person_sides)
    agent = first.side or _person_side(first.actor, person_sides) or (side if first.by_speaker else None)
    enemy = agent is None and _enemy(first.actor)
    return Statement(q, frozenset(p.act for p in said), first.polarity != "asserted", agent, side,
                     any(p.theme for p in said), frozenset(o.lower() for o in first.objects),
                     bool(first.side or first.by_speaker or (first.actor and not (enemy and side is None))),
                     side if enemy else None)


def _enemy(actor: str | None) -> bool:
    """The actor is only called the speaker's opponent ("enemy torpedo boats")."""
    return bool(actor) and any(w in stance_words().enemies for w in actor.lower().split())


def _person_side(actor: str | None, person_sides: dict[str, str]) -> str | None:
    """The side of a person named as the actor, by their stated role elsewhere ("Putin" -> "Vladimir Putin")."""
    if not actor:
        return None
    return next((s for name, s in person_sides.items()
                 if name == actor or name.endswith(" " + actor) or actor.endswith(" " + name)), None)


def _side_named(field: str) -> str | None:
    """The side a speaker's name or role names, by the last side word or name in it ("Russian president" -> RU,
    "commander in the Rapid Support Forces" -> RSF)."""
    sides = side_words()
    words = [w.strip("(),;:") for w in field.lower().replace("’", "'").split()]
    longest = max(len(name.split()) for name in sides)
    for end in range(len(words), 0, -1):
        for n in range(min(longest, end), 0, -1):  # a name of several words ending here wins over its last word
            name = " ".join(words[end - n:end])
            side = sides.get(name) or sides.get(name.removesuffix("'s").rstrip("."))
            if side is not None:
                return side
    return None


def _speaker_side(q: StoredQuote, person_sides: dict[str, str]) -> str | None:
    for name in (q.entity, q.speaker, q.speaker_role):
        if not name:
            continue
        if name in person_sides:
            return person_sides[name]
        side = _side_named(name)
        if side is not None:
            return side
    return None


def person_sides(quotes: Iterable[StoredQuote]) -> dict[str, str]:
    """Names whose stated role names a side ("Vladimir Putin", role "Russian president" -> RU)."""
    out: dict[str, str] = {}
    for q in quotes:
        name = q.entity or q.speaker
        if name and q.speaker_role and name not in out:
            side = _side_named(q.speaker_role)
            if side is not None:
                out[name] = side
    return out


def _article_movers(statements: list[Statement]) -> list[Statement]:
    """A troop movement whose troops no one owns ("7,000 extra troops have arrived") is the movement of the one side
    whose troops its article moves elsewhere ("Moscow says it is pulling troops back"); with none or several, nobody's."""
    sides: dict[str, set[str]] = collections.defaultdict(set)
    for s in statements:
        if s.agent and s.theme and s.acts & MOVEMENTS:
            sides[s.quote.article_id].add(s.agent)
    out = []
    for s in statements:
        known = sides.get(s.quote.article_id, set())
        if s.agent is None and s.theme and s.acts & MOVEMENTS and not s.denies and len(known) == 1 \
                and s.opposed not in known:
            s = dataclasses.replace(s, agent=next(iter(known)))
        out.append(s)
    return out


def _same_source(a: StoredQuote, b: StoredQuote) -> bool:
    return (a.entity or a.speaker or "") == (b.entity or b.speaker or "") and bool(a.entity or a.speaker)


def _days(a: StoredQuote, b: StoredQuote) -> int | None:
    return abs((a.published - b.published).days) if a.published and b.published else None


def conflict(x: Statement, y: Statement) -> tuple[str, float] | None:
    """Why two statements cannot both hold, with a strength, or None."""
    held = _both_hold(x, y)
    if held is not None:
        return held
    if x.agent and y.agent and x.agent != y.agent:
        return None  # one side's act against another side's
    if (x.opposed and x.opposed == y.agent) or (y.opposed and y.opposed == x.agent):
        return None  # "the enemy" of a speaker is not the speaker's side
    if (x.agent is None and y.agent is None) or not (x.named and y.named):
        return None  # nobody's act in particular, or an act nobody is said to do ("they are being attacked")
    if x.objects and y.objects and not x.objects & y.objects:
        return None  # one act at Loknia, another in Donetsk
    shared = x.acts & y.acts
    if shared and x.denies != y.denies:
        said, denied = (x, y) if y.denies else (y, x)
        act = min(shared)
        who = said.quote.entity or said.quote.speaker or "one source"
        by = denied.quote.entity or denied.quote.speaker or "another"
        return f"{who} says {act} (“{_clip(said.quote.text)}”); {by} denies it (“{_clip(denied.quote.text)}”)", 1.0
    if x.denies or y.denies or not (x.theme and y.theme):
        return None
    for pair in OPPOSITES:
        if pair <= (x.acts | y.acts) and (pair & x.acts) != (pair & y.acts) and len(x.acts & pair) == 1 \
                and len(y.acts & pair) == 1:
            a, b = sorted(pair)
            return (f"{x.quote.entity or x.quote.speaker}: “{_clip(x.quote.text)}” against "
                    f"{y.quote.entity or y.quote.speaker}: “{_clip(y.quote.text)}” ({a} vs {b})"), 0.6
    return None


def _both_hold(x: Statement, y: Statement) -> tuple[str, float] | None:
    """Two sides each said to hold one named place (a Ukrainian colonel's "our brigade is in control of Kupiansk"
    / "Kupiansk is held by Russian troops"): only when both holders are known and differ. "Our forces" of a speaker whose side is
    not known say nothing against a known side: they may be that side's own forces."""
    shared = x.acts & y.acts & EXCLUSIVE
    if not shared or x.denies or y.denies or not (x.objects & y.objects):
        return None
    if not (x.agent and y.agent and x.agent != y.agent):
        return None
    place = ", ".join(sorted(x.objects & y.objects)).title()
    return (f"{x.quote.entity or x.quote.speaker}: “{_clip(x.quote.text)}” against "
            f"{y.quote.entity or y.quote.speaker}: “{_clip(y.quote.text)}” (both hold {place})"), 0.8


def _clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def stance_conflicts(quotes: Iterable[StoredQuote], *, window_days: int = WINDOW_DAYS) -> Iterator[Contradiction]:
    """Stance conflicts between statements of different sources, at most ``window_days`` apart."""
    quotes = list(quotes)
    people = person_sides(quotes)
    read_all = _article_movers([s for s in (read(q, people) for q in quotes) if s is not None])
    seen: set[tuple] = set()
    for x, y in itertools.combinations(read_all, 2):
        a, b = x.quote, y.quote
        days = _days(a, b)
        if days is None or days > window_days or _same_source(a, b):
            continue
        if a.group is not None and a.group == b.group and a.article_id != b.article_id:
            continue  # two copies of one story
        if x.side and y.side and x.side == y.side:
            continue  # one side's voices: a nuance within a camp, not a conflict between sources
        verdict = conflict(x, y)
        if verdict is None:
            continue
        key = (frozenset({(a.group or a.article_id, a.entity or a.speaker), (b.group or b.article_id,
                                                                            b.entity or b.speaker)}),
               frozenset(x.acts & y.acts) or frozenset(x.acts | y.acts))
        if key in seen:
            continue  # the same two sources on the same act, said again in another sentence
        seen.add(key)
        label = "stance|" + "+".join(sorted(x.acts & y.acts or x.acts | y.acts))
        yield Contradiction(label, verdict[0], a, b, days, "stance", verdict[1])
