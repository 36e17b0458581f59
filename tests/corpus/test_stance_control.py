"""Stance conflicts over who holds a place, and over acts of non-state sides (hand-built statements)."""

from __future__ import annotations

import datetime as dt

from sayso.corpus.records import StoredQuote
from sayso.corpus.stances import read, stance_conflicts
from sayso.models import Proposition


def act(name: str, polarity: str = "asserted", **kw) -> Proposition:
    return Proposition(name, 0, 1, name, polarity=polarity, **kw)


def q(article: str, text: str, speaker: str, *props: Proposition, day: int = 10, role: str | None = None
      ) -> StoredQuote:
    return StoredQuote(article_id=article, published=dt.date(2025, 6, day), outlet="Desk", group=None,
                       kind="direct", text=text, start=0, end=len(text), speaker=speaker, cue="said",
                       speaker_role=role, propositions=props)


OURS_HOLD = act("control", by_speaker=True, objects=("Adigrat",))   # "our fighters are in control of Adigrat"


def test_two_sides_each_holding_one_place_conflict():
    rebels = q("a", "Our fighters are in complete control of Adigrat", "Abebe Kassa", OURS_HOLD,
               role="spokesman for the Tigray People's Liberation Front (TPLF)")
    army = q("b", "Adigrat remains under the control of our forces", "Omar Idris", OURS_HOLD, day=11,
             role="spokeswoman for the communication office")
    [found] = stance_conflicts([rebels, army])
    assert found.measure_key == "stance|control" and "Adigrat" in found.reason


def test_two_voices_of_unknown_sides_holding_one_place_is_no_conflict():
    a = q("a", "Our fighters hold Adigrat", "Abebe Kassa", OURS_HOLD, role="commander")
    b = q("b", "Adigrat is under the control of our forces", "Omar Idris", OURS_HOLD, day=11, role="official")
    assert not list(stance_conflicts([a, b]))


def test_one_side_holding_two_places_is_no_conflict():
    a = q("a", "Our forces hold Adigrat", "Ali Musa", OURS_HOLD, role="Sudanese army spokesman")
    b = q("b", "Our forces hold Gedaref", "Omar Idris", act("control", by_speaker=True, objects=("Gedaref",)),
          role="Ethiopian army spokesman")
    assert not list(stance_conflicts([a, b]))


def test_one_side_said_to_hold_a_place_by_two_voices_is_no_conflict():
    a = q("a", "Sudanese troops hold Kassala", "Ali Musa", act("control", side="SD", objects=("Kassala",)))
    b = q("b", "Kassala is under the control of Sudanese forces", "Omar Idris",
          act("control", side="SD", objects=("Kassala",)), day=11)
    assert not list(stance_conflicts([a, b]))


def test_holding_a_place_and_no_units_left_there_conflict():
    held = q("a", "We are there, we are holding", "Petro Marchenko", act("control", by_speaker=True),
             role="Georgian army colonel")
    none_left = q("b", "There are no Georgian soldiers left on the island", "Ivan Petrov",
                  act("control", "denied", side="GE"), day=11, role="governor appointed by Moscow")
    [found] = stance_conflicts([held, none_left])
    assert "denies" in found.reason


def test_a_paramilitary_is_a_side_of_its_own():
    said = q("a", "RSF gunners fired mortar shells at the camp", "Tom Okello", act("attack", side="RSF"))
    denied = q("b", "Our forces did not fire at the camp", "Ali Musa", act("attack", "denied", by_speaker=True),
               role="RSF spokesman")
    assert read(denied, {}).agent == "RSF"
    [found] = stance_conflicts([said, denied])
    assert found.measure_key == "stance|attack"


def test_a_speaker_s_side_in_brackets_is_read():
    s = read(q("a", "Our forces hold Adigrat", "Abebe Kassa", OURS_HOLD,
               role="spokesman for the Tigray People's Liberation Front (TPLF)"), {})
    assert s is not None and s.side == "TPLF" and s.agent == "TPLF"


def test_an_enemy_act_is_nobody_s_when_the_speaker_s_side_is_unknown():
    said = q("a", "we were fired on by enemy boats", "a captain", act("attack", actor="enemy boats"))
    denied = q("b", "Our navy did not attack anyone", "Ivan Petrov", act("attack", "denied", by_speaker=True),
               role="Russian navy spokesman")
    assert not read(said, {}).named
    assert not list(stance_conflicts([said, denied]))
