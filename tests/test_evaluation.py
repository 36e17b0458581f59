"""The scorer: span matching, per-field checks and F1, on hand-made gold and predictions."""

from __future__ import annotations

import pytest

from sayso.evaluation import match, names_agree, score

TEXT = "Gen. Ana Ruiz said at least 40 drones were downed near Kharkiv on Monday."
GOLD = {"a": {
    "id": "a", "text": TEXT,
    "quotes": [{"kind": "indirect", "start": 19, "end": 53, "speaker": "Ana Ruiz",
                "speaker_aliases": ["Ruiz", "Gen. Ana Ruiz"]}],
    "claims": [{"start": 19, "end": 36, "si_value": 40, "qualifier": "at_least", "source": "Ana Ruiz",
                "status": "claimed"}],
    "places": [{"start": 59, "end": 66, "lat": 49.99, "lon": 36.23, "feature": "city", "country_code": "UA"}],
    "dates": [{"start": 70, "end": 76, "value": "2025-03-17"}, {"start": 0, "end": 4, "value": "x", "optional": True}],
}}


def test_gold_scored_against_itself_is_perfect():
    pred = {"a": {
        "quotes": [{"kind": "indirect", "start": 19, "end": 53, "speaker": {"name": "Ruiz"}}],
        "claims": [{"quantity": {"start": 19, "end": 36, "si_value": 40.0, "qualifier": "at_least"},
                    "source": {"name": "Ana Ruiz"}, "status": "claimed"}],
        "places": [{"start": 59, "end": 66, "lat": 50.0, "lon": 36.25}],
        "dates": [{"start": 70, "end": 76, "value": "2025-03-17"}],
    }}
    for task, s in score(GOLD, pred).items():
        assert s.detect.f1 == 1.0 and s.end_to_end.f1 == 1.0, task


def test_wrong_field_counts_as_found_but_not_end_to_end():
    pred = {"a": {"claims": [{"quantity": {"start": 22, "end": 36, "si_value": 40.0, "qualifier": "exact"},
                              "source": {"name": "Ana Ruiz"}, "status": "claimed"}]}}
    s = score(GOLD, pred, ["claims"])["claims"]
    assert s.detect.f1 == 1.0 and s.accuracy("qualifier") == 0.0 and s.end_to_end.f1 == 0.0


def test_extra_predictions_are_false_positives_and_optional_gold_is_ignored():
    pred = {"a": {"dates": [{"start": 70, "end": 76, "value": "2025-03-17"}, {"start": 0, "end": 4, "value": "x"},
                            {"start": 40, "end": 46, "value": "2025"}]}}
    s = score(GOLD, pred, ["dates"])["dates"]
    assert (s.detect.tp, s.detect.fp, s.detect.fn) == (1, 1, 0)


def test_far_place_is_wrong():
    pred = {"a": {"places": [{"start": 59, "end": 66, "lat": 55.75, "lon": 37.62}]}}
    assert score(GOLD, pred, ["places"])["places"].accuracy("within_161km") == 0.0


@pytest.mark.parametrize("pred,ok", [("Ruiz", True), ("ana ruiz", True), ("Gen. Ana Ruiz", True),
                                     ("Ana Lopez", False), ("", False), (None, False)])
def test_names_agree(pred, ok):
    assert names_agree(pred, ["Ana Ruiz"]) is ok


def test_match_is_one_to_one_by_best_overlap():
    gold = [{"start": 0, "end": 10}]
    pred = [{"start": 0, "end": 8}, {"start": 0, "end": 10}]
    assert match(gold, pred, (0.5, 0.5)) == [(0, 1)]
