"""The corpus commands: ingest, queries in tables, export to files, and errors that exit 2 with a message."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))

from handcorpus import build  # noqa: E402
from storekit import stub_analyse  # noqa: E402

from sayso import corpus  # noqa: E402
from sayso.cli import app  # noqa: E402
from sayso.settings import Settings  # noqa: E402
from sayso.store import open_store  # noqa: E402

runner = CliRunner()
ENV = {"COLUMNS": "300"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "corpus.db")
    analyses = build()
    store = open_store(path)
    corpus.ingest([a.article for a in analyses], store, Settings(language_check=False),
                  analyse=stub_analyse({a.article.id: a for a in analyses}))
    store.close()
    return path


def _run(*args: str):
    return runner.invoke(app, list(args), env=ENV)


def test_ingest_stores_then_rerun_skips_everything(tmp_path, monkeypatch):
    import sayso.api

    monkeypatch.setattr(sayso.api, "analyze_many", lambda items, settings=None: stub_analyse({})(items))
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"n{i}", "text": f"Story {i} about the river ferry and the market "
                                         f"square, told at length for number {i}.", "published": "2024-08-01"})
                             for i in range(3)) + "\n{broken\n", encoding="utf-8")
    target = str(tmp_path / "c.db")
    first = _run("ingest", str(src), "--db", target)
    assert first.exit_code == 0, first.output
    assert "malformed JSON" in first.output
    assert open_store(target).counts()["articles"] == 3
    again = _run("ingest", str(src), "--db", target)
    assert again.exit_code == 0 and open_store(target).counts()["articles"] == 3
    assert "already stored" in again.output


def test_quotes_by_speaker_since_date(db):
    result = _run("quotes", "--speaker", "Putin", "--since", "2024-08-08", "--db", db)
    assert result.exit_code == 0, result.output
    assert "our troops will push the enemy out" in result.output and "major provocation" not in result.output


@pytest.mark.parametrize("args,expected", [
    (["claims", "--about", "Kursk"], "territory_area|UA|kursk"),
    (["clusters"], "settlements_taken|UA|kursk"),
    (["contradictions"], "Igor Konashenkov"),
    (["timeline", "Kursk"], "1,263"),
    (["search", "nuclear power plant"], "a12"),
    (["groups"], "a01, a02, a03"),
    (["entities"], "Volodymyr Zelenskyy"),
    (["store-info"], "0002_full_text_search"),
])
def test_query_commands_print_tables(db, args, expected):
    result = _run(*args, "--db", db)
    assert result.exit_code == 0, result.output
    assert expected in result.output


@pytest.mark.parametrize("command", ["quotes", "claims", "contradictions", "timeline", "search", "groups"])
def test_every_query_exports_to_csv(db, tmp_path, command):
    out = tmp_path / f"{command}.csv"
    args = [command, "Kursk"] if command in ("search", "timeline") else [command]
    result = _run(*args, "--db", db, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) > 0


@pytest.mark.parametrize("suffix", ["jsonl", "parquet"])
def test_export_format_follows_the_suffix(db, tmp_path, suffix):
    out = tmp_path / f"claims.{suffix}"
    assert _run("claims", "--db", db, "-o", str(out)).exit_code == 0
    if suffix == "jsonl":
        assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["measure_key"]
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 8


def test_unknown_export_format_is_an_error_naming_the_choices(db, tmp_path):
    result = _run("claims", "--db", db, "-o", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 2 and "csv, jsonl, parquet" in result.output


def test_bad_date_is_an_error_naming_the_form(db):
    result = _run("quotes", "--since", "August", "--db", db)
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_bad_store_url_is_an_error_naming_the_forms():
    result = _run("quotes", "--db", "mysql://x/y")
    assert result.exit_code == 2 and "postgresql://" in result.output


def test_search_snippet_keeps_its_match_brackets(db):
    result = _run("search", "provocation", "--db", db)
    assert result.exit_code == 0 and "[provocation]" in result.output
