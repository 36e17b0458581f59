"""Stances scored by the learned model (``quote_objects``), on sentences written for these tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from sayso.extract.quotes.objects import ObjectModel, candidates, object_model, object_reports
from sayso.extract.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[2]
_PREFIXES = {"bias", "L", "D", "LD", "LS", "DS", "DT", "DN", "HT", "HE", "cue", "neg", "q", "GD", "LG", "VT", "LT",
             "HL", "FW", "LDS", "sib", "LW", "PV"}


def _trainer():
    spec = importlib.util.spec_from_file_location("train_quote_objects", ROOT / "tools" / "train_quote_objects.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stance_model_table_loads_with_known_features():
    model = object_model()
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 1000
    assert {name.split("=", 1)[0] for name in model.weights} <= _PREFIXES


def test_stance_model_score_is_a_probability():
    model = ObjectModel({"bias": -2.0, "L=oppose": 4.0}, 0.5)
    assert model.score(["bias"]) == pytest.approx(0.119, abs=1e-3)
    assert model.score(["bias", "L=oppose"]) == pytest.approx(0.881, abs=1e-3)
    assert model.score(["unknown"]) == 0.5


@pytest.mark.model
def test_stance_candidates_are_verb_arguments_with_features(nlp):
    doc = nlp("Senator Maria Ortiz opposed the new border tariff on Tuesday.")
    found = {doc[c.a:c.b].text: c for c in candidates(doc, [])}
    assert "the new border tariff" in found
    cand = found["the new border tariff"]
    assert cand.verb.text == "opposed"
    assert "LD=oppose|dobj|-" in cand.features
    assert {f.split("=", 1)[0] for f in cand.features} == _PREFIXES


@pytest.mark.model
def test_stance_candidates_skip_taken_spans(nlp):
    text = "Senator Maria Ortiz opposed the new border tariff on Tuesday."
    doc = nlp(text)
    start = text.index("the new")
    taken = [(start, start + len("the new border tariff"))]
    assert "the new border tariff" not in {doc[c.a:c.b].text for c in candidates(doc, taken)}


@pytest.mark.model
def test_stance_reports_keep_the_best_of_overlapping_candidates(nlp):
    doc = nlp("The coalition blamed the rebels for the shelling of the market.")
    model = ObjectModel({"bias": -5.0, "LD=blame|pobj|for": 6.0, "LD=shelling|pobj|of": 9.0}, 0.5)
    kept = [doc[c.a:c.b].text for c in object_reports(doc, [], model)]
    assert kept == ["the market"]  # the better-scored inner candidate wins; the outer one overlaps it


# Sentences the shipped model scores well above its threshold (0.77-0.86), so that a retrained table
# which still learns the same thing keeps them.
_STANCES = [
    ("General Ruth Okafor has championed the new drone programme.", "the new drone programme", "championed",
     "Ruth Okafor"),
    ("Aid agencies welcomed the decision to reopen the crossing.", "the decision to reopen the crossing", "welcomed",
     "Aid agencies"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, content, cue, speaker", _STANCES)
def test_stances_are_off_by_default(nlp, text, content, cue, speaker):
    assert extract_quotes(nlp(text)) == []


@pytest.mark.model
@pytest.mark.parametrize("text, content, cue, speaker", _STANCES)
def test_stance_with_its_cue_and_speaker(nlp, text, content, cue, speaker):
    (q,) = extract_quotes(nlp(text), stances=True)
    assert (q.kind, q.text, q.cue) == ("indirect", content, cue)
    assert q.speaker is not None and q.speaker.name == speaker
    assert text[q.start:q.end] == q.text


@pytest.mark.model
def test_stances_leave_plain_actions_alone(nlp):
    assert extract_quotes(nlp("Residents repaired the roof after the storm."), stances=True) == []


@pytest.mark.model
def test_stance_setting_reaches_the_api():
    from sayso import Settings, analyze

    text = _STANCES[0][0]
    off = analyze(text, settings=Settings(extractors="quotes"))
    on = analyze(text, settings=Settings(extractors="quotes", quote_stances=True))
    assert [q.text for q in off.quotes] == []
    assert [q.text for q in on.quotes] == [_STANCES[0][1]]


def test_trainer_matches_spans_like_the_scorer():
    trainer = _trainer()
    assert trainer._matches((0, 10), (0, 6))
    assert not trainer._matches((0, 10), (0, 4))
    assert not trainer._matches((0, 4), (0, 10))
    assert not trainer._matches((0, 4), (4, 8))


def test_trainer_learns_a_feature_that_predicts_the_label():
    trainer = _trainer()
    rows = [(["bias", "L=oppose"], 1)] * 40 + [(["bias", "L=repair"], 0)] * 40 + [(["bias", "L=oppose"], 0)] * 5
    weights = trainer.train(rows)
    assert weights["L=oppose"] > 0 > weights["L=repair"]
    assert weights == trainer.train(rows)  # a fixed order: the same rows give the same table
