"""Events: actor and target read off the parse (named groups, 'between', repelled assaults, relative clauses)."""

from __future__ import annotations

import pytest

import sayso
from sayso.models import Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-10"  # a Tuesday


def _events(settings, text: str) -> list[Event]:
    return list(sayso.analyze(text, published=PUBLISHED, settings=settings).events)


def _names(ev: Event) -> tuple[str | None, str | None]:
    return (ev.actor.name if ev.actor else None, ev.target.name if ev.target else None)


@pytest.mark.parametrize("text,actor", [
    ("Mai-Mai rebels attacked an army post near Beni on Sunday, a local official said.", "Mai-Mai rebels"),
    ("Residents said Ansaru militants stormed a police post near Birnin Gwari on Saturday.", "Ansaru militants"),
])
def test_events_named_group_keeps_its_members_word(settings, text, actor):
    assert _names(_events(settings, text)[0])[0] == actor


def test_events_clash_between_two_parties(settings):
    ev = _events(settings, "Clashes between Mai-Mai rebels and a Raia Mutomboki faction near Walikale killed "
                           "nine fighters on Monday, officials said.")[0]
    assert _names(ev) == ("Mai-Mai rebels", "Raia Mutomboki faction")


def test_events_repelled_assault_is_the_attackers_act(settings):
    ev = _events(settings, "The Sudanese army said on Monday its soldiers had repelled an RSF assault on the town "
                           "of Babanusa.")[0]
    assert ev.actor.name == "RSF" and ev.target is not None and ev.target.name == "Sudanese forces"


def test_events_state_institution_named_by_its_side(settings):
    ev = next(e for e in _events(settings, "Colombia's government and the Segunda Marquetalia signed a ceasefire "
                                          "accord in Caracas on Monday.") if e.subtype == "agreement")
    assert ev.actor.name == "Colombian government"


def test_events_police_keep_their_name_with_a_side(settings):
    ev = _events(settings, "Mexican police arrested a cartel financier in Tijuana on Sunday, prosecutors said.")[0]
    assert ev.actor.name == "Mexican police"


def test_events_the_town_is_the_town_named_before(settings):
    events = _events(settings, "M23 rebels captured the town of Bunia on Sunday, local officials said.\n\n"
                               "On Monday, police reinforcements were flown to the town, the governor said.")
    moved = next(e for e in events if e.subtype == "change_to_group_activity")
    assert moved.place is not None and moved.place.name == "Bunia"


def test_events_the_city_after_a_region_stays_unplaced(settings):
    events = _events(settings, "Kyiv said on Friday that fighting had spread in Donetsk region.\n\n"
                               "A blast hit the city late on Friday, officials said.")
    blast = next(e for e in events if e.text.startswith("A blast"))
    assert blast.place is None or blast.place.name != "Kyiv"


def test_events_looted_property_has_no_target(settings):
    ev = _events(settings, "Militiamen looted homes and shops in Bunia on Sunday, residents said.")[0]
    assert ev.subtype == "looting_property_destruction" and ev.target is None


def test_events_group_takes_a_town_from_the_state_it_lies_in(settings):
    ev = _events(settings, "M23 rebels captured the town of Bunia on Sunday, local officials said.")[0]
    assert _names(ev) == ("M23 rebels", "Congolese forces")


def test_events_unsided_troops_belong_to_the_side_that_reports_them(settings):
    ev = _events(settings, "The IDF said on Monday that troops had raided a house in Qalqilya and arrested "
                           "three men.")[0]
    assert ev.actor is not None and ev.actor.name == "Israeli forces"


def test_events_their_vehicle_is_no_reported_force(settings):
    events = _events(settings, "Three soldiers were killed on Sunday when their truck hit a landmine near Kidal, "
                               "security sources said.")
    assert all(e.actor is None for e in events), [e.actor for e in events]


def test_events_accented_dateline_is_no_subject(settings):
    ev = _events(settings, "CÚCUTA, Colombia — Colombian soldiers arrested a rebel commander in Ocaña on "
                           "Monday, the army said.")[0]
    assert ev.actor is not None and ev.actor.name == "Colombian forces"


