"""Claims: which quantities are claims, who states them, and how sure the article is."""

from __future__ import annotations

import pytest

from sayso.extract.claims import extract_claims
from sayso.models import Quote, Speaker

pytestmark = pytest.mark.model


def _claim(nlp, text, needle, quotes=()):
    doc = nlp(text)
    claims = extract_claims(doc, quotes)
    hits = [c for c in claims if needle in c.quantity.text]
    assert len(hits) == 1, [c.quantity.text for c in claims]
    return hits[0]


def _quote(text, content, speaker):
    start = text.index(content)
    return Quote("indirect", start, start + len(content), content, Speaker(speaker), cue="said")


def test_claims_source_from_enclosing_quote(nlp):
    text = "The regional governor told reporters that at least 31 houses had burned overnight."
    content = "at least 31 houses had burned overnight"
    claim = _claim(nlp, text, "31", [_quote(text, content, "Ivan Petrenko")])
    assert (claim.status, claim.source.name) == ("claimed", "Ivan Petrenko")


def test_claims_quote_that_is_no_statement_is_not_a_source(nlp):
    text = "Satellite pictures showed 40 aircraft parked at the base."
    content = "40 aircraft parked at the base"
    quote = Quote("indirect", text.index(content), text.index(content) + len(content), content,
                  Speaker("Satellite pictures", kind="unnamed"), cue="showed", act="stance")
    claim = _claim(nlp, text, "40", [quote])
    assert (claim.status, claim.source) == ("asserted", None)


@pytest.mark.parametrize("text, needle, speaker", [
    ("Defence Minister Anna Kovalenko said 12 drones were shot down.", "12", "Anna Kovalenko"),
    ("At least nine people died in the blast, the emergency service said.", "nine", "the emergency service"),
    ("About 700 families lack heating, according to the Red Cross.", "700", "the Red Cross"),
    ("The navy announced that 3 ships would sail on Monday.", "3 ships", "The navy"),
])
def test_claims_fallback_reporting_verb_subject(nlp, text, needle, speaker):
    claim = _claim(nlp, text, needle)
    assert claim.status == "claimed"
    assert claim.source.name.lower() == speaker.lower()


def test_claims_pronoun_resolved_to_previous_person(nlp):
    text = ("Maria Lopez runs the only clinic in the district.\n\n"
            "She said 45 patients arrived after the shelling.")
    claim = _claim(nlp, text, "45")
    assert claim.source.name == "Maria Lopez"


def test_claims_description_resolved_to_apposition(nlp):
    text = ('"The roads are cut," said Kestrel, a private monitoring group.\n\n'
            "Convoys can be rerouted within 48 hours, the group said.")
    claim = _claim(nlp, text, "48")
    assert claim.source.name == "Kestrel"


def test_claims_number_in_direct_quote_gets_its_speaker(nlp):
    text = '"We lost 14 vehicles in two days. Nobody expected that," Colonel Ruth Baker said.'
    claim = _claim(nlp, text, "14")
    assert (claim.status, claim.source.name) == ("claimed", "Ruth Baker")


def test_claims_reporters_voice_is_asserted(nlp):
    claim = _claim(nlp, "The bridge was hit by 6 missiles before dawn.", "6")
    assert (claim.status, claim.source) == ("asserted", None)


@pytest.mark.parametrize("text, needle", [
    ("Militants reportedly seized 20 trucks of grain.", "20"),
    ("Dozens of fighters are believed to have crossed, sources say.", "Dozens"),
    ("Some 5,000 soldiers are said to be massing near the border.", "5,000"),
])
def test_claims_hedged_is_reported(nlp, text, needle):
    claim = _claim(nlp, text, needle)
    assert (claim.status, claim.source) == ("reported", None)


def test_claims_denied_under_denial_verb(nlp):
    claim = _claim(nlp, "The army denied that 300 soldiers had deserted.", "300")
    assert (claim.status, claim.source.name) == ("denied", "The army")


