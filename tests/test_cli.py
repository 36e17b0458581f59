"""The `sayso` CLI: extract writes records and an outcome count; bad input never stops the batch."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sayso.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()

TEXT = ("The mayor said on Sunday that at least 30 homes were damaged when debris from a downed drone fell on "
        "the eastern district of the city. \u201cWe are counting the damage street by street,\u201d she said.")


def test_extract_jsonl_to_file_with_counts(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "one", "text": TEXT, "published": "2025-03-16"}) + "\n{broken\n"
                   + json.dumps({"id": "two", "text": "  "}) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"].rsplit("/", 1)[-1], r["outcome"]) for r in records] == [
        ("one", "ok"), ("in.jsonl:2", "failed"), ("two", "skipped")]
    assert "1 ok, 1 skipped, 1 failed" in result.output
    assert records[0]["published"] == "2025-03-16"


def test_extract_json_format_is_one_array(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(TEXT)
    result = runner.invoke(app, ["extract", str(src), "--format", "json", "--published", "2025-03-16"])
    assert result.exit_code == 0, result.output
    start = result.stdout.index("[")
    data = json.loads(result.stdout[start: result.stdout.rindex("]") + 1])
    assert len(data) == 1 and data[0]["published"] == "2025-03-16"


def test_extract_table_prints_sections(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(TEXT)
    result = runner.invoke(app, ["extract", str(src), "--format", "table", "--title", "Drone debris"])
    assert result.exit_code == 0, result.output
    for heading in ("Drone debris", "Quotes", "Claims", "Places", "Dates"):
        assert heading in result.stdout


@pytest.mark.parametrize("args,message", [
    (["--format", "xml"], "--format must be"), (["--published", "17/03/2025"], "--published must be"),
])
def test_extract_bad_options_give_one_line_errors(tmp_path, args, message):
    src = tmp_path / "story.txt"
    src.write_text(TEXT)
    result = runner.invoke(app, ["extract", str(src), *args])
    assert result.exit_code == 2 and message in result.output


def test_settings_command_lists_every_setting():
    result = runner.invoke(app, ["settings"])
    assert result.exit_code == 0 and "SAYSO_MODEL" in result.stdout
