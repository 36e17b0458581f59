"""The second blind held-out gold set for quotes and claims (tests/fixtures/heldout2/) is well formed.

No score floor: the set measures generalisation (score it with ../shared/eval/score.py, see the README
there). These tests only keep the file honest: what its build script writes, spans that are evidence,
fields that follow FORMAT.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
GOLD = HERE / "fixtures" / "heldout2" / "heldout2.jsonl"
BUILDER = HERE / "fixtures" / "heldout2" / "build_heldout2.py"
STATUSES = {"asserted", "claimed", "reported", "denied", "unverified"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range"}


def _docs() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_heldout2_file_is_what_its_build_script_writes():
    done = subprocess.run([sys.executable, str(BUILDER), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_heldout2_quote_and_speaker_spans_are_evidence():
    for doc in _docs():
        text = doc["text"]
        for q in doc["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"], (doc["id"], q["text"])
            assert q["kind"] in {"direct", "indirect", "mixed"}
            for start, end in q["speaker_spans"]:
                assert 0 <= start < end <= len(text)
                assert not (q["start"] <= start < q["end"]), (doc["id"], q["text"])


def test_heldout2_claims_follow_the_format():
    for doc in _docs():
        text = doc["text"]
        for c in doc["claims"]:
            assert text[c["start"]:c["end"]] == c["text"], (doc["id"], c["text"])
            assert c["qualifier"] in QUALIFIERS and c["status"] in STATUSES, c
            assert (c["status"] == "asserted") == (c["source"] is None) or c["status"] == "reported", c
            assert ("value_max" in c) == (c["qualifier"] == "range"), c


def test_heldout2_covers_many_articles_and_every_status_and_kind():
    docs = _docs()
    assert len(docs) >= 24
    assert all(doc["quotes"] for doc in docs)
    assert {q["kind"] for d in docs for q in d["quotes"]} == {"direct", "indirect", "mixed"}
    assert {c["status"] for d in docs for c in d["claims"]} == STATUSES
