"""Events: the kind of violence or gathering, read from who does what to whom (riots, mobs, attacks on
civilians, battles, protests)."""

from __future__ import annotations

import pytest

import sayso
from sayso.models import Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-10"  # a Tuesday


def _events(settings, text: str) -> list[Event]:
    return list(sayso.analyze(text, published=PUBLISHED, settings=settings).events)


def _kinds(settings, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.subtype) for e in _events(settings, text)]


@pytest.mark.parametrize("text, kind", [
    # a crowd that kills is mob violence, not an attack by an armed group
    ("On Friday, a crowd in the village of Tsanga stoned two women accused of witchcraft, killing one, "
     "local radio reported.", ("riots", "mob_violence")),
    ("A mob in the market town of Gbarnga set upon three men suspected of theft on Saturday, beating one of them "
     "to death, police said.", ("riots", "mob_violence")),
    # demonstrators who set a bus on fire riot
    ("Hundreds of students blocked roads and set a bus on fire in Kisumu on Thursday, protesting against fee "
     "increases, witnesses said.", ("riots", "violent_demonstration")),
    # armed men shooting villagers and burning homes: one attack on civilians, not property destruction
    ("Gunmen attacked the village of Dogon Daji on Saturday night, shooting villagers and setting homes on fire, "
     "local officials said.", ("violence_against_civilians", "attack")),
    ("Gunmen opened fire on a wedding party in the town of Tillaberi on Saturday, killing nine people, "
     "officials said.", ("violence_against_civilians", "attack")),
    # an attack on an army base stays a battle though civilians died too
    ("Militants attacked an army base and two villages near Diffa on Monday, killing ten soldiers and four "
     "civilians, the army said.", ("battles", "armed_clash")),
    # soldiers killing the armed men they chase fight a battle
    ("Soldiers chased the gunmen into the hills near Gulu on Sunday, killing four of them, the army said.",
     ("battles", "armed_clash")),
])
def test_events_kind_of_violence_from_who_does_it_to_whom(settings, text, kind):
    assert _kinds(settings, text) == [kind]


@pytest.mark.parametrize("text", [
    "Thousands of people marched in Tbilisi on Sunday, waving flags and chanting slogans.",
    "Parents gathered outside the ministry in Abuja on Monday to demand news of their missing children.",
    "Several hundred people rallied in Lviv on Saturday, calling on the government to bring the soldiers home.",
])
def test_events_people_gathering_with_a_demand_protest(settings, text):
    assert _kinds(settings, text) == [("protests", "peaceful_protest")]


def test_events_troops_gathering_are_a_movement_not_a_protest(settings):
    assert _kinds(settings, "Troops gathered near the border town of Sumy on Monday, officials said.") == [
        ("strategic_developments", "change_to_group_activity")]


def test_events_people_burned_are_no_property_destroyed(settings):
    text = ("Residents said two children were burned inside their house when gunmen torched the village of Kuki "
            "on Sunday.")
    assert [e.trigger for e in _events(settings, text)] == ["torched"]


def test_events_people_killing_civilians_by_hand_attack_them(settings):
    text = ("On Sunday, gang members swept through the village of Kpote, killing residents and looting shops, "
            "local radio reported.")
    events = _events(settings, text)
    assert [(e.type, e.subtype, e.trigger) for e in events] == [("violence_against_civilians", "attack", "killing")]
    assert events[0].status == "reported"  # unnamed local media, like "residents said"


def test_events_a_blast_killing_civilians_stays_remote_violence(settings):
    text = "A blast killed residents of the town of Kpote on Sunday, officials said."
    assert _kinds(settings, text) == [("explosions_remote_violence", None)]


def test_events_rockets_fired_at_a_town_are_shelling(settings):
    text = "Militants fired rockets at the town of Sderot on Monday, the army said."
    assert _kinds(settings, text) == [("explosions_remote_violence", "shelling_artillery_missile_attack")]


@pytest.mark.parametrize("text, kinds", [
    ("The two neighbours agreed the text of a border treaty in Baku on Monday.",
     [("strategic_developments", "agreement")]),
    ("The two leaders agreed to meet again in Geneva next month.", []),  # agreeing to do something later
])
def test_events_two_parties_agreeing_on_a_text(settings, text, kinds):
    assert _kinds(settings, text) == kinds


def test_events_a_vehicle_that_hit_a_landmine_names_the_weapon(settings):
    # the object of "hit" is usually what was struck ("hit an ammunition depot"); a mine or device is the weapon
    text = ("Three soldiers were killed on Monday when their truck hit a landmine near the town of Tessalit, "
            "the army said.")
    assert _kinds(settings, text) == [("explosions_remote_violence", "remote_explosive_landmine_ied")]


@pytest.mark.parametrize("text, subtype", [
    ("Several hundred people marched in Gulu on Monday and dispersed peacefully in the afternoon.",
     "peaceful_protest"),  # the crowd dispersed by itself
    ("Police detained 30 people in Tbilisi on Sunday as protesters blocked the main avenue.",
     "protest_with_intervention"),
])
def test_events_protest_intervention_is_the_authorities_stepping_in(settings, text, subtype):
    assert _kinds(settings, text) == [("protests", subtype)]
