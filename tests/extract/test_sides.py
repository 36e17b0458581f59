"""The side table (data/sides_en.json): one list of sides for claim frames and events."""

from __future__ import annotations

import json
from importlib import resources

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
