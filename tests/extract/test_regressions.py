"""Named regression tests: shapes that once broke an extractor (found by the fuzz tests in tests/fuzz, by the
fault run in bench/fault_run.py, or reported), each checked for the fuzz properties and its own behaviour."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

from properties import check_article  # noqa: E402

pytestmark = pytest.mark.model

# Issue 12: a resolver cycle (RecursionError) in a local-news article. In our own words: a pronoun subject
# whose antecedent is the object of a report, then an interview answer "I did." from the same person.
CYCLE_SHAPES = [
    ("Selma Quist said he called Aron Pike to talk to him about the issue. Asked in an interview who lobbied "
     "for the issue, Selma Quist said, \u201cI did.\u201d", "Selma Quist"),
    ("State Senator Ruth Ebner said she called Governor Hal Morrow to talk to her about the issue.\n\n"
     "Asked in an interview who lobbied for the issue, Ebner said, \u201cI did.\u201d", "Ruth Ebner"),
    ("Councillor Tom Brack said he called the mayor to talk to him about the issue, and he said he would again. "
     "Asked in an interview who lobbied for the issue, Brack said, \"I did.\" He said, \u201cI did.\u201d",
     "Tom Brack"),
]


@pytest.mark.parametrize("text,speaker", CYCLE_SHAPES)
def test_speaker_cycle_shape_gives_the_answer_to_its_speaker(text, speaker):
    analysis = check_article(text)
    answers = [q for q in analysis.quotes if q.text.startswith("I did")]
    assert answers and all(q.speaker is not None and q.speaker.name == speaker for q in answers)


# Found by the fuzz tests: a publication date at the calendar's edge (a CMS default such as 0001-01-01)
# made "last week" or "next year" overflow, and the dates extractor lost every date of the article.
EDGE_TEXT = ("The governor said on Monday that 12 people died last week and more would follow next year. "
             "Yesterday was calm, tomorrow may not be, and by the end of last year the town was empty.")


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-03", "9999-12-31"])
def test_dates_at_the_calendar_edge_are_left_unresolved_with_a_reason(published):
    import datetime as dt

    from sayso.extract.dates import OUT_OF_CALENDAR

    analysis = check_article(EDGE_TEXT, dt.date.fromisoformat(published))
    assert not [n for n in analysis.notes if n.extractor == "dates"]
    assert {d.text for d in analysis.dates} >= {"Monday", "last week", "next year", "Yesterday", "tomorrow"}
    for d in analysis.dates:
        assert (d.value is None and d.reason == OUT_OF_CALENDAR) or (
            len(d.value.split("-")[0]) == 4 and d.value[:4] != "0000"), d
    assert any(d.reason == OUT_OF_CALENDAR for d in analysis.dates)
