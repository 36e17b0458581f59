"""The side table (data/sides_en.json): one list of sides for claim frames and events."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sayso.extract import sides


def test_a_country_s_demonym_and_its_seat_of_power_name_its_side():
    words = sides.side_words()
    assert (words["russian"], words["ukrainians"], words["kremlin"], words["nato"]) == ("RU", "UA", "RU", "NATO")


def test_only_a_side_with_a_name_is_an_event_party():
    parties = sides.party_words()
    assert parties["kremlin"] == "RU" and "nato" not in parties
    assert sides.side_name("RU") == "Russian forces" and sides.side_name("NATO") is None and sides.side_name(None) is None


def test_every_party_word_names_the_same_side_for_claims_and_events():
    words = sides.side_words()
    assert all(words[w] == code for w, code in sides.party_words().items())


def test_no_word_names_two_sides():
    seen: dict[str, str] = {}
    for code, side in sides.sides().items():
        for word in side["words"]:
            assert seen.setdefault(word, code) == code, word



def test_the_sides_are_listed_in_one_table_only():
    data = resources.files("sayso.data")
    assert "side_aliases" not in json.loads(data.joinpath("measures_en.json").read_text("utf-8"))
    assert "sides" not in json.loads(data.joinpath("events_en.json").read_text("utf-8"))


def test_a_generic_ruler_word_names_no_side():
    # "junta" rules in Naypyidaw, Bamako, Niamey and Ouagadougou alike: it is a force word, resolved by the article
    words = sides.side_words()
    assert all(w not in words for w in ("junta", "regime", "army", "military"))


@pytest.mark.model
def test_a_sahel_junta_acts_for_its_own_country():
    from sayso import analyze

    text = ("NIAMEY, Niger (Wire) — The junta said its aircraft struck a militant camp near Ayorou on Monday, "
            "killing 12 fighters.")
    (event,) = [e for e in analyze(text, published="2025-05-07").events if e.type == "explosions_remote_violence"]
    assert event.actor is not None and event.actor.country_code == "NE"
