"""Negated acts, aimed fire, holding a place, the speaker's own forces and non-state sides, read off the parse
(sentences written here: invented people at real places)."""

from __future__ import annotations

import pytest

from sayso.extract.quotes import extract_quotes

pytestmark = pytest.mark.model


def _props(nlp, text, act=None):
    [quote] = extract_quotes(nlp(text))
    for p in quote.propositions:
        assert text[p.start:p.end] == p.text
    return [p for p in quote.propositions if act is None or p.act == act]


def _said_as_done(p) -> bool:
    return not (p.modal or p.nominal or p.background)


@pytest.mark.parametrize("text, word", [
    ('"On Sunday our units did not launch rockets from anywhere near the bus station," militia commander Ali Musa '
     'said.', "launch"),
    ('"Our gunners never fired at the hospital," the colonel told reporters.', "fired"),
])
def test_propositions_a_negated_act_of_our_forces_is_the_speaker_denying_it(nlp, text, word):
    [p] = [p for p in _props(nlp, text, "attack") if p.text == word]
    assert (p.polarity, p.by_speaker, p.side) == ("denied", True, None)
    assert _said_as_done(p)


def test_propositions_a_negation_with_a_modal_stays_a_possibility(nlp):
    [p] = _props(nlp, "The minister said there will be no invasion from our territory.")
    assert p.modal and p.polarity == "asserted"


def test_propositions_a_negation_above_the_act_makes_it_only_possible(nlp):
    [p] = _props(nlp, '"We do not believe the Georgian army attacked the post," the envoy said.', "attack")
    assert p.modal and p.polarity == "asserted"


@pytest.mark.parametrize("text, side, actor", [
    ("Mayor Tom Okello told reporters that militia gunmen had fired two rockets at the bus station overnight.",
     None, "militia gunmen"),
    ("The aid worker said RSF gunners had fired three mortar shells at the camp on Sunday.", "RSF", None),
    ("The mayor said Armenian units fired at a convoy near Goris.", "AM", None),
])
def test_propositions_firing_munitions_or_at_a_target_is_an_attack(nlp, text, side, actor):
    [p] = [p for p in _props(nlp, text, "attack") if p.text.startswith("fire")]
    assert (p.polarity, p.side, p.actor) == ("asserted", side, actor)
    assert _said_as_done(p)


@pytest.mark.parametrize("text", [
    "The club said it fired its coach after the defeat.",
    "The agency said it launched an investigation into the accident.",
])
def test_propositions_firing_or_launching_without_a_weapon_is_no_attack(nlp, text):
    assert _props(nlp, text, "attack") == []


@pytest.mark.parametrize("text, objects", [
    ('"After two days of street fighting, our battalion is in control of Kassala," rebel commander Ali Musa told '
     'reporters.', ("Kassala",)),
    ('"Whatever the rebels claim, Kassala is still under the control of our army," army spokesman Omar Idris told '
     'reporters.', ("Kassala",)),
    ('"We have been shelled every night this week, but we are still holding," Colonel Petro Marchenko said.', ()),
])
def test_propositions_holding_a_place_is_control_by_the_speaker_s_side(nlp, text, objects):
    [p] = _props(nlp, text, "control")
    assert (p.polarity, p.by_speaker, p.objects) == ("asserted", True, objects)
    assert _said_as_done(p)


@pytest.mark.parametrize("text", [
    "The ministry said the delegations held talks in Geneva.",
    "The ministry said the ceasefire is holding.",
    "The analysts said the battle for control of Kassala goes on.",
])
def test_propositions_holding_talks_or_a_fight_for_control_is_no_control(nlp, text):
    assert [p for p in _props(nlp, text, "control") if _said_as_done(p)] == []


def test_propositions_no_troops_left_at_a_place_denies_their_presence(nlp):
    [p] = _props(nlp, '"The port now has no Georgian soldiers stationed in it," Governor Ivan Petrov said.', "control")
    assert (p.polarity, p.side) == ("denied", "GE")


@pytest.mark.parametrize("text, polarity, side, by_speaker, objects", [
    ("The governor said Armenian troops had lost control of Goris.", "denied", "AM", False, ("Goris",)),
    ('"Our garrison lost control of the port on Friday," the colonel said.', "denied", None, True, ()),
    ('"We have not lost control of Kassala," army spokesman Omar Idris said.', "asserted", None, True, ("Kassala",)),
])
def test_propositions_losing_control_of_a_place_denies_holding_it(nlp, text, polarity, side, by_speaker, objects):
    [p] = _props(nlp, text, "control")
    assert (p.polarity, p.side, p.by_speaker, p.objects) == (polarity, side, by_speaker, objects)
    assert _said_as_done(p)


def test_propositions_a_denial_of_losing_control_asserts_holding(nlp):
    [p] = _props(nlp, "The ministry denied that the marines had lost control of the port.", "control")
    assert p.polarity == "asserted" and _said_as_done(p)


def test_propositions_only_a_possible_loss_of_control_is_no_denial(nlp):
    [p] = _props(nlp, '"The army may lose control of the port within days," the analyst said.', "control")
    assert p.modal


def test_propositions_a_weapon_is_nobody_s_act(nlp):
    [p] = _props(nlp, "The mayor said the missile strikes on Odesa went on all night.", "attack")
    assert (p.side, p.actor, p.by_speaker) == (None, None, False)


def test_propositions_we_is_the_speaker_even_after_a_side_is_named(nlp):
    text = '"Whatever the Kremlin says, we are not attacking Russia," the senator said.'
    [p] = [p for p in _props(nlp, text, "attack") if p.text == "attacking"]
    assert (p.polarity, p.by_speaker, p.side) == ("denied", True, None)
