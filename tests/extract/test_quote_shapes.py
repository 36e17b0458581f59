"""Reported-speech shapes that news attribution corpora count, on sentences written for these tests."""

from __future__ import annotations

import pytest

from sayso.extract.quotes import extract_quotes

pytestmark = pytest.mark.model


def _found(nlp, text, stances=False):
    quotes = extract_quotes(nlp(text), stances=stances)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return quotes


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("The governor rejected the revised budget plan.", "the revised budget plan", "governor"),
        ("The union criticized the new overtime rules.", "the new overtime rules", "union"),
        ("The senator appeared to soften her stance on the tariff.", "to soften her stance on the tariff", "senator"),
        ("The mayor portrayed the strike as a threat to the city.", "a threat to the city", "mayor"),
        ("The senator described the tax plan as a gift to the wealthy.", "a gift to the wealthy", "senator"),
        ("The minister’s plan to close three coal plants drew protests.", "to close three coal plants", "minister"),
    ],
)
def test_stance_verbs_and_nouns_are_broad_mode_stances(nlp, text, content, speaker):
    assert all(content not in q.text for q in _found(nlp, text))  # not statements: left out by default
    quotes = _found(nlp, text, stances=True)
    match = [q for q in quotes if content in q.text]
    assert match, [q.text for q in quotes]
    assert match[0].speaker is not None and speaker in match[0].speaker.text.lower()
    assert match[0].act == "stance"


def test_praise_with_a_quoted_reason_gives_no_second_report_of_the_object(nlp):
    quotes = _found(nlp, "The mayor praised the crews “for their courage and speed” on Sunday.")
    assert len(quotes) == 1 and "for their courage and speed" in quotes[0].text


def test_clause_coordinated_with_the_speech_verb_goes_on_with_the_content(nlp):
    text = "The mayor said the bridge was unsafe, and engineers had closed it twice this year."
    quotes = _found(nlp, text)
    assert [q.text for q in quotes] == ["the bridge was unsafe, and engineers had closed it twice this year"]


def test_title_case_headline_reports_what_follows_its_verb(nlp):
    quotes = _found(nlp, "Senator Ann Lee Says Bridge Repairs Will Wait\nThe vote is due on Friday.")
    assert [(q.kind, q.text, q.cue) for q in quotes] == [("indirect", "Bridge Repairs Will Wait", "Says")]
    assert "Ann Lee" in quotes[0].speaker.name


def test_title_case_headline_with_a_directive_is_a_broad_mode_directive(nlp):
    text = "Senator Ann Lee Urges Congress to Fund Bridge Repairs\nThe vote is due on Friday."
    assert _found(nlp, text) == []
    quotes = _found(nlp, text, stances=True)
    heads = [(q.kind, q.text, q.cue, q.act) for q in quotes if q.cue == "Urges"]
    assert heads == [("indirect", "Congress to Fund Bridge Repairs", "Urges", "directive")]


@pytest.mark.parametrize("text", ["Floods Hit Coastal Towns Again\nRoads were closed.",
                                  "Heavy Rain Spreads Across the North Sea Coast"])
def test_headline_without_a_reporting_verb_is_not_a_quote(nlp, text):
    assert _found(nlp, text) == []


@pytest.mark.parametrize("text", ["The clinic gave him injections designed to ease the pain.",
                                  "The council met in order to approve the budget."])
def test_purpose_infinitives_are_not_reported_speech(nlp, text):
    assert _found(nlp, text) == []


def test_passive_with_an_agent_reports_the_subject_and_the_reason_apart(nlp):
    text = "The plan was criticized by the unions for its cost."
    assert _found(nlp, text) == []
    quotes = _found(nlp, text, stances=True)
    assert [(q.text, q.speaker.text, q.act) for q in quotes] == [("The plan", "the unions", "stance"),
                                                                  ("for its cost", "the unions", "stance")]


def test_headline_label_names_its_speaker(nlp):
    quotes = _found(nlp, "Okafor: Budget Talks Will Resume Monday\nThe minister spoke in Abuja.")
    assert [(q.text, q.speaker.name) for q in quotes] == [("Budget Talks Will Resume Monday", "Okafor")]


