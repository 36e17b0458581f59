"""A figure's period: where it starts ("since the floods began in May", "over the past week", "this week"), how
periods stated a day apart are one, and how fast a total over a stated period can grow (invented sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

import sayso
from sayso.corpus.linking import contradictions
from sayso.corpus.records import StoredClaim, half_unit
from sayso.models import Frame

AGENCY = {"entity": 1, "speaker": "Relief Coordination Office"}
GOVERNOR = {"entity": 2, "speaker": "Governor Ilse Brandt"}


def _frame(text: str, settings, published: str = "2025-06-11") -> Frame:
    [claim] = [c for c in sayso.analyze(text, published=published, settings=settings).claims if c.frame]
    return claim.frame


@pytest.mark.model
def test_a_date_inside_a_since_clause_opens_the_period(settings):
    f = _frame("About 8,000 people have been displaced from the valley since the floods reached it in March, "
               "the office said.", settings)
    assert (f.since, f.when) == ("2025-03", "2025-06-11")


@pytest.mark.model
def test_a_date_outside_a_since_clause_stays_the_figures_date(settings):
    f = _frame("About 8,000 people were displaced from the valley in March, the office said.", settings)
    assert (f.since, f.when) == (None, "2025-03")


@pytest.mark.model
@pytest.mark.parametrize("text, since", [
    ("Over the past week the brigade lost 14 tanks, the governor said.", "2025-06-04"),
    ("The brigade lost 14 tanks in the last ten days, the governor said.", "2025-06-01"),
    ("This week the brigade lost 14 tanks, the governor said.", "2025-06-04"),
    ("The brigade has lost 14 tanks this year, the governor said.", "2025-01-01"),
    ("The brigade has lost 14 tanks this month, the governor said.", "2025-06-01"),
])
def test_a_recent_stretch_runs_back_from_the_figures_date(text, since, settings):
    f = _frame(text, settings)
    assert (f.since, f.when) == (since, "2025-06-11")  # "this week" is not a month-long date, "this year" not 1 July


def _claim(article: str, value: float, day: int, since: str, who: dict, qualifier: str = "exact") -> StoredClaim:
    frame = Frame("displaced", "cumulative", "count", place_country="UA", when=f"2025-06-{day:02d}", since=since)
    return StoredClaim(article_id=article, date=dt.date(2025, 6, day), outlet=article, group=None,
                       measure_key="displaced|UA", value=value, value_max=None, unit="count", qualifier=qualifier,
                       status="claimed", quantity=f"{value:g} people", speaker=who["speaker"], entity=who["speaker"],
                       entity_pk=who["entity"], half_unit=half_unit(value), frame=frame, noun="people")


def test_a_total_since_months_ago_cannot_jump_by_half_in_a_day():
    early = _claim("a", 60_000, 10, "2025-03", AGENCY, "approx")
    late = _claim("b", 100_000, 11, "2025-03", GOVERNOR, "at_least")
    [found] = contradictions([early, late])
    assert found.kind == "figures"


def test_a_total_since_months_ago_may_grow_at_its_pace():
    early = _claim("a", 60_000, 4, "2025-03", AGENCY, "approx")
    assert not list(contradictions([early, _claim("b", 75_000, 10, "2025-03", GOVERNOR)]))


def test_a_toll_with_no_stated_period_may_grow_any_amount():
    early, late = _claim("a", 60_000, 10, None, AGENCY), _claim("b", 100_000, 11, None, GOVERNOR)
    assert not list(contradictions([early, late]))


def test_the_past_week_said_on_two_days_running_is_one_period():
    early = _claim("a", 2, 10, "2025-06-03", AGENCY, "at_most")
    late = _claim("b", 17, 11, "2025-06-04", GOVERNOR)
    [found] = contradictions([early, late])
    assert found.kind == "figures"


def test_periods_starting_months_apart_are_not_compared():
    early = _claim("a", 60_000, 10, "2025-03", AGENCY)
    assert not list(contradictions([early, _claim("b", 9_000, 10, "2025-05-20", GOVERNOR)]))


def test_a_denied_total_over_a_period_says_nothing_of_one_days_toll():
    today = _claim("a", 17, 10, None, AGENCY, "at_least")
    since = _claim("b", 1_000, 10, "2025-02", GOVERNOR, "at_least")
    denied = StoredClaim(**{**{f: getattr(since, f) for f in since.__slots__}, "status": "denied"})
    assert not list(contradictions([today, denied]))


def test_a_total_over_a_stated_period_may_grow_whatever_its_kind():
    def aid(article: str, value: float, day: int, since: str | None, who: dict) -> StoredClaim:
        frame = Frame("aid", "event", "money", whose="AU", when=f"2025-06-{day:02d}", since=since)
        return StoredClaim(article_id=article, date=dt.date(2025, 6, day), outlet=article, group=None,
                           measure_key="aid|AU", value=value, value_max=None, unit="AUD", qualifier="exact",
                           status="claimed", quantity=f"${value:g}", speaker=who["speaker"], entity=who["speaker"],
                           entity_pk=who["entity"], half_unit=half_unit(value), frame=frame)
    assert not list(contradictions([aid("a", 91e6, 10, "2025-02", AGENCY), aid("b", 116e6, 11, None, GOVERNOR)]))


@pytest.mark.model
def test_the_datelines_day_is_not_the_figures_date(settings):
    f = _frame("VALLETTA, Jun 11 (Harbour Wire) - The coastguard said on Monday it had lost 3 patrol boats "
               "in the storm.\n\nOfficials gave no other details.", settings)
    assert f.when == "2025-06-09"  # "on Monday", not the dateline's "Jun 11" (nor a year read off "11")


@pytest.mark.model
def test_a_dateline_without_a_date_leaves_the_sentences_dates_alone(settings):
    f = _frame("MARSEILLE — About 2,000 people were evacuated from the port district on Sunday, the prefect said.",
               settings)
    assert f.when == "2025-06-08"


def test_a_count_over_a_stated_period_compares_as_a_running_total_whatever_its_kind():
    def held(article: str, value: float, day: int, since: str | None, who: dict, qualifier: str) -> StoredClaim:
        frame = Frame("prisoners", "stock", "count", whose="NL", when=f"2025-06-{day:02d}", since=since)
        return StoredClaim(article_id=article, date=dt.date(2025, 6, day), outlet=article, group=None,
                           measure_key="prisoners|NL", value=value, value_max=None, unit="count",
                           qualifier=qualifier, status="claimed", quantity=f"{value:g} sailors",
                           speaker=who["speaker"], entity=who["speaker"], entity_pk=who["entity"],
                           half_unit=half_unit(value), frame=frame, noun="sailor")
    # 90 captured by the 6th against at most 15 taken since the 1st, five days later: a level would have
    # changed in five days, a count of captures since a day can only have grown
    [found] = contradictions([held("a", 90, 6, None, AGENCY, "exact"), held("b", 15, 11, "2025-06-01", GOVERNOR,
                                                                           "at_most")])
    assert found.kind == "figures"
    # two levels five days apart, neither over a stated period, are still not compared
    assert not list(contradictions([held("a", 90, 6, None, AGENCY, "exact"),
                                    held("b", 15, 11, None, GOVERNOR, "at_most")]))
