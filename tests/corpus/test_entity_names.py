"""Cross-article entities: acronyms an article uses with their full names, a country's armed forces however
worded, ranks before a name, and bare names (a surname or a given name) that join only the person they can mean.

Every sentence here is made up for these tests."""

from __future__ import annotations

import pytest

from sayso.corpus.acronyms import find_acronyms, initials
from sayso.corpus.entities import ArticleEntities, EntityIndex, affiliation, role_only
from sayso.corpus.names import org_key
from sayso.models import Speaker
from sayso.store import open_store


@pytest.fixture
def ix():
    store = open_store(":memory:")
    with store.transaction():
        yield EntityIndex(store)
    store.close()


def _article(ix: EntityIndex, *speakers: Speaker, text: str = "") -> list[int | None]:
    """One article's speakers resolved as ingest resolves them: names in order, then descriptions."""
    here = ArticleEntities(acronyms=find_acronyms(text))
    ordered = sorted(speakers, key=lambda s: (s.start is None, s.start or 0))
    pks = {}
    for s in [s for s in ordered if not role_only(s)] + [s for s in ordered if role_only(s)]:
        pks[s] = ix.resolve(s, here)
    return [pks[s] for s in speakers]


def _org(name: str, start: int | None = None, text: str | None = None) -> Speaker:
    return Speaker(name, start=start, text=text or name, kind="organization")


# -- acronyms without brackets ------------------------------------------------------------------------------
def test_article_that_uses_a_name_and_its_acronym_defines_it():
    text = ("Engineers of the Lakeside Water Authority reopened the pumping station on Friday. "
            "The LWA said the pipes had frozen.")
    assert find_acronyms(text) == {"lwa": "Lakeside Water Authority"}


def test_acronym_of_the_end_of_a_longer_name():
    text = ("The U.N. Bureau for the Support of Mountain Villages sent two lorries. "
            "BSMV staff counted 40 families in the camp.")
    assert find_acronyms(text) == {"bsmv": "Bureau for the Support of Mountain Villages"}


def test_capitals_that_spell_no_name_define_nothing():
    assert find_acronyms("The convoy left at dawn, the LWA said, and reached Kassala by noon.") == {}


def test_initials_of_a_name():
    assert initials("Ruritania People's Defence Front") == {"rpdf", "pdf"}
    assert initials("U.N. Bureau for the Support of Mountain Villages") == {"unbsmv", "bsmv", "smv"}
    assert initials("the regional water authority") == set()


def test_acronym_spelled_out_in_one_article_is_the_same_entity_bare_in_another(ix):
    text = "Fighters of the Free Valley People's Front (FVPF) took the bridge. The FVPF said it held the town."
    full, short = _article(ix, _org("Free Valley People's Front", 20), _org("FVPF", 80), text=text)
    [later] = _article(ix, _org("FVPF", 5), text="The FVPF said on Monday that its fighters had withdrawn.")
    assert full == short == later
    assert ix.describe(full)["name"] == "Free Valley People's Front"


def test_name_mangled_by_the_extractor_is_shown_as_the_article_wrote_it(ix):
    [pk] = _article(ix, _org("Free Valley People Front", text="The Free Valley People's Front"))
    assert ix.describe(pk)["name"] == "Free Valley People's Front"


def test_full_name_in_one_article_and_only_the_acronym_in_another(ix):
    [full] = _article(ix, _org("Lakeside Water Authority"), text="The Lakeside Water Authority said the pipes froze.")
    [short] = _article(ix, _org("LWA"), text="Repairs will take a week, the LWA said.")
    assert short == full


def test_acronym_first_then_its_full_name_elsewhere(ix):
    [short] = _article(ix, _org("LWA"), text="Repairs will take a week, the LWA said.")
    [full] = _article(ix, _org("Lakeside Water Authority"), text="The Lakeside Water Authority said the pipes froze.")
    assert short == full and ix.describe(full)["name"] == "Lakeside Water Authority"


def test_two_full_names_with_the_same_initials_stay_apart(ix):
    [a] = _article(ix, _org("Lakeside Water Authority"), text="The Lakeside Water Authority said so.")
    [b] = _article(ix, _org("Lowland Wheat Association"), text="The Lowland Wheat Association said so.")
    assert a != b
    assert _article(ix, _org("LWA"), text="The LWA said so.") != [a]  # which one, nobody can tell


def test_unknown_acronym_of_an_affiliation_is_an_organisation():
    found = affiliation(Speaker("Omar Said", text="FVPF spokesman Omar Said", affiliation="FVPF"))
    assert found is not None and found.name == "FVPF"


# -- a country's armed forces -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["the Polish military", "Poland's armed forces", "Polish Defence Forces"])
def test_country_armed_forces_under_several_wordings(name):
    assert org_key(name) == org_key("the Polish military")


@pytest.mark.parametrize("name", ["the Polish military intelligence", "Southern Defence Forces", "the military"])
def test_other_forces_are_not_a_country_armed_forces(name):
    assert org_key(name) != org_key("the Polish military")


# -- ranks and bare names -----------------------------------------------------------------------------------
@pytest.mark.parametrize("mention", ["Brig Gen Wolak", "Brig Wolak", "Sgt Wolak", "Brigadier Wolak", "Cpl Wolak"])
def test_rank_without_a_dot_is_no_given_name(ix, mention):
    [full] = _article(ix, Speaker("Tomasz Wolak", text="Brig Gen Tomasz Wolak"))
    [bare] = _article(ix, Speaker(mention))
    assert bare == full and ix.describe(full)["name"] == "Tomasz Wolak"


def test_given_name_in_its_article_is_the_person_named_in_full_there(ix):
    spokesman, mr = _article(ix, Speaker("Dawit Haile", start=10), Speaker("Dawit", text="Mr Dawit", start=200))
    trader, bare = _article(ix, Speaker("Dawit Bekele", start=10, text="A baker in Gondar, Dawit Bekele"),
                            Speaker("Dawit", start=300))
    assert mr == spokesman and bare == trader != spokesman


def test_bare_surname_two_people_share_joins_neither(ix):
    [a] = _article(ix, Speaker("Lena Marek"))
    [b] = _article(ix, Speaker("Pavel Marek"))
    [bare] = _article(ix, Speaker("Marek"))
    assert a != b and bare not in (a, b)
    assert _article(ix, Speaker("Pavel Marek", start=0), Speaker("Marek", start=90)) == [b, b]


def test_bare_surname_one_person_has_joins_that_person(ix):
    [full] = _article(ix, Speaker("Lena Marek"))
    assert _article(ix, Speaker("Marek")) == [full]


# -- descriptions -------------------------------------------------------------------------------------------
def test_description_by_some_words_of_one_organisation_is_that_organisation(ix):
    [full] = _article(ix, _org("the U.N. Bureau for the Support of Mountain Villages"))
    [described] = _article(ix, _org("the U.N. mountain bureau"))
    assert described == full


def test_description_two_organisations_fit_or_another_head_noun_is_neither(ix):
    [office] = _article(ix, _org("the U.N. Office for the Support of Mountain Villages"))
    [bureau] = _article(ix, _org("the U.N. Bureau for Mountain Roads"))
    assert _article(ix, _org("the U.N. mountain agency")) not in ([office], [bureau])
    assert _article(ix, _org("the Polish military"))[0] != _article(ix, _org("Polish Military Intelligence"))[0]
