"""Claim measure keys: counted noun or unit, place or subject, and measure verb, from the claim's sentence."""

from __future__ import annotations

import pytest
from storekit import article, claim, place

from sayso.corpus.measures import claim_key, sentence_bounds
from sayso.models import Analysis, DateRef


@pytest.mark.parametrize("text,number,kw,key", [
    ("Ukrainian forces control 1,000 square kilometres in Russia's Kursk region, Syrskyi said.",
     "1,000 square kilometres", {"si_unit": "km2"}, "area|kursk|control"),
    ("Moscow said its troops had seized 12 villages near Sudzha on Friday.",
     "12 villages", {"counted": "villages"}, "settlement|sudzha|capture"),
    ("Russia launched 40 drones at Odesa overnight, the air force said.",
     "40 drones", {"counted": "drones"}, "drone|odesa|launched"),
    ("Officials said 9 civilians were killed.", "9 civilians", {"counted": "civilians"}, "civilian|-|killed"),
])
def test_key_from_unit_place_and_verb_in_wording(text, number, kw, key):
    c = claim(text, number, 1.0, **kw)
    assert claim_key(c, Analysis(article("m", text, "2024-08-10", "X"))).measure_key == key


def test_place_in_the_claim_clause_wins_over_other_places_in_the_sentence():
    text = "Kyiv says its forces hold 1,000 square kilometres of Russian territory in Kursk."
    c = claim(text, "1,000 square kilometres", 1000, si_unit="km2",
              clause="its forces hold 1,000 square kilometres of Russian territory in Kursk")
    a = Analysis(article("m", text, "2024-08-10", "X"), places=(place(text, "Kyiv", "PPLC"), place(text, "Kursk")))
    assert claim_key(c, a).subject == "kursk"


def test_region_beats_country_among_place_records():
    text = "Troops hold 1,000 square kilometres in Russia's Kursk region."
    c = claim(text, "1,000 square kilometres", 1000, si_unit="km2")
    a = Analysis(article("m", text, "2024-08-10", "X"), places=(place(text, "Russia", "PCLI"), place(text, "Kursk")))
    assert claim_key(c, a).subject == "kursk"


def test_claim_without_unit_or_counted_noun_gets_no_key():
    text = "The figure rose to 12 by Friday."
    c = claim(text, "12", 12, si_unit=None)
    assert claim_key(c, Analysis(article("m", text, "2024-08-10", "X"))).measure_key is None


def test_date_in_the_sentence_beats_publication_date():
    text = "On 3 August the army said it took 5 villages. Later it said more."
    c = claim(text, "5 villages", 5, counted="villages")
    d = DateRef(3, 11, "3 August", "2024-08-03")
    key = claim_key(c, Analysis(article("m", text, "2024-08-10", "X"), dates=(d,)))
    assert key.claim_date == "2024-08-03"


def test_sentence_bounds_stop_at_sentence_ends():
    text = "First one. The army took 5 villages. Third."
    s, e = sentence_bounds(text, text.index("5"), text.index("5") + 1)
    assert text[s:e] == "The army took 5 villages."


def test_dateline_and_metonym_are_not_the_subject():
    from sayso.models import Place

    text = "KYIV — Kyiv's troops now control 150 square kilometers of Russia's Belgorod region, Gen. Ivan Petrenko said."
    c = claim(text, "150 square kilometers", 150, si_unit="km2")
    kyiv_metonym = Place(7, 11, "Kyiv", "Kyiv", feature="PPLC", metonym=True)
    places = (place(text, "KYIV", "PPLC"), kyiv_metonym, place(text, "Russia", "PCLI"), place(text, "Belgorod"))
    key = claim_key(c, Analysis(article("m", text, "2024-08-10", "X"), places=places))
    assert key.measure_key == "area|belgorod|control"


@pytest.mark.parametrize("abbrev", ["Gen.", "Col.", "U.S.", "V."])
def test_sentence_does_not_end_at_an_abbreviation(abbrev):
    text = f"Troops took 5 villages, {abbrev} Petrenko said on Monday. Other news."
    s, e = sentence_bounds(text, text.index("5"), text.index("5") + 1)
    assert text[s:e].endswith("on Monday.")


def test_possessive_place_is_an_actor_not_the_subject():
    text = "The governor of the Belgorod region denied that Kyiv's troops control 150 square kilometres there."
    c = claim(text, "150 square kilometres", 150, si_unit="km2")
    places = (place(text, "Belgorod"), place(text, "Kyiv", "PPLC"))
    assert claim_key(c, Analysis(article("m", text, "2024-08-10", "X"), places=places)).subject == "belgorod"
