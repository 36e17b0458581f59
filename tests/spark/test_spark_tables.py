"""The Parquet layout of a Spark run, without Spark: columns follow the record types, rows round-trip through
Parquet files read with pyarrow, only completed runs are read, and one article's crash is one failed outcome."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sayso.models import (Analysis, Article, Claim, DateRef, Note, Outcome, Place, Quantity, Quote, Result, Speaker,
                          to_dict)
from sayso.settings import Settings
from sayso.spark import executor, is_output, read_results
from sayso.spark.tables import (ARTICLES, MONTH, OUTCOMES, RUN, ColumnType, column_type, month_of, record_fields,
                                result_rows, table, tables)

TEXT = "Mayor Lina Ostrova said on Monday that 12 people were hurt in Kherson. \"We will rebuild,\" she said."


def _analysis() -> Analysis:
    art = Article("a1", TEXT, title="Strike", url="https://example.org/a1", published=dt.date(2025, 3, 17),
                  source="wire", language="en")
    mayor = Speaker("Lina Ostrova", 0, 17, "Mayor Lina Ostrova", "person", "Mayor", None)
    qty = Quantity(38, 47, "12 people", 12.0, "person", 12.0, "count", "exact", None, "people", None)
    return Analysis(
        art,
        quotes=(Quote("indirect", 38, 69, TEXT[38:69], mayor, "said", 18, 22),
                Quote("direct", 72, 86, TEXT[72:86], mayor, "said", 92, 96)),
        claims=(Claim(qty, "claimed", mayor, 0, 70, TEXT[:70], "said"),),
        places=(Place(62, 69, "Kherson", "Kherson", "UA", "city", 46.63, 32.61, 706448, "Kherson", False),),
        dates=(DateRef(26, 32, "Monday", "2025-03-17", True, None),),
        notes=(Note("quotes", "unbalanced quotation mark", 70, 71),),
    )


def test_every_analysis_field_of_records_is_a_table_and_every_record_field_a_column():
    names = [t.name for t in tables()]
    assert names[0] == ARTICLES and names[-1] == OUTCOMES
    assert set(record_fields()) <= set(names)
    assert {"quotes", "claims", "places", "dates", "notes"} <= set(record_fields())
    for name, cls in record_fields().items():
        columns = table(name).names
        assert columns[:2] == ("article_id", "n") and columns[-2:] == (MONTH, RUN)
        assert [f.name for f in dataclasses.fields(cls)] == list(columns[2:-2])
    assert table(ARTICLES).names[0] == "article_id" and "id" not in table(ARTICLES).names


@dataclass(frozen=True)
class _Inner:
    name: str
    score: float | None = None


@dataclass(frozen=True)
class _NewRecord:
    kind: typing.Literal["a", "b"]
    when: dt.date | None
    inner: _Inner | None
    spans: tuple[tuple[int, int], ...]
    extra: dict
    either: int | str


def test_a_new_record_type_gets_columns_without_code_for_it():
    kind = column_type(_NewRecord)
    fields = dict(kind.fields)
    assert fields["kind"] == ColumnType("string") and fields["when"] == ColumnType("date")
    assert fields["inner"].kind == "struct" and dict(fields["inner"].fields)["score"] == ColumnType("double")
    assert fields["spans"] == ColumnType("array", item=ColumnType("array", item=ColumnType("long")))
    assert fields["extra"] == ColumnType("json") and fields["either"] == ColumnType("json")


@pytest.mark.parametrize("published, month", [(dt.date(2025, 3, 17), "2025-03"), (None, "undated")])
def test_month_partition_of_a_publication_date(published, month):
    assert month_of(published) == month


def _arrow(kind: ColumnType) -> pa.DataType:
    if kind.kind == "struct":
        return pa.struct([pa.field(n, _arrow(t)) for n, t in kind.fields])
    if kind.kind == "array":
        return pa.list_(_arrow(kind.item))
    return {"string": pa.string(), "json": pa.string(), "long": pa.int64(), "double": pa.float64(),
            "bool": pa.bool_(), "date": pa.date32()}[kind.kind]


def write_run(root: Path, results: list[Result], run: str, *, complete: bool = True) -> None:
    """Write ``results`` as one Spark run would (partition columns as folders), with pyarrow."""
    by_table: dict[tuple[str, str], list[tuple]] = {}
    for result in results:
        month = month_of(result.analysis.article.published) if result.analysis else "undated"
        for name, row in result_rows(result, month, run):
            by_table.setdefault((name, month), []).append(row)
    for (name, month), rows in by_table.items():
        cols = [(n, k) for n, k in table(name).columns if n not in (MONTH, RUN)]
        data = {n: [row[i] for row in rows] for i, (n, _) in enumerate(cols)}
        folder = root / name / f"month={month}" / f"run={run}"
        folder.mkdir(parents=True)
        schema = pa.schema([pa.field(n, _arrow(k)) for n, k in cols])
        pq.write_table(pa.Table.from_pydict(data, schema=schema), folder / "part-0.parquet")
    if complete:
        (root / "_runs").mkdir(exist_ok=True)
        (root / "_runs" / f"{run}.json").write_text(json.dumps({"run": run}), encoding="utf-8")


def test_rows_read_back_from_parquet_are_the_records_written(tmp_path):
    analysis = _analysis()
    failed = Result(Outcome("bad-1", "failed", "malformed JSON (Expecting value at column 1)", "in.jsonl"))
    write_run(tmp_path, [Result(Outcome("a1", "ok", None, "wire"), analysis), failed], "r1")
    assert is_output(str(tmp_path))
    back = {r.outcome.article_id: r for r in read_results(str(tmp_path))}
    assert back["a1"].analysis == analysis
    assert to_dict(back["a1"].analysis.quotes) == to_dict(analysis.quotes)
    assert back["bad-1"] == failed


def test_partitions_of_a_run_without_its_marker_are_not_read(tmp_path):
    write_run(tmp_path, [Result(Outcome("a1", "ok", None, "wire"), _analysis())], "done")
    other = dataclasses.replace(_analysis(), article=Article("a2", TEXT, published=dt.date(2025, 3, 18)))
    write_run(tmp_path, [Result(Outcome("a2", "ok"), other)], "killed", complete=False)
    assert [r.outcome.article_id for r in read_results(str(tmp_path))] == ["a1"]


def test_a_folder_of_other_files_is_not_a_spark_output(tmp_path):
    (tmp_path / "outcomes").mkdir()
    assert not is_output(str(tmp_path)) and not is_output(str(tmp_path / "missing"))
    assert not is_output("https://example.org/feed.xml") and not is_output("-")


def test_a_chunk_that_raises_is_redone_one_article_at_a_time(monkeypatch):
    """The executor's guard: an article that crashes analysis is a failed outcome, its chunk-mates keep theirs."""

    def fragile(items, **_):  # stands in for analyze_many: no model needed
        items = list(items)
        if any(getattr(i, "id", "") == "poison" for i in items):
            raise RecursionError("maximum recursion depth exceeded")
        return [Result(i) if isinstance(i, Outcome) else Result(Outcome(i.id, "ok"), Analysis(i)) for i in items]

    monkeypatch.setattr(executor, "analyze_many", fragile)
    items = [Article("fine", "x"), Article("poison", "y"), Outcome("line-3", "failed", "malformed JSON")]
    got = [r.outcome for _, r in executor.analysed(items, Settings(batch_size=8))]
    assert [(o.article_id, o.status) for o in got] == [("fine", "ok"), ("poison", "failed"), ("line-3", "failed")]
    assert "RecursionError" in got[1].reason and got[2].reason == "malformed JSON"
