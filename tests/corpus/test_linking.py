"""Clusters, contradictions and timelines over hand-built stored claims (no store, no extractors)."""

from __future__ import annotations

import datetime as dt

import pytest

from sayso.corpus.linking import bounds, clusters, conflict, contradictions, timelines
from sayso.corpus.records import StoredClaim

KEY = "area|kursk|control"


def c(article: str, day: int, value: float, *, status: str = "claimed", group: int | None = None,
      entity: int | None = None, speaker: str | None = None, qualifier: str = "exact", key: str = KEY,
      outlet: str = "Desk", value_max: float | None = None) -> StoredClaim:
    return StoredClaim(article_id=article, date=dt.date(2024, 8, day), outlet=outlet, group=group, measure_key=key,
                       value=value, value_max=value_max, unit="km2", qualifier=qualifier, status=status,
                       quantity=f"{value:g}", speaker=speaker, entity=speaker, entity_pk=entity)


KYIV = {"entity": 1, "speaker": "Oleksandr Syrskyi"}
MOSCOW = {"entity": 2, "speaker": "Igor Konashenkov"}


def test_values_far_apart_from_two_sides_contradict():
    [found] = contradictions([c("k", 12, 1000, group=1, **KYIV), c("m", 13, 300, group=2, **MOSCOW)])
    assert (found.a.article_id, found.b.article_id, found.days_apart, found.kind) == ("k", "m", 1, "figures")
    assert "1,000 km2" in found.reason and "300 km2" in found.reason


def test_claim_and_its_denial_contradict_by_status():
    [found] = contradictions([c("k", 15, 74, group=1, **KYIV), c("m", 16, 74, status="denied", group=2, **MOSCOW)])
    assert "denied by Igor Konashenkov" in found.reason and found.kind == "denial"


def test_denial_of_another_figure_is_no_contradiction():
    assert not list(contradictions([c("k", 15, 74, group=1, **KYIV), c("m", 16, 10, status="denied", group=2,
                                                                        **MOSCOW)]))


def test_claims_outside_the_window_do_not_contradict():
    claims = [c("k", 1, 1000, group=1, **KYIV), c("m", 20, 300, group=2, **MOSCOW)]
    assert not list(contradictions(claims, window_days=7))
    assert len(list(contradictions(claims, window_days=30))) == 1


def test_a_source_revising_its_own_figure_is_an_update():
    assert not list(contradictions([c("k1", 12, 1000, group=1, **KYIV), c("k2", 14, 1400, group=2, **KYIV)]))


def test_wire_copies_never_contradict_each_other():
    assert not list(contradictions([c("w1", 12, 1000, group=5, **KYIV), c("w2", 12, 300, group=5, **MOSCOW)]))


@pytest.mark.parametrize("a,b,clash", [
    ((1000, "exact"), (1050, "exact"), False),          # within the 10 % tolerance
    ((1000, "exact"), (1300, "exact"), True),
    ((1000, "approx"), (1180, "exact"), False),         # approximate figures get twice the tolerance
    ((1000, "at_least"), (5000, "exact"), False),
    ((300, "at_most"), (1000, "exact"), True),
])
def test_value_compatibility_follows_the_qualifier(a, b, clash):
    x = c("x", 1, a[0], qualifier=a[1], group=1, **KYIV)
    y = c("y", 1, b[0], qualifier=b[1], group=2, **MOSCOW)
    assert (conflict(x, y, 0.1) is not None) is clash


def test_range_bounds_are_its_ends():
    assert bounds(c("r", 1, 100, qualifier="range", value_max=150), 0.1) == (100, 150)


def test_cluster_counts_independent_origins_not_copies():
    [cluster] = clusters([c("w1", 12, 1000, group=5), c("w2", 12, 1000, group=5), c("w3", 13, 1000, group=5),
                          c("k", 14, 1100, group=9)])
    assert (len(cluster.claims), cluster.origins) == (4, 2)
    assert (cluster.first, cluster.last) == (dt.date(2024, 8, 12), dt.date(2024, 8, 14))


def test_claims_on_different_measures_fall_in_different_clusters():
    got = clusters([c("a", 1, 10, key="settlement|kursk|capture"), c("b", 1, 1000)])
    assert [x.measure_key for x in got] == [KEY, "settlement|kursk|capture"]


def test_timeline_is_ordered_by_date_with_copies_folded():
    [line] = timelines([c("k3", 27, 1263, group=3, **KYIV), c("w1", 12, 1000, group=1, **KYIV),
                        c("w2", 12, 1000, group=1, **KYIV), c("m", 13, 300, group=2, qualifier="at_most", **MOSCOW)])
    assert [(p.date.day, p.value, p.copies, p.source) for p in line.points] == [
        (12, 1000, 2, "Oleksandr Syrskyi"), (13, 300, 1, "Igor Konashenkov"), (27, 1263, 1, "Oleksandr Syrskyi")]


def test_reporter_claims_name_the_outlet_as_source():
    assert c("x", 1, 5, outlet="Harbour Post").source == "(Harbour Post)"


def test_verbless_claim_joins_the_one_verb_of_its_measure():
    verbless = "area|kursk|-"
    got = clusters([c("a", 1, 1000), c("b", 2, 1100, key=verbless)])
    assert [(x.measure_key, len(x.claims)) for x in got] == [(KEY, 2)]


def test_verbless_claim_stays_apart_when_the_verb_is_ambiguous():
    got = clusters([c("a", 1, 10), c("b", 1, 12, key="area|kursk|capture"), c("x", 1, 11, key="area|kursk|-")])
    assert sorted(x.measure_key for x in got) == ["area|kursk|-", "area|kursk|capture", KEY]
