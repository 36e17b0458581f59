"""Events: which sentences report an occurrence, of which ACLED type, by whom, where, when and how many dead."""

from __future__ import annotations

import pytest

import sayso
from sayso.models import Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-10"  # a Tuesday


def _events(settings, text: str) -> list[Event]:
    return list(sayso.analyze(text, published=PUBLISHED, settings=settings).events)


def _one(settings, text: str) -> Event:
    events = _events(settings, text)
    assert len(events) == 1, [(e.type, e.subtype, e.text) for e in events]
    return events[0]


@pytest.mark.parametrize("text,type_,subtype", [
    ("Russian artillery shelled the town of Kupiansk on Monday, the governor said.",
     "explosions_remote_violence", "shelling_artillery_missile_attack"),
    ("A drone strike hit a fuel depot in Port Sudan on Monday, the army said.",
     "explosions_remote_violence", "air_drone_strike"),
    ("A roadside bomb struck a minibus near Kidal on Sunday, local officials said.",
     "explosions_remote_violence", "remote_explosive_landmine_ied"),
    ("An explosion tore through a market in Kherson on Monday, officials said.",
     "explosions_remote_violence", None),
    ("Ukrainian troops clashed with Russian forces near Bakhmut on Monday, the General Staff said.",
     "battles", "armed_clash"),
    ("Russian forces captured the village of Robotyne on Sunday, the Russian defence ministry said.",
     "battles", "non_state_actor_overtakes_territory"),
    ("Ukrainian forces recaptured the town of Vovchansk on Monday, the General Staff said.",
     "battles", "government_regains_territory"),
    ("Gunmen abducted 20 passengers from a bus near Kaduna on Sunday, police said.",
     "violence_against_civilians", "abduction_forced_disappearance"),
    ("Thousands of people rallied in Tbilisi on Sunday to protest against the new law.",
     "protests", "peaceful_protest"),
    ("Police fired tear gas to disperse protesters in Nairobi on Monday.",
     "protests", "protest_with_intervention"),
    ("Rioters torched a police station in Kano on Sunday after the vote, police said.",
     "riots", "violent_demonstration"),
    ("Police arrested the opposition leader Amadou Keita in Bamako on Monday, his lawyer said.",
     "strategic_developments", "arrests"),
    ("Air defences shot down 12 Russian drones over the Kharkiv region on Monday, the air force said.",
     "strategic_developments", "disrupted_weapons_use"),
    ("Russia and Ukraine exchanged 150 prisoners of war on Friday, both governments said.",
     "strategic_developments", "agreement"),
])
def test_events_type_and_subtype_of_a_report(settings, text, type_, subtype):
    ev = _one(settings, text)
    assert (ev.type, ev.subtype) == (type_, subtype)


@pytest.mark.parametrize("text", [
    "Russia will strike Kyiv again if the talks fail, a Kremlin official warned on Monday.",
    "The army threatened on Monday to retake every town held by the rebels.",
    "Officials said they expected new missile strikes on Odesa in the coming days.",
    "No shelling was reported in Kharkiv on Monday, the governor said.",
    "Ukrainians marked the anniversary of the massacre in Bucha on Monday.",
    "Russian forces shell the town almost every day, residents said.",
    "The ministry said on Monday that it had sent 40 tanks to Ukraine since the start of the war.",
    "Is Russia about to attack Moldova?",
    # a total raised, not territory taken: the place is where the aid goes
    "The loan takes Poland's lending to Lithuania to $1 billion, the bank said on Monday.",
])
def test_events_non_events_are_left_out(settings, text):
    assert _events(settings, text) == []


def test_events_fields_linked_from_the_other_records(settings):
    text = ("Russian missiles struck apartment blocks in Odesa on Monday, killing at least four civilians and "
            "wounding 12, regional governor Oleh Kiper said.")
    ev = _one(settings, text)
    assert (ev.actor.name, ev.target.name) == ("Russian forces", "civilians")
    assert ev.place is not None and ev.place.name == "Odesa" and ev.geo_precision == 1
    assert (ev.date, ev.time_precision) == ("2025-06-09", 1)
    assert ev.fatalities == 4 and ev.fatalities_claim.quantity.qualifier == "at_least"
    assert (ev.status, ev.source.name) == ("claimed", "Oleh Kiper")
    assert text[ev.start:ev.end] == ev.text


def test_events_mentions_of_one_occurrence_are_one_event(settings):
    text = ("Russian artillery shelled Kupiansk on Monday, the governor said.\n\n"
            "The shells hit a school and two houses, he said.")
    ev = _one(settings, text)
    assert len(ev.mentions) == 2


def test_events_unverified_report_reaches_back(settings):
    text = ("Government jets bombed a market in the town of Kutum in North Darfur on Sunday, a local rights group "
            "said. The report could not be independently verified.")
    assert _one(settings, text).status == "unverified"


def test_events_claim_denied_by_the_accused_side(settings):
    text = ("Russia's defence ministry said on Monday that Ukrainian forces had shelled a market in Donetsk. "
            "Kyiv denied the claim.")
    ev = _one(settings, text)
    assert (ev.status, ev.actor.name) == ("denied", "Ukrainian forces")


def test_events_dateline_is_not_the_place(settings):
    text = "KYIV, June 10 (Reuters) - A drone strike hit a power station in Sumy on Monday, officials said."
    ev = _one(settings, text)
    assert ev.place.name == "Sumy" and ev.date == "2025-06-09"