def test_claims_second_denial_verb_keeps_the_denier(nlp):
    text = ("The coast guard denied that its boats had left port and rejected reports that 6 trawlers "
            "were sunk.")
    claim = _claim(nlp, text, "6")
    assert (claim.status, claim.source.name) == ("denied", "The coast guard")


@pytest.mark.parametrize("text, needle, denier", [
    ("The insurgents said they captured 70 fighters, a number the police dismissed as invented.", "70", "police"),
    ("Warsaw reported 18 balloons over its territory, which Minsk rejected.", "18", "Minsk"),
    ("The militia said 90 hostages were released, a claim the governor denied.", "90", "governor"),
])
def test_claims_denial_clause_after_the_number(nlp, text, needle, denier):
    claim = _claim(nlp, text, needle)
    assert claim.status == "denied"
    assert claim.source.name.split()[-1] == denier


@pytest.mark.parametrize("verb", ["rejected", "dismissed"])
def test_claims_denying_someone_s_claim_denies_its_figure(nlp, verb):
    text = f"The port authority on Tuesday {verb} the rebels' claim that 12 tankers had been seized."
    quote = Quote("indirect", text.index("12 tankers"), len(text) - 1, "12 tankers had been seized",
                  Speaker("the rebels", text.index("the rebels"), text.index("the rebels") + 10, "the rebels", "group"),
                  cue="claim")
    claim = _claim(nlp, text, "12", [quote])
    assert (claim.status, claim.source.name) == ("denied", "The port authority")


def test_claims_a_time_read_as_the_speaker_is_no_source(nlp):
    text = "The navy on Sunday denied that 4 frigates had been damaged."
    quote = Quote("indirect", text.index("4 frigates"), len(text) - 1, "4 frigates had been damaged",
                  Speaker("Sunday", text.index("Sunday"), text.index("Sunday") + 6, "Sunday", "unnamed"), cue="denied")
    claim = _claim(nlp, text, "4", [quote])
    assert (claim.status, claim.source.name) == ("denied", "The navy")


@pytest.mark.parametrize("text", [
    "The market was hit for the third time in a week.",
    "Engineers hope to reopen the line within a month or two.",
    "Four villages were evacuated in the last 72 hours.",
    "Rescuers pulled 19 people from the rubble over the past six days.",
    "The ferry may resume in three weeks' time.",
])
def test_claims_time_window_is_not_a_claim(nlp, text):
    doc = nlp(text)
    assert [c.quantity.text for c in extract_claims(doc) if c.quantity.si_unit == "day" or c.quantity.unit is None] \
        == []


@pytest.mark.parametrize("text, needle", [
    ("The blockade of the port lasted 38 days.", "38 days"),
    ("The outage lasted 50 minutes.", "50 minutes"),
    ("They endured a siege of 61 days.", "61 days"),
    ("Tension along the border has risen sharply in the past 36 hours.", "36 hours"),
])
def test_claims_real_duration_is_a_claim(nlp, text, needle):
    assert _claim(nlp, text, needle).quantity.si_unit == "day"


@pytest.mark.parametrize("text, needle, source", [
    ("About 60 tanks crossed the border overnight, regional media reported.", "60", "regional media"),
    ("Around 300 homes lost power, local media said.", "300", "local media"),
])
def test_claims_media_as_subject_is_reported_under_its_description(nlp, text, needle, source):
    claim = _claim(nlp, text, needle)
    assert (claim.status, claim.source.name) == ("reported", source)


@pytest.mark.parametrize("text, needle, content", [
    ("Nine ambulances were hit on the road, the news agency could not independently confirm.", "Nine",
     "Nine ambulances were hit on the road"),
    ("The monitors were unable to verify that 75 shells had landed.", "75", "75 shells had landed"),
])
def test_claims_verification_verb_is_not_a_source(nlp, text, needle, content):
    start = text.index(content)
    quote = Quote("indirect", start, start + len(content), content, Speaker("the agency", kind="unnamed"),
                  cue="confirm" if "confirm" in text else "verify")
    claim = _claim(nlp, text, needle, [quote])
    assert (claim.status, claim.source) == ("unverified", None)


