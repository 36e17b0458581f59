"""What a figure counts when its own words do not say: "the number of X" as its verb's subject, and counts
of aid lorries, compared only over a stated period (invented sentences and hand-built claims)."""

from __future__ import annotations

import datetime as dt

import pytest

import sayso
from sayso.corpus.linking import contradictions
from sayso.corpus.measures import frame_key
from sayso.corpus.records import StoredClaim, half_unit
from sayso.models import Frame


def _frame(text: str, quantity: str, settings) -> Frame | None:
    claims = {c.quantity.text: c for c in sayso.analyze(text, published="2025-06-11", settings=settings).claims}
    return claims[quantity].frame


@pytest.mark.model
@pytest.mark.parametrize("text, quantity, concept", [
    ("The number of displaced people in the camps has climbed to almost 70,000, the agency said.",
     "almost 70,000", "displaced"),
    ("The number of villagers killed in the raid rose to 31 people on Friday, the governor said.",
     "31 people", "killed"),
    ("The number of Ruritanian troops near the river has reached 20,000.", "20,000", "troops"),
])
def test_the_number_of_x_says_what_a_figure_counts(text, quantity, concept, settings):
    frame = _frame(text, quantity, settings)
    assert frame is not None and frame.concept == concept


@pytest.mark.model
def test_aid_lorries_reaching_a_town_are_deliveries(settings):
    frame = _frame("Only six aid lorries have reached the port over the past week, the charity said.",
                   "six aid lorries", settings)
    assert frame is not None and frame.concept == "aid_deliveries" and frame.since == "2025-06-04"


@pytest.mark.model
def test_trucks_destroyed_are_not_deliveries(settings):
    assert frame_key(_frame("Rebels burned 12 trucks near the border.", "12 trucks", settings)) != "aid_deliveries|-"


def _lorries(article: str, value: float, day: int, since: str | None, pk: int) -> StoredClaim:
    frame = Frame("aid_deliveries", "cumulative", "count", place="Portville", place_country="XR",
                  when=f"2025-06-{day:02d}", since=since)
    return StoredClaim(article_id=article, date=dt.date(2025, 6, day), outlet=article, group=None,
                       measure_key="aid_deliveries|XR", value=value, value_max=None, unit="count", qualifier="exact",
                       status="claimed", quantity=f"{value:g} lorries", speaker=f"source {pk}", entity=f"source {pk}",
                       entity_pk=pk, half_unit=half_unit(value), frame=frame, noun="lorry")


def test_lorries_over_one_week_told_by_two_sources_conflict():
    [found] = contradictions([_lorries("a", 6, 10, "2025-06-03", 1), _lorries("b", 45, 11, "2025-06-04", 2)])
    assert found.kind == "figures"


def test_two_convoys_with_no_stated_period_are_not_rivals():
    assert not list(contradictions([_lorries("a", 45, 10, None, 1), _lorries("b", 6, 11, None, 2)]))


@pytest.mark.model
@pytest.mark.parametrize("text, quantity, concept", [
    ("At least 19 were killed when the ferry was shelled, the mayor said.", "At least 19", "killed"),
    ("Some 4,500 have fled the delta since the dam burst, the agency said.", "Some 4,500", "displaced"),
])
def test_a_bare_number_a_people_verb_takes_counts_people(text, quantity, concept, settings):
    frame = _frame(text, quantity, settings)
    assert frame is not None and frame.concept == concept


@pytest.mark.model
def test_a_bare_number_a_verb_of_tanks_or_people_may_take_counts_nothing_known(settings):
    text = "The brigade lost 30 tanks on Monday and lost 12 on Tuesday."
    assert _frame(text, "12", settings) is None


@pytest.mark.model
def test_the_date_of_the_figure_it_rose_from_is_not_its_own(settings):
    text = "The agency said about 64,000 people had been displaced by the floods, up from 41,000 a week earlier."
    frame = _frame(text, "about 64,000 people", settings)
    assert frame is not None and frame.when == "2025-06-11"


@pytest.mark.model
def test_a_part_of_a_group_counted_elsewhere_is_not_a_toll(settings):
    text = "Nine patients were flown to the capital. Three of those flown out died on arrival."
    assert _frame(text, "Three", settings) is None


@pytest.mark.model
def test_a_round_up_of_several_countries_lends_none_of_them_to_an_unplaced_toll(settings):
    text = ("The agency reviewed three crises on Monday. Fighting went on in Khartoum and Omdurman. Gangs raided "
            "Port-au-Prince and Cap-Haitien. Clashes spread near Sittwe and Mandalay. It said about 45,000 people "
            "have been displaced.")
    frame = _frame(text, "about 45,000 people", settings)
    assert frame is not None and frame.place_country is None


@pytest.mark.model
def test_an_article_about_one_country_lends_it_to_an_unplaced_toll(settings):
    text = ("Fighting went on in Khartoum and Omdurman on Monday. The agency said about 45,000 people have "
            "been displaced.")
    frame = _frame(text, "about 45,000 people", settings)
    assert frame is not None and frame.place_country == "SD"


def test_two_tolls_whose_side_only_the_corpus_lends_are_not_rivals():
    def toll(article: str, value: float, pk: int) -> StoredClaim:
        frame = Frame("displaced", "cumulative", "count", when="2025-06-10")  # no side, no place of its own
        return StoredClaim(article_id=article, date=dt.date(2025, 6, 10), outlet=article, group=None,
                           measure_key="displaced|XR", value=value, value_max=None, unit="count", qualifier="exact",
                           status="claimed", quantity=f"{value:g} people", speaker=f"agency {pk}",
                           entity=f"agency {pk}", entity_pk=pk, half_unit=half_unit(value), frame=frame, noun="people")
    assert not list(contradictions([toll("a", 45_000, 1), toll("a", 360_000, 2)]))
