"""Claim status and source on sentences written for these tests: unverified figures, reports whose
author is named, agentless estimates (extract/claims/claims.py)."""

from __future__ import annotations

import pytest
from extractkit import claim_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, needle", [
    ("The spokesman said the agency had not been able to verify that 25 fishermen had drowned.", "25 fishermen"),
    ("The ministry said 60 villages had been cut off, but reporters were not able to confirm it.", "60 villages"),
])
def test_claims_a_negated_ability_to_verify_is_unverified(nlp, text, needle):
    assert claim_of(nlp, text, needle).status == "unverified"


def test_claims_reports_from_a_named_author_are_that_author_s(nlp):
    text = ("In reply to a question, the spokesman said the agency knew of reports from local activists that at "
            "least 25 fishermen had drowned off the coast on Sunday, but that it had not been able to verify them.")
    claim = claim_of(nlp, text, "25 fishermen")
    assert claim.status == "unverified" and claim.source.name == "local activists"


def test_claims_dismissing_reports_by_an_author_still_denies_them(nlp):
    text = "The minister dismissed reports by opposition groups that 300 prisoners had escaped."
    claim = claim_of(nlp, text, "300 prisoners")
    assert claim.status == "denied" and "minister" in claim.source.name


@pytest.mark.parametrize("text, needle", [
    ("It is estimated that about 8% of the country's wheat is grown in the province.", "about 8%"),
    ("Estimates of the number of displaced range from 40,000 to 90,000, and nobody is keeping count.", "40,000"),
    ("Estimates of the dead range from 3,000 to 9,000, and nobody is seriously counting.", "3,000"),
])
def test_claims_an_agentless_estimate_is_reported_without_source(nlp, text, needle):
    claim = claim_of(nlp, text, needle)
    assert claim.status == "reported" and claim.source is None


@pytest.mark.parametrize("text, needle", [
    ("UN estimates put the number of displaced at 40,000.", "40,000"),
    ("Estimates by aid agencies put the number of displaced at 40,000.", "40,000"),
])
def test_claims_someone_s_estimate_is_not_agentless(nlp, text, needle):
    assert claim_of(nlp, text, needle).status == "claimed"


@pytest.mark.parametrize("text, needle, source", [
    ("Colonel Ruslan Beketov said 12 shells hit the depot.\n\nThe nurse at the district clinic asked me not to print "
     "her name. She said her ward had taken in 35 children in a day.", "35 children", "nurse"),
    ("Mr. Adeyemi, the regional director, said 40 trucks had crossed.\n\nIn reply to questions, the Spokesperson "
     "said the office had no travel to announce.\n\nAsked about the budget, she said the appeal sought $3 billion.",
     "3 billion", "Spokesperson"),
])
def test_claims_she_after_a_described_subject_is_that_person(nlp, text, needle, source):
    assert source in claim_of(nlp, text, needle).source.name


def test_claims_she_after_a_named_subject_keeps_the_name(nlp):
    text = ("The nurse at the district clinic said the ward was full. Dr. Hana Petrova said 12 beds were free. "
            "She said 4 doctors had left.")
    assert claim_of(nlp, text, "4 doctors").source.name == "Hana Petrova"


def test_claims_she_is_the_named_subject_not_the_outlet_she_told(nlp):
    text = ("Serhii Bondarenko said the drones came from the south.\n\nSpokesperson for the Southern Defense Forces "
            "Oleksandra Yarema told Suspilne that Russian troops had tried to advance near the village of Robotyne. "
            "She said losses amounted to about 1,100 personnel.")
    assert claim_of(nlp, text, "1,100").source.name == "Oleksandra Yarema"


@pytest.mark.parametrize("text", [
    "The channel's Omar Fadel, reporting from the border near Kilis, said 300 families had gathered at the gate.",
    "Our correspondent Omar Fadel, reporting from Kilis, said 300 families had gathered at the gate.",
])
def test_claims_a_correspondent_reporting_from_a_place_is_the_publisher(nlp, text):
    claim = claim_of(nlp, text, "300 families")
    assert claim.status == "asserted" and claim.source is None


def test_claims_a_speaker_from_a_place_is_no_correspondent(nlp):
    assert claim_of(nlp, "Omar Fadel, a driver from Kilis, said 40 families had gathered at the gate.",
                  "40 families").status == "claimed"
