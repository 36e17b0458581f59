"""The misparse checks of the quote extractor hold on clauses the parse made of punctuation alone."""

import spacy
from spacy.tokens import Doc

from sayso.extract.quotes.misparses import own_predicate
from sayso.extract.quotes.words import cue_words


def test_clause_of_punctuation_only_is_no_own_predicate():
    # the parser may hang a lone dash on a speech verb as its "clause": no word opens it, and that is no error
    doc = Doc(spacy.blank("en").vocab, words=["She", "said", "—", "."], heads=[1, 1, 1, 1],
              deps=["nsubj", "ROOT", "ccomp", "punct"], tags=["PRP", "VBD", ":", "."])
    assert own_predicate(doc[2], cue_words()) is False
