"""Stance conflicts across statements: one source asserts what another denies or calls false, with or without a figure.

Built on the quote records: each statement is read for what it is about (predicate classes of
``data/stances_en.json``: an attack, a withdrawal, troops arriving, a capture), whether it says it
or denies it (a denial cue, "... is false", "not"), and whose act it is (a side named before the
predicate, or the denier itself in "Kyiv denied taking any hostile action"). Two statements from
different sources, a few days apart, about one act of one side, one asserting and one denying it,
conflict; so do two assertions of opposite movements of one side's troops ("troops are pulling
back" / "7,000 more troops have arrived"). Wire copies of one story never conflict with each other.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Iterator

from sayso.corpus.records import Contradiction, StoredQuote
from sayso.extract.sides import side_words

WINDOW_DAYS = 3
_WORD = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True)
class _Words:
    classes: dict[str, tuple[str, ...]]
    opposites: frozenset[frozenset[str]]
    themes: frozenset[str]
    denial_verbs: frozenset[str]
    falsity: re.Pattern
    nominal: frozenset[str]
    modal: frozenset[str]


@functools.lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads(resources.files("sayso.data").joinpath("stances_en.json").read_text("utf-8"))
    falsity = "|".join(re.escape(w) for w in sorted(data["falsity_words"], key=len, reverse=True))
    return _Words(
        classes={k: tuple(sorted(v, key=len, reverse=True)) for k, v in data["classes"].items()},
        opposites=frozenset(frozenset(pair) for pair in data["opposites"]),
        themes=frozenset(data["movement_themes"]), denial_verbs=frozenset(data["denial_verbs"]),
        # "... is false", "called the reports baseless", "which has not happened": said of a claim
        falsity=re.compile(rf"\b(?:(?:is|are|was|were|be|been|being|as|called|calling|call)\s+[\"“”']?|that\s+)"
                           rf"(?:{falsity})\b|\b(?:has|have|had|did)\s+not\s+happen|\bnever\s+happened",
                           re.IGNORECASE),
        nominal=frozenset(data["nominal_forms"]), modal=frozenset(data["modal_words"]))

HEAD_WORDS = 16  # an asserted act is said near the start of the statement, not in a clause at its end
FALSITY_REACH = 120  # characters before "... is false" that the judgement covers


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


def read(q: StoredQuote, person_sides: dict[str, str]) -> Statement | None:
    """The statement a quote makes, or None when it asserts or denies none of the known acts: a denial
    (a denial cue, or "... is false" right after the act) may name the act as a noun; an assertion needs
    a verb form ("has made the decision to invade", or "under Ukrainian attack") among its first words,
    with no modal or negation before it ("could invade", "no invasion" assert nothing)."""
    w = _words()
    cue = (q.cue or "").lower().split()
    denial_cue = bool(cue) and cue[0] in w.denial_verbs
    lowered = q.text.lower().replace("’", "'")
    falsity = w.falsity.search(lowered)
    words = _WORD.findall(lowered)
    text = " " + " ".join(words) + " "
    found: dict[str, int] = {}
    for act, forms in w.classes.items():
        for form in forms:
            at = text.find(f" {form} ")
            if at < 0:
                continue
            before = text[:at].split()
            nominal = form in w.nominal and not (before and (before[-1] == "under" or before[-2:-1] == ["under"]))
            if falsity is not None or denial_cue:
                if falsity is not None and not denial_cue and not (0 <= falsity.start() - at <= FALSITY_REACH):
                    continue
            elif nominal or len(before) > HEAD_WORDS or w.modal & set(before):
                continue
            found[act] = min(found.get(act, at), at)
    if not found:
        return None
    first = min(found.values())
    before = text[:first].split()
    agent = _side_in(before, person_sides, q.text[:max(0, first)])
    side = _speaker_side(q, person_sides)
    if agent is None and denial_cue:
        agent = side  # "Kyiv denied taking any hostile action": its own act
    theme = any(t in words for t in w.themes)
    return Statement(q, frozenset(found), denial_cue or falsity is not None, agent, side, theme,
                     _objects(q.text, first))


def _objects(text: str, at: int) -> frozenset[str]:
    """Capitalised names after the act (not sides): "captured the village of Loknia" -> {"loknia"}."""
    sides = side_words()
    names = re.findall(r"\b[A-Z][\w'’-]+", text[at:])
    return frozenset(n.lower() for n in names if n.lower() not in sides and n.lower().removesuffix("'s") not in sides)


def _side_in(words: list[str], person_sides: dict[str, str], raw: str) -> str | None:
    sides = side_words()
    for word in reversed(words):
        side = sides.get(word) or sides.get(word.removesuffix("'s").rstrip("."))
        if side is not None:
            return side
    return next((s for name, s in person_sides.items() if name in raw), None)


def _speaker_side(q: StoredQuote, person_sides: dict[str, str]) -> str | None:
    for name in (q.entity, q.speaker, q.speaker_role):
        if not name:
            continue
        if name in person_sides:
            return person_sides[name]
        side = _side_in(name.lower().replace("’", "'").split(), {}, name)
        if side is not None:
            return side
    return None


def person_sides(quotes: Iterable[StoredQuote]) -> dict[str, str]:
    """Names whose stated role names a side ("Vladimir Putin", role "Russian president" -> RU)."""
    out: dict[str, str] = {}
    for q in quotes:
        name = q.entity or q.speaker
        if name and q.speaker_role and name not in out:
            side = _side_in(q.speaker_role.lower().split(), {}, q.speaker_role)
            if side is not None:
                out[name] = side
    return out


def _same_source(a: StoredQuote, b: StoredQuote) -> bool:
    return (a.entity or a.speaker or "") == (b.entity or b.speaker or "") and bool(a.entity or a.speaker)


def _days(a: StoredQuote, b: StoredQuote) -> int | None:
    return abs((a.published - b.published).days) if a.published and b.published else None


def conflict(x: Statement, y: Statement) -> tuple[str, float] | None:
    """Why two statements cannot both hold, with a strength, or None."""
    if x.agent and y.agent and x.agent != y.agent:
        return None  # one side's act against another side's
    if x.agent is None and y.agent is None:
        return None  # nobody's act in particular
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
    for pair in _words().opposites:
        if pair <= (x.acts | y.acts) and (pair & x.acts) != (pair & y.acts) and len(x.acts & pair) == 1 \
                and len(y.acts & pair) == 1:
            a, b = sorted(pair)
            return (f"{x.quote.entity or x.quote.speaker}: “{_clip(x.quote.text)}” against "
                    f"{y.quote.entity or y.quote.speaker}: “{_clip(y.quote.text)}” ({a} vs {b})"), 0.6
    return None


def _clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def stance_conflicts(quotes: Iterable[StoredQuote], *, window_days: int = WINDOW_DAYS) -> Iterator[Contradiction]:
    """Stance conflicts between statements of different sources, at most ``window_days`` apart."""
    quotes = list(quotes)
    people = person_sides(quotes)
    read_all = [s for s in (read(q, people) for q in quotes) if s is not None]
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
