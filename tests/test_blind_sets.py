"""The blind held-out gold sets for quotes and claims (tests/fixtures/heldout2/, short articles, and
tests/fixtures/heldout3/, full-length ones) are well formed.

No score floor: the sets measure generalisation (score them with ../shared/eval/score.py, see each set's
README.md). These tests only keep the files honest: what their build scripts write, spans that are
evidence, fields that follow FORMAT.md, and the coverage each set promises.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SETS = ("heldout2", "heldout3")
STATUSES = {"asserted", "claimed", "reported", "denied", "unverified"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range"}
KINDS = {"direct", "indirect", "mixed"}


@cache
def _docs(name: str) -> tuple[dict, ...]:
    gold = FIXTURES / name / f"{name}.jsonl"
    return tuple(json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line)


@pytest.mark.parametrize("name", SETS)
def test_blind_set_file_is_what_its_build_script_writes(name):
    builder = FIXTURES / name / f"build_{name}.py"
    done = subprocess.run([sys.executable, str(builder), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", SETS)
def test_blind_set_quote_and_speaker_spans_are_evidence(name):
    for doc in _docs(name):
        text = doc["text"]
        assert doc["published"] and doc["title"] and doc["style"], doc["id"]
        for q in doc["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"], (doc["id"], q["text"])
            assert q["kind"] in KINDS
            assert q["speaker"] and q["speaker"] in q["speaker_aliases"], (doc["id"], q["speaker"])
            for start, end in q["speaker_spans"]:
                assert 0 <= start < end <= len(text)
                assert not (q["start"] <= start < q["end"]), (doc["id"], q["text"])


@pytest.mark.parametrize("name", SETS)
def test_blind_set_claims_follow_the_format(name):
    for doc in _docs(name):
        text = doc["text"]
        for c in doc["claims"]:
            assert text[c["start"]:c["end"]] == c["text"], (doc["id"], c["text"])
            assert c["qualifier"] in QUALIFIERS and c["status"] in STATUSES, c
            assert (c["status"] == "asserted") == (c["source"] is None) or c["status"] == "reported", c
            assert ("value_max" in c) == (c["qualifier"] == "range"), c
            assert isinstance(c["optional"], bool), c


@pytest.mark.parametrize("name", SETS)
def test_blind_set_covers_every_status_and_kind(name):
    docs = _docs(name)
    assert all(doc["quotes"] for doc in docs)
    assert {q["kind"] for d in docs for q in d["quotes"]} == KINDS
    assert {c["status"] for d in docs for c in d["claims"]} == STATUSES


def test_heldout2_covers_many_articles():
    assert len(_docs("heldout2")) >= 24


def test_heldout3_articles_are_full_length():
    for doc in _docs("heldout3"):
        assert 600 <= len(doc["text"].split()) <= 1100, doc["id"]


def test_heldout3_covers_every_qualifier_at_length():
    docs = _docs("heldout3")
    assert len(docs) >= 12
    assert all(len(doc["quotes"]) >= 8 for doc in docs)
    assert sum(len(doc["quotes"]) for doc in docs) >= 250
    assert sum(not c["optional"] for doc in docs for c in doc["claims"]) >= 150
    assert {c["qualifier"] for d in docs for c in d["claims"]} == QUALIFIERS


def test_heldout3_has_speakers_far_from_their_names():
    """Long articles: some quotes are attributed by pronoun or title paragraphs after the name."""
    far = 0
    for doc in _docs("heldout3"):
        text = doc["text"]
        for q in doc["quotes"]:
            mention = text[slice(*q["speaker_spans"][0])]
            if mention.lower() in {"he", "she", "it"} or mention.startswith(("The ", "the ")):
                first_name = min((text.find(a) for a in q["speaker_aliases"] if len(a) > 3 and text.find(a) >= 0), default=-1)
                if 0 <= first_name and text.count("\n\n", first_name, q["start"]) >= 2:
                    far += 1
    assert far >= 10
