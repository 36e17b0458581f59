"""Stance conflicts over who holds a place, and over acts of non-state sides (hand-built statements)."""

from __future__ import annotations

import datetime as dt

import pytest

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


OURS_HOLD = act("control", by_speaker=True, objects=("Adigrat",))   # "our company holds Adigrat"
TPLF_COMMANDER = "field commander with the Tigray People's Liberation Front (TPLF)"


def test_two_known_sides_each_holding_one_place_conflict():
    rebels = q("a", "Since Friday our company has held Adigrat", "Abebe Kassa", OURS_HOLD, role=TPLF_COMMANDER)
    army = q("b", "Ethiopian troops control all of Adigrat", "Omar Idris",
             act("control", side="ET", objects=("Adigrat",)), day=11, role="regional official")
    [found] = stance_conflicts([rebels, army])
    assert found.measure_key == "stance|control" and "Adigrat" in found.reason


def test_our_forces_of_a_speaker_of_unknown_side_are_no_other_side():
    # a ministry says its own side's troops hold the town; a commander of unknown side says "our forces" do:
    # most likely the same side, so nothing conflicts
    ministry = q("a", "Avdiivka is fully controlled by Russian troops", "Russian Defence Ministry",
                 act("control", side="RU", objects=("Avdiivka",)))
    commander = q("b", "Our forces hold Avdiivka", "Pavel Sokolov", act("control", by_speaker=True,
                                                                          objects=("Avdiivka",)),
                  day=11, role="battalion commander")
    assert not list(stance_conflicts([ministry, commander]))


def test_two_voices_of_unknown_sides_holding_one_place_is_no_conflict():
    a = q("a", "Our company holds Adigrat", "Abebe Kassa", OURS_HOLD, role="commander")
    b = q("b", "Adigrat has been under our control since May", "Omar Idris", OURS_HOLD, day=11, role="official")
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


def test_holding_a_place_and_no_troops_stationed_there_conflict():
    held = q("a", "Despite the shelling our marines are holding", "Petro Marchenko", act("control", by_speaker=True),
             role="Georgian army colonel")
    none_left = q("b", "The port now has no Georgian soldiers stationed in it", "Ivan Petrov",
                  act("control", "denied", side="GE"), day=11, role="governor appointed by Moscow")
    [found] = stance_conflicts([held, none_left])
    assert "denies" in found.reason


def test_a_paramilitary_is_a_side_of_its_own():
    said = q("a", "The camp was hit by mortar shells that RSF gunners fired", "Tom Okello", act("attack", side="RSF"))
    denied = q("b", "Nobody in our ranks fired at the camp", "Ali Musa", act("attack", "denied", by_speaker=True),
               role="RSF spokesman")
    assert read(denied, {}).agent == "RSF"
    [found] = stance_conflicts([said, denied])
    assert found.measure_key == "stance|attack"


def test_a_speaker_s_side_in_brackets_is_read():
    s = read(q("a", "Our company holds Adigrat", "Abebe Kassa", OURS_HOLD, role=TPLF_COMMANDER), {})
    assert s is not None and s.side == "TPLF" and s.agent == "TPLF"


def test_an_enemy_act_is_nobody_s_when_the_speaker_s_side_is_unknown():
    said = q("a", "we were fired on by enemy boats", "a captain", act("attack", actor="enemy boats"))
    denied = q("b", "Our navy did not attack anyone", "Ivan Petrov", act("attack", "denied", by_speaker=True),
               role="Russian navy spokesman")
    assert not read(said, {}).named
    assert not list(stance_conflicts([said, denied]))


@pytest.mark.parametrize("role, side", [
    ("commander of the Rapid Support Forces", "RSF"),
    ("spokesman of the Tigray People's Liberation Front", "TPLF"),
    ("leader of Colombian paramilitaries", "CO"),
    ("commander of the paramilitaries", None),
    ("Tigrayan farmer", None),
])
def test_a_non_state_side_is_named_by_its_acronym_or_full_name_only(role, side):
    s = read(q("a", "Our company holds Adigrat", "Abebe Kassa", OURS_HOLD, role=role), {})
    assert s is not None and s.side == side
