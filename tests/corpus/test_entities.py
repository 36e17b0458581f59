"""Speaker entities across articles: spellings, surnames, titles and roles become one entity; others stay apart."""

from __future__ import annotations

import pytest

from sayso.corpus.entities import EntityIndex
from sayso.corpus.names import is_descriptor, name_key, role_key
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


# -- one article first, then the corpus; institutions by country; acronyms; role words alone ----------------
from sayso.corpus.entities import ArticleEntities, role_only  # noqa: E402
from sayso.corpus.names import org_key  # noqa: E402


@pytest.fixture
def fresh():
    store = open_store(":memory:")
    with store.transaction():
        yield EntityIndex(store)
    store.close()


def _article(ix: EntityIndex, *speakers: Speaker, acronyms: dict | None = None) -> list[int | None]:
    """Resolve one article's speakers as ingest does: names first, then descriptions."""
    here = ArticleEntities(acronyms=acronyms or {})
    pks = {}
    for s in [s for s in speakers if not role_only(s)] + [s for s in speakers if role_only(s)]:
        pks[s] = ix.resolve(s, here)
    return [pks[s] for s in speakers]


def test_description_is_the_holder_named_in_its_own_article_not_the_corpus_favourite(fresh):
    for _ in range(3):  # the corpus has seen one Ruritanian president often
        _article(fresh, Speaker("Anton Marek", text="Ruritanian President Anton Marek", role="Ruritanian president"))
    marek = fresh.find("Anton Marek")[0]
    # a later article names a new president, then calls him "the Ruritanian president"
    new, described = _article(fresh, Speaker("Lena Voss", start=10, role="Ruritanian president"),
                              Speaker("the Ruritanian president", start=90, kind="unnamed"))
    assert described == new != marek
    # and an article that names nobody falls back on the corpus
    assert _article(fresh, Speaker("the Ruritanian president", kind="unnamed")) == [marek]


def test_bare_role_is_the_one_holder_of_that_role_in_the_article(fresh):
    pks = _article(fresh, Speaker("Joan Harlow", start=0, text="President Joan Harlow", role="US president"),
                   Speaker("Tomas Brill", start=50, role="Freedonian foreign minister"),
                   Speaker("the president", start=120, kind="person", role="president"))
    assert pks[2] == pks[0]


def test_bare_role_with_two_holders_is_the_nearest_before_it(fresh):
    pks = _article(fresh, Speaker("Joan Harlow", start=0, role="US president"),
                   Speaker("Lena Voss", start=60, role="Ruritanian president"),
                   Speaker("the president", start=120, kind="person", role="president"))
    assert pks[2] == pks[1]


def test_bare_role_nobody_holds_here_links_to_nobody(fresh):
    _article(fresh, Speaker("Joan Harlow", role="US president"))
    assert _article(fresh, Speaker("the president", kind="person", role="president")) == [None]


@pytest.mark.parametrize("name", ["French President", "the US President", "Ukrainian President"])
def test_role_word_alone_tagged_as_organisation_is_a_person_description(fresh, name):
    speaker = Speaker(name, kind="organization")
    assert role_only(speaker)
    assert _article(fresh, speaker) == [None]  # no holder known: no "French President" organisation is made
    assert not fresh.entities


def test_role_word_alone_links_to_the_holder_named_in_the_article(fresh):
    pks = _article(fresh, Speaker("Claire Dumont", text="French President Claire Dumont", role="French President"),
                   Speaker("French President", start=200, text="The French President", kind="organization"))
    assert pks[1] == pks[0] and fresh.describe(pks[0])["kind"] == "person"


@pytest.mark.parametrize("a,b", [("UN", "United Nations"), ("U.N.", "the United Nations"), ("EU", "European Union"),
                                 ("NATO", "North Atlantic Treaty Organization"), ("Nato", "NATO")])
def test_acronym_and_full_name_are_one_entity(fresh, a, b):
    first = _article(fresh, Speaker(a, kind="organization"))[0]
    assert _article(fresh, Speaker(b, kind="organization")) == [first]


def test_acronym_entity_is_shown_by_its_full_name(fresh):
    [pk] = _article(fresh, Speaker("EU", kind="organization"))
    assert fresh.describe(pk)["name"] == "European Union"


def test_acronym_the_article_spells_out_joins_its_full_name(fresh):
    spelled = {"mcu": "marsh conservation union"}
    [a] = _article(fresh, Speaker("MCU", kind="organization"), acronyms=spelled)
    [b] = _article(fresh, Speaker("the Marsh Conservation Union", kind="organization"))
    assert a == b and fresh.describe(a)["name"] == "Marsh Conservation Union"


def test_the_kremlin_is_an_institution_not_the_country(fresh):
    russia, moscow = _article(fresh, Speaker("Russia", kind="organization"), Speaker("Moscow", kind="organization"))
    kremlin, again = _article(fresh, Speaker("the Kremlin", kind="organization"),
                              Speaker("Kremlin", kind="organization"))
    assert russia == moscow and kremlin == again != russia
    assert org_key("the Kremlin") != org_key("Russia")


@pytest.mark.parametrize("other", ["Britain's Defence Ministry", "UK Defence Ministry", "Ukraine's Defense Ministry"])
def test_ministries_of_different_countries_stay_apart(fresh, other):
    [russia] = _article(fresh, Speaker("Russia's Defence Ministry", kind="organization"))
    assert _article(fresh, Speaker(other, kind="organization")) != [russia]


