"""Claim status and source on sentences written for these tests: unverified figures, reports whose
author is named, agentless estimates (extract/claims/claims.py)."""

from __future__ import annotations

import pytest
from extractkit import claim_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, needle", [
    ("Whether 25 trawlers really sank near the reef, the harbour office has not been able to verify.", "25 trawlers"),
    ("The ministry said 60 villages had been cut off, but reporters were not able to confirm it.", "60 villages"),
])
def test_claims_a_negated_ability_to_verify_is_unverified(nlp, text, needle):
    assert claim_of(nlp, text, needle).status == "unverified"


def test_claims_reports_from_a_named_author_are_that_author_s(nlp):
    text = ("Harbour police have heard reports from two fishing cooperatives that at least 25 boats sank near the "
            "reef, but have not been able to verify them.")
    claim = claim_of(nlp, text, "25 boats")
    assert claim.status == "unverified" and claim.source.name == "two fishing cooperatives"


def test_claims_dismissing_reports_by_an_author_still_denies_them(nlp):
    text = "On Friday the prison service rejected reports from a lawyers' union that 300 inmates had fled."
    claim = claim_of(nlp, text, "300 inmates")
    assert claim.status == "denied" and "prison service" in claim.source.name


@pytest.mark.parametrize("text, needle", [
    ("Some 8% of the nation's barley, it is estimated, comes from the valley.", "8%"),
    ("Nobody has counted the displaced; estimates vary from 40,000 to 90,000.", "40,000"),
    ("Estimates put the toll somewhere between 3,000 and 9,000.", "3,000"),
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
    ("Mr. Adeyemi, the regional director, said 40 trucks had crossed.\n\nLater the Spokesperson took questions on "
     "the convoy.\n\nOn funding, she said the appeal sought $3 billion.", "3 billion", "Spokesperson"),
])
def test_claims_she_after_a_described_subject_is_that_person(nlp, text, needle, source):
    assert source in claim_of(nlp, text, needle).source.name


def test_claims_she_after_a_named_subject_keeps_the_name(nlp):
    text = ("The nurse at the district clinic said the ward was full. Dr. Hana Petrova said 12 beds were free. "
            "She said 4 doctors had left.")
    assert claim_of(nlp, text, "4 doctors").source.name == "Hana Petrova"


def test_claims_she_is_the_named_subject_not_the_outlet_she_told(nlp):
    text = ("Ivan Melnyk said the drones came from the south.\n\nNorthern Command press officer Daryna Kovalchuk told "
            "Hromadske the brigade had held the line near Vovchansk overnight. She put enemy losses at roughly 900 "
            "soldiers.")
    assert claim_of(nlp, text, "900").source.name == "Daryna Kovalchuk"


@pytest.mark.parametrize("text", [
    "Speaking on air, the station's correspondent Lina Sayegh, reporting from Kilis, said 300 families were queuing "
    "for water.",
    "Lina Sayegh of the network, reporting from a camp outside Kilis, told viewers that 300 families were queuing "
    "for water.",
])
def test_claims_a_correspondent_reporting_from_a_place_is_the_publisher(nlp, text):
    claim = claim_of(nlp, text, "300 families")
    assert claim.status == "asserted" and claim.source is None


@pytest.mark.parametrize("text, needle, source", [
    ("Omar Fadel, a driver from Kilis, said 40 families had gathered at the gate.", "40 families", "Omar Fadel"),
    # reporting from a place makes nobody the outlet's own: no newsroom noun, no "our", no outlet
    ("A medic reporting from the field hospital said 20 soldiers were wounded.", "20 soldiers", "medic"),
    ("Farmers reporting from the flooded valley told the agency 18 homes had collapsed.", "18 homes", "Farmers"),
])
def test_claims_a_speaker_from_a_place_is_no_correspondent(nlp, text, needle, source):
    claim = claim_of(nlp, text, needle)
    assert claim.status == "claimed" and source in claim.source.name
