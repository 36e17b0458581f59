"""Cross-article events: reports of one occurrence in several articles become one event; others stay apart."""

from __future__ import annotations

import pytest

from sayso.corpus.events import link_events, same_event

KUPIANSK = {"name": "Kupyansk", "country_code": "UA", "feature": "city", "lat": 49.71, "lon": 37.616, "admin1": "07"}
KUPIANSK_NEAR = {"name": "Kupiansk-Vuzlovyi", "country_code": "UA", "feature": "city", "lat": 49.62, "lon": 37.68,
                 "admin1": "07"}
KHARKIV_OBL = {"name": "Kharkiv Oblast", "country_code": "UA", "feature": "region", "lat": 49.5, "lon": 36.5,
               "admin1": "07"}
ODESA = {"name": "Odesa", "country_code": "UA", "feature": "city", "lat": 46.48, "lon": 30.72, "admin1": "17"}


def report(article, place=KUPIANSK, date="2025-06-09", type_="explosions_remote_violence",
           subtype="shelling_artillery_missile_attack", actor="Russian forces", published="2025-06-10"):
    return {"article_id": article, "type": type_, "subtype": subtype, "place": place, "date": date,
            "actor": {"name": actor} if actor else None, "published": published}


@pytest.mark.parametrize("a,b", [
    (report("a"), report("b")),
    (report("a"), report("b", place=KUPIANSK_NEAR)),
    (report("a"), report("b", place=KHARKIV_OBL)),
    (report("a"), report("b", date="2025-06-10")),
    (report("a"), report("b", subtype=None, actor=None)),
    (report("a"), report("b", date=None, published="2025-06-11")),
    (report("a"), report("b", place=None)),
])
def test_event_linking_same_occurrence(a, b):
    assert same_event(a, b)


@pytest.mark.parametrize("a,b", [
    (report("a"), report("b", place=ODESA)),
    (report("a", place=KHARKIV_OBL), report("b", place=ODESA)),
    (report("a", place=KHARKIV_OBL), report("b", place={**ODESA, "admin1": None})),
    (report("a"), report("b", date="2025-06-02")),
    (report("a"), report("b", type_="battles", subtype="armed_clash")),
    (report("a"), report("b", subtype="air_drone_strike")),
    (report("a"), report("b", actor="Ukrainian forces")),
    (report("a"), report("b", date=None, published="2025-06-20")),
    (report("a"), report("b", place=None, actor=None)),
    (report("a", place=None), report("b", place=None)),
])
def test_event_linking_different_occurrences(a, b):
    assert not same_event(a, b)


def test_event_linking_groups_chains_and_counts_events_not_articles():
    groups = link_events([report("a"), report("b", place=KUPIANSK_NEAR), report("c", place=KHARKIV_OBL),
                          report("d", place=ODESA)])
    assert sorted(len(g.reports) for g in groups) == [1, 3]
    assert sorted(g.articles for g in groups)[0] == ["a", "b", "c"]


def test_event_linking_never_merges_two_events_of_one_article():
    groups = link_events([report("a"), report("a", date="2025-06-09")])
    assert len(groups) == 2


def test_event_linking_lead_is_the_most_specific_report():
    groups = link_events([report("a", place=KHARKIV_OBL, actor=None), report("b")])
    assert groups[0].lead["place"]["name"] == "Kupyansk"


DRUZHKIVKA = {"name": "Druzhkivka", "country_code": "UA", "feature": "city", "lat": 48.62, "lon": 37.525,
              "admin1": "05"}
KOSTIANTYNIVKA = {"name": "Kostyantynivka", "country_code": "UA", "feature": "city", "lat": 48.527, "lon": 37.706,
                  "admin1": "05"}


def test_event_linking_two_towns_each_struck_in_itself_are_two_events():
    # 16 km apart: one place only when a report puts its event near a town (ACLED's geo_precision 2)
    a = {**report("a", place=DRUZHKIVKA, subtype="air_drone_strike"), "geo_precision": 1}
    b = {**report("b", place=KOSTIANTYNIVKA, subtype="air_drone_strike"), "geo_precision": 1}
    assert not same_event(a, b)
    assert same_event(a, {**b, "geo_precision": 2})


@pytest.mark.parametrize("weapons_a, weapons_b, same", [
    (["aircraft"], ["drone"], False),
    (["missile"], ["artillery"], False),
    (["drone", "missile"], ["missile"], True),
    (["drone"], [], True),
])
def test_event_linking_reports_naming_other_kinds_of_weapon_are_two_events(weapons_a, weapons_b, same):
    a = {**report("a", subtype="air_drone_strike"), "weapons": weapons_a}
    b = {**report("b", subtype="air_drone_strike"), "weapons": weapons_b}
    assert same_event(a, b) is same


@pytest.mark.parametrize("x, y, same", [
    ("M23", "Fighters of the AFC/M23 rebel alliance", True),
    ("Viv Ansanm", "the Viv Ansanm gang coalition", True),
    ("al Shabaab", "Al Shabaab militants", True),
    ("Syrian government", "Syrian Democratic Forces", False),
    ("Russian forces", "Ukrainian forces", False),
    ("rebels", "M23 rebels", False),  # a bare force word names nobody
])
def test_event_linking_actor_names_of_one_party(x, y, same):
    assert same_event(report("a", actor=x), report("b", actor=y)) is same
