"""Quantities: values, qualifiers, ranges, units and what is not a quantity at all."""

from __future__ import annotations

import pytest

from sayso.extract.claims.quantities import extract_quantities
from sayso.extract.claims.units import Unit, round_si, to_si

pytestmark = pytest.mark.model


def _only(nlp, text, needle):
    """The quantity whose text contains ``needle``."""
    doc = nlp(text)
    hits = [q for q in extract_quantities(doc) if needle in q.text]
    assert len(hits) == 1, [q.text for q in extract_quantities(doc)]
    q = hits[0]
    assert q.text == text[q.start:q.end]
    return q


@pytest.mark.parametrize("text, needle, value", [
    ("The ministry said 1,250 soldiers had been moved to the east.", "1,250", 1250),
    ("Officials counted two dozen drones over the port overnight.", "two dozen", 24),
    ("Aid agencies say 1.5 million people have fled the region.", "1.5 million", 1_500_000),
    ("Rebels claimed twenty-five armoured vehicles in the raid.", "twenty-five", 25),
    ("The fund has pledged a million tonnes of grain.", "a million", 1_000_000),
    ("Two hundred and fifty families were evacuated from the valley.", "Two hundred and fifty", 250),
    ("Half a million children have left the region.", "Half a million", 500_000),
    ("A quarter of a million people lost power.", "A quarter of a million", 250_000),
    ("Allies pledged 1.2m shells for the spring.", "1.2m", 1_200_000),
])
def test_quantities_number_value(nlp, text, needle, value):
    assert _only(nlp, text, needle).value == pytest.approx(value)


@pytest.mark.parametrize("text, needle, value, currency", [
    ("Brussels approved $61bn in new loans on Friday.", "$61bn", 61e9, "USD"),
    ("The package is worth €2.5 billion over three years.", "€2.5 billion", 2.5e9, "EUR"),
    ("London will send £3.2m of medical kits.", "£3.2m", 3.2e6, "GBP"),
    ("The firm paid 40 million euros for the plant.", "40 million euros", 40e6, "EUR"),
])
def test_quantities_money_keeps_currency(nlp, text, needle, value, currency):
    q = _only(nlp, text, needle)
    assert (q.value, q.currency, q.si_unit) == (pytest.approx(value), currency, currency)


def test_quantities_bare_dollar_follows_the_country_named_most(nlp):
    text = ("Canberra will send $40m in military aid to Kyiv. The Australian package adds to "
            "earlier Australian support, the Australian defence minister said.")
    assert _only(nlp, text, "$40m").currency == "AUD"


def test_quantities_price_per_barrel(nlp):
    q = _only(nlp, "Oil traded above $90 a barrel on Monday.", "$90")
    assert (q.unit, q.qualifier, q.text) == ("USD per barrel", "at_least", "above $90 a barrel")


@pytest.mark.parametrize("text, needle, qualifier, span", [
    ("Troops now hold nearly 250 square miles of farmland.", "250", "approx", "nearly 250 square miles"),
    ("The governor said at least 14 villages were shelled.", "14", "at_least", "at least 14 villages"),
    ("Patrols pushed as far as 9 miles past the river.", "9", "at_most", "as far as 9 miles"),
    ("The convoy carried up to 300 tonnes of fuel.", "300", "at_most", "up to 300 tonnes"),
    ("Some 400 people sheltered in the metro.", "400", "approx", "Some 400 people"),
    ("More than 60 missiles were fired overnight.", "60", "at_least", "More than 60 missiles"),
    ("Fewer than 20 trucks reached the town.", "20", "at_most", "Fewer than 20 trucks"),
    ("An estimated 3,000 residents remain in the city.", "3,000", "approx", "An estimated 3,000 residents"),
    ("The talks lasted 90 minutes.", "90", "exact", "90 minutes"),
    ("Shells landed within 3 kilometres of the plant.", "3", "at_most", "within 3 kilometres"),
])
def test_quantities_qualifier_in_span(nlp, text, needle, qualifier, span):
    q = _only(nlp, text, needle)
    assert (q.qualifier, q.text) == (qualifier, span)


@pytest.mark.parametrize("text, needle, low, high", [
    ("Between 10 and 15 tanks were destroyed.", "10", 10, 15),
    ("He said 20 to 25,000 reservists could be called up.", "20", 20_000, 25_000),
    ("Officials expect 40-50 buses a day.", "40", 40, 50),
    ("They attack five or six at a time.", "five", 5, 6),
])
def test_quantities_range_low_and_high(nlp, text, needle, low, high):
    q = _only(nlp, text, needle)
    assert (q.qualifier, q.value, q.value_max) == ("range", low, high)


@pytest.mark.parametrize("text, needle, span, unit", [
    ("Aid groups said 10-12 supply trucks a day reach the camp.", "10", "10-12 supply trucks", "truck"),
    ("Between 30 and 40 armoured vehicles crossed.", "30", "Between 30 and 40 armoured vehicles", "vehicle"),
])
def test_quantities_range_takes_its_noun(nlp, text, needle, span, unit):
    q = _only(nlp, text, needle)
    assert (q.qualifier, q.text, q.unit) == ("range", span, unit)


@pytest.mark.parametrize("text, needle, value", [
    ("A dozen fishing boats were seized at dawn.", "dozen", 12),
    ("Police detained a dozen protesters.", "dozen", 12),
])
def test_quantities_a_dozen_is_approximate(nlp, text, needle, value):
    q = _only(nlp, text, needle)
    assert (q.value, q.qualifier) == (value, "approx")


