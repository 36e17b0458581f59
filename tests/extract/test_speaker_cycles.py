"""Speaker resolution cannot loop: each step runs once per token per article and a cycle answers None."""

from __future__ import annotations

import pytest

from sayso.extract.quotes import extract_quotes
from sayso.extract.quotes.speakers import ArticleSpeakers

pytestmark = pytest.mark.model

# The shape that once recursed without end in a long local-news article: a pronoun subject whose
# antecedent is an object of a report, then an interview answer "I did." from the same person.
LOBBY = ("Councillor Dana Ortega said he called Mayor Luis Brandt to talk to him about the zoning plan. "
         "The vote is next week.\n\n"
         "Asked in an interview who lobbied for the zoning plan, Ortega said, “I did.”")


def test_speaker_cycle_shape_from_a_local_news_article_resolves(nlp):
    quotes = list(extract_quotes(nlp(LOBBY)))
    spoken = {q.text: q.speaker.name for q in quotes if q.speaker}
    assert spoken.get("I did.") == "Dana Ortega"


def test_resolver_step_that_calls_itself_gets_none_not_recursion_error(nlp, monkeypatch):
    doc = nlp("The ministry said in a statement that the bridge was closed.")
    speakers = ArticleSpeakers(doc)
    real_noun = ArticleSpeakers._noun

    def looping_noun(self, head, span):  # a parse that leads the resolver back to the same mention
        again = self.resolve(head)
        assert again is None  # the cycle is cut, not followed
        return real_noun(self, head, span)

    monkeypatch.setattr(ArticleSpeakers, "_noun", looping_noun)
    subject = next(t for t in doc if t.dep_ == "nsubj")
    found = speakers.resolve(subject)
    assert found is not None and found.name == "ministry"


def test_resolution_is_memoised_per_token(nlp, monkeypatch):
    doc = nlp("Gen. Oleh Marchenko said the brigade had been resupplied. He said more would come.")
    speakers = ArticleSpeakers(doc)
    calls = []
    real_noun = ArticleSpeakers._noun
    monkeypatch.setattr(ArticleSpeakers, "_noun", lambda self, h, s: calls.append(h.i) or real_noun(self, h, s))
    he = next(t for t in doc if t.lower_ == "he")
    first, second = speakers.resolve(he), speakers.resolve(he)
    assert first == second and first.name == "Oleh Marchenko"
    ministry = [t for t in doc if t.dep_ == "nsubj"][0]
    speakers.resolve(ministry)
    speakers.resolve(ministry)
    assert len(calls) == len(set(calls))  # no step ran twice for one token