def test_claims_negated_passive_confirmation_is_not_a_source(nlp):
    text = "At least 33 people died, though the toll could not be independently confirmed by the monitors."
    claim = _claim(nlp, text, "33")
    assert (claim.status, claim.source) == ("unverified", None)


def test_claims_trailing_named_speaker_joined_to_main_verb(nlp):
    text = ("Gunmen burned a warehouse holding hundreds of grain sacks before they fled, "
            "the district's governor, Amadou Keita, said by phone from Mopti.")
    claim = _claim(nlp, text, "hundreds")
    assert (claim.status, claim.source.name) == ("claimed", "Amadou Keita")


def test_claims_unverified_in_same_sentence(nlp):
    text = "The militia said it shot down 4 helicopters, a claim that could not be independently verified."
    assert _claim(nlp, text, "4").status == "unverified"


def test_claims_verification_sentence_refers_back_to_speaker(nlp):
    text = ("Governor Pavel Orlov said 17 towns had been retaken. "
            "Orlov's figures could not be independently verified.")
    claim = _claim(nlp, text, "17")
    assert (claim.status, claim.source.name) == ("unverified", "Pavel Orlov")


def test_claims_verification_of_someone_else_leaves_claim(nlp):
    text = ("Governor Pavel Orlov said 17 towns had been retaken. "
            "Nobody doubts the bridge matters. "
            "The rebels' statement could not be independently verified.")
    assert _claim(nlp, text, "17").status == "claimed"


@pytest.mark.parametrize("text", [
    "Mark Jones, 62, was among the volunteers.",
    "The two leaders met in Ankara.",
    "One of the officers was wounded.",
    "The interview was a one-on-one session.",
    "The victim, Sam Reed, who was 34, worked at the depot.",
    "Officer Dana Hill, 29 — a volunteer medic — was hurt.",
])
def test_claims_descriptions_are_not_claims(nlp, text):
    assert extract_claims(nlp(text)) == []


def test_claims_number_inside_the_subject_is_not_attributed_to_it(nlp):
    claim = _claim(nlp, "Twelve percent said they had not decided.", "Twelve")
    assert (claim.status, claim.source) == ("asserted", None)


def test_claims_named_sources_are_still_a_hedge(nlp):
    text = "Up to 400 soldiers crossed the river, according to Western intelligence sources."
    assert _claim(nlp, text, "400").status == "reported"


def test_claims_amount_restated_in_brackets_is_kept(nlp):
    text = "The offensive took more than half a year (189 days) to stall."
    assert [c.quantity.text for c in extract_claims(nlp(text))] == ["more than half a year", "189 days"]


def test_claims_trailing_passive_source(nlp):
    text = "Norway has given $80m in demining aid, which was confirmed in the government's budget papers."
    claim = _claim(nlp, text, "$80m")
    assert claim.status == "claimed"
    assert claim.source.name.endswith("budget papers")


def test_claims_number_in_the_setting_of_a_statement_is_asserted(nlp):
    text = "In talks that lasted about 90 minutes, the envoy told reporters the mood was calm."
    assert _claim(nlp, text, "90").status == "asserted"


@pytest.mark.parametrize("text, needle, speaker", [
    ("A deal that let 20 million tonnes of grain leave port held, officials in Ankara said.", "20 million",
     "officials in Ankara"),
    ("The general staff put enemy losses at 1,200 soldiers.", "1,200", "The general staff"),
])
def test_claims_reporting_verb_found_across_clauses(nlp, text, needle, speaker):
    claim = _claim(nlp, text, needle)
    assert (claim.status, claim.source.name) == ("claimed", speaker)


@pytest.mark.parametrize("text, needle, value", [
    ("One in five homes has no power.", "One in five", 0.2),
    ("Grain prices fell by a third in a week.", "a third", 0.333333),
])
def test_claims_fractions_in_words(nlp, text, needle, value):
    assert _claim(nlp, text, needle).quantity.value == pytest.approx(value, rel=1e-3)