def test_the_ministry_is_the_ministry_its_article_named(fresh):
    _article(fresh, Speaker("Britain's Defence Ministry", kind="organization"))
    russia, ministry = _article(fresh, Speaker("Russia's Defence Ministry", kind="organization"),
                                Speaker("the ministry", start=300, kind="organization"))
    assert ministry == russia


def test_person_behind_a_country_possessive_is_a_person(fresh):
    [pk] = _article(fresh, Speaker("Poland's Anton Marek", kind="organization"))
    assert pk == _article(fresh, Speaker("Anton Marek"))[0] and fresh.describe(pk)["kind"] == "person"


@pytest.mark.parametrize("aff,name", [("UN", "UN"), ("U.N.", "U.N."), ("the Kremlin", "the Kremlin"),
                                      ("the Marsh Conservation Union", "the Marsh Conservation Union"),
                                      ("Russian Defence Ministry", "Russian Defence Ministry"),
                                      ("Russian", None), ("US", None), ("State", None), ("Moscow", None)])
def test_affiliation_that_names_an_organisation_is_a_mention_of_it(aff, name):
    from sayso.corpus.entities import affiliation

    org = affiliation(Speaker("Anna Brenner", affiliation=aff))
    assert (org.name if org else None) == name
    assert org is None or (org.kind == "organization" and org.start is None)


def test_bare_role_word_tagged_as_organisation_is_its_article_holder(fresh):
    pks = _article(fresh, Speaker("Lena Voss", start=0, role="Ruritanian president"),
                   Speaker("president", start=80, text="the president", kind="organization"))
    assert pks[1] == pks[0] and len(fresh.entities) == 1


def test_organisation_is_shown_without_its_article(fresh):
    [pk] = _article(fresh, Speaker("the Marsh Conservation Union", kind="organization"))
    assert fresh.describe(pk)["name"] == "Marsh Conservation Union"


@pytest.mark.parametrize("a,b", [("the US secretary of state", "the American foreign minister"),
                                 ("Belarusian minister of foreign affairs", "the Belarusian foreign minister"),
                                 ("Britain's defence secretary", "the British defense minister")])
def test_wordings_of_one_role_share_a_key(a, b):
    assert role_key(a) == role_key(b) is not None


def test_head_of_state_is_the_president_the_article_named(fresh):
    pks = _article(fresh, Speaker("Lena Voss", start=0, role="Ruritanian president"),
                   Speaker("the head of state", start=80, kind="person"))
    assert pks[1] == pks[0]


@pytest.mark.parametrize("a,b", [("the State Department", "The U.S. State Department"),
                                 ("US Department of State", "State Department")])
def test_institution_whose_name_implies_its_country_joins_it_named_with_its_country(fresh, a, b):
    assert _article(fresh, Speaker(a, kind="organization")) == _article(fresh, Speaker(b, kind="organization"))


@pytest.mark.parametrize("query", ["UN", "U.N.", "the United Nations"])
def test_a_query_finds_an_organisation_by_acronym_or_full_name(fresh, query):
    [pk] = _article(fresh, Speaker("United Nations", kind="organization"))
    assert fresh.find(query) == [pk]


@pytest.mark.parametrize("text,expected", [("President Putin", True), ("Mr Putin", True), ("the Kremlin", True),
                                           ("UN", True), ("he", False), ("the Russian president", False),
                                           ("the Ministry", False), ("Council", False)])
def test_name_forms_are_told_from_pronouns_and_descriptions(text, expected):
    from sayso.corpus.names import is_name_form

    assert is_name_form(text) is expected


def test_corpus_fallback_is_the_holder_of_the_role_at_the_articles_time(fresh):
    def article_on(day, *speakers):
        here = ArticleEntities(day=day)
        return [fresh.resolve(s, here) for s in speakers]

    for day in ("2022-01-10", "2022-03-02", "2022-06-20"):  # the old holder, often
        [old] = article_on(day, Speaker("Peter Lund", role="Ruritanian prime minister"))
    [new] = article_on("2022-10-25", Speaker("Maria Holm", role="Ruritanian prime minister"))
    describe = Speaker("the Ruritanian prime minister", kind="unnamed")
    assert article_on("2022-11-15", describe) == [new]
    assert article_on("2022-04-01", describe) == [old]
    assert article_on(None, describe) == [old]  # no date: the one most often seen in the role


def test_role_days_survive_a_reload(fresh):
    fresh.resolve(Speaker("Peter Lund", role="Ruritanian prime minister"), ArticleEntities(day="2022-01-10"))
    fresh.resolve(Speaker("Peter Lund", role="Ruritanian prime minister"), ArticleEntities(day="2022-05-01"))
    again = EntityIndex(fresh.store)
    [entity] = again.entities.values()
    assert entity.dates[role_key("Ruritanian prime minister")] == ("2022-01-10", "2022-05-01")


@pytest.mark.parametrize("name", ["the ministry", "the Defence Ministry", "the armed forces", "the military"])
def test_institution_named_by_its_kind_alone_is_no_entity_across_articles(fresh, name):
    assert _article(fresh, Speaker(name, kind="organization")) == [None]  # whose ministry? nobody can tell
    ukraine = _article(fresh, Speaker(name, kind="organization", affiliation="Ukrainian"))[0]
    assert ukraine is not None and ukraine != _article(fresh, Speaker(name, kind="organization", affiliation="Russian"))[0]