def test_events_extractor_can_be_left_out(settings):
    chosen = settings.replace(extractors="quotes,claims")
    analysis = sayso.analyze("Russian artillery shelled Kupiansk on Monday.", published=PUBLISHED, settings=chosen)
    assert analysis.events == () and "events" not in chosen.extractors_to_run


def test_events_same_day_takes_the_date_before_it(settings):
    text = ("Explosions shook a fuel depot in Luhansk late on Sunday night. Earlier in the day, a car bomb went off "
            "near a market in Donetsk.")
    dates = sorted(e.date for e in _events(settings, text))
    assert dates == ["2025-06-08", "2025-06-08"]


def test_events_country_subject_is_its_forces(settings):
    ev = _one(settings, "Russia destroyed a grain terminal in Izmail on Monday, the governor said.")
    assert ev.actor is not None and ev.actor.name == "Russian forces" and ev.target is None


def test_events_strikes_on_two_towns_are_two_events(settings):
    # Druzhkivka and Kostiantynivka lie 16 km apart: within the 25 km that joins spellings of one place,
    # but each report puts its strike in a town of its own
    text = ("Glide bombs struck a school in Druzhkivka on Monday, wounding three people, officials said.\n\n"
            "Later that evening, a drone hit a minibus in Kostiantynivka, killing its driver, police said.")
    events = sorted(_events(settings, text), key=lambda e: e.start)
    assert [e.place.name for e in events] == ["Druzhkivka", "Kostyantynivka"], [(e.text, e.place) for e in events]
    # "Later that evening" opens a paragraph of its own and still dates its event by the one before
    assert [e.date for e in events] == ["2025-06-09", "2025-06-09"]
    assert [e.weapons for e in events] == [("aircraft",), ("drone",)]


def test_events_town_struck_is_the_place_not_the_target(settings):
    # the small model tags "Druzhkivka" an organisation; the Donetsk region puts the article in Ukraine
    text = ("Russian glide bombs struck Druzhkivka in the Donetsk region on Monday, wounding five people, "
            "officials said.")
    ev = _one(settings, text)
    assert ev.place.name == "Druzhkivka"
    assert ev.target is None or ev.target.name != "Druzhkivka", ev.target


def test_events_deployment_actor_is_the_side_that_owns_the_force(settings):
    text = "A destroyer from Russia's Pacific fleet sailed into the Sea of Japan on Monday, the navy said."
    ev = _one(settings, text)
    assert (ev.actor.name, ev.actor.text) == ("Russian forces", "A destroyer from Russia's Pacific fleet")
    assert ev.place is None or ev.place.name != "Pacific Ocean"  # the fleet's name, not where it sailed


def test_events_deployment_with_no_side_named_takes_the_side_the_article_shows_acting(settings):
    # Ukraine is named more often, but as a place; Russia is the one that acts ("Russia has massed")
    text = ("Russia has massed troops on Ukraine's border, officials in Ukraine said. Ukraine's president urged calm "
            "across Ukraine on Saturday. Ukrainian officials said Ukraine was ready.\n\n"
            "On Sunday, more tanks were moved to the border region, satellite images showed.")
    moved = [e for e in _events(settings, text) if e.trigger == "moved"]
    assert [e.actor.name for e in moved] == ["Russian forces"]


@pytest.mark.parametrize("adverb, date", [("also ", "2025-06-09"), ("", None)])
def test_events_also_goes_on_with_the_dated_report_before_it(settings, adverb, date):
    text = ("Drones hit a power plant in Poltava on Monday, killing two workers, officials said.\n\n"
            "The plant's director said repairs would take weeks.\n\n"
            f"Ukraine {adverb}destroyed an ammunition depot in Belgorod, the Ukrainian army said.")
    depot = [e for e in _events(settings, text) if e.place is not None and e.place.name == "Belgorod"]
    assert [e.date for e in depot] == [date]


@pytest.mark.parametrize("text, date", [
    ("Russia is moving more troops into Belarus, Western officials said.", "2025-06"),
    ("Turkey is in the process of sending more troops to its border with Syria, officials said.", "2025-06"),
    ("Russia moved more troops into Belarus, Western officials said.", None),
])
def test_events_movement_under_way_is_dated_by_the_month_of_publication(settings, text, date):
    ev = _one(settings, text)
    assert (ev.date, ev.time_precision) == (date, 3 if date else None)


def test_events_a_likeness_in_the_present_is_not_a_movement_under_way(settings):
    text = "The job is like seizing the city of Avdiivka twice, a soldier said."
    assert all(e.date is None for e in _events(settings, text))


def test_events_attack_helicopters_are_a_weapon_not_an_attack(settings):
    text = "On Monday, witnesses saw attack helicopters being moved to an airfield near Kursk."
    ev = _one(settings, text)
    assert (ev.type, ev.trigger) == ("strategic_developments", "moved")


def test_events_clause_set_against_another_by_but_is_the_evidence(settings):
    text = ("The army calls the drills near Kharkiv routine, but local media reported on Monday that tanks were moved "
            "to Belgorod.")
    ev = _one(settings, text)
    assert ev.text == "local media reported on Monday that tanks were moved to Belgorod."
    assert ev.place.name == "Belgorod"