@pytest.mark.parametrize("text, needle", [
    ("Dozens of homes were damaged.", "Dozens"),
    ("Tens of thousands of people marched in the capital.", "Tens of thousands"),
    ("Hundreds of shells fell on the town.", "Hundreds"),
    ("Several hundred people queued for water.", "Several hundred"),
    ("A few thousand troops remain.", "A few thousand"),
])
def test_quantities_vague_amount_has_no_value(nlp, text, needle):
    q = _only(nlp, text, needle)
    assert (q.value, q.qualifier) == (None, "approx")


@pytest.mark.parametrize("text, needle, unit, si_value, si_unit", [
    ("Forces advanced 400 square miles.", "400", "square mile", 1035.99, "km2"),
    ("The front moved 7.5 miles west.", "7.5", "mile", 12.07, "km"),
    ("The ceasefire held for 72 hours.", "72", "hour", 3.0, "day"),
    ("Prices rose 12% in March.", "12%", "percent", 12.0, "percent"),
    ("Prices rose 3 per cent in April.", "3 per cent", "percent", 3.0, "percent"),
    ("The rouble fell 12pc on Monday.", "12pc", "percent", 12.0, "percent"),
    ("Trucks crawled along at 15 km/h.", "15", "km/h", 15.0, "km/h"),
    ("Nearly 40 kilometres of track were repaired.", "40", "km", 40.0, "km"),
    ("The siege lasted two weeks.", "two weeks", "week", 14.0, "day"),
])
def test_quantities_unit_normalised(nlp, text, needle, unit, si_value, si_unit):
    q = _only(nlp, text, needle)
    assert (q.unit, q.si_unit) == (unit, si_unit)
    assert q.si_value == pytest.approx(si_value, rel=0.01)


@pytest.mark.parametrize("text, needle, value, si_value", [
    ("Roughly half of the homes lost power.", "half", 0.5, 50.0),
    ("Three-quarters of the wells are dry.", "Three-quarters", 0.75, 75.0),
    ("A third of the crops were lost.", "third", 0.333333, 33.33),
])
def test_quantities_fraction_as_percent(nlp, text, needle, value, si_value):
    q = _only(nlp, text, needle)
    assert q.value == pytest.approx(value, rel=1e-3)
    assert (q.si_value, q.si_unit) == (pytest.approx(si_value, rel=1e-3), "percent")


def test_quantities_counted_noun_is_singular_unit(nlp):
    q = _only(nlp, "Rescuers found 28 settlements without water.", "28")
    assert (q.unit, q.counted, q.si_unit, q.text) == ("settlement", "settlements", "count", "28 settlements")


def test_quantities_hyphenated_duration(nlp):
    q = _only(nlp, "Moscow ignored the 48-hour deadline.", "48")
    assert (q.text, q.unit, q.si_value) == ("48-hour", "hour", 2.0)


@pytest.mark.parametrize("text", [
    "The attack began on Aug. 6 at dawn.",
    "The strike came on 12 March, officials said.",
    "The treaty was signed in 1997 and renewed in 2010.",
    "The budget for 2023-24 was approved.",
    "Sirens sounded at 04:30 across the city.",
    "The meeting starts at 10 a.m. in Geneva.",
    "Pilots flew F-16 and Su-34 jets near the border.",
    "Gas stopped flowing through Nord Stream 2 last year.",
    "The S&P 500 fell sharply.",
    "See page 12 of the report.",
    "The 3rd Brigade held the line.",
    "Call the hotline on 0800 555 0199 for help.",
    "It was the second strike this week.",
    "A 45-year-old man was detained.",
    "The vote passed 89-52 after a long debate.",
    "The poll was taken October 3-6 among likely voters.",
    "He tweeted at three o’clock in the morning.",
    "Kyiv asked for a third air-defence system.",
    "The embassy moved to 2231 Harbour Road last spring.",
    "The horse won the 23 rd running of the race.",
    "The sirens stopped at 0930 local time.",
    "The drones struck at 2300 local time.",
    "The brigade still holds the village's eastern half.",
])
def test_quantities_not_found_in_dates_names_and_ordinals(nlp, text):
    assert extract_quantities(nlp(text)) == []


def test_quantities_weapon_names_between_number_and_noun_are_kept(nlp):
    q = _only(nlp, "Berlin pledged 14 Leopard tanks.", "14")
    assert (q.text, q.unit) == ("14 Leopard tanks", "tank")


@pytest.mark.parametrize("text", [
    "Exports fell from 2,000 to 500 tonnes a month.",
    "Support for the reform grew from 41 to 58 percent.",
    "The toll rose from 12 to 19 overnight.",
])
def test_quantities_a_change_from_to_is_two_numbers_not_a_range(nlp, text):
    quantities = extract_quantities(nlp(text))
    assert [q.qualifier for q in quantities] == ["exact", "exact"]


def test_quantities_from_to_on_a_verb_of_no_change_is_a_range(nlp):
    q = _only(nlp, "Temperatures will range from 10 to 15 degrees.", "10")
    assert (q.qualifier, q.value, q.value_max) == ("range", 10, 15)


def test_quantities_span_text_matches_offsets(nlp):
    text = "Up to 5,000 troops and $2bn in aid arrived within 10 days, about 15% more than planned."
    for q in extract_quantities(nlp(text)):
        assert q.text == text[q.start:q.end]


@pytest.mark.parametrize("value, expected", [(12.0701, 12.07), (0.0347, 0.03), (0.001, 0.001)])
def test_units_round_si_like_gold(value, expected):
    assert round_si(value) == expected


def test_units_to_si_uses_pint_once_per_unit():
    mile = Unit("mile", "mile", "km")
    assert to_si(10, mile) == pytest.approx(16.09)
    assert to_si(None, mile) is None
