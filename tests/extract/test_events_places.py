"""Events: the place of an event when the small model mislabels a small town, and of a fight told again."""

from __future__ import annotations

import pytest

import sayso
from sayso.models import Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-10"  # a Tuesday


def _events(settings, text: str) -> list[Event]:
    return list(sayso.analyze(text, published=PUBLISHED, settings=settings).events)


@pytest.mark.parametrize("text,town", [
    ("OCAÑA, Colombia — Two soldiers were killed on Thursday when rebels ambushed a patrol in rural Sardinata, "
     "the army said.", "Sardinata"),
    ("Azerbaijan said on Tuesday that Armenian units had fired at its posts in the Goris district of Armenia.",
     "Goris"),
])
def test_events_small_town_mislabelled_in_the_articles_country_is_the_place(settings, text, town):
    ev = _events(settings, text)[0]
    assert ev.place is not None and ev.place.name == town


def test_events_the_fighting_told_again_takes_the_fights_place_and_sides(settings):
    evs = _events(settings, "M23 rebels seized the town of Uvira on Monday. A teacher said four civilians had been "
                            "killed by shells during the fighting on Sunday.")
    clash = next(e for e in evs if e.subtype == "armed_clash")
    assert clash.place is not None and clash.place.name == "Uvira"
    assert clash.actor.name == "M23 rebels" and clash.target.name == "Congolese forces"


def test_events_the_fighting_with_no_time_of_its_own_adds_no_event(settings):
    evs = _events(settings, "M23 rebels seized the town of Uvira on Monday. A teacher said four civilians had been "
                            "killed by shells during the fighting.")
    assert len(evs) == 1


def test_events_place_that_tells_where_another_lies_is_not_the_place(settings):
    ev = _events(settings, "Russia sent 5,000 more troops on Monday to Belarus, whose border lies a short drive "
                           "from Kyiv.")[0]
    assert ev.place is not None and ev.place.name == "Belarus"


def test_events_source_named_like_a_town_is_no_place(settings):
    evs = _events(settings, "Russian troops massed near Belgorod on Monday. The troops are deploying in full battle "
                            "order, according to Janes.")
    assert [e.place.name for e in evs] == ["Belgorod"]
