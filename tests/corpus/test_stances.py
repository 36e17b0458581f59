"""Stance conflicts over hand-built statements: an act one source asserts and another denies or calls false."""

from __future__ import annotations

import datetime as dt

import pytest

from sayso.corpus.records import StoredQuote
from sayso.corpus.stances import read, stance_conflicts


def q(article: str, text: str, speaker: str, *, cue: str = "said", day: int = 10, group: int | None = None,
      role: str | None = None) -> StoredQuote:
    return StoredQuote(article_id=article, published=dt.date(2025, 6, day), outlet="Desk", group=group,
                       kind="indirect", text=text, start=0, end=len(text), speaker=speaker, cue=cue,
                       speaker_role=role)


def test_an_attack_one_side_reports_and_the_other_denies_conflicts():
    said = q("a", "to be under Georgian attack", "separatist leaders", cue="claimed", group=1)
    denied = q("b", "carrying out any hostile action", "Tbilisi", cue="denied", group=2)
    [found] = stance_conflicts([said, denied])
    assert found.kind == "stance" and {found.a.article_id, found.b.article_id} == {"a", "b"}
    assert "denies" in found.reason


def test_a_claim_called_false_conflicts_with_the_claim():
    said = q("a", "its units are pulling back from the frontier", "the defence ministry of Russia", group=1)
    called = q("b", "Russia's claim that it is pulling back troops is false", "a US official", group=2, day=11)
    [found] = stance_conflicts([said, called])
    assert found.measure_key == "stance|withdraw"


@pytest.mark.parametrize("text", [
    "Russia could invade at any moment",            # a possibility
    "an invasion would be a disaster",              # a noun, and a conditional
    "there will be no invasion from our territory",  # a negation
    "Russia must withdraw its forces",              # a demand
])
def test_possibilities_demands_and_negations_assert_nothing(text):
    assert read(q("a", text, "an analyst"), {}) is None


def test_acts_of_different_sides_do_not_conflict():
    said = q("a", "Ukrainian forces attacked the depot", "Moscow")
    denied = q("b", "attacking any civilian site", "Russia's defence ministry", cue="denied")
    assert not list(stance_conflicts([said, denied]))


def test_statements_days_apart_or_within_one_wire_story_do_not_conflict():
    said = q("a", "to be under Georgian attack", "separatist leaders", cue="claimed", group=1)
    late = q("b", "carrying out any hostile action", "Tbilisi", cue="denied", day=20, group=2)
    copy = q("c", "carrying out any hostile action", "Tbilisi", cue="denied", group=1)
    assert not list(stance_conflicts([said, late]))
    assert not list(stance_conflicts([said, copy]))


def test_one_pair_of_sources_on_one_act_is_listed_once():
    said = q("a", "to be under Georgian attack", "separatist leaders", cue="claimed", group=1)
    again = q("a", "to be under Georgian attack since dawn", "separatist leaders", cue="said", group=1)
    denied = q("b", "carrying out any hostile action", "Tbilisi", cue="denied", group=2)
    assert len(list(stance_conflicts([said, again, denied]))) == 1


def test_a_person_s_side_comes_from_the_role_stated_for_them():
    role = q("r", "talks would continue", "Ivan Petrov", role="Russian president")
    said = q("a", "he believes Ivan Petrov has decided to invade Moldova", "a Western leader", group=1)
    denied = q("b", "it is planning an assault", "Moscow", cue="denied", group=2)
    [found] = stance_conflicts([role, said, denied])
    assert found.measure_key == "stance|attack"
