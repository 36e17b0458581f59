"""Quality gate: our own gold sets must score at or above the floors in quality_floors.json.

``gold`` is the set the extractors were developed against; ``heldout`` was written later in
other house styles and eras to measure how the rules generalise. A floor is raised when the
score rises and never lowered silently: lowering one is a reviewed change to
quality_floors.json with its reason in the commit message.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sayso.evaluation import predict, score

pytestmark = pytest.mark.model

FIXTURES = Path(__file__).parent / "fixtures"
SETS = {"gold": FIXTURES / "gold" / "gold.jsonl", "heldout": FIXTURES / "heldout" / "heldout.jsonl"}
BUILDERS = {"gold": FIXTURES / "gold" / "build_gold.py", "heldout": FIXTURES / "heldout" / "build_heldout.py"}
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


def _load(name: str) -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, SETS[name].read_text(encoding="utf-8").splitlines()) if d}


@pytest.fixture(scope="module")
def scores(settings):
    results = {}
    for name in SETS:
        gold = _load(name)
        results[name] = score(gold, predict(gold, settings))
    return results


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_file_is_what_its_build_script_writes(name):
    done = subprocess.run([sys.executable, str(BUILDERS[name]), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_spans_are_evidence(name):
    for doc in _load(name).values():
        for task in ("quotes", "claims", "places", "dates"):
            for item in doc.get(task, []):
                assert doc["text"][item["start"]:item["end"]] == item["text"], (doc["id"], task, item)


@pytest.mark.parametrize("name,task,metric", [(n, t, m) for n, tasks in FLOORS.items()
                                              for t, ms in tasks.items() for m in ms])
def test_score_meets_floor(scores, name, task, metric):
    got = scores[name][task].as_dict()[metric]
    floor = FLOORS[name][task][metric]
    assert got >= floor, f"{name} {task} {metric}: {got:.3f} is below the floor {floor}"
