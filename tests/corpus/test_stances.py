"""Stance conflicts over hand-built statements: an act one source asserts and another denies or calls false.

The statements carry the propositions extraction reads off the parse (tests/extract/test_quote_propositions.py);
the corpus links those fields and never reads the quote's text, so the texts here are only for the reader.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sayso.corpus.records import StoredQuote
from sayso.corpus.stances import read, stance_conflicts
from sayso.models import Proposition


def act(name: str, polarity: str = "asserted", **kw) -> Proposition:
    return Proposition(name, 0, 1, name, polarity=polarity, **kw)


def q(article: str, text: str, speaker: str, *props: Proposition, cue: str = "said", day: int = 10,
      group: int | None = None, role: str | None = None) -> StoredQuote:
    return StoredQuote(article_id=article, published=dt.date(2025, 6, day), outlet="Desk", group=group,
                       kind="indirect", text=text, start=0, end=len(text), speaker=speaker, cue=cue,
                       speaker_role=role, propositions=props)


UNDER_ATTACK = act("attack", side="GE")                                 # "to be under Georgian attack"
DENIED_OWN = act("attack", "denied", nominal=True, by_speaker=True)     # "denied carrying out any hostile action"


def test_an_attack_one_side_reports_and_the_other_denies_conflicts():
    said = q("a", "to be under Georgian attack", "separatist leaders", UNDER_ATTACK, cue="claimed", group=1)
    denied = q("b", "carrying out any hostile action", "Tbilisi", DENIED_OWN, cue="denied", group=2)
    [found] = stance_conflicts([said, denied])
    assert found.kind == "stance" and {found.a.article_id, found.b.article_id} == {"a", "b"}
    assert "denies" in found.reason


def test_a_claim_called_false_conflicts_with_the_claim():
    said = q("a", "its units are pulling back from the frontier", "the defence ministry of Russia",
             act("withdraw", by_speaker=True, theme=True), group=1)
    called = q("b", "Russia's claim that it is pulling back troops is false", "a US official",
               act("withdraw", "called_false", modal=True, side="RU", theme=True), group=2, day=11)
    [found] = stance_conflicts([said, called])
    assert found.measure_key == "stance|withdraw"


@pytest.mark.parametrize("prop", [
    act("attack", side="RU", modal=True),              # "Russia could invade at any moment"
    act("attack", nominal=True, modal=True),           # "an invasion would be a disaster"
    act("attack", side="RU", background=True),         # "... when Russian jets struck"
])
def test_possibilities_names_and_background_assert_nothing(prop):
    assert read(q("a", "(text not read)", "an analyst", prop), {}) is None


def test_a_denied_possibility_is_still_denied():
    s = read(q("a", "it is planning an assault", "Moscow", act("attack", "denied", modal=True, nominal=True,
                                                               by_speaker=True), cue="denied"), {})
    assert s is not None and s.denies and s.agent == "RU"


def test_acts_of_different_sides_do_not_conflict():
    said = q("a", "Ukrainian forces attacked the depot", "Moscow", act("attack", side="UA"))
    denied = q("b", "attacking any civilian site", "Russia's defence ministry", DENIED_OWN, cue="denied")
    assert not list(stance_conflicts([said, denied]))


def test_acts_on_different_named_objects_do_not_conflict():
    said = q("a", "Russian troops captured Loknia", "Moscow", act("capture", side="RU", objects=("Loknia",)))
    called = q("b", "the claim that Russia captured Sumy is false", "Kyiv",
               act("capture", "called_false", side="RU", objects=("Sumy",)))
    assert not list(stance_conflicts([said, called]))


def test_an_act_nobody_is_said_to_do_conflicts_with_nothing():
    said = q("a", "they are being attacked", "a historian", act("attack"))
    denied = q("b", "planning to invade", "Moscow", DENIED_OWN, cue="denied")
    assert not list(stance_conflicts([said, denied]))


def test_statements_days_apart_or_within_one_wire_story_do_not_conflict():
    said = q("a", "to be under Georgian attack", "separatist leaders", UNDER_ATTACK, cue="claimed", group=1)
    late = q("b", "carrying out any hostile action", "Tbilisi", DENIED_OWN, cue="denied", day=20, group=2)
    copy = q("c", "carrying out any hostile action", "Tbilisi", DENIED_OWN, cue="denied", group=1)
    assert not list(stance_conflicts([said, late]))
    assert not list(stance_conflicts([said, copy]))


def test_one_pair_of_sources_on_one_act_is_listed_once():
    said = q("a", "to be under Georgian attack", "separatist leaders", UNDER_ATTACK, cue="claimed", group=1)
    again = q("a", "to be under Georgian attack since dawn", "separatist leaders", UNDER_ATTACK, group=1)
    denied = q("b", "carrying out any hostile action", "Tbilisi", DENIED_OWN, cue="denied", group=2)
    assert len(list(stance_conflicts([said, again, denied]))) == 1


def test_a_person_s_side_comes_from_the_role_stated_for_them():
    role = q("r", "talks would continue", "Ivan Petrov", role="Russian president")
    said = q("a", "he believes Ivan Petrov has decided to invade Moldova", "a Western leader",
             act("attack", actor="Petrov"), group=1)
    denied = q("b", "it is planning an assault", "Moscow", DENIED_OWN, cue="denied", group=2)
    [found] = stance_conflicts([role, said, denied])
    assert found.measure_key == "stance|attack"


def test_opposite_movements_of_one_side_s_troops_conflict():
    away = q("a", "it is moving troops away from the border", "Russia", act("withdraw", by_speaker=True, theme=True))
    more = q("b", "7,000 extra troops have arrived", "a US official",
             act("reinforce", actor="7,000 extra troops", theme=True))
    [found] = stance_conflicts([away, more])
    assert found.measure_key == "stance|reinforce+withdraw" and found.strength == 0.6


@pytest.mark.model
def test_stance_conflict_from_extracted_quotes(nlp):
    """End to end: two articles' quotes, as extraction reads them, conflict."""
    from sayso.extract.quotes import extract_quotes

    def stored(article: str, text: str, group: int) -> StoredQuote:
        [quote] = extract_quotes(nlp(text))
        return q(article, quote.text, quote.speaker.name, *quote.propositions, cue=quote.cue, group=group)

    said = stored("a", "Separatist leaders claimed to be under Moldovan attack.", 1)
    denied = stored("b", "Chisinau denied taking any hostile action.", 2)
    [found] = stance_conflicts([said, denied])
    assert found.measure_key == "stance|attack"
