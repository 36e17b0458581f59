"""The fixture corpus's hard frame cases (test_fixture_frames.py), each reduced to one sentence or to
hand-built claims, so a failure names its cause: datelines read as owners or sources, tolls of two
strikes compared, wire copies told apart by their attribution. A known failure is xfail(strict)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import sayso
from sayso.corpus.linking import contradictions
from sayso.corpus.measures import frame_key
from sayso.corpus.records import StoredClaim, half_unit
from sayso.models import Frame


def _claims(text: str, settings, published: str = "2025-06-06") -> dict:
    return {c.quantity.text: c for c in sayso.analyze(text, published=published, settings=settings).claims}


@pytest.mark.model
def test_a_dateline_is_not_the_owner_of_the_figure(settings):
    text = "KYIV — Russian forces lost 45 tanks near Vovchansk over the past week, Ukraine's General Staff said."
    assert frame_key(_claims(text, settings)["45 tanks"].frame) == "equipment_lost|RU"


@pytest.mark.model
def test_without_the_dateline_the_same_sentence_is_russias(settings):
    text = "Russian forces lost 45 tanks near Vovchansk over the past week, Ukraine's General Staff said."
    assert frame_key(_claims(text, settings)["45 tanks"].frame) == "equipment_lost|RU"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ukraine now holds 150 square kilometers in Russia's Belgorod region, the general said.",
    "Ukrainian forces now control 150 square kilometers of Russia's Belgorod region, the general said.",
])
def test_the_area_held_belongs_to_the_side_holding_it(text, settings):
    assert frame_key(_claims(text, settings, "2025-06-05")["150 square kilometers"].frame) == \
        "territory_area|UA|belgorod"


@pytest.mark.model
def test_a_denial_after_a_dateline_is_the_deniers(settings):
    text = "MOSCOW — Russia's Defense Ministry on Friday denied that Russian forces had lost 45 tanks near Vovchansk."
    claim = _claims(text, settings)["45 tanks"]
    assert claim.status == "denied" and claim.source is not None and "Defense Ministry" in claim.source.name


@pytest.mark.model
@pytest.mark.parametrize("dateline", ["KHARKIV, Ukraine (Northern Wire) —", "Kharkiv (Northern Wire) —"])
def test_a_long_dateline_does_not_hide_the_closing_source(dateline, settings):
    text = (f"{dateline} Ukrainian air defenses shot down 40 Russian drones over the Kharkiv region on Saturday "
            "night, Ukraine's air force said on Sunday.")
    claim = _claims(text, settings, "2025-06-08")["40 Russian drones"]
    assert claim.source is not None and "air force" in claim.source.name


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A Russian drone strike on an apartment block in Dnipro killed three people on Wednesday, "
    "the city's mayor, Andriy Horbenko, said.",
    "Shelling wounded three people in Kherson overnight, the regional governor, Andriy Horbenko, said.",
])
def test_a_source_named_in_apposition_is_the_source(text, settings):
    claim = _claims(text, settings, "2025-06-04")["three people"]
    assert claim.source is not None and "Horbenko" in claim.source.name


def _toll(article: str, day: int, value: float, place: str, entity: int, *, group: int, status: str = "claimed",
          key: str = "killed|UA", frame: Frame | None = None) -> StoredClaim:
    frame = frame or Frame("killed", "cumulative", "count", place=place, place_country="UA", scope="strike")
    return StoredClaim(article_id=article, date=dt.date(2025, 6, day), outlet="Desk", group=group,
                       measure_key=key, value=value, value_max=None, unit="count", qualifier="exact",
                       status=status, quantity=f"{value:g} people", speaker=f"source {entity}",
                       entity=f"source {entity}", entity_pk=entity, half_unit=half_unit(value), frame=frame)


def test_the_tolls_of_two_strikes_in_two_cities_do_not_contradict():
    odesa, dnipro = _toll("odesa", 4, 14, "Odesa", 1, group=1), _toll("dnipro", 4, 3, "Dnipro", 2, group=2)
    assert not list(contradictions([odesa, dnipro]))


def test_the_toll_of_one_strike_given_twice_the_same_day_can_contradict():
    assert len(list(contradictions([_toll("a", 4, 14, "Odesa", 1, group=1),
                                    _toll("b", 4, 3, "Odesa", 2, group=2)]))) == 1


def test_a_wire_copy_attributed_differently_is_still_one_statement():
    drones = Frame("troops", "stock", "count", whose="RU", place="Kharkiv", place_country="UA")
    original = _toll("nw", 8, 40, "Kharkiv", 5, group=7, status="claimed", key="troops|RU", frame=drones)
    copy = dataclasses.replace(original, article_id="kl", status="asserted", speaker=None, entity=None,
                               entity_pk=None)
    rival = _toll("me", 8, 12, "Kharkiv", 6, group=8, key="troops|RU", frame=drones)
    assert len(list(contradictions([original, copy, rival]))) == 1
