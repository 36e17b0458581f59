"""Quality gate for events: our own event gold set must score at or above tests/events_floors.json.

The set (tests/fixtures/events/, built by build_events.py) is short wire-style articles we wrote: every
ACLED type, occurrences reported by several outlets, claimed, unverified and denied events, and articles
with no event at all (threats, plans, anniversaries, lone denials). Real war news is the honest measure
(../shared/eval/dev/war_dev.jsonl, scored by score.py); this gate keeps what works from breaking.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sayso.evaluation import predict
from sayso.evaluation_events import merge_pairs, score_events

pytestmark = pytest.mark.model

HERE = Path(__file__).parent
GOLD = HERE / "fixtures" / "events" / "events.jsonl"
BUILDER = HERE / "fixtures" / "events" / "build_events.py"
FLOORS = {k: v for k, v in json.loads((HERE / "events_floors.json").read_text()).items() if not k.startswith("_")}


def _gold() -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines()) if d}


@pytest.fixture(scope="module")
def scores(settings):
    gold = _gold()
    pred = predict(gold, settings)
    result = score_events(gold, pred)
    out = {"detect_f1": result["detect"].f1, "end_to_end_f1": result["end_to_end"].f1,
           "merge_pair_f1": merge_pairs(gold, pred, result["matched"]).f1}
    for name, (ok, n) in result["fields"].items():
        out[f"{name}_accuracy"] = ok / n if n else 0.0
    return out


def test_event_gold_file_is_what_its_build_script_writes():
    done = subprocess.run([sys.executable, str(BUILDER), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_event_gold_spans_are_evidence():
    for doc in _gold().values():
        for ev in doc["events"]:
            assert doc["text"][ev["start"]:ev["end"]] == ev["text"], (doc["id"], ev["text"])


def test_event_gold_covers_every_type_and_has_several_outlets():
    events = [ev for doc in _gold().values() for ev in doc["events"]]
    assert {ev["type"] for ev in events} == {"battles", "explosions_remote_violence", "violence_against_civilians",
                                             "protests", "riots", "strategic_developments"}
    keys = [ev["key"] for ev in events]
    assert sum(keys.count(k) > 1 for k in set(keys)) >= 5
    assert len(_gold()) >= 30


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_event_score_meets_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], f"events {metric}: {scores[metric]:.3f} is below {FLOORS[metric]}"