def test_according_to_in_mid_sentence_vouches_for_the_clause_before_it(nlp):
    text = ("Exports of grain rose 12 percent in March, according to the customs agency, and imports of fuel "
            "fell by a third.")
    quotes = _found(nlp, text)
    match = [q for q in quotes if q.text.startswith("Exports of grain")]
    assert match, [q.text for q in quotes]
    assert match[0].text == "Exports of grain rose 12 percent in March"
    assert "customs agency" in match[0].speaker.text


def test_according_to_inside_a_clause_keeps_the_whole_clause(nlp):
    text = "The strike, according to local officials, destroyed a school and two houses."
    quotes = _found(nlp, text)
    assert any("destroyed a school" in q.text and q.text.startswith("The strike") for q in quotes), [q.text for q in quotes]


def test_trailing_relative_clause_after_a_comma_is_the_reporters_aside(nlp):
    text = "The council said it would back the harbour plan, which has been delayed twice since 2019."
    quotes = _found(nlp, text)
    match = [q for q in quotes if "harbour plan" in q.text]
    assert match, [q.text for q in quotes]
    assert match[0].text == "it would back the harbour plan"


def test_asking_not_to_be_named_is_no_report(nlp):
    quotes = _found(nlp, "A port official, who asked not to be named, said two cranes were damaged.")
    assert [q.text for q in quotes] == ["two cranes were damaged"]


def test_a_clause_is_never_parsed_into_the_next_paragraph(nlp):
    text = ("Mediators say a new text is being drafted, but no meeting has been scheduled.\n\n"
            "09:20 GMT Crews are pausing repairs at the pier.")
    quotes = _found(nlp, text)
    assert [q.text for q in quotes] == ["a new text is being drafted, but no meeting has been scheduled"]
    assert len(list(nlp(text).sents)) == 2


def test_paragraph_component_sets_sentence_starts_after_blank_lines(nlp):
    doc = nlp("The envoy left on Monday\n\nTalks resume on Friday")  # no full stop before the break
    assert [s.text.strip() for s in doc.sents] == ["The envoy left on Monday", "Talks resume on Friday"]


def test_not_authorized_to_discuss_is_no_report(nlp):
    text = ("An aide, who was not authorized to discuss the talks publicly, said the envoys would meet "
            "again in May.")
    assert [q.text for q in _found(nlp, text)] == ["the envoys would meet again in May"]


@pytest.mark.parametrize(
    "text, content, cue, speaker",
    [
        # "made (it) clear/known that ...": the clause is what was said
        ("The minister made clear that the border would stay closed.", "the border would stay closed",
         "made clear", "The minister"),
        ("Speaking on state television, the admiral made it clear he expected more attacks on the port.",
         "he expected more attacks on the port", "made it clear", "the admiral"),
        ("The ministry made it known that talks would resume.", "talks would resume", "made it known", "ministry"),
        # a possessed reporting noun before "is that ...": said by the possessor
        ("The ministry’s position is that the strikes were legal.", "the strikes were legal", "position", "ministry"),
        ("The commander’s warning was that the dam could fail.", "the dam could fail", "warning", "commander"),
    ],
)
def test_clause_after_made_clear_or_a_noun_is_that_is_reported(nlp, text, content, cue, speaker):
    (q,) = _found(nlp, text)
    assert (q.kind, q.text, q.cue) == ("indirect", content, cue)
    assert speaker in q.speaker.name


@pytest.mark.parametrize("text", ["The rains made the roads impassable.",
                                  "The minister did not make it clear whether the border would reopen.",
                                  "The problem is that the bridge is gone.",
                                  "The view from the hill is stunning.",
                                  "Her position is not that the war is over."])
def test_make_or_is_that_without_a_stated_source_clause_is_no_report(nlp, text):
    assert _found(nlp, text) == []


def test_an_unmarked_that_is_left_out_of_the_content(nlp):
    text = "A nurse could be heard screaming to the medics that the boy was not breathing."
    assert [q.text for q in _found(nlp, text)] == ["the boy was not breathing"]


