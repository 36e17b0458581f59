"""The third blind held-out gold set for quotes and claims (tests/fixtures/heldout3/) is well formed.

Full-length articles (600-1100 words). No score floor: the set measures generalisation (score it with
../shared/eval/score.py, see tests/fixtures/heldout3/README.md). These tests only keep the file honest:
what its build script writes, spans that are evidence, fields that follow FORMAT.md, and the coverage
the set promises.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
GOLD = HERE / "fixtures" / "heldout3" / "heldout3.jsonl"
BUILDER = HERE / "fixtures" / "heldout3" / "build_heldout3.py"
STATUSES = {"asserted", "claimed", "reported", "denied", "unverified"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range"}


def _docs() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_heldout3_file_is_what_its_build_script_writes():
    done = subprocess.run([sys.executable, str(BUILDER), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_heldout3_articles_are_full_length():
    for doc in _docs():
        assert 600 <= len(doc["text"].split()) <= 1100, doc["id"]
        assert doc["published"] and doc["title"] and doc["style"], doc["id"]


def test_heldout3_quote_and_speaker_spans_are_evidence():
    for doc in _docs():
        text = doc["text"]
        for q in doc["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"], (doc["id"], q["text"])
            assert q["kind"] in {"direct", "indirect", "mixed"}
            assert q["speaker"] and q["speaker"] in q["speaker_aliases"], (doc["id"], q["speaker"])
            for start, end in q["speaker_spans"]:
                assert 0 <= start < end <= len(text)
                assert not (q["start"] <= start < q["end"]), (doc["id"], q["text"])


def test_heldout3_claims_follow_the_format():
    for doc in _docs():
        text = doc["text"]
        for c in doc["claims"]:
            assert text[c["start"]:c["end"]] == c["text"], (doc["id"], c["text"])
            assert c["qualifier"] in QUALIFIERS and c["status"] in STATUSES, c
            assert (c["status"] == "asserted") == (c["source"] is None) or c["status"] == "reported", c
            assert ("value_max" in c) == (c["qualifier"] == "range"), c
            assert isinstance(c["optional"], bool), c


def test_heldout3_covers_every_status_kind_and_qualifier_at_length():
    docs = _docs()
    assert len(docs) >= 12
    assert all(len(doc["quotes"]) >= 8 for doc in docs)
    assert sum(len(doc["quotes"]) for doc in docs) >= 250
    assert sum(not c["optional"] for doc in docs for c in doc["claims"]) >= 150
    assert {q["kind"] for d in docs for q in d["quotes"]} == {"direct", "indirect", "mixed"}
    assert {c["status"] for d in docs for c in d["claims"]} == STATUSES
    assert {c["qualifier"] for d in docs for c in d["claims"]} == QUALIFIERS


def test_heldout3_has_speakers_far_from_their_names():
    """Long articles: some quotes are attributed by pronoun or title paragraphs after the name."""
    far = 0
    for doc in _docs():
        text = doc["text"]
        for q in doc["quotes"]:
            mention = text[slice(*q["speaker_spans"][0])]
            if mention.lower() in {"he", "she", "it"} or mention.startswith(("The ", "the ")):
                first_name = min((text.find(a) for a in q["speaker_aliases"] if len(a) > 3 and text.find(a) >= 0), default=-1)
                if 0 <= first_name and text.count("\n\n", first_name, q["start"]) >= 2:
                    far += 1
    assert far >= 10
