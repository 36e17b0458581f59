"""Directory input: article files are read, every other file is one 'not an article file' outcome."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sayso.ingest import read_inputs
from sayso.models import Article, Outcome, Result
from sayso.settings import Settings
from sayso.store import open_store

STORY = ("Crews worked through the night to clear rubble from the school on Harbour Street after the strike, "
         "the mayor said on Friday, adding that classes would move to the library for a month.")


def _story(n: int) -> str:
    return f"{STORY} This is report number {n} from the river district."


@pytest.fixture
def folder(tmp_path) -> Path:
    """Articles (text, HTML, JSONL, one-article JSON, list JSON) next to notes, code and other JSON."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(_story(1), encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><article><p>{_story(2)}</p></article></body></html>",
                                             encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps({"id": f"c{i}", "text": _story(10 + i)})
                                                for i in range(3)) + "\n", encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"id": "one", "text": _story(20)}, indent=2), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([{"id": "l1", "text": _story(21)},
                                                    {"id": "l2", "text": _story(22)}], indent=1), encoding="utf-8")
    (tmp_path / "NOTES.md").write_text("# Notes\n\nWhat to check next:\n- the mayor's figure\n", encoding="utf-8")
    (tmp_path / "build.py").write_text("import json\n\nprint(json.dumps({'text': 'not news'}))\n", encoding="utf-8")
    (tmp_path / "expected.json").write_text(json.dumps({"measures": {"x": [1, 2]}, "wire": ["a", "b"]}, indent=2),
                                            encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps({"article": i, "span": [0, 4]}) for i in range(40)),
                                         encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return tmp_path


OTHERS = ["NOTES.md", "build.py", "expected.json", "gold.jsonl"]
ARTICLES = ["a.txt", "b.html", "c0", "c1", "c2", "one", "l1", "l2"]


def test_directory_reads_every_article_kind(folder):
    arts = [i for i in read_inputs([str(folder)], Settings()) if isinstance(i, Article)]
    names = sorted(a.id.rsplit("/", 1)[-1] for a in arts)
    assert names == sorted(ARTICLES)


def test_directory_skips_each_other_file_once_with_reason(folder):
    others = [i for i in read_inputs([str(folder)], Settings()) if isinstance(i, Outcome)]
    assert sorted(Path(o.article_id).name for o in others) == sorted(OTHERS)
    assert {(o.status, o.reason) for o in others} == {("skipped", "not an article file")}


def test_json_list_item_without_text_is_skipped_alone(tmp_path):
    (tmp_path / "mixed.json").write_text(json.dumps([{"id": "x", "text": STORY}, {"id": "y", "title": "t"}]))
    items = list(read_inputs([str(tmp_path)], Settings()))
    assert [type(i).__name__ for i in items] == ["Article", "Outcome"]
    assert items[1].article_id == "y" and items[1].reason == "no 'text' field"


def test_json_file_holding_jsonl_is_read_line_by_line(tmp_path):
    (tmp_path / "lines.json").write_text(json.dumps({"id": "p", "text": STORY}) + "\n"
                                         + json.dumps({"id": "q", "text": STORY + " Again."}) + "\n")
    assert [a.id for a in read_inputs([str(tmp_path / "lines.json")], Settings())] == ["p", "q"]


def test_xml_that_is_no_feed_is_not_an_article_file(tmp_path):
    (tmp_path / "config.xml").write_text("<?xml version='1.0'?><config><item>1</item></config>")
    [out] = list(read_inputs([str(tmp_path)], Settings()))
    assert out.reason == "not an article file"


def _stub_analyse(items, settings=None):
    for item in items:
        if isinstance(item, Outcome):
            yield Result(item)
        else:
            from sayso.models import Analysis

            yield Result(Outcome(item.id, "ok", None, item.source), Analysis(item))


def test_cli_ingest_directory_stores_articles_and_reports_the_rest_once(folder, tmp_path_factory, monkeypatch):
    import sayso.api
    from sayso.cli import app

    monkeypatch.setattr(sayso.api, "analyze_many", _stub_analyse)
    db = str(tmp_path_factory.mktemp("db") / "c.db")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", db], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    store = open_store(db)
    try:
        assert store.counts()["articles"] == len(ARTICLES)
    finally:
        store.close()
    for name in OTHERS:
        assert result.output.count(f"{name}: not an article file") == 1, result.output
    assert not any(line.startswith("failed ") for line in result.output.splitlines()), result.output


def test_cli_extract_directory_counts_skipped_files_once(folder, monkeypatch):
    import sayso.cli
    from sayso.cli import app

    monkeypatch.setattr(sayso.cli, "analyze_many", _stub_analyse)
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(folder / ".out.jsonl")],
                                env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert re.search(rf"{len(ARTICLES)} ok\b.*\b{len(OTHERS)} skipped\b.*\b0 failed", result.output), result.output


def test_json_file_holding_jsonl_keeps_a_line_separator_inside_a_text(tmp_path):
    text = STORY.replace(", adding", ",\u2028adding")
    (tmp_path / "lines.json").write_text(json.dumps({"id": "p", "text": text}, ensure_ascii=False) + "\n"
                                         + json.dumps({"id": "q", "text": STORY}) + "\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "lines.json")], Settings()))
    assert [(i.id, i.text) for i in items] == [("p", text), ("q", STORY)]


def test_json_list_on_stdin_gives_its_articles(monkeypatch):
    import io
    import sys

    data = json.dumps([{"id": "s1", "text": STORY}, {"id": "s2", "text": _story(2)}], indent=1).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [a.id for a in read_inputs(["-"], Settings())] == ["s1", "s2"]


def test_unreadable_file_in_a_directory_fails_alone(folder, monkeypatch):
    import importlib

    ingest = importlib.import_module("sayso.ingest")  # the package; sayso.ingest the attribute is corpus ingest
    real_head = ingest._head

    def head(path):
        if path.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_head(path)

    monkeypatch.setattr(ingest, "_head", head)
    items = list(read_inputs([str(folder)], Settings()))
    [failed] = [i for i in items if isinstance(i, Outcome) and i.status == "failed"]
    assert failed.article_id.endswith("a.txt") and failed.reason == "cannot read the file (Permission denied)"
    assert len([i for i in items if isinstance(i, Article)]) == len(ARTICLES) - 1