def test_claims_it_resolved_to_the_body_that_last_spoke(nlp):
    text = ("The regional police said a blast damaged the depot overnight. "
            "It said that 7 workers were treated for burns.")
    assert _claim(nlp, text, "7").source.name.lower() == "the regional police"


def test_claims_description_named_in_the_next_sentence(nlp):
    text = ("Russian forces lost up to 900 soldiers near the river, a Ukrainian army spokesman said. "
            "Major Olena Hrytsenko, a spokesman for the southern command, said the attacks had slowed.")
    assert _claim(nlp, text, "900").source.name == "Olena Hrytsenko"


def test_claims_lede_title_named_in_next_sentence(nlp):
    text = ("Moldova's border police chief says his officers turned back nearly 300 vehicles overnight.\n"
            "Col. Radu Munteanu told reporters in Chisinau that checks would continue.")
    assert _claim(nlp, text, "300").source.name == "Radu Munteanu"


@pytest.mark.parametrize("text, needle, source", [
    ("An official, who asked not to be named, said 90 trucks were waiting at the crossing.", "90", "official"),
    ("A navy commander, speaking on condition of anonymity, said 14 patrol boats had left the harbour.", "14",
     "navy commander"),
])
def test_claims_anonymous_source_of_a_body_is_claimed_under_its_description(nlp, text, needle, source):
    claim = _claim(nlp, text, needle)
    assert claim.status == "claimed" and source in claim.source.name


def test_claims_one_casualty_is_a_claim(nlp):
    claim = _claim(nlp, "One civilian was killed when the shell hit the market.", "One")
    assert (claim.quantity.value, claim.quantity.unit) == (1, "civilian")


def test_claims_age_range_is_not_a_claim(nlp):
    assert extract_claims(nlp("Boys aged 15 to 17 were sent home.")) == []


def test_claims_clause_is_the_sentence(nlp):
    text = "The port reopened. Officials said 11 ships left on Tuesday."
    claim = _claim(nlp, text, "11")
    assert claim.text == text[claim.start:claim.end] == "Officials said 11 ships left on Tuesday."


@pytest.mark.parametrize("text, needle, source", [
    ("Analysts say 5,000 troops have gathered near the border.", "5,000", "Analysts"),
    ("Around 12 shells hit the market, local residents said.", "12", "local residents"),
    ("Fuel now costs as much as 3 dollars a litre, according to traders.", "3 dollars", "traders"),
    ("Insurance firms say 40 tankers have changed course since March.", "40", "Insurance firms"),
    ("About 2,000 families have left the valley, according to aid groups.", "2,000", "aid groups"),
])
def test_claims_generic_unnamed_source_is_reported_under_its_description(nlp, text, needle, source):
    claim = _claim(nlp, text, needle)
    assert claim.status == "reported" and claim.source is not None and claim.source.name == source


@pytest.mark.parametrize("text, needle, source", [
    ("Villagers in Kupiansk said 40 houses had burned overnight.", "40", "Villagers in Kupiansk"),
    ("Refugees arriving in Chadian camps said 12 wells had run dry.", "12", "Refugees"),
])
def test_claims_generic_collective_with_a_place_is_still_reported(nlp, text, needle, source):
    claim = _claim(nlp, text, needle)
    assert claim.status == "reported" and claim.source.name.startswith(source)


def test_claims_bare_sources_give_no_source(nlp):
    claim = _claim(nlp, "Sources said 60 lorries crossed the border.", "60")
    assert (claim.status, claim.source) == ("reported", None)


def test_claims_named_group_of_a_body_is_claimed(nlp):
    claim = _claim(nlp, "US officials said 100,000 troops had massed near the border.", "100,000")
    assert claim.status == "claimed" and "officials" in claim.source.name


@pytest.mark.parametrize("text, needle", [
    ("The report said 70 ports were closed, according to media reports.", "70"),
    ("Officials are drafting rules, the survey said, and 14 firms agreed, sources said.", "14"),
])
def test_claims_a_hedge_head_keeps_no_description(nlp, text, needle):
    claim = _claim(nlp, text, needle)
    assert claim.status != "reported" or claim.source is None