@pytest.mark.parametrize(
    "text, contents",
    [
        ("If they failed, the ministry could deny them permits for the new mines.", []),
        ("Were the dam to fail, engineers say the valley would flood in hours.", ["the valley would flood in hours"]),
        ("If the talks fail, the ceasefire will collapse, the minister said.",
         ["If the talks fail, the ceasefire will collapse"]),
        ("When the shelling started, we hid in the basement, the woman said.",
         ["When the shelling started, we hid in the basement"]),
    ],
)
def test_a_fronted_condition_alone_is_not_what_was_said(nlp, text, contents):
    assert [q.text for q in _found(nlp, text)] == contents


@pytest.mark.parametrize(
    "text, contents",
    [
        ("The army said on Monday its troops had destroyed two launchers.", ["its troops had destroyed two launchers"]),
        ('Both sides, he said, must "step back from the brink."', ["Both sides", 'must "step back from the brink."']),
    ],
)
def test_what_belongs_to_the_cue_stays_out_of_the_content(nlp, text, contents):
    assert [q.text for q in _found(nlp, text)] == contents


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        # a wire lead whose dateline the parse read as a second subject of "said"
        ("ARUA, Uganda (Wire) — Floodwater swept away at least 14 homes in a fishing village near the lake "
         "overnight, a district official said Thursday.",
         "Floodwater swept away at least 14 homes in a fishing village near the lake overnight", "district official"),
        # the speaker parsed as an apposition of the clause's own subject
        ("ARUA, Uganda (Wire) — Bandits on motorbikes robbed at least 9 traders on a road near the border before "
         "dawn, a local church leader said Thursday.",
         "Bandits on motorbikes robbed at least 9 traders on a road near the border before dawn", "church leader"),
        ("Militants burned 40 fuel tankers near the border, the army said.",
         "Militants burned 40 fuel tankers near the border", "army"),
    ],
)
def test_a_clause_before_comma_subject_said_is_what_the_subject_said(nlp, text, content, speaker):
    quotes = _found(nlp, text)
    assert [q.text for q in quotes] == [content]
    assert speaker in quotes[0].speaker.text


def test_according_to_after_a_trailing_participle_covers_the_whole_sentence(nlp):
    text = "Since March the rebels have shelled more than 30 villages, burning two, according to the regional governor."
    quotes = _found(nlp, text)
    assert [q.text for q in quotes] == ["Since March the rebels have shelled more than 30 villages, burning two"]
    assert "governor" in quotes[0].speaker.text


@pytest.mark.parametrize("text", [
    "Our correspondent in Sirte reports that the fuel stations have closed.",
    "This reporter was told by two officers that the unit had pulled back.",
    "As we reported on Monday, the bridge over the river was destroyed by shelling.",
    "The ferry stopped running in March, as we wrote at the time.",
])
def test_the_publisher_citing_itself_is_not_a_quote(nlp, text):
    assert _found(nlp, text) == []


@pytest.mark.parametrize("text, content, speaker", [
    # an interview printed without quotation marks: "we" is the one speaking, not the outlet
    ("We said the town would fall within a week, and it did.", "the town would fall within a week, and it did",
     "We"),
    # a team, a crew or a staff is no newsroom ("this team" in a sports report)
    ("This team has said all season that the cup would come home to Kharkiv.",
     "the cup would come home to Kharkiv", "This team"),
    ("Our team insisted that the final would go ahead in Lviv.", "the final would go ahead in Lviv", "Our team"),
])
def test_we_and_a_team_outside_an_as_clause_are_speakers(nlp, text, content, speaker):
    quotes = _found(nlp, text)
    assert [(q.text, q.speaker.text) for q in quotes] == [(content, speaker)]


def test_a_speaker_saying_we_inside_a_direct_quote_is_still_quoted(nlp):
    text = "“We will not retreat from the river,” the commander said."
    quotes = _found(nlp, text)
    assert [(q.kind, q.text) for q in quotes] == [("direct", "We will not retreat from the river,")]
