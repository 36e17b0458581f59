"""Figures denied in a later sentence (extract/claims/denials.py), on sentences written for these tests."""

from __future__ import annotations

import pytest
from extractkit import claim_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, needle, denier", [
    ("Border guards said they had wounded 6 smugglers near the crossing.\n\nThe smugglers' union said no one "
     "had been hurt.", "6 smugglers", "union"),
    ("The air force said it destroyed 8 radar stations. The rebels said no radar stations had been destroyed.",
     "8 radar stations", "rebels"),
    ("Police said they had killed 4 bandits in the forest. A village elder denied that any of the men had been "
     "killed.", "4 bandits", "elder"),
    ("The monitor said 30 soldiers died in the ambush. The army said the toll stood at 9, not 30.", "30 soldiers",
     "army"),
    # losing and destroying equipment are one act
    ("The militia said it had destroyed 14 armoured vehicles. The army said no armoured vehicles had been lost.",
     "14 armoured vehicles", "army"),
    ("The rebels said they had shot down 7 drones over the lake. The air force said no drones had been lost.",
     "7 drones", "air force"),
    ("The rebels said they had downed 3 helicopters near the dam. The army said no helicopters had been destroyed.",
     "3 helicopters", "army"),
])
def test_denials_a_later_negated_count_denies_the_figure(nlp, text, needle, denier):
    claim = claim_of(nlp, text, needle)
    assert claim.status == "denied" and denier in claim.source.name


@pytest.mark.parametrize("text, needle", [
    # denying an accusation is no denial of a figure
    ("The army said rebels had shelled 3 schools. The rebels denied shelling the schools.", "3 schools"),
    # a negated count of another thing
    ("The ministry said 12 hospitals were hit. The militia said no schools had been damaged.", "12 hospitals"),
    # the speaker's own figure beside the denial
    ("The army said it had destroyed 5 tanks and that no soldiers had been killed.", "5 tanks"),
    # two bodies sharing a last word are still two
    ("The Kenyan Coast Guard said 2 sailors were injured. The Somali coast guard said it had been attacked.",
     "2 sailors"),
])
def test_denials_leave_figures_nobody_denies(nlp, text, needle):
    assert claim_of(nlp, text, needle).status == "claimed"


def test_denials_claim_noun_after_a_comma_with_the_denier_s_clause(nlp):
    # the parser reads "figures" as a verb here: no relative clause to follow
    text = "The ministry says 40 bridges have been repaired since May and 9 roads reopened, figures the rebels " \
           "dismiss as propaganda."
    for needle in ("40 bridges", "9 roads"):
        claim = claim_of(nlp, text, needle)
        assert claim.status == "denied" and "rebels" in claim.source.name


def test_denials_the_speaker_s_own_no_one_hurt_denies_nothing(nlp):
    text = ("Latvia's air force said it had shot down 12 drones overnight.\n\n"
            "A drone fell on a barn near Rezekne; nobody was injured, according to the air force.")
    assert claim_of(nlp, text, "12 drones").status == "claimed"


@pytest.mark.parametrize("text, needle, denier", [
    ("Rebel commanders said they had shot down 9 helicopters over the valley.\n\nThe defence ministry called the "
     "claim pure fantasy.", "9 helicopters", "ministry"),
    ("The governor said 240 homes had been flattened. A ministry spokeswoman told reporters that the figure was "
     "a fabrication.", "240 homes", "spokeswoman"),
    ("The health office said 64 patients had been treated. The mayor called the figure an exaggeration, not a "
     "careful count.", "64 patients", "mayor"),
    ("The opposition said 75 protesters had been killed. The government dismissed the opposition's figures.",
     "75 protesters", "government"),
    # "the figure of 31" names the value it disputes
    ("Prosecutors said at least 31 villagers died in the raid.\n\nThe defence disputed the prosecution's figure "
     "of 31 at the hearing.", "at least 31 villagers", "defence"),
    # "the figure" stands for what the statement was about, not an adjunct beside it
    ("The district chief said gunmen had seized 12 herders. According to him, the raiders came on 30 horses.\n\nThe "
     "police described the figure as exaggerated and said only 5 people were missing.", "12 herders", "police"),
])
def test_denials_a_later_sentence_calls_the_figure_false(nlp, text, needle, denier):
    claim = claim_of(nlp, text, needle)
    assert claim.status == "denied" and denier in claim.source.name


@pytest.mark.parametrize("text, needle", [
    ("The district chief said gunmen had seized 12 herders. According to him, the raiders came on 30 horses.\n\nThe "
     "police described the figure as exaggerated and said only 5 people were missing.", "30 horses"),
    ("According to the monitor, 44 shops burned down overnight. Officials at the ministry have never disputed the "
     "figure.", "44 shops"),
    ("Volunteers counted 44 burned shops in the market, according to the monitor. Opposition deputies described the "
     "curfew as pure propaganda.", "44 burned shops"),
    # a falsity word taken back by a negation calls the figure true
    ("The health office said 64 patients had been treated. The mayor called the figure a conservative estimate, not "
     "an exaggeration.", "64 patients"),
    ("The health office said 64 patients had been treated. The mayor called the figure no fabrication.",
     "64 patients"),
    ("The health office said 64 patients had been treated. The mayor described the figure as a careful count "
     "rather than an exaggeration.", "64 patients"),
])
def test_denials_a_false_claim_elsewhere_leaves_other_figures(nlp, text, needle):
    assert claim_of(nlp, text, needle).status == "claimed"


def test_denials_no_one_hurt_in_the_denier_s_own_account_of_another_incident(nlp):
    text = ("The border police said 3 officers were hurt in the clashes.\n\nThe fire service said flames had gutted 2 "
            "warehouses at the port. Nobody was injured in that fire, the service added.")
    assert claim_of(nlp, text, "3 officers").status == "claimed"
