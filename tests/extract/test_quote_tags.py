"""Where a reported clause ends when a tag trails it or sits inside it (sentences written for these tests)."""

from __future__ import annotations

import pytest
from extractkit import quote_texts, quotes_in

from sayso.extract.quotes import extract_quotes

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text, content",
    [
        ("At least 60 fighters have been killed in the clashes, according to the Kurdistan Human Rights "
         "Network, a monitoring group based in Paris.", "At least 60 fighters have been killed in the clashes"),
        ("Troops have pushed into the south of the province since March. More than 200 civilians have died in "
         "the assault, according to the Yemeni Network for Rights, a Geneva-based monitor.",
         "More than 200 civilians have died in the assault"),
    ],
)
def test_a_trailing_according_to_with_an_apposition_is_left_out(nlp, text, content):
    assert content in quote_texts(nlp, text)


def test_according_to_after_a_participle_sources_the_whole_sentence(nlp):
    text = ("KHARKIV, Ukraine — Russian artillery shelled the northern districts for a third straight night "
            "on Tuesday, wounding at least nine people, according to medics at the regional hospital, as "
            "residents queued for water.")
    assert quote_texts(nlp, text) == ["Russian artillery shelled the northern districts for a third straight night "
                                 "on Tuesday, wounding at least nine people"]


def test_even_though_goes_on_with_what_was_said(nlp):
    text = ("Outside the hearing on Friday, the lawyer said she was pleased with the ruling even though the "
            "judges had rejected part of the evidence.")
    assert quote_texts(nlp, text) == ["she was pleased with the ruling even though the judges had rejected part "
                                 "of the evidence"]


def test_a_contrast_set_off_by_a_comma_is_still_the_reporters(nlp):
    text = "The mayor said the shelter was full, while aid groups reported empty beds in the next town."
    assert quote_texts(nlp, text)[0] == "the shelter was full"


def test_a_mid_clause_tag_keeps_what_follows_to_the_end_of_the_sentence(nlp):
    text = "The water supply, the mayor added, is restored, so families can return next week."
    assert "is restored, so families can return next week" in quote_texts(nlp, text)


def test_a_verbless_phrase_after_a_tag_is_the_reporters(nlp):
    text = ("A call on local television brought in about 80 volunteers in a single day, the mayor said, "
            "mostly students from the districts around the university.")
    assert quote_texts(nlp, text) == ["A call on local television brought in about 80 volunteers in a single day"]


def test_a_tag_before_the_verb_of_the_clause_keeps_the_rest(nlp):
    text = "The rebels, he said, now present themselves as the only force willing to fight."
    assert "now present themselves as the only force willing to fight" in quote_texts(nlp, text)


def test_calling_after_the_content_is_the_speakers_act_and_its_quoted_words_direct(nlp):
    text = ("In a post late on Sunday, the mayor said the shelling of the market had been deliberate, "
            "calling it \"a hunt for shoppers.\"")
    quotes = quotes_in(nlp, text)
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "the shelling of the market had been deliberate"), ("direct", "a hunt for shoppers.")]


def test_accused_of_with_of_hung_on_the_object(nlp):
    assert quote_texts(nlp, "The headman accused the border police of beating two shepherds near the fence.") == [
        "beating two shepherds near the fence"]


def _parsed(nlp, rows):
    """A Doc with the parse given as (word, tag, head index, dep) rows: a misparse the model makes."""
    from spacy.tokens import Doc

    words, tags, heads, deps = zip(*rows)
    return Doc(nlp.vocab, words=list(words), tags=list(tags), heads=list(heads), deps=list(deps))


def test_a_tag_inside_the_clause_of_a_subjectless_speech_verb_owns_the_content(nlp):
    # "reported" misread as the sentence's verb, with "he said" and the count as its complement
    doc = _parsed(nlp, [("Among", "IN", 4, "prep"), ("the", "DT", 3, "det"), ("30", "CD", 3, "nummod"),
                        ("thefts", "NNS", 0, "pobj"), ("reported", "VBD", 4, "ROOT"), ("last", "JJ", 6, "amod"),
                        ("month", "NN", 4, "npadvmod"), (",", ",", 9, "punct"), ("he", "PRP", 9, "nsubj"),
                        ("said", "VBD", 12, "parataxis"), (",", ",", 9, "punct"), ("12", "CD", 12, "nsubj"),
                        ("were", "VBD", 4, "ccomp"), ("bicycles", "NNS", 12, "attr"), (".", ".", 12, "punct")])
    quotes = extract_quotes(doc, [])
    assert [(q.text, q.cue) for q in quotes] == [("12 were bicycles", "said")]


