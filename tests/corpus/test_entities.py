"""Speaker entities across articles: spellings, surnames, titles and roles become one entity; others stay apart."""

from __future__ import annotations

import pytest

from sayso.corpus.entities import EntityIndex, is_descriptor, name_key, role_key
from sayso.models import Speaker
from sayso.store import open_store


@pytest.fixture
def index():
    store = open_store(":memory:")
    with store.transaction():
        ix = EntityIndex(store)
        ix.resolve(Speaker("Volodymyr Zelenskyy", role="Ukrainian president"))
        ix.resolve(Speaker("Vladimir Putin", text="the Russian president"))
    yield ix
    store.close()


def _resolve(ix: EntityIndex, speaker: Speaker) -> int | None:
    with ix.store.transaction():
        return ix.resolve(speaker)


@pytest.mark.parametrize("name", ["Zelensky", "Zelenskiy", "Volodymyr Zelensky", "President Zelenskyy",
                                  "Volodymyr Zelenskyy", "V. Zelenskyy", "Zelénskyy"])
def test_spellings_of_one_name_are_one_entity(index, name):
    assert _resolve(index, Speaker(name)) == 1


@pytest.mark.parametrize("descriptor", ["the Ukrainian president", "Ukraine's president", "the president of Ukraine"])
def test_role_descriptor_links_to_the_role_holder(index, descriptor):
    assert _resolve(index, Speaker(descriptor, kind="unnamed")) == 1


def test_role_learnt_from_a_resolved_descriptor(index):
    assert _resolve(index, Speaker("Russia's president", kind="unnamed")) == 2


@pytest.mark.parametrize("name", ["Olena Zelenska", "Dmitry Peskov", "Vladimir Zelenko"])
def test_different_people_stay_apart(index, name):
    assert _resolve(index, Speaker(name)) not in (1, 2)


def test_unnamed_source_without_a_known_role_links_to_nobody(index):
    assert _resolve(index, Speaker("a senior official", kind="unnamed")) is None


def test_longer_name_becomes_the_canonical_name():
    store = open_store(":memory:")
    with store.transaction():
        ix = EntityIndex(store)
        pk = ix.resolve(Speaker("Syrsky"))
        assert ix.resolve(Speaker("Oleksandr Syrskyi")) == pk
    assert ix.describe(pk)["name"] == "Oleksandr Syrskyi"
    assert store.rows("SELECT name FROM entities") == [{"name": "Oleksandr Syrskyi"}]


def test_index_reloaded_from_the_store_resolves_the_same(index):
    fresh = EntityIndex(index.store)
    assert fresh.find("Zelensky") == [1] and fresh.find("the Ukrainian president") == [1]


def test_organisations_match_on_the_whole_name():
    store = open_store(":memory:")
    with store.transaction():
        ix = EntityIndex(store)
        a = ix.resolve(Speaker("Russian Defence Ministry", kind="organization"))
        assert ix.resolve(Speaker("Russian Defense Ministry", kind="organization")) == a
        assert ix.resolve(Speaker("Ukrainian General Staff", kind="organization")) != a


@pytest.mark.parametrize("text,key", [("President Vladimir Putin", "vladimir putin"), ("Gen. Oleksandr Syrskyi",
                                      "oleksandr syrskyi"), ("Zelénskyy", "zelenskyy")])
def test_name_key_drops_titles_and_accents(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize("a,b", [("the Ukrainian president", "President of Ukraine"),
                                 ("Kremlin spokesman", "the Russian spokesman")])
def test_role_key_is_the_same_however_worded(a, b):
    assert role_key(a) == role_key(b) is not None


@pytest.mark.parametrize("text,expected", [("the Ukrainian president", True), ("a senior official", True),
                                           ("Russia's president", True), ("President Putin", False),
                                           ("Oleksandr Syrskyi", False)])
def test_descriptors_are_told_from_names(text, expected):
    assert is_descriptor(text) is expected


def test_person_tagged_as_organisation_still_joins_the_person(index):
    assert _resolve(index, Speaker("Zelenskiy", kind="organization")) == 1


def test_institution_tagged_as_person_is_not_a_surname(index):
    pk = _resolve(index, Speaker("Ukraine's General Staff"))
    assert pk not in (None, 1, 2) and index.describe(pk)["kind"] == "organization"


@pytest.mark.parametrize("name", ["Russian Defense Ministry", "the Defense Ministry in Moscow", "Russia's Defence Ministry"])
def test_one_ministry_under_several_wordings(name):
    store = open_store(":memory:")
    with store.transaction():
        ix = EntityIndex(store)
        first = ix.resolve(Speaker("Russia's Defense Ministry", kind="organization"))
        assert ix.resolve(Speaker(name, kind="organization")) == first
        assert ix.resolve(Speaker("Ukraine's Defense Ministry", kind="organization")) != first
