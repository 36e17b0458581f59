"""What the words around a place name say about it: the object of a preposition of place, a name after a
person's title, a word of a person's name in the same article, another spelling of the same name."""

from __future__ import annotations

import difflib

from spacy.tokens import Doc, Span

from sayso.extract.places.words import words
from sayso.gazetteer import Gazetteer


def person_name_words(doc: Doc, gaz: Gazetteer) -> set[str]:
    """Words of multi-word PERSON names in this article ("Jordan" of "Michael Jordan"), leaving out
    PERSON entities that are place names themselves ("Khan Younis")."""
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and ent.text not in gaz:
            out.update(t.lower_ for t in ent if t.is_alpha)
    return out


def after_place_preposition(span: Span) -> bool:
    """The object of a preposition of place ("in Druzhkivka", "near Tessalit") or of a noun that takes a place
    ("the shelling of Kupiansk", "the siege of Mariupol"), or a name listed after one ("in Kramatorsk and
    Druzhkivka"), by the parse."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ == "compound" and root.head.lower_ in words()["feature_words"]:
        root = root.head  # "in the Goris district"
    if not span.doc.has_annotation("DEP") or root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in words()["place_prepositions"] or (
        prep.lower_ == "of" and prep.head.lower_ in words()["nouns_of_a_place"])


def spelling_of(key: str, name: str) -> bool:
    """Another spelling of the same name ("Khan Younis" for "Khan Yunis"), not another word ("Hamas")."""
    return difflib.SequenceMatcher(None, key, name).ratio() >= 0.8


def after_title(span: Span) -> bool:
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.lower_.rstrip(".") in words()["person_titles"]
