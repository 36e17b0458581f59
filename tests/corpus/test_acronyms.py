"""Acronyms: spelled out by the article itself ("the Marsh Conservation Union (MCU)"), else from the table."""

from __future__ import annotations

import pytest

from sayso.corpus.acronyms import acronym_key, expand, find_acronyms, full_name


@pytest.mark.parametrize("text,acronym,full", [
    ("Volunteers of the Marsh Conservation Union (MCU) counted the birds.", "mcu", "Marsh Conservation Union"),
    ("A report by the Institute for Harbour Safety (IHS) was published.", "ihs", "Institute for Harbour Safety"),
    ("The RRC (River Rescue Corps) pulled two men out.", "rrc", "River Rescue Corps"),
    ("Staff of the Northern Rail Board (N.R.B.) went on strike.", "nrb", "Northern Rail Board"),
])
def test_article_spells_an_acronym_out(text, acronym, full):
    """The full name as the article wrote it; ``expand`` folds it."""
    assert find_acronyms(text) == {acronym: full}
    assert expand(acronym, find_acronyms(text)) == full.lower()


@pytest.mark.parametrize("text", ["He was born in Lisbon (Portugal) in 1960.", "The figure (USD) was revised.",
                                  "Talks with the mayor (AP) ended."])
def test_brackets_that_spell_nothing_out_are_no_acronym(text):
    assert find_acronyms(text) == {}


@pytest.mark.parametrize("token,key", [("UN", "un"), ("U.N.", "un"), ("NATO's", "nato"), ("Nato", "nato"),
                                       ("Who", None), ("Kyiv", None), ("a", None)])
def test_acronym_key_of_a_token(token, key):
    assert acronym_key(token) == key


def test_the_article_defines_an_acronym_before_the_table():
    assert expand("icc", {"icc": "island cricket council"}) == "island cricket council"
    assert expand("icc") == "international criminal court"


def test_full_name_from_the_table():
    assert full_name("U.N.") == "United Nations" and full_name("EU") == "European Union" and full_name("XYZ") is None
