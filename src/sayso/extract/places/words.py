"""Words around place names (``data/places_words.json``) and what they say: feature words before or
after a name ("the Kursk region", "the city of Lviv") and offices after it ("New York Governor")."""

from __future__ import annotations

import functools
import json
from importlib import resources

from spacy.tokens import Span


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """The word lists of ``places_words.json``, as sets where they are looked up."""
    data = json.loads(resources.files("sayso.data").joinpath("places_words.json").read_text("utf-8"))
    speakers = json.loads(resources.files("sayso.data").joinpath("speakers_en.json").read_text("utf-8"))
    data["person_titles"] = {t.rstrip(".") for t in speakers["person_titles"]}  # the one list of person titles
    data["metonym_verbs"] = set(data["metonym_verbs"])
    data["not_places"] = set(data["not_places"])
    data["feature_modifiers"] = set(data["feature_modifiers"])
    data["leading_modifiers"] = set(data["leading_modifiers"])
    data["generic_names"] = set(data["generic_names"])
    data["feature_words_before"] = set(data["feature_words_before"])
    data["place_prepositions"] = set(data["place_prepositions"])
    data["nouns_of_a_place"] = set(data["nouns_of_a_place"])
    return data


def split_feature(span: Span) -> tuple[Span, str | None]:
    """("Donetsk oblast") -> ("Donetsk", "region"); the feature word may also lead ("city of Lviv")."""
    table = words()["feature_words"]
    doc = span.doc
    if len(span) > 1 and span[-1].lower_ in table:
        core = doc[span.start:span.end - 1]
        if len(core) > 1 and core[-1].lower_ in words()["feature_modifiers"]:
            core = doc[core.start:core.end - 1]
        return core, table[span[-1].lower_]
    if len(span) > 2 and span[0].lower_ in table and span[1].lower_ == "of":
        return doc[span.start + 2:span.end], table[span[0].lower_]
    return span, None


def hint_before(span: Span) -> str | None:
    """A feature word and "of" right before the name ("the city of Sao Paulo", "the state of Washington");
    not "territory" or "republic", which name countries as often ("the territory of Georgia")."""
    doc = span.doc
    before = doc[span.start - 2].lower_ if span.start >= 2 else ""
    if doc[span.start - 1].lower_ == "of" and before in words()["feature_words_before"]:
        return words()["feature_words"][before]
    return None


def hint_after(span: Span) -> str | None:
    """A feature word right after the name, past at most one modifier ("Kursk border region"), or an
    office that belongs to one kind of unit ("New York Governor ...", "the Lyon mayor")."""
    doc = span.doc
    table = words()
    if span.end < len(doc) and doc[span.end].lower_ in table["title_hints"]:
        return table["title_hints"][doc[span.end].lower_]
    for j in range(span.end, min(span.end + 2, len(doc))):
        low = doc[j].lower_
        if low in table["feature_words"]:
            return table["feature_words"][low]
        if low not in table["feature_modifiers"]:
            return None
    return None
