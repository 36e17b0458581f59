"""The second blind held-out gold set for the cross-article layer (tests/fixtures/heldout_corpus2/) is well formed.

No score floor: the set measures how wire copies, entities, claim clusters and contradictions generalise
(score it with ../shared/eval/corpus_score.py, see the README there). These tests keep the files honest:
what the build script writes, and every span in the gold is evidence in the article it names.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent / "fixtures" / "heldout_corpus2"


def _articles() -> dict[str, str]:
    rows = [json.loads(line) for line in (HERE / "articles.jsonl").read_text("utf-8").splitlines() if line]
    return {row["id"]: row["text"] for row in rows}


def _gold() -> dict:
    return json.loads((HERE / "gold.json").read_text("utf-8"))


def _spans(gold: dict):
    for cluster in gold["claim_clusters"]:
        yield from cluster["members"]
    for item in gold["contradictions"] + gold["non_contradictions"]:
        yield item["a"]
        yield item["b"]
    for entity in gold["entities"]:
        yield from entity["examples"]


def test_heldout_corpus2_files_are_what_the_build_script_writes():
    done = subprocess.run([sys.executable, str(HERE / "build_heldout_corpus2.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_gold_span_is_evidence_in_its_article():
    texts, n = _articles(), 0
    for span in _spans(_gold()):
        text = texts[span["article_id"]]
        assert text[span["start"]:span["end"]] == span["text"], span
        n += 1
    assert n >= 50


def test_groups_and_pairs_name_articles_of_the_set():
    texts, gold = _articles(), _gold()
    for group in gold["duplicates"]:
        assert len(group["ids"]) >= 2 and set(group["ids"]) <= set(texts)
    for pair in gold["hard_negatives"]:
        assert len(pair["ids"]) == 2 and set(pair["ids"]) <= set(texts)
    assert len(gold["contradictions"]) >= 5 and len(gold["non_contradictions"]) >= 3
