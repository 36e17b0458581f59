"""Events: the status a statement in another sentence gives an event (denied, could not be verified)."""

from __future__ import annotations

import pytest

import sayso
from sayso.models import Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-10"  # a Tuesday


def _events(settings, text: str) -> list[Event]:
    return sorted(sayso.analyze(text, published=PUBLISHED, settings=settings).events, key=lambda e: e.start)


@pytest.mark.parametrize("text", [
    # the denial after the claim, by the other side, of the town "having fallen" (no "to" after it)
    "The rebel group said on Sunday it had seized the town of Mabanga. The army denied the town had fallen, "
    "saying its soldiers still held it.",
    # the denial first, of a place "fallen to the rebels" that the tagger may take for a person
    "The army denied on Friday that the town of Mabanga had fallen to the rebels. On Wednesday, the rebel group "
    "said it had taken Mabanga after heavy fighting.",
])
def test_events_capture_denied_by_anyone_in_the_article(settings, text):
    events = _events(settings, text)
    assert [(e.subtype, e.status) for e in events] == [("non_state_actor_overtakes_territory", "denied")]


def test_events_none_of_the_accounts_verified_reaches_every_account(settings):
    text = ("Rebels shelled an army base near Gulu on Sunday, a local radio station reported. A resident said the "
            "shelling lasted for hours. None of the accounts could be independently verified.")
    assert [e.status for e in _events(settings, text)] == ["unverified"]


def test_events_unverified_figures_leave_the_event_before_them(settings):
    # "the figures" are the rebels' death toll (the claims carry that status), not the army's air strike
    text = ("The army said its jets had bombed a rebel camp near Gulu on Sunday. Rebel spokesmen said 14 fighters "
            "were killed. The figures could not be independently verified.")
    assert [e.status for e in _events(settings, text)] == ["claimed"]


def test_events_unverified_accounts_are_those_just_before(settings):
    text = ("Rebels said they had captured the town of Kitgum on Sunday. Two residents said shops had been looted "
            "in the town on Monday. Reporters could not confirm their accounts.")
    assert [(e.type, e.status) for e in _events(settings, text)] == [
        ("battles", "claimed"), ("strategic_developments", "unverified")]


def test_events_disclaimer_about_its_own_sentence_reaches_no_further(settings):
    text = ("Soldiers clashed with rebels near Gulu on Sunday, the army said. A rights group said the dead included "
            "two children, a claim that could not be verified.")
    assert [e.status for e in _events(settings, text)] == ["claimed"]


def test_events_accusation_rejected_in_its_own_sentence_is_denied(settings):
    text = ("Kazakhstan accused Kyrgyz border guards of firing on its post near Osh on Tuesday, an accusation "
            "Bishkek rejected.")
    assert [(e.type, e.status) for e in _events(settings, text)] == [("battles", "denied")]


def test_events_statement_after_a_semicolon_is_not_the_source_before_it(settings):
    text = ("Sirens sounded in Sderot on Monday after a rocket was fired from Gaza; the army said it fell in an open "
            "field.")
    assert [(e.subtype, e.status) for e in _events(settings, text)] == [
        ("shelling_artillery_missile_attack", "asserted")]


@pytest.mark.parametrize("second, status", [
    ("Independent monitors said there was no sign of a Moldovan attack.", "denied"),
    ("There was no sign of an end to the fighting on Saturday.", "claimed"),  # no sign of an end: not a denial
])
def test_events_no_sign_of_the_claimed_attack_denies_it(settings, second, status):
    text = ("Separatist leaders in Tiraspol said on Friday that their positions had come under attack by Moldovan "
            f"forces. {second}")
    assert [e.status for e in _events(settings, text) if e.trigger == "attack"] == [status]


@pytest.mark.parametrize("gap, status", [(" ", "claimed"), ("\n\n", "asserted")])
def test_events_past_perfect_goes_on_with_the_statement_before_it(settings, gap, status):
    # in the same paragraph, "had arrived" goes on with the firm's report; in a new one the reporter speaks
    text = ("An imagery firm said on Friday that its pictures showed troops massing near the town of Yelnya."
            f"{gap}More troops had arrived in Klintsy, close to the border.")
    assert [e.status for e in _events(settings, text) if e.trigger == "arrived"] == [status]
