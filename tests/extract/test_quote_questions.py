"""What is not anyone's statement: the reporter's question, coordinated refusals, a choice still to be made."""

from __future__ import annotations

import pytest
from extractkit import quote_texts

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Asked where the family would sleep that night, the farmer pointed at the truck.",
        "Asked when the convoy would leave, she shrugged.",
        "The old fisherman said the port would reopen in spring. Asked when, he laughed.",
    ],
)
def test_the_reporters_question_is_not_a_quote(nlp, text):
    found = quote_texts(nlp, text)
    assert not any("Asked" in t or "when" in t.split(",")[0] for t in found if "port" not in t), found


@pytest.mark.parametrize(
    "text, answer",
    [
        ("Asked whether the envoy would visit the capital, the spokesman said he had nothing to announce.",
         "he had nothing to announce"),
        ("Asked what she had witnessed during the night, Hrynko said the first shells had landed before dawn.",
         "the first shells had landed before dawn"),
        ("When asked if the talks had failed, the minister said they were merely paused.",
         "they were merely paused"),
    ],
)
def test_the_answer_to_the_reporters_question_is_the_quote(nlp, text, answer):
    assert quote_texts(nlp, text) == [answer]


def test_a_source_who_asks_is_quoted(nlp):
    found = quote_texts(nlp, "The mayor paused and asked whether the convoy had reached the hospital.")
    assert len(found) == 1 and found[0].endswith("the convoy had reached the hospital")


@pytest.mark.parametrize(
    "text",
    [
        "The officer declined to name the units or say where they were based.",
        "The governor refused to confirm the figure or say how many were wounded.",
        "The ministry would not confirm or deny that its jets had crossed the border.",
    ],
)
def test_a_second_verb_under_a_refusal_is_refused_too(nlp, text):
    assert quote_texts(nlp, text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        ("The spokesman did not name the village but said it lay close to the front.",
         "it lay close to the front"),
        ("The officer declined to name the units and said the operation was continuing.",
         "the operation was continuing"),
    ],
)
def test_a_statement_after_a_refusal_stays(nlp, text, content):
    assert quote_texts(nlp, text) == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Each evening a father must decide which of his sons goes to the well.",
        "The commission will determine whether the strike broke the truce.",
    ],
)
def test_a_choice_still_to_be_made_is_not_a_statement(nlp, text):
    assert quote_texts(nlp, text) == []


def test_a_finding_is_still_a_statement(nlp):
    assert quote_texts(nlp, "Investigators determined that the fire had been set deliberately.") == [
        "the fire had been set deliberately"]
