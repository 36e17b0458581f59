"""Events: sentences that name an event without reporting one (asked for, counted)."""

from __future__ import annotations

import pytest

import sayso
from sayso.models import Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-10"  # a Tuesday


def _events(settings, text: str) -> list[Event]:
    return list(sayso.analyze(text, published=PUBLISHED, settings=settings).events)


@pytest.mark.parametrize("text", [
    "Opposition parties called for a nationwide strike on Monday to protest against the election results.",
    "Union leaders called for demonstrations in Accra on Friday against the new tax.",
    "Activists appealed for a march on parliament next week.",
])
def test_events_a_call_for_a_protest_is_no_protest(settings, text):
    assert _events(settings, text) == []


def test_events_a_count_said_of_an_attack_is_no_new_event(settings):
    text = ("Two officers were wounded when a man threw a grenade at a police post in Tumaco on Sunday, police said. "
            "The attack was the third on police in Narino this month.")
    assert [e.trigger for e in _events(settings, text)] == ["threw"]


def test_events_a_count_said_of_it_alone_is_no_event(settings):
    assert _events(settings, "It was the third attack on the town this month.") == []


def test_events_a_conditional_with_a_modal_is_hypothetical(settings):
    text = ("If fighting reaches the city, we must evacuate the people who survived the shelling of Kherson on "
            "Monday, the mayor said.")
    assert _events(settings, text) == []


@pytest.mark.parametrize("text, triggers", [
    ("The embassy said a third planeload of military hardware had arrived in Vilnius on Monday.", []),
    ("A convoy of tanks arrived in Vilnius on Monday, the army said.", ["arrived"]),
])
def test_events_what_arrived_is_a_force_not_a_delivery(settings, text, triggers):
    assert [e.trigger for e in _events(settings, text)] == triggers


def test_a_weapon_described_by_where_it_is_fired_from_is_no_event(settings):
    text = ("Sumy lies close to the border, which gives air defences little time against rockets fired from the "
            "Kursk region.")
    assert _events(settings, text) == []


def test_events_the_series_a_strike_belongs_to_is_no_second_strike(settings):
    evs = _events(settings, "A drone strike on a truck near the town of Tyre killed three men on Monday, the latest "
                            "in a string of raids since a truce took hold last May.")
    assert [e.subtype for e in evs if e.type == "explosions_remote_violence"] == ["air_drone_strike"]
