"""The acts a quote asserts, denies or calls false, and whose they are, read off the parse (sentences written here)."""

from __future__ import annotations

import pytest

from sayso.extract.quotes import extract_quotes

pytestmark = pytest.mark.model


def _props(nlp, text):
    """The propositions of the one quote of ``text``; each one's span is its evidence."""
    [quote] = extract_quotes(nlp(text))
    for p in quote.propositions:
        assert text[p.start:p.end] == p.text
        if p.actor is not None:
            assert text[p.actor_start:p.actor_end] == p.actor
    return quote.propositions


def _one(nlp, text):
    [p] = _props(nlp, text)
    return p


def _said_as_done(p) -> bool:
    return not (p.modal or p.nominal or p.background)


def test_propositions_an_assertion_with_its_side_and_object(nlp):
    p = _one(nlp, "The governor said Romanian troops captured the town of Tulcea on Sunday.")
    assert (p.act, p.text, p.polarity, p.side, p.objects, p.theme) == (
        "capture", "captured", "asserted", "RO", ("Tulcea",), True)
    assert _said_as_done(p)


def test_propositions_a_denial_cue_denies_the_speaker_s_own_act(nlp):
    p = _one(nlp, "Azerbaijan has denied taking any hostile action near the border.")
    assert (p.act, p.text, p.polarity, p.by_speaker, p.side) == ("attack", "hostile action", "denied", True, None)


def test_propositions_denied_it_is_planning_is_the_speaker_s_act(nlp):
    p = _one(nlp, "Romania denied it is planning an offensive.")
    assert (p.act, p.polarity, p.by_speaker) == ("attack", "denied", True)


@pytest.mark.parametrize("text, act, side", [
    ("A Western official said Georgia's claim that it is pulling its soldiers back is false.", "withdraw", "GE"),
    ("The envoy said the claim that Serbia is moving troops away from the border is \"false\".", "withdraw", "RS"),
    ("The ministry said that despite what Georgia has said about pulling back troops, that has not happened.",
     "withdraw", "GE"),
])
def test_propositions_an_act_a_falsity_word_judges_is_called_false(nlp, text, act, side):
    p = _one(nlp, text)
    assert (p.act, p.polarity, p.side, p.theme) == (act, "called_false", side, True)


@pytest.mark.parametrize("text", [
    "Analysts said Georgia could invade at any moment.",             # a modal
    "The minister said there will be no invasion from our territory.",  # a negation
    "The envoy said Moldova must withdraw its forces.",              # a demand
    "Experts said Romanian troops are poised to strike.",            # an infinitive nothing decided
    "Analysts say Georgia has a range of ways to attack whenever it likes.",
])
def test_propositions_possibilities_demands_and_negations_are_modal(nlp, text):
    [p] = [p for p in _props(nlp, text) if p.act in ("attack", "withdraw")]
    assert p.modal and p.polarity == "asserted"


def test_propositions_a_decision_to_act_is_said_as_done_and_the_person_acts(nlp):
    p = _one(nlp, "The president said he believes Ivan Petrov has taken the decision to invade Moldova.")
    assert (p.act, p.actor, p.side) == ("attack", "Ivan Petrov", None)
    assert _said_as_done(p)


def test_propositions_a_noun_names_the_act_but_under_attack_says_it(nlp):
    named = _one(nlp, "The official said an invasion would be a disaster.")
    under = _one(nlp, "Rebel leaders claimed to be under Moldovan attack.")
    assert named.nominal and named.modal
    assert (under.nominal, under.side, under.polarity) == (False, "MD", "asserted")


def test_propositions_an_act_in_a_when_clause_is_background(nlp):
    p = _one(nlp, "Residents said two people were hurt when a missile struck the school.")
    assert (p.act, p.background) == ("attack", True)


@pytest.mark.parametrize("text, side, by_speaker, actor", [
    ("Moscow accused Kyiv of attacking its border posts.", "UA", False, None),   # the object controls the gerund
    ("Georgia said it is moving troops away from the border.", None, True, None),  # "it": the speaker
    ("The army said some units were withdrawing from the frontier.", None, False, "some units"),
    ("The spokesman said that the depot was attacked overnight.", None, False, None),  # nobody is said to act
    ("The commander said attacking the depot was necessary.", None, False, None),  # the act is the subject
    ("The mayor said the Rapid Support Forces attacked the camp.", "RSF", False, None),  # a name of three words
])
def test_propositions_whose_act_it_is(nlp, text, side, by_speaker, actor):
    p = _one(nlp, text)
    assert (p.side, p.by_speaker, p.actor) == (side, by_speaker, actor)


def test_propositions_a_quote_of_no_known_act_has_none(nlp):
    assert _props(nlp, "The mayor said the bridge will reopen on Monday.") == ()
