"""Noun phrases of speaker mentions and the speaker word lists: what the speaker rules read off a mention
("the Russian president", "a 34-year-old", "two Ukrainians")."""

from __future__ import annotations

import functools
import json
from importlib import resources

from spacy.tokens import Token

PROPER_TAGS = frozenset({"NNP", "NNPS"})
_NP_LEFT_DEPS = frozenset({"det", "poss", "amod", "compound", "nmod", "nummod", "quantmod", "case", "advmod"})
_NAME_SMALL_WORDS = frozenset({"the", "of", "and", "for", "de", "la", "del", "al"})
_NP_RIGHT_PREPS = frozenset({"of", "for", "at", "in", "from", "with", "to"})


@functools.lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The speaker word lists of ``speakers_en.json`` as frozen sets."""
    raw = json.loads(resources.files("sayso.data").joinpath("speakers_en.json").read_text("utf-8"))
    out = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    out["titles"] = out["person_titles"] | out["role_titles"]  # every word a title may hold
    return out



def noun_phrase(head: Token) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by ``head``: modifiers, compounds, and "of ..." after."""
    a = head.i
    doc = head.doc
    for child in head.lefts:
        if child.dep_ in _NP_LEFT_DEPS or child.tag_ in ("DT", "PRP$", "JJ", "NNP", "NNPS", "POS"):
            a = min(a, child.left_edge.i)
    for i in range(head.i - 1, a - 1, -1):
        if "\n" in doc[i].text or doc[i].text in ("“", '"', "”", "''", ".", ";", ":"):
            a = i + 1
            break
    b = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.i == b and (child.lower_ in _NP_RIGHT_PREPS or (
                child.text.istitle() and head.text[:1].isupper())):  # "Doctors Without Borders"
            b = child.right_edge.i + 1
        elif child.dep_ in ("compound", "flat") or (child.tag_ in PROPER_TAGS and child.i == b):
            b = max(b, child.i + 1)
        else:
            break
    while b > head.i + 1 and doc[b - 1].is_punct and doc[b - 1].text not in (")", "]"):
        b -= 1  # "results of polls conducted by X," with the comma the parse hung on the phrase
    return a, b


def modifiers(span, head: Token) -> set[str]:
    """Capitalised words qualifying a role ("the Russian president" -> {"russian"})."""
    return {t.lower_ for t in span if t.i != head.i and t.text[:1].isupper() and t.lower_ not in ("the", "a", "an")}


def appositive_name(head: Token) -> str | None:
    """"Its head, Oleksandr Pavlenko," when the model missed the PERSON: a role's proper-noun apposition."""
    if head.lower_ not in words()["role_nouns"]:
        return None
    for child in head.rights:
        if child.dep_ == "appos" and child.tag_ in PROPER_TAGS and child.ent_type_ not in ("GPE", "NORP", "DATE"):
            a, b = noun_phrase(child)
            return head.doc[a:b].text
    return None


def given_name(head: Token) -> str | None:
    """"A farmer, an old woman who gave only her first name, Halyna," / "a soldier who gave his call sign,
    Bison,": the name the description's own clause gives, in apposition to "name" or "sign"."""
    if head.tag_ not in ("NN", "NNS"):
        return None
    for t in head.subtree:
        if t.dep_ == "appos" and t.tag_ in PROPER_TAGS and t.head.lower_ in words()["given_name_nouns"] \
                and t.head.i > head.i:
            a, b = noun_phrase(t)
            return head.doc[a:b].text
    return None


def distinct(key: str) -> set[str]:
    """The words in a role that make it another office ("shadow", "former", "deputy")."""
    return set(key.replace("-", " - ").split()) & words()["distinct_role_modifiers"]


def is_age(head: Token) -> bool:
    """"the 34-year-old" (which the model also tags as a DATE): a person described by age."""
    return head.lower_ == "old" and any(t.lower_ in ("year", "years") for t in head.lefts)


def counted_member(span, head: Token) -> bool:
    """A group word counted like a person ("a Democrat", "one Israeli", "two Ukrainians"), not the group itself."""
    first = span[0]
    counted = first.lower_ in ("a", "an", "another", "one") or first.tag_ == "CD"
    return counted and head.tag_ in ("NNP", "NNPS") and head.ent_type_ in ("NORP", "GPE") and first.i != head.i


def definite(span) -> bool:
    first = span[0]
    return first.lower_ in ("the", "this", "that", "these", "those") or first.tag_ == "PRP$" or any(
        t.tag_ == "POS" for t in span)


def media(span) -> bool:
    media = words()["media_words"]
    return any(t.lower_ in media for t in span)


def strip_det(span) -> str:
    if len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        return span[1:].text
    return span.text


def described_as_person(head: Token) -> bool:
    """A name the model took for an organisation that the article describes as a person: an age
    ("Natalia Horbenko, 58,"), "who" ("..., who lives across the street") or a kinship word ("a mother of five")."""
    w = words()
    for c in head.rights:
        if c.dep_ == "appos" and (c.like_num and c.text.isdigit() and 0 < int(c.text) < 120
                                  or c.lower_ in w["female_nouns"] | w["male_nouns"]):
            return True
        if c.dep_ == "relcl" and c.left_edge.lower_ == "who":
            return True
    return False


def describes_person(relcl: Token) -> bool:
    """"... who gave only his call sign", "a ferryman we spoke to on the pier": a relative clause that tells a
    person (a "who" clause, or one in which the writer met or spoke to them)."""
    return relcl.left_edge.lower_ == "who" or any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in relcl.children)


def capitalised_name(span) -> bool:
    """Every word of the phrase capitalised (small words aside) and one of them a proper noun."""
    words_ = [t for t in span if t.is_alpha and t.lower_ not in _NAME_SMALL_WORDS]
    return len(words_) > 1 and all(t.text[:1].isupper() for t in words_) and any(t.tag_ in PROPER_TAGS for t in span)
