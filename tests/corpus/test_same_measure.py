"""A contradiction needs one measure: the same kind of thing counted, over a compatible period, and the same
side even where a clause leaves the side to its article (hand-built stored claims; invented figures)."""

from __future__ import annotations

import datetime as dt

from sayso.corpus.linking import contradictions, fold_unowned
from sayso.corpus.measures import counted_kind, same_counted
from sayso.corpus.records import StoredClaim, half_unit
from sayso.models import Frame

PORT = {"entity": 1, "speaker": "Marta Hnatiuk"}        # a port city's administration
ARMY = {"entity": 2, "speaker": "Colonel Ruslan Dey"}    # an army press officer
REBEL = {"entity": 3, "speaker": "Samir Nouri"}          # a rebel commander


def claim(article: str, value: float, noun: str | None, key: str, *, day: int = 4, frame: Frame | None = None,
          qualifier: str = "exact", status: str = "claimed", who: dict | None = None) -> StoredClaim:
    who = who or {}
    return StoredClaim(article_id=article, date=dt.date(2024, 3, day), outlet=article, group=None, measure_key=key,
                       value=value, value_max=None, unit="count", qualifier=qualifier, status=status,
                       quantity=f"{value:g} {noun or ''}".strip(), speaker=who.get("speaker"),
                       entity=who.get("speaker"), entity_pk=who.get("entity"), half_unit=half_unit(value),
                       frame=frame, noun=noun)


def test_kinds_of_counted_things():
    assert counted_kind("uav") == counted_kind("drone") == "drone"
    assert counted_kind("villager") == counted_kind("people")
    assert counted_kind("equipment") is None and counted_kind(None) is None  # counts anything
    assert counted_kind("barge") == "barge"                                    # a noun of its own
    assert not same_counted("civilian", "soldier") and not same_counted("boat", "drone")
    assert not same_counted("child", "people")  # the children among the dead are a part, not a rival count
    assert same_counted("village", "settlement") and same_counted("toll", "child")


def test_civilians_and_soldiers_killed_are_two_measures():
    toll = Frame("killed", "cumulative", "count", place_country="UA", when="2024-03-04")
    found = contradictions([claim("a", 2, "civilian", "killed|UA", frame=toll, who=PORT),
                            claim("b", 90, "soldier", "killed|UA", frame=toll, qualifier="approx", who=ARMY)])
    assert not list(found)


def test_boats_are_not_drones_but_vessels_are_ships():
    lost = Frame("equipment_lost", "cumulative", "count", whose="UA")
    assert not list(contradictions([claim("a", 4, "boat", "equipment_lost|UA", frame=lost, who=PORT),
                                    claim("b", 1, "drone", "equipment_lost|UA", frame=lost, who=ARMY)]))
    [found] = contradictions([claim("a", 12, "ship", "equipment_lost|UA", frame=lost, who=PORT),
                              claim("b", 3, "vessel", "equipment_lost|UA", frame=lost, who=ARMY)])
    assert found.kind == "figures"


def test_a_total_since_a_day_is_not_the_rival_of_one_strike_within_it():
    strike = Frame("killed", "cumulative", "count", place_country="SY", when="2024-03-04")
    period = Frame("killed", "cumulative", "count", place_country="SY", when="2024-03-04", since="2024-03-01")
    claims = [claim("a", 9, "people", "killed|SY", frame=strike, who=PORT),
              claim("b", 30, "people", "killed|SY", frame=period, qualifier="at_least", who=ARMY)]
    assert not list(contradictions(claims))
    # a total since the 1st below the toll of one strike on the 4th cannot hold
    claims[1] = claim("b", 3, "people", "killed|SY", frame=period, who=ARMY)
    assert len(list(contradictions(claims))) == 1


def test_an_unowned_figure_takes_the_side_its_article_places_it_in():
    taken = Frame("settlements_taken", "cumulative", "count", whose="SY", place="Idlib", place_country="SY")
    here = Frame("killed", "cumulative", "count", place_country="SY")
    bare = Frame("settlements_taken", "cumulative", "count")
    claims = [claim("wire", 9, "village", "settlements_taken|SY|idlib", frame=taken, who=ARMY),
              claim("wire2", 9, "village", "settlements_taken|SY|idlib", frame=taken, who=ARMY),
              # a rebel's rival count in an article whose figures are placed in Syria, its clause placing nothing
              claim("qa", 3, "village", "settlements_taken|-|-", frame=bare, who=REBEL),
              claim("qa", 12, "civilian", "killed|SY", frame=here),
              claim("qa", 5, "child", "killed|SY", frame=here)]
    folded = {c.quantity: c.measure_key for c in fold_unowned(claims)}
    assert folded["3 village"] == "settlements_taken|SY|idlib"
    assert any(x.kind == "figures" for x in contradictions(claims))


def test_an_unowned_figure_does_not_take_the_side_of_another_kind_of_thing():
    lost = Frame("equipment_lost", "cumulative", "count", whose="UA")
    bare = Frame("equipment_lost", "cumulative", "count", place="Mykolaiv", place_country="UA")
    claims = [claim("a", 2, "boat", "equipment_lost|UA", frame=lost, who=PORT),
              claim("a", 3, "howitzer", "equipment_lost|-", frame=bare, who=PORT)]
    assert {c.measure_key for c in fold_unowned(claims)} == {"equipment_lost|UA", "equipment_lost|-"}


def test_an_article_of_many_countries_places_nothing():
    ours = Frame("troops", "stock", "count", whose="US", place="Constanta", place_country="RO")
    theirs = Frame("troops", "stock", "count", whose="RU", place="Kursk", place_country="RU")
    bare = Frame("troops", "stock", "count")
    claims = [claim("a", 700, "troop", "troops|US", frame=ours), claim("b", 700, "troop", "troops|US", frame=ours),
              claim("a", 9000, "troop", "troops|RU", frame=theirs),
              claim("a", 40, "civilian", "killed|UA", frame=Frame("killed", "cumulative", "count",
                                                                  place_country="UA")),
              claim("a", 6000, "troop", "troops|-", frame=bare, who=ARMY)]
    assert "troops|-" in {c.measure_key for c in fold_unowned(claims)}
