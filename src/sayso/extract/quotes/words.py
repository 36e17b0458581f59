"""The reporting-cue tables of ``data/quotes_en.json`` (verbs, nouns and the words that qualify them), loaded once."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class CueWords:
    """The reporting cues of ``quotes_en.json`` as sets."""

    clause: frozenset[str]
    xcomp: frozenset[str]
    objects: frozenset[str]
    content_objects: frozenset[str]
    preps: dict[str, frozenset[str]]
    nouns: frozenset[str]
    topic_nouns: frozenset[str]
    all_verbs: frozenset[str]
    min_fragment_words: int
    reason_verbs: frozenset[str] = frozenset()
    hedge_verbs: frozenset[str] = frozenset()
    for_complement: frozenset[str] = frozenset()
    passive_not_speech: frozenset[str] = frozenset()  # "are expected to", "could not be verified"
    documents: frozenset[str] = frozenset()  # "Resolution 2334 demanded ...": a text, not a speaker
    stance: frozenset[str] = frozenset()  # "which backs the rebels": an alliance in a relative clause
    gerund_objects: frozenset[str] = frozenset()  # "denies arming the rebels"
    means: frozenset[str] = frozenset()  # "said by telephone": how it was said, not an agent
    infinitive_nouns: frozenset[str] = frozenset()  # "his plan to cut taxes"
    agent_passive: frozenset[str] = frozenset()  # "was criticized by the unions"
    anonymity: frozenset[str] = frozenset()  # "asked not to be named": a condition of the interview, not speech
    permission: frozenset[str] = frozenset()  # "not authorized to discuss the talks": a rule, not speech
    clarity: frozenset[str] = frozenset()  # "made it clear that ...": the clause is what was said
    copula_nouns: frozenset[str] = frozenset()  # "the ministry's position is that ...": a cue only before "is that"
    channels: frozenset[str] = frozenset()  # "issued a statement saying ...": the issuer speaks, not the statement
    directive: frozenset[str] = frozenset()  # "urged allies to send", "vowed to retake": an action asked or promised
    refusal: frozenset[str] = frozenset()  # "declined to say": no statement
    cognition: frozenset[str] = frozenset()  # "believes that": a thought, not a speech act
    cognition_nouns: frozenset[str] = frozenset()  # "the fear that"
    newsroom: frozenset[str] = frozenset()  # "our correspondent reports": the publisher citing itself
    deliberation: frozenset[str] = frozenset()  # "will decide which of them goes": a choice, not a statement
    partitives: frozenset[str] = frozenset()  # ", most of them farmers": a tail of the reported clause


@functools.lru_cache(maxsize=1)
def cue_words() -> CueWords:
    """Load the reporting-cue tables once."""
    raw = json.loads(resources.files("sayso.data").joinpath("quotes_en.json").read_text("utf-8"))
    preps = {k: frozenset(v) for k, v in raw["prep_verbs"].items()}
    clause, xcomp, objects = (frozenset(raw[k]) for k in ("clause_verbs", "xcomp_verbs", "object_verbs"))
    reasons = frozenset(raw["reason_verbs"])
    objects |= frozenset(raw["content_object_verbs"])
    topics = frozenset(raw["topic_nouns"])
    infinitive_nouns = frozenset(raw["infinitive_nouns"])
    return CueWords(clause, xcomp, objects,
                    frozenset(raw["content_object_verbs"]), preps,
                    frozenset(raw["cue_nouns"]) | topics | infinitive_nouns, topics,
                    clause | xcomp | objects | frozenset(preps), int(raw["min_fragment_words"]),
                    reasons, frozenset(raw["hedge_verbs"]), frozenset(raw["for_complement_verbs"]),
                    *(frozenset(raw[k]) for k in ("passive_not_speech", "document_nouns", "stance_verbs",
                                                  "gerund_object_verbs", "means_nouns")), infinitive_nouns,
                    frozenset(raw["agent_passive_verbs"]), frozenset(raw["anonymity_verbs"]),
                    frozenset(raw["permission_verbs"]), frozenset(raw["clarity_words"]),
                    frozenset(raw["copula_nouns"]), frozenset(raw["channel_nouns"]),
                    *(frozenset(raw[k]) for k in ("directive_verbs", "refusal_verbs", "cognition_verbs",
                                                  "cognition_nouns", "newsroom_nouns", "deliberation_verbs",
                                                  "partitive_quantifiers")))
