"""The blind held-out gold sets for the cross-article layer (tests/fixtures/heldout_corpus/, heldout_corpus2/) are
well formed.

No score floor: the sets measure how wire copies, entities, claim clusters and contradictions generalise
(score them with ../shared/eval/corpus_score.py, see their READMEs). These tests keep the files honest:
what each build script writes, and every span in the gold is evidence in the article it names.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# each set's folder and its build script
SETS = [("heldout_corpus", "build_heldout_corpus.py"), ("heldout_corpus2", "build_heldout_corpus2.py")]


def _articles(here: Path) -> dict[str, str]:
    rows = [json.loads(line) for line in (here / "articles.jsonl").read_text("utf-8").splitlines() if line]
    return {row["id"]: row["text"] for row in rows}


def _gold(here: Path) -> dict:
    return json.loads((here / "gold.json").read_text("utf-8"))


def _spans(gold: dict):
    for cluster in gold["claim_clusters"]:
        yield from cluster["members"]
    for item in gold["contradictions"] + gold["non_contradictions"]:
        yield item["a"]
        yield item["b"]
    for entity in gold["entities"]:
        yield from entity["examples"]


@pytest.mark.parametrize("folder, script", SETS)
def test_heldout_corpus_files_are_what_the_build_script_writes(folder, script):
    done = subprocess.run([sys.executable, str(FIXTURES / folder / script), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("folder", [folder for folder, _ in SETS])
def test_every_gold_span_is_evidence_in_its_article(folder):
    here = FIXTURES / folder
    texts, n = _articles(here), 0
    for span in _spans(_gold(here)):
        text = texts[span["article_id"]]
        assert text[span["start"]:span["end"]] == span["text"], span
        n += 1
    assert n >= 50


@pytest.mark.parametrize("folder", [folder for folder, _ in SETS])
def test_groups_and_pairs_name_articles_of_the_set(folder):
    here = FIXTURES / folder
    texts, gold = _articles(here), _gold(here)
    for group in gold["duplicates"]:
        assert len(group["ids"]) >= 2 and set(group["ids"]) <= set(texts)
    for pair in gold["hard_negatives"]:
        assert len(pair["ids"]) == 2 and set(pair["ids"]) <= set(texts)
    assert len(gold["contradictions"]) >= 5 and len(gold["non_contradictions"]) >= 3