def test_a_speaker_the_parse_coordinated_with_a_fronted_place(nlp):
    from sayso.extract.quotes.cues import subject_of

    doc = _parsed(nlp, [("In", "IN", 10, "prep"), ("Georgia", "NNP", 0, "pobj"), (",", ",", 1, "punct"),
                        ("the", "DT", 5, "det"), ("Deputy", "NNP", 5, "compound"), ("Envoy", "NNP", 1, "conj"),
                        (",", ",", 5, "punct"), ("Karin", "NNP", 8, "compound"), ("Holm", "NNP", 5, "appos"),
                        (",", ",", 5, "punct"), ("said", "VBD", 10, "ROOT"), ("that", "IN", 14, "mark"),
                        ("she", "PRP", 14, "nsubjpass"), ("was", "VBD", 14, "auxpass"),
                        ("alarmed", "VBN", 10, "ccomp"), (".", ".", 10, "punct")])
    assert subject_of(doc[10]).text == "Envoy"


@pytest.mark.parametrize(
    "text, content",
    [
        ("The surgeon told us the buses had brought in 70 wounded by midnight, most of them miners from the pit "
         "near the river.",
         "the buses had brought in 70 wounded by midnight, most of them miners from the pit near the river"),
        ("She said half the convoy had turned back at the checkpoint, and that the rest had reached Mariupol by "
         "noon, many of them with flat tyres.",
         "half the convoy had turned back at the checkpoint, and that the rest had reached Mariupol by noon, "
         "many of them with flat tyres"),
        ("A nurse at the clinic said 6 officers had been hurt in the riot, most of them slightly, and that a "
         "seventh was still missing on Monday.",
         "6 officers had been hurt in the riot, most of them slightly, and that a seventh was still missing on "
         "Monday"),
    ],
)
def test_a_partitive_tail_goes_on_with_the_reported_clause(nlp, text, content):
    assert quote_texts(nlp, text) == [content]


def test_a_fragment_urged_after_said_in_a_statement_is_the_ministrys(nlp):
    text = ("Poland's Defence Ministry said in a statement that the army needed at least four more radar systems "
            "to protect its airports and urged allies to \"stop talking and start sending.\"")
    quotes = quotes_in(nlp, text)
    assert [(q.text, q.speaker.name) for q in quotes if q.kind == "direct"] == [
        ("stop talking and start sending.", "Poland's Defence Ministry")]


def test_a_partitive_at_the_start_of_the_document_has_no_comma_before_it(nlp):
    from sayso.extract.quotes.clauses import partitive
    from sayso.extract.quotes.words import cue_words

    doc = nlp("Most of them stayed behind,")  # doc[first - 1] must not wrap round to the closing comma
    assert doc[-1].text == "," and not partitive(doc[2].head, cue_words())


# The parse hangs the verb after a quoted object ("help “X” cross") outside the charge: on the first
# speech verb as a complement (first two), or on the first clause as a conjunct (all four).
@pytest.mark.parametrize("text, charge", [
    ("Kyiv's interior ministry said on Tuesday that its patrols had not entered the zone for a month, and "
     "accused Minsk of flying drones to help \"saboteurs\" cross the border.",
     "flying drones to help \"saboteurs\" cross the border"),
    ("Police in Lagos said on Saturday that the march had been peaceful until noon, and accused a rival group "
     "of paying youths to help \"thugs\" storm the stage.", "paying youths to help \"thugs\" storm the stage"),
    ("The army said its units had withdrawn from the ridge overnight, and accused the rebels of using drones to "
     "help \"mercenaries\" seize the hill.", "using drones to help \"mercenaries\" seize the hill"),
    ("The border guard service said on Wednesday that no shots had been fired at the crossing, and accused "
     "Moldova of opening a gate to help \"smugglers\" bring weapons in.",
     "opening a gate to help \"smugglers\" bring weapons in"),
])
def test_a_charge_runs_on_over_a_verb_the_parse_hung_outside_it(nlp, text, charge):
    texts = quote_texts(nlp, text)
    assert len(texts) == 2 and texts[1] == charge
