"""Records are plain frozen data that round-trip through JSON-ready dicts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

import sayso
from sayso.models import Analysis, Article, Claim, Quantity, Quote, Speaker, from_dict, to_dict


def test_public_api_is_exactly_what_is_documented():
    assert set(sayso.__all__) >= {"analyze", "analyze_many", "Analysis", "Article", "Quote", "Claim", "Place",
                                  "DateRef", "Speaker", "Quantity", "Settings", "SaysoError"}
    for name in sayso.__all__:
        assert hasattr(sayso, name), name


def test_records_are_frozen():
    q = Quote("direct", 0, 3, "abc")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.start = 1  # type: ignore[misc]


def test_analysis_to_dict_has_the_scorer_fields_and_is_json():
    art = Article("a1", "Mayor Ivanova said 12 people died.", published=dt.date(2025, 3, 17))
    spk = Speaker("Ivanova", 0, 13, "Mayor Ivanova")
    qty = Quantity(19, 28, "12 people", 12.0, "person", 12.0, "count")
    analysis = Analysis(art, quotes=(Quote("indirect", 19, 33, "12 people died", spk, "said"),),
                        claims=(Claim(qty, "claimed", spk),))
    data = json.loads(json.dumps(analysis.to_dict()))
    assert data["id"] == "a1" and data["published"] == "2025-03-17"
    assert data["quotes"][0]["speaker"]["name"] == "Ivanova"
    assert data["claims"][0]["quantity"]["si_unit"] == "count"
    assert set(data) >= {"quotes", "claims", "places", "dates"}


def test_from_dict_rebuilds_nested_records():
    spk = Speaker("Ivanova", 0, 13, "Mayor Ivanova")
    claim = Claim(Quantity(19, 28, "12 people", 12.0), "claimed", spk, 0, 33, "text")
    assert from_dict(Claim, to_dict(claim)) == claim


def test_the_status_order_lists_every_claim_status_once():
    import typing

    from sayso.models import STATUSES, ClaimStatus

    assert sorted(STATUSES) == sorted(typing.get_args(ClaimStatus)) and len(set(STATUSES)) == len(STATUSES)