@pytest.mark.parametrize("text,actor", [
    ("The gendarmerie arrested a former minister in Niamey on Monday, his lawyer said.", "gendarmerie"),
    ("Police reinforcements were flown to Goma on Monday night, the governor said.", "police"),
])
def test_events_police_forces_are_named_as_police(settings, text, actor):
    assert _events(settings, text)[0].actor.name == actor


def test_events_fuel_tanks_are_no_force(settings):
    ev = _events(settings, "Israeli jets struck fuel storage tanks at Yemen's Ras Isa port on Monday, "
                           "the Houthi-run health ministry said.")[0]
    assert ev.target is None or ev.target.name != "Yemeni forces"


def test_events_the_town_named_before_its_own_region(settings):
    events = _events(settings, "Government troops entered the town of Bunia in Ituri province on Sunday, the army "
                               "said.\n\nOn Monday, police reinforcements were flown to the town, the governor said.")
    moved = next(e for e in events if e.subtype == "change_to_group_activity")
    assert moved.place is not None and moved.place.name == "Bunia"


def test_events_agreement_parties_after_a_dateline(settings):
    ev = next(e for e in _events(settings, "YEREVAN — Armenia and Azerbaijan exchanged 20 prisoners on Monday, "
                                           "officials said.") if e.type == "strategic_developments")
    assert _names(ev) == ("Armenia", "Azerbaijan")


def test_events_gunmen_from_a_named_group(settings):
    ev = _events(settings, "Gunmen from the Gran Grif gang stormed the town of Petite Riviere on Monday, killing "
                           "at least ten residents, local officials said.")[0]
    assert ev.actor is not None and ev.actor.name == "Gran Grif gang"


@pytest.mark.parametrize("after,actor", [
    ("Boko Haram claimed responsibility in a video on Tuesday.", "Boko Haram"),
    ("The governor blamed Boko Haram for the attack.", "Boko Haram"),
])
def test_events_attack_claimed_or_blamed_in_the_next_sentence(settings, after, actor):
    events = _events(settings, "A suicide bomber blew himself up at a crowded market in Konduga on Monday, killing "
                               f"at least nine people, local officials said. {after}")
    assert events[0].actor is not None and events[0].actor.name == actor


def test_events_blame_for_something_else_names_no_attacker(settings):
    events = _events(settings, "A suicide bomber blew himself up at a crowded market in Konduga on Monday, killing "
                               "at least nine people, local officials said. The governor blamed Boko Haram for "
                               "the fuel shortage.")
    assert events[0].actor is None


@pytest.mark.parametrize("text,target", [
    ("Two police officers were wounded when a man threw a grenade at a checkpoint in Popayán on Sunday, "
     "officials said.", "police"),
    ("Three soldiers were killed on Sunday when their truck hit a landmine near Kidal, security sources said.",
     "Malian forces"),
])
def test_events_victims_told_around_the_strike(settings, text, target):
    ev = _events(settings, text)[0]
    assert ev.target is not None and ev.target.name == target


def test_events_a_demonstration_has_no_target(settings):
    ev = next(e for e in _events(settings, "Nurses protested at the hospital gate in Kano on Monday to demand "
                                          "unpaid wages, union officials said.")
              if e.type == "protests")
    assert ev.target is None


def test_events_bomber_blowing_himself_up_at_an_army_post_targets_the_army(settings):
    ev = _events(settings, "A suicide bomber blew himself up at an army checkpoint in the town of Beledweyne on "
                           "Sunday, police said.")[0]
    assert ev.target is not None and ev.target.name == "Somali forces"


def test_events_town_retaken_from_a_group_targets_that_group(settings):
    ev = _events(settings, "Troops retook the town of Kalemie on Friday from Mai-Mai fighters who had held it "
                           "since May.")[0]
    assert ev.target is not None and ev.target.name == "Mai-Mai fighters"


def test_events_soldier_hurt_by_a_mine_makes_the_army_the_target(settings):
    ev = _events(settings, "A soldier was wounded on Sunday when a mine planted on a track outside Kidal went off "
                           "as an army convoy passed.")[0]
    assert ev.target is not None and ev.target.name == "Malian forces"
