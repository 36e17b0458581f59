"""Quality gate: our own gold articles must score at or above the floors in quality_floors.json.

A floor is raised when the score rises and never lowered silently: lowering one is a reviewed
change to quality_floors.json with its reason in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.evaluation import predict, score

pytestmark = pytest.mark.model

HERE = Path(__file__).parent
GOLD = HERE / "fixtures" / "gold" / "gold.jsonl"
FLOORS = json.loads((HERE / "quality_floors.json").read_text())


@pytest.fixture(scope="module")
def scores(settings):
    gold = {d["id"]: d for d in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines()) if d}
    return score(gold, predict(gold, settings))


def test_gold_spans_are_evidence():
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for task in ("quotes", "claims", "places", "dates"):
            for item in doc.get(task, []):
                assert doc["text"][item["start"]:item["end"]] == item["text"], (doc["id"], task, item)


@pytest.mark.parametrize("task,metric", [(t, m) for t, ms in FLOORS.items() for m in ms])
def test_score_meets_floor(scores, task, metric):
    got = scores[task].as_dict()[metric]
    assert got >= FLOORS[task][metric], f"{task} {metric}: {got:.3f} is below the floor {FLOORS[task][metric]}"
