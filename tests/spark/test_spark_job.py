"""The Spark job on local[2]: its Parquet tables hold what `sayso extract` gives, bad input is outcome rows, a
re-run resumes by id, the model loads once per executor process, and `sayso ingest` stores the output.

One Spark session for the module (starting one takes seconds); a handful of articles per run.
"""

from __future__ import annotations

import collections
import json
import os
import shutil
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from sayso.spark import unavailable
from sayso.spark.tables import ARTICLE_ID, MONTH, POSITION, RUN, record_fields

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
BAD = ROOT / "tests" / "fixtures" / "bad"
REFERENCE = ROOT.parent / "shared" / "eval" / "dev" / "seed.gold.jsonl"
KEYS = {ARTICLE_ID, POSITION, MONTH, RUN}

pytestmark = [pytest.mark.model, pytest.mark.slow,
              pytest.mark.skipif(unavailable() is not None, reason=f"Spark cannot run here: {unavailable()}")]
runner = CliRunner()


@pytest.fixture(scope="module")
def spark():
    from sayso.spark import session

    spark = session("local[2]", "sayso-tests", {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
                                                "spark.sql.shuffle.partitions": "4"})
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


def _lines() -> list[str]:
    """The reference article (when shared/ is beside the checkout), our examples, bad lines and hostile articles."""
    lines = REFERENCE.read_text(encoding="utf-8").splitlines() if REFERENCE.exists() else []
    lines.append(json.dumps({"id": "kharkiv-strike", "title": "Missile strike hits Kharkiv as talks stall",
                             "published": "2025-03-17", "text": (EXAMPLES / "kharkiv_strike.txt").read_text("utf-8")}))
    lines += (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    lines += [
        '{"id": "cut-short", "text": "The convoy',                              # malformed JSON
        '["a list", "not an article"]',                                         # not an object
        json.dumps({"id": "no-text", "title": "Headline only"}),
        json.dumps({"id": "blank", "text": " \n\t "}),
        json.dumps({"id": "german", "text": (BAD / "german.txt").read_text("utf-8")}),
        json.dumps({"id": "huge", "text": "The shelling went on. " * 10_000}),  # past max_chars
        json.dumps({"id": "control-bytes", "text": "\x00\x01\x02\x03" * 400}),
        json.dumps({"id": "marks", "text": "\u201c\u201d\"'\u00ab" * 600}),     # not prose
        json.dumps({"id": "unbalanced", "published": "2025-01-05",                  # 80 quotes never closed
                    "text": "The minister said \u201cwe will not stop. " * 80}),
    ]
    return lines


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("spark-in") / "corpus.jsonl"
    path.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def job(spark, corpus, tmp_path_factory):
    from sayso.spark import extract

    out = tmp_path_factory.mktemp("spark-out") / "out"
    return extract(spark, str(corpus), str(out), partitions=4), out


def rows(out: Path, name: str) -> list[dict]:
    """A table's rows as pyarrow reads them (hive partitions become the month and run columns)."""
    folder = out / name
    if not folder.exists():
        return []
    return ds.dataset(str(folder), format="parquet", partitioning="hive").to_table().to_pylist()


def _extract_cli(*inputs: Path, out: Path) -> dict[str, dict]:
    from sayso.cli import app

    done = runner.invoke(app, ["extract", *map(str, inputs), "-o", str(out)])
    assert done.exit_code == 0, done.output
    return {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def test_parquet_tables_hold_exactly_what_sayso_extract_gives(job, corpus, tmp_path):
    run, out = job
    expected = _extract_cli(corpus, out=tmp_path / "extract.jsonl")
    ok = {i for i, r in expected.items() if r["outcome"] == "ok"}
    assert {"kharkiv-strike", "gaza-aid-convoy-2025-04-08"} <= ok
    if REFERENCE.exists():
        assert "seed-kursk-2024-08-12" in ok
    articles = {r[ARTICLE_ID]: r for r in rows(out, "articles")}
    assert set(articles) == ok
    for art_id in ok:
        row, record = articles[art_id], expected[art_id]
        assert row["text"] == record["text"] and row["title"] == record["title"] and row["url"] == record["url"]
        assert (row["published"].isoformat() if row["published"] else None) == record["published"]
    for name in record_fields():
        by_article = collections.defaultdict(list)
        for r in sorted(rows(out, name), key=lambda r: r[POSITION]):
            by_article[r[ARTICLE_ID]].append({k: v for k, v in r.items() if k not in KEYS})
        for art_id in ok:
            assert by_article.get(art_id, []) == expected[art_id].get(name, []), (name, art_id)
    outcomes = {r[ARTICLE_ID]: (r["status"], r["reason"]) for r in rows(out, "outcomes")}
    assert len(outcomes) == len(expected) == run.total
    assert collections.Counter(outcomes.values()) == collections.Counter(
        (r["outcome"], r["reason"]) for r in expected.values())


def test_bad_lines_and_hostile_articles_are_outcome_rows_and_the_job_completes(job):
    run, out = job
    outcomes = {r[ARTICLE_ID]: r for r in rows(out, "outcomes")}
    malformed = [r for r in outcomes.values() if r["reason"] and r["reason"].startswith("malformed JSON")]
    assert len(malformed) == 1 and malformed[0]["status"] == "failed" and malformed[0]["month"] == "undated"
    assert any(r["reason"] == "JSON line is not an object" for r in outcomes.values())
    assert outcomes["no-text"]["status"] == "skipped" and outcomes["no-text"]["reason"] == "no 'text' field"
    for art_id in ("blank", "german", "huge", "control-bytes"):
        assert outcomes[art_id]["status"] == "skipped" and outcomes[art_id]["reason"], art_id
    assert "not English" in outcomes["german"]["reason"] and "too large" in outcomes["huge"]["reason"]
    assert outcomes["marks"]["status"] == "skipped" and outcomes["marks"]["month"] == "undated"
    assert outcomes["unbalanced"]["status"] in ("ok", "failed") and outcomes["unbalanced"]["month"] == "2025-01"
    assert run.counts["skipped"] >= 5 and run.counts["failed"] >= 2 and (out / "_runs" / f"{run.run}.json").exists()


def test_rows_are_partitioned_by_month_and_carry_article_id_and_spans(job):
    _, out = job
    months = {p.name for p in (out / "quotes").glob("month=*")}
    assert {"month=2025-03", "month=2025-04"} <= months
    texts = {r[ARTICLE_ID]: r["text"] for r in rows(out, "articles")}
    for q in rows(out, "quotes"):
        assert texts[q[ARTICLE_ID]][q["start"]:q["end"]] == q["text"]
    for c in rows(out, "claims"):
        qty = c["quantity"]
        assert texts[c[ARTICLE_ID]][qty["start"]:qty["end"]] == qty["text"]


def test_a_rerun_over_the_same_output_skips_what_is_written(spark, job, corpus):
    from sayso.spark import extract

    first, out = job
    before = {name: len(rows(out, name)) for name in ("articles", "quotes", "outcomes")}
    again = extract(spark, str(corpus), str(out), partitions=2)
    assert again.total == 0 and again.rows == {}
    assert {name: len(rows(out, name)) for name in before} == before


def test_a_killed_run_is_dropped_and_its_articles_done_again_from_the_cli(spark, tmp_path):
    from sayso.cli import app

    src = tmp_path / "two.jsonl"
    src.write_text("\n".join((EXAMPLES / "articles.jsonl").read_text("utf-8").splitlines()[:2]) + "\n", "utf-8")
    out = tmp_path / "out"
    args = ["spark-extract", str(src), str(out), "--master", "local[2]", "--partitions", "2"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "2 ok, 0 skipped, 0 failed" in first.output
    for marker in (out / "_runs").glob("*.json"):
        marker.unlink()  # as if the job had been killed before its run completed
    second = runner.invoke(app, args)
    assert second.exit_code == 0 and "2 ok" in second.output, second.output
    assert sorted(r[ARTICLE_ID] for r in rows(out, "articles")) == sorted(
        json.loads(line)["id"] for line in src.read_text("utf-8").splitlines())
    assert len({r[RUN] for r in rows(out, "outcomes")}) == 1


def test_the_model_is_loaded_once_per_executor_process(spark, job):
    from sayso.spark import executor

    def analyse_then_count(rows):
        from sayso.nlp import pipeline
        from sayso.settings import Settings

        part = [{"id": f"p{os.getpid()}-{i}", "text": "The mayor said 12 people were hurt in the strike on Monday.",
                 "title": None, "url": None, "published": "2025-03-17", "source": None, "language": None,
                 "status": None, "reason": None, "origin": None} for i, _ in enumerate(rows)]
        written = list(executor.analyse_partition(part, Settings(n_process=1), "probe"))
        assert any(name == "outcomes" for name, _ in written)
        yield os.getpid(), pipeline._load.cache_info().misses

    seen = spark.sparkContext.parallelize(range(12), 6).mapPartitions(analyse_then_count).collect()
    assert len(seen) == 6
    assert all(misses == 1 for _, misses in seen), seen


def test_a_dataframe_is_an_input_and_rows_without_id_get_their_text_hash(spark, tmp_path):
    import datetime as dt
    import hashlib

    from sayso.spark import extract

    text = "Officials in Odesa said two ferries were damaged on Sunday and repairs would take weeks."
    frame = spark.createDataFrame([("odesa-1", text, dt.date(2025, 6, 1)), (None, text + " More later.", None)],
                                  "id string, text string, published date")
    run = extract(spark, frame, str(tmp_path / "out"), partitions=2)
    assert run.counts["ok"] == 2
    articles = {r[ARTICLE_ID]: r for r in rows(tmp_path / "out", "articles")}
    no_id = hashlib.sha1((text + " More later.").encode()).hexdigest()[:16]
    assert set(articles) == {"odesa-1", no_id}
    assert articles["odesa-1"]["published"] == dt.date(2025, 6, 1) and articles["odesa-1"][MONTH] == "2025-06"
    assert articles[no_id][MONTH] == "undated"


def test_a_folder_of_files_gives_the_outcomes_sayso_extract_gives(spark, tmp_path):
    from sayso.spark import extract

    src = tmp_path / "bad"
    shutil.copytree(BAD, src)
    run = extract(spark, str(src), str(tmp_path / "out"), partitions=2)
    expected = _extract_cli(src, out=tmp_path / "extract.jsonl")
    got = {r[ARTICLE_ID]: (r["status"], r["reason"]) for r in rows(tmp_path / "out", "outcomes")}
    assert got == {i: (r["outcome"], r["reason"]) for i, r in expected.items()}
    assert run.total == len(expected) and run.counts["ok"] >= 3


def test_sayso_ingest_stores_the_parquet_output_without_analysing_again(job, tmp_path, monkeypatch):
    import sayso.api
    from sayso.cli import app
    from sayso.store import open_store

    def no_analysis(*_, **__):
        raise AssertionError("a Spark output must not be analysed again")

    monkeypatch.setattr(sayso.api, "analyze_many", no_analysis)
    run, out = job
    db = str(tmp_path / "corpus.db")
    done = runner.invoke(app, ["ingest", str(out), "--db", db])
    assert done.exit_code == 0, done.output
    counts = open_store(db).counts()
    assert counts["articles"] == run.counts["ok"] == len(rows(out, "articles"))
    assert counts["quotes"] == len(rows(out, "quotes")) and counts["claims"] == len(rows(out, "claims"))
    again = runner.invoke(app, ["ingest", str(out), "--db", db])
    assert again.exit_code == 0 and open_store(db).counts()["articles"] == counts["articles"]
