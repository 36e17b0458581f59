"""The quote extractor's parse walks hold on odd parses: a clause of punctuation alone, a verbless sentence root."""

import spacy
from spacy.tokens import Doc

from sayso.extract.quotes.misparses import own_predicate
from sayso.extract.quotes.nouns import according
from sayso.extract.quotes.propositions import _theme, _Where, stance_words
from sayso.extract.quotes.words import cue_words


def test_clause_of_punctuation_only_is_no_own_predicate():
    # the parser may hang a lone dash on a speech verb as its "clause": no word opens it, and that is no error
    doc = Doc(spacy.blank("en").vocab, words=["She", "said", "—", "."], heads=[1, 1, 1, 1],
              deps=["nsubj", "ROOT", "ccomp", "punct"], tags=["PRP", "VBD", ":", "."])
    assert own_predicate(doc[2], cue_words()) is False


def test_theme_climb_stops_at_a_verbless_root():
    # a quote that is a verbless phrase ("shelling near the river"): the climb for its clause ends at the root
    doc = Doc(spacy.blank("en").vocab, words=["Shelling", "near", "Rivne"], heads=[0, 0, 1],
              deps=["ROOT", "prep", "pobj"], tags=["NN", "IN", "NNP"])
    at = _Where(doc, 0, 3, range(0), stance_words())
    assert _theme(doc[2], doc[2:3], at) is False


def test_according_to_climb_stops_at_a_root_of_any_label():
    # a parse whose root noun carries a label other than ROOT ("dep"): the climb from "according to" ends there
    doc = Doc(spacy.blank("en").vocab, words=["Ten", "villagers", "according", "to", "medics"], heads=[1, 1, 1, 2, 3],
              deps=["nummod", "dep", "prep", "prep", "pobj"], tags=["CD", "NNS", "VBG", "IN", "NNS"])
    report = according(doc[2])
    assert report is None or (report.a, report.b) == (0, 2)  # the figure before the cue, if anything
