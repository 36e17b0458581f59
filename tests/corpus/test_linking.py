"""Clusters, contradictions and timelines over hand-built stored claims (no store, no extractors)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sayso.corpus.linking import bounds, clusters, conflict, contradictions, fold_copies, timelines
from sayso.corpus.records import StoredClaim, half_unit
from sayso.models import Frame

AREA = Frame("territory_area", "stock", "area", whose="UA", place="Kursk", place_country="RU")
KEY = "territory_area|UA|kursk"


def c(article: str, day: int, value: float, *, status: str = "claimed", group: int | None = None,
      entity: int | None = None, speaker: str | None = None, qualifier: str = "exact", key: str = KEY,
      outlet: str = "Desk", value_max: float | None = None, frame: Frame | None = AREA, unit: str = "km2",
      month: int = 8) -> StoredClaim:
    return StoredClaim(article_id=article, date=dt.date(2024, month, day), outlet=outlet, group=group,
                       measure_key=key, value=value, value_max=value_max, unit=unit, qualifier=qualifier,
                       status=status, quantity=f"{value:g}", speaker=speaker, entity=speaker, entity_pk=entity,
                       half_unit=half_unit(value), frame=frame)


KYIV = {"entity": 1, "speaker": "Oleksandr Syrskyi"}
MOSCOW = {"entity": 2, "speaker": "Igor Konashenkov"}
WASHINGTON = {"entity": 3, "speaker": "a US official"}


def test_values_far_apart_from_two_sides_contradict():
    [found] = contradictions([c("k", 12, 1000, group=1, **KYIV), c("m", 13, 300, group=2, **MOSCOW)])
    assert (found.a.article_id, found.b.article_id, found.days_apart, found.kind) == ("k", "m", 1, "figures")
    assert "1,000 km2" in found.reason and "300 km2" in found.reason and "Igor Konashenkov" in found.reason


def test_claim_and_its_denial_contradict_by_status():
    [found] = contradictions([c("k", 15, 74, group=1, **KYIV), c("m", 16, 74, status="denied", group=2, **MOSCOW)])
    assert "denied by Igor Konashenkov" in found.reason and found.kind == "denial"


def test_denial_of_another_figure_is_no_contradiction():
    assert not list(contradictions([c("k", 15, 74, group=1, **KYIV), c("m", 16, 10, status="denied", group=2,
                                                                        **MOSCOW)]))


def test_levels_days_apart_are_not_compared():
    claims = [c("k", 1, 1000, group=1, **KYIV), c("m", 9, 300, group=2, **MOSCOW)]
    assert not list(contradictions(claims, window_days=7))        # a level may change within days
    assert len(list(contradictions(claims, window_days=30))) == 1  # the setting widens every window


def test_a_level_that_rose_is_no_contradiction():
    assert not list(contradictions([c("m", 12, 300, group=2, **MOSCOW), c("k", 13, 1000, group=1, **KYIV)]))


def test_a_running_total_may_only_grow():
    toll = Frame("killed", "cumulative", "count", place_country="UA", scope="war")
    rising = [c("a", 1, 9000, frame=toll, key="killed|UA", group=1, **KYIV),
              c("b", 5, 14000, frame=toll, key="killed|UA", group=2, **MOSCOW)]
    falling = [c("a", 1, 14000, frame=toll, key="killed|UA", group=1, **KYIV),
               c("b", 5, 9000, frame=toll, key="killed|UA", group=2, **MOSCOW)]
    assert not list(contradictions(rising))
    assert len(list(contradictions(falling))) == 1


def test_a_source_revising_its_own_figure_is_an_update():
    assert not list(contradictions([c("k1", 12, 1000, group=1, **KYIV), c("k2", 12, 1400, group=2, **KYIV)]))


def test_wire_copies_never_contradict_each_other():
    assert not list(contradictions([c("w1", 12, 1000, group=5, **KYIV), c("w2", 12, 300, group=5, **MOSCOW)]))


def test_one_statement_relayed_by_two_outlets_is_one_statement():
    folded = fold_copies([c("x", 12, 1000, group=1, outlet="A", **KYIV), c("y", 12, 1000, group=2, outlet="B",
                                                                            **KYIV)])
    assert [n for _, n in folded] == [2]


def test_a_contradiction_is_listed_once_per_pair_of_statements():
    claims = [c("w1", 12, 1000, group=5, **KYIV), c("w2", 12, 1000, group=5, **KYIV),
              c("k", 12, 1000, group=6, outlet="Other", **KYIV), c("m", 12, 300, group=2, **MOSCOW)]
    [found] = contradictions(claims)
    assert sorted(found.copies) == [1, 3]


@pytest.mark.parametrize("a,b,clash", [
    ((150000, "exact"), (190000, "exact"), True),       # 145,000-155,000 and 185,000-195,000
    ((150000, "exact"), (152000, "exact"), False),      # within half a unit of the last significant digit
    ((1000, "approx"), (1140, "exact"), False),         # about: ±15%
    ((1000, "approx"), (1300, "exact"), True),
    ((14000, "at_least"), (14000, "approx"), False),    # "more than 14,000" and "nearly 14,000": hedging
    ((7, "at_least"), (10, "at_most"), False),          # overlapping bounds
    ((300, "at_most"), (1000, "exact"), True),
])
def test_value_compatibility_follows_the_qualifier(a, b, clash):
    x = c("x", 1, a[0], qualifier=a[1], group=1, **KYIV)
    y = c("y", 1, b[0], qualifier=b[1], group=2, **MOSCOW)
    assert (conflict(x, y) is not None) is clash


def test_range_bounds_are_its_ends():
    assert bounds(c("r", 1, 100, qualifier="range", value_max=150)) == (100, 150)


@pytest.mark.parametrize("value,half", [(150000, 5000), (8500, 50), (12, 0.5), (2.5, 0.05), (0, 0)])
def test_an_exact_figure_stands_for_half_a_unit_of_its_last_significant_digit(value, half):
    assert half_unit(value) == pytest.approx(half)


def test_cluster_counts_independent_origins_not_copies():
    [cluster] = clusters([c("w1", 12, 1000, group=5), c("w2", 12, 1000, group=5), c("w3", 13, 1000, group=5),
                          c("k", 14, 1100, group=9)])
    assert (len(cluster.claims), cluster.origins) == (4, 2)
    assert (cluster.first, cluster.last) == (dt.date(2024, 8, 12), dt.date(2024, 8, 14))
    assert {x.cluster for x in cluster.claims} == {KEY}


def test_claims_on_different_measures_fall_in_different_clusters():
    got = clusters([c("a", 1, 10, key="settlements_taken|UA|kursk"), c("b", 1, 1000)])
    assert [x.measure_key for x in got] == ["settlements_taken|UA|kursk", KEY]


def test_figure_without_an_owner_joins_the_owner_of_its_place():
    troops = Frame("troops", "stock", "count", whose="RU", place_country="UA")
    unowned = Frame("troops", "stock", "count", place_country="UA")
    got = clusters([c("a", 1, 100000, key="troops|RU", frame=troops), c("b", 2, 130000, key="troops|RU", frame=troops),
                    c("x", 3, 190000, key="troops|-", frame=unowned)])
    assert [(g.measure_key, len(g.claims)) for g in got] == [("troops|RU", 3)]


def test_one_off_events_days_apart_are_different_episodes():
    sent = Frame("troops_sent", "event", "count", whose="US")
    got = clusters([c("a", 2, 3000, key="troops_sent|US", frame=sent), c("b", 3, 3000, key="troops_sent|US", frame=sent),
                    c("z", 20, 3000, key="troops_sent|US", frame=sent)])
    assert [(g.measure_key, len(g.claims)) for g in got] == [("troops_sent|US@2024-08-02", 2),
                                                             ("troops_sent|US@2024-08-20", 1)]


def test_figures_of_unknown_side_are_never_compared():
    anyone = Frame("troops", "stock", "count")
    claims = [c("a", 1, 1000, key="troops|-", frame=anyone, group=1, **KYIV),
              c("b", 1, 9000, key="troops|-", frame=anyone, group=2, **MOSCOW)]
    assert not list(contradictions(claims))


def test_an_addition_is_not_compared_with_a_total():
    total = Frame("aid", "event", "money", whose="AU")
    extra = Frame("aid", "event", "money", whose="AU", increment=True)
    claims = [c("a", 1, 116e6, key="aid|AU", frame=total, unit="AUD", group=1, **KYIV),
              c("a", 1, 25e6, key="aid|AU", frame=extra, unit="AUD", group=1, **MOSCOW)]
    assert not list(contradictions(claims))


def test_more_shot_down_than_launched_is_a_part_exceeding_its_whole():
    down = Frame("missiles_intercepted", "event", "count", whose="RU", place="Kharkiv")
    launched = Frame("missiles_launched", "event", "count", whose="RU", place="Kharkiv")
    claims = [c("ua", 8, 40, key="missiles_intercepted|RU", frame=down, unit="count", group=1, **KYIV),
              c("ru", 8, 12, key="missiles_launched|RU", frame=launched, unit="count", group=2, **MOSCOW)]
    [found] = contradictions(claims)
    assert found.kind == "part_whole" and "is more than" in found.reason


def test_complementary_poll_answers_above_one_hundred_percent_contradict():
    support = Frame("poll_share", "slow", "share", whose="RU", stance="support", scope="war")
    oppose = Frame("poll_share", "slow", "share", whose="RU", stance="oppose", scope="war")
    claims = [c("p", 1, 60, qualifier="approx", key="poll_share|RU", frame=support, unit="percent", group=1,
                **KYIV),
              c("q", 28, 90, key="poll_share|RU", frame=oppose, unit="percent", group=2, **MOSCOW)]
    [found] = contradictions(claims)
    assert found.kind == "complement" and "more than 100%" in found.reason
    assert not list(contradictions([claims[0], c("q", 28, 30, key="poll_share|RU", frame=oppose, unit="percent",
                                                  group=2, **MOSCOW)]))


def test_contradictions_are_ranked_strongest_first():
    claims = [c("k", 12, 1000, group=1, **KYIV), c("m", 12, 300, group=2, **MOSCOW),
              c("w", 12, 900, group=3, **WASHINGTON)]
    found = list(contradictions(claims))
    assert [f.strength for f in found] == sorted((f.strength for f in found), reverse=True)


def test_timeline_is_ordered_by_date_with_copies_folded():
    [line] = timelines([c("k3", 27, 1263, group=3, **KYIV), c("w1", 12, 1000, group=1, **KYIV),
                        c("w2", 12, 1000, group=1, **KYIV), c("m", 13, 300, group=2, qualifier="at_most", **MOSCOW)])
    assert [(p.date.day, p.value, p.copies, p.source) for p in line.points] == [
        (12, 1000, 2, "Oleksandr Syrskyi"), (13, 300, 1, "Igor Konashenkov"), (27, 1263, 1, "Oleksandr Syrskyi")]


def test_reporter_claims_name_the_outlet_as_source():
    assert c("x", 1, 5, outlet="Harbour Post").source == "(Harbour Post)"


def test_undated_claims_sort_last_and_are_never_compared():
    undated = StoredClaim(article_id="u", date=None, outlet="X", group=7, measure_key=KEY, value=5, value_max=None,
                          unit="km2", qualifier="exact", status="claimed", quantity="5", frame=AREA,
                          speaker="Someone", entity_pk=9)
    claims = [undated, c("k", 12, 1000, group=1, **KYIV)]
    assert not list(contradictions(claims))
    [cluster] = clusters(claims)
    assert cluster.claims[-1].article_id == "u"


def test_two_sources_inside_one_article_can_contradict():
    [found] = contradictions([c("one", 12, 1000, group=4, **KYIV), c("one", 12, 300, group=4, **MOSCOW)])
    assert found.a.article_id == found.b.article_id == "one"


def test_two_mentions_of_one_figure_in_one_article_are_two_statements():
    first = c("a", 12, 90, group=1, **KYIV)
    later = c("a", 12, 90, group=1, **MOSCOW)
    copy = c("b", 12, 90, group=1, **KYIV)
    assert sorted(n for _, n in fold_copies([dataclasses.replace(first, q_start=5), dataclasses.replace(later, q_start=80),
                                             dataclasses.replace(copy, q_start=5)])) == [1, 2]


def test_one_off_events_at_two_places_are_two_episodes():
    kharkiv = Frame("missiles_intercepted", "event", "count", whose="RU", place="Kharkiv")
    odesa = Frame("missiles_intercepted", "event", "count", whose="RU", place="Odesa")
    got = clusters([c("a", 7, 40, key="missiles_intercepted|RU", frame=kharkiv, unit="count"),
                    c("b", 9, 25, key="missiles_intercepted|RU", frame=odesa, unit="count")])
    assert len(got) == 2
