"""Date spans and their resolution against the publication date, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from sayso.extract.dates import NO_PUBLISHED, extract_dates, find_dates, parse_span

# Monday 12 August 2024
MONDAY = dt.date(2024, 8, 12)
# Thursday 15 August 2024
THURSDAY = dt.date(2024, 8, 15)


def _spans(text):
    return [text[m.start:m.end] for m in find_dates(text)]


@pytest.mark.parametrize(
    "text, span",
    [
        ("The offensive began on Aug. 6 near the border.", "Aug. 6"),
        ("The treaty was signed on 6 August 2024 in Geneva.", "6 August 2024"),
        ("Prices rose sharply in August 2024, the ministry said.", "August 2024"),
        ("Shelling resumed on Wednesday night, residents said.", "Wednesday night"),
        ("The mayor spoke to reporters yesterday.", "yesterday"),
        ("Talks collapsed last week after a row over maps.", "last week"),
        ("The bridge was repaired earlier this month.", "earlier this month"),
        ("The plant closed two years ago.", "two years ago"),
        ("The vote was held on Saturday, April 19, 2025.", "Saturday, April 19, 2025"),
    ],
)
def test_dates_span_covers_the_whole_expression(text, span):
    assert span in _spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "The soldier, 45 years old, was wounded.",
        "The siege lasted three years.",
        "She may return to the front soon.",
        "Farmers march to the capital every spring.",
        "The town was rebuilt in the 1990s.",
        "The form was stamped 12/08/2024 by the clerk.",
    ],
)
def test_dates_ages_durations_verbs_and_ambiguous_numbers_are_not_dates(nlp, text):
    assert extract_dates(nlp(text), MONDAY) == []


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("The general spoke on Monday about the advance.", MONDAY, "2024-08-12"),
        ("The general spoke on Tuesday about the advance.", MONDAY, "2024-08-06"),
        ("The council will meet on Tuesday to vote.", MONDAY, "2024-08-13"),
        ("The envoy is due to arrive on Friday.", MONDAY, "2024-08-16"),
        ("Ministers met last Monday in Vienna.", MONDAY, "2024-08-05"),
        ("Ministers meet next Monday in Vienna.", MONDAY, "2024-08-19"),
        ("Two drones were downed yesterday.", MONDAY, "2024-08-11"),
        ("Power returns tomorrow, the utility said.", MONDAY, "2024-08-13"),
        ("The talks ended last week.", MONDAY, "2024-08"),
        ("The ceasefire failed last month.", MONDAY, "2024-07"),
        ("Inflation fell last year.", MONDAY, "2023"),
        ("Elections are due next year.", MONDAY, "2025"),
        ("The offensive began on Aug. 6 near the border.", MONDAY, "2024-08-06"),
        ("The dividend will be paid on Jan. 3 to holders.", dt.date(2024, 11, 20), "2025-01-03"),
        ("For the year ended March 31, sales fell.", dt.date(2024, 11, 20), "2024-03-31"),
        ("The reservoir was drained in March.", dt.date(2024, 11, 20), "2024-03"),
        ("The reservoir was drained in December.", dt.date(2025, 1, 10), "2024-12"),
        ("The treaty was signed on 6 August 2024 in Geneva.", None, "2024-08-06"),
        ("Prices rose sharply in August 2024.", None, "2024-08"),
        ("The factory opened in 1998 and closed later.", None, "1998"),
        ("The plant closed two years ago.", MONDAY, "2022-08-12"),
        ("Shelling resumed on Wednesday night.", THURSDAY, "2024-08-14"),
        ("The dam held through last summer.", dt.date(2025, 3, 25), "2024"),
        ("Crews repaired the line over the weekend.", dt.date(2025, 5, 20), "2025-05-17"),
        ("Talks are to resume next weekend.", dt.date(2025, 5, 20), "2025-05-24"),
        ("Sales slowed by the end of the year.", dt.date(2024, 3, 1), "2024-12-31"),
        # a wire dateline's month without its dot: the number after it is the day, not the year
        ("TULCEA, Oct 15 (Danube Wire) - Barges sailed.", dt.date(2024, 10, 15), "2024-10-15"),
        ("Crossings reopened on Sept 3, the port said.", dt.date(2024, 9, 4), "2024-09-03"),
        ("Grain exports fell in Oct 2019 and recovered.", None, "2019"),
    ],
)
def test_dates_resolve_like_news(nlp, text, published, value):
    refs = extract_dates(nlp(text), published)
    assert [r.value for r in refs] == [value], [(r.text, r.value) for r in refs]
    for r in refs:
        assert text[r.start:r.end] == r.text


@pytest.mark.parametrize("text", ["The strike came on Monday.", "Rain fell yesterday.", "It happened last week."])
def test_dates_relative_without_publication_date_stay_unresolved(nlp, text):
    (ref,) = extract_dates(nlp(text), None)
    assert ref.value is None and ref.relative and ref.reason == NO_PUBLISHED


def test_dates_parse_span_guards_odd_results():
    assert parse_span("the 1990s", MONDAY) is None or parse_span("the 1990s", MONDAY).startswith("199")
    assert parse_span("12 March 2023", MONDAY) == "2023-03-12"
    assert parse_span("no date here", MONDAY) is None


@pytest.mark.parametrize(
    "text, published",
    [("The vote is set for May 5.", dt.date(2024, 4, 20)), ("In May the fields flooded.", dt.date(2024, 9, 1))],
)
def test_dates_may_as_a_month(nlp, text, published):
    (ref,) = extract_dates(nlp(text), published)
    assert ref.text.endswith("May 5") or ref.text == "May"


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The plant closed in nineteen ninety-six, the host said.", "nineteen ninety-six", "1996"),
        ("Production resumed in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
        ("Planners looked ahead to the year two thousand.", "the year two thousand", "2000"),
        ("The levee was rebuilt in two thousand and five.", "two thousand and five", "2005"),
        ("Twenty fifteen was the wettest year on record.", "Twenty fifteen", "2015"),
    ],
)
def test_years_read_out_in_broadcast_transcripts(nlp, text, span, value):
    refs = extract_dates(nlp(text), MONDAY)
    assert [(r.text, r.value) for r in refs] == [(span, value)]


@pytest.mark.parametrize("text", ["About two thousand people marched downtown.", "Some twenty thirty people waited."])
def test_spoken_numbers_that_are_counts_are_not_years(nlp, text):
    assert extract_dates(nlp(text), MONDAY) == []
