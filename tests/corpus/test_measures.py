"""Measure keys from claim frames: concept and side, the place for a local concept; no frame, no key."""

from __future__ import annotations

import pytest
from storekit import article, claim, frame

from sayso.corpus.measures import claim_key, comparable_key, frame_key, side_of
from sayso.models import Analysis


@pytest.mark.parametrize("f,key", [
    (frame("troops", whose="RU"), "troops|RU"),
    (frame("troops"), "troops|-"),
    (frame("killed", "cumulative", place_country="UA"), "killed|UA"),          # a victim's side is where it is
    (frame("killed", "cumulative", whose="RU", place_country="UA"), "killed|RU"),  # "Russian soldiers killed"
    (frame("troops", whose="RU", place_country="UA"), "troops|RU"),            # troops are their owner's
    (frame("territory_area", "stock", "area", whose="UA", place="Kursk Oblast"), "territory_area|UA|kursk oblast"),
    (frame("aid", "event", "money", whose="DE"), "aid|DE"),
])
def test_frame_key_is_concept_side_and_place_when_local(f, key):
    assert frame_key(f) == key


def test_claim_without_frame_has_no_key_but_keeps_its_date():
    text = "The talks lasted 50 minutes."
    k = claim_key(claim(text, "50 minutes", 50, si_unit="day"), Analysis(article("m", text, "2024-08-10", "X")))
    assert k.measure_key is None and k.claim_date == "2024-08-10"


def test_claim_key_carries_side_concept_and_the_date_the_figure_refers_to():
    text = "Russia has massed 100,000 troops."
    f = frame("troops", whose="RU", when="2024-08-09")
    k = claim_key(claim(text, "100,000 troops", 100000, frame=f), Analysis(article("m", text, "2024-08-10", "X")))
    assert (k.measure_key, k.subject, k.verb, k.claim_date) == ("troops|RU", "RU", "troops", "2024-08-09")


def test_side_of_population_is_the_polled_country():
    assert side_of(frame("poll_share", "slow", "share", place_country="RU")) == "RU"


@pytest.mark.parametrize("key,ok", [("troops|RU", True), ("troops|-", False), ("share|UA", False),
                                    ("kursk_area_held", True), ("aid|DE@2024-05-01", True)])
def test_only_keys_with_a_known_side_and_a_compared_concept_are_compared(key, ok):
    assert comparable_key(key) is ok
