"""Killed, wounded or both: the measure a death-and-injury figure is keyed to (invented sentences)."""

from __future__ import annotations

import pytest

import sayso
from sayso.corpus.measures import frame_key


def _key(text: str, quantity: str, settings) -> str | None:
    claims = {c.quantity.text: c for c in sayso.analyze(text, published="2025-06-11", settings=settings).claims}
    return frame_key(claims[quantity].frame)


@pytest.mark.model
@pytest.mark.parametrize("text, quantity", [
    ("The barrage killed and wounded 40 Ruritanian soldiers, the ministry said.", "40 Ruritanian soldiers"),
    ("Officials said 25 Ruritanian civilians were killed and wounded in the raid.", "25 Ruritanian civilians"),
    ("The blast left 33 Ruritanian workers dead or injured, the mayor said.", "33 Ruritanian workers"),
    ("More than 900 Ruritanian soldiers have been killed or maimed.", "More than 900 Ruritanian soldiers"),
])
def test_one_figure_of_killed_and_wounded_counts_casualties(text, quantity, settings):
    assert (_key(text, quantity, settings) or "").startswith("casualties|")


@pytest.mark.model
def test_a_clause_with_its_own_number_does_not_lend_its_verb_to_the_noun_before_it(settings):
    text = ("The war has claimed the lives of about 2,000 people, injured at least 5,000 and forced "
            "10,000 to flee, the ministry said.")
    assert (_key(text, "about 2,000 people", settings) or "").startswith("killed|")


@pytest.mark.model
def test_killed_and_wounded_with_their_own_numbers_stay_apart(settings):
    text = "The strike killed five soldiers and wounded 12 others, the ministry said."
    assert (_key(text, "five soldiers", settings) or "").startswith("killed|")


@pytest.mark.model
def test_a_participle_right_after_the_noun_still_names_the_measure(settings):
    text = "Five soldiers wounded in the raid were flown to the capital."
    assert (_key(text, "Five soldiers", settings) or "").startswith("wounded|")


@pytest.mark.model
def test_the_dead_beside_a_count_of_wounded_stay_the_dead(settings):
    text = "Medics carried the bodies of nine villagers and 20 wounded out of the ruins."
    assert (_key(text, "nine villagers", settings) or "").startswith("killed|")


@pytest.mark.model
@pytest.mark.parametrize("text, quantity, key", [
    ("Moscow has lost 200 soldiers near Kharkiv this month, the Ukrainian general staff said.", "200 soldiers",
     "casualties|RU"),
    ("Russian forces suffered 300 casualties near Kharkiv, Kyiv said.", "300 casualties", "casualties|RU"),
    ("Russian shelling killed 12 people in Kharkiv, the governor said.", "12 people", "killed|UA"),
])
def test_the_side_that_loses_or_suffers_is_the_victims_side(text, quantity, key, settings):
    assert _key(text, quantity, settings) == key
