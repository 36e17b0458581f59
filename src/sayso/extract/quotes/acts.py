"""What a reporting cue reports: a statement, or (broad mode only) a stance, a directive or a refusal.

The default output holds statements only (``../shared/eval/CONVENTIONS.md``): the content of a
communication act. The act is read off the cue's complement in the parse, not off the sentence:

- a clause ("said that ...", "according to X", "the claim that ...") is a ``statement``, unless the
  verb or noun reports a thought or wish ("believes that", "the fear that"): ``stance``;
- a to-infinitive of a verb that asks for or promises an action ("urged allies to send", "vowed to
  retake", "called on X to") is a ``directive``; of other verbs ("plans to", "wants to") a ``stance``;
  "claimed to have" stays a ``statement``;
- a noun-phrase or prepositional object ("condemned the strike", "called for a ceasefire", "was
  criticised by X") is a ``stance``;
- speech that is negated or refused ("did not say how many", "declined to say what was hit",
  "has not acknowledged sending") is a ``refusal``.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from sayso.extract.quotes.words import CueWords
from sayso.nlp.pipeline import lemma

Act = Literal["statement", "stance", "directive", "refusal"]
STATEMENT: Act = "statement"
STANCE: Act = "stance"
DIRECTIVE: Act = "directive"
REFUSAL: Act = "refusal"


def refused(verb: Token, words: CueWords) -> bool:
    """"did not say", "would never confirm", "declined to say", "refused to comment": speech withheld."""
    v = verb
    for _ in range(4):
        if any(c.dep_ == "neg" for c in v.children):
            return True
        if _shares_refusal(v):
            v = v.head  # "declined to name them or say where they lived": both verbs are refused
            continue
        if v.dep_ != "xcomp" or v.head.i == v.i:
            return False
        if lemma(v.head) in words.refusal:
            return True
        v = v.head
    return False


def _shares_refusal(v: Token) -> bool:
    """A verb joined by "or"/"nor" to the one before it ("would not confirm or deny", "declined to name
    them or say where"), or a bare infinitive sharing its "to", falls under the same refusal; a finite
    verb after "but" ("did not name the town but said ...") does not."""
    if v.dep_ != "conj" or v.head.i == v.i:
        return False
    cc = {c.lower_ for c in v.head.children if c.dep_ == "cc" and v.head.i < c.i < v.i}
    return bool(cc & {"or", "nor"}) or (v.tag_ == "VB" and "and" in cc and v.head.dep_ == "xcomp")


def clause_act(verb: Token, lem: str, words: CueWords) -> Act:
    """The act of a cue verb with a reported clause."""
    if refused(verb, words):
        return REFUSAL
    if lem in words.cognition or _agentless_passive(verb):
        return STANCE
    return STATEMENT


def _agentless_passive(verb: Token) -> bool:
    """"It was estimated that ...", "the Senate is convinced that ...": nobody is named as saying it."""
    deps = {c.dep_ for c in verb.children}
    if verb.tag_ == "VBN" and verb.dep_ == "acomp" and lemma(verb.head) == "be":
        return "agent" not in deps  # the parse read "is convinced" as an adjective: the same passive
    return "auxpass" in deps and "agent" not in deps


def infinitive_act(verb: Token, lem: str, words: CueWords) -> Act:
    """The act of a cue verb with a to-infinitive or gerund complement."""
    if lem in words.refusal or refused(verb, words):
        return REFUSAL
    if lem in words.directive:
        return DIRECTIVE
    if lem in words.cognition or lem not in words.clause:
        return STANCE
    return STATEMENT  # "claimed to have shot down", "denied arming the rebels"


def object_act(verb: Token, words: CueWords) -> Act:
    """The act of a cue verb with a noun-phrase or prepositional object."""
    return REFUSAL if refused(verb, words) else STANCE


def noun_act(noun: Token, clausal: bool, words: CueWords) -> Act:
    """The act of a reporting noun: "the claim that X" states, "the fear that X" and "concerns about X"
    are stances, "a call to act" is a directive, "his refusal to say" a refusal."""
    low = noun.lower_
    if clausal:
        return STANCE if low in words.cognition_nouns else STATEMENT
    single = low[:-1] if low.endswith("s") else low
    if single in words.directive or low in words.directive:
        return DIRECTIVE
    return REFUSAL if single == "refusal" else STANCE
