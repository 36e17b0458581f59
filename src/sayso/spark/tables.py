"""The Parquet layout of a Spark extraction: one table per record kind, its columns read off the record types.

Nothing here imports pyspark, so the store can read a cluster's output with pyarrow alone. Every table
is derived from ``sayso.models``: ``articles`` from ``Article``, one table per tuple-of-records field of
``Analysis`` (``quotes``, ``claims``, ``places``, ``dates``, ``notes``, ``events`` ...) and ``outcomes``
from ``Outcome``, so a field or a record kind added there flows into the Parquet output unchanged.
Each row carries ``article_id``, its position ``n`` within the article (record tables), and the two
partition columns ``month`` (``YYYY-MM`` of publication, or ``undated``) and ``run``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from dataclasses import dataclass
from typing import Any, Iterator

from sayso.models import Analysis, Article, Outcome, Result, to_dict

ARTICLE_ID = "article_id"
POSITION = "n"
MONTH = "month"
RUN = "run"
UNDATED = "undated"
ARTICLES = "articles"
OUTCOMES = "outcomes"


@dataclass(frozen=True)
class ColumnType:
    """A column's type: string, long, double, bool, date, json (any other value, as JSON text), struct or array."""

    kind: str
    fields: tuple[tuple[str, "ColumnType"], ...] = ()
    item: "ColumnType | None" = None
    record: type | None = None  # the dataclass a struct is rebuilt into


SCALARS = {str: "string", bool: "bool", int: "long", float: "double", dt.date: "date"}


def column_type(hint: Any) -> ColumnType:
    """The column type of a type hint of ``sayso.models`` (``X | None`` is a nullable X)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        kept = [a for a in args if a is not type(None)]
        return column_type(kept[0]) if len(kept) == 1 else ColumnType("json")
    if origin is typing.Literal:
        return column_type(type(args[0]))
    if origin in (tuple, list):
        items = [a for a in args if a is not Ellipsis]
        if items and all(a == items[0] for a in items):
            return ColumnType("array", item=column_type(items[0]))
        return ColumnType("json")
    if dataclasses.is_dataclass(hint):
        return record_type(hint)
    return ColumnType(SCALARS.get(hint, "json"))


@functools.lru_cache(maxsize=None)
def record_type(cls: type) -> ColumnType:
    """The struct type of a record class, its fields in declaration order."""
    hints = typing.get_type_hints(cls)
    return ColumnType("struct", tuple((f.name, column_type(hints[f.name])) for f in dataclasses.fields(cls)), record=cls)


@dataclass(frozen=True)
class Table:
    """One output table: its name, the record class of its rows and its columns in order."""

    name: str
    record: type
    columns: tuple[tuple[str, ColumnType], ...]
    renamed: tuple[tuple[str, str], ...] = ()  # (record field, column)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)


def _table(name: str, cls: type, *, positioned: bool, rename: dict[str, str] | None = None) -> Table:
    rename = rename or {}
    fields = tuple((rename.get(n, n), t) for n, t in record_type(cls).fields)
    head = [(ARTICLE_ID, ColumnType("string"))] if ARTICLE_ID not in dict(fields) else []
    if positioned:
        head.append((POSITION, ColumnType("long")))
    columns = (*head, *fields, (MONTH, ColumnType("string")), (RUN, ColumnType("string")))
    names = [n for n, _ in columns]
    if len(names) != len(set(names)):
        raise ValueError(f"record {cls.__name__} has a field named like a key column: {sorted(names)}")
    return Table(name, cls, columns, tuple(rename.items()))


def record_fields() -> dict[str, type]:
    """Analysis fields holding a tuple of records, by name, with their record class (quotes -> Quote ...)."""
    hints = typing.get_type_hints(Analysis)
    found = {}
    for f in dataclasses.fields(Analysis):
        kind = column_type(hints[f.name])
        if kind.kind == "array" and kind.item is not None and kind.item.record is not None:
            found[f.name] = kind.item.record
    return found


@functools.lru_cache(maxsize=1)
def tables() -> tuple[Table, ...]:
    """Every table in write order: articles, the record tables, then outcomes (written last: a run's commit)."""
    middle = [_table(name, cls, positioned=True) for name, cls in record_fields().items()]
    return (_table(ARTICLES, Article, positioned=False, rename={"id": ARTICLE_ID}), *middle,
            _table(OUTCOMES, Outcome, positioned=False))


def table(name: str) -> Table:
    """The table called ``name``; KeyError names the tables there are."""
    for t in tables():
        if t.name == name:
            return t
    raise KeyError(f"no table {name!r}; the tables are {[t.name for t in tables()]}")


def month_of(published: dt.date | None) -> str:
    """The partition value of a publication date: ``YYYY-MM``, or ``undated``."""
    return f"{published.year:04d}-{published.month:02d}" if published else UNDATED


def to_cell(kind: ColumnType, value: Any) -> Any:
    """A ``to_dict`` value as a cell of ``kind``: structs become tuples in field order, dates ``date``s."""
    if value is None:
        return None
    if kind.kind == "struct":
        return tuple(to_cell(t, value.get(n)) for n, t in kind.fields)
    if kind.kind == "array":
        return [to_cell(kind.item, v) for v in value]
    if kind.kind == "date":
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if kind.kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind.kind == "double":
        return float(value)
    if kind.kind == "long":
        return int(value)
    return value if kind.kind == "bool" else str(value)


def _row(t: Table, record: Any, keys: dict[str, Any]) -> tuple:
    data = to_dict(record)
    for old, new in t.renamed:
        data[new] = data.pop(old)
    data.update(keys)
    return tuple(to_cell(kind, data.get(name)) for name, kind in t.columns)


def result_rows(result: Result, month: str, run: str) -> Iterator[tuple[str, tuple]]:
    """(table name, row) for every row one result writes: its outcome, and its article and records when ok."""
    keys = {MONTH: month, RUN: run}
    if result.analysis is not None:
        analysis = result.analysis
        art_id = analysis.article.id
        yield ARTICLES, _row(table(ARTICLES), analysis.article, keys)
        for name in record_fields():
            t = table(name)
            for n, record in enumerate(getattr(analysis, name)):
                yield name, _row(t, record, {**keys, ARTICLE_ID: art_id, POSITION: n})
    yield OUTCOMES, _row(table(OUTCOMES), result.outcome, keys)


def from_cell(kind: ColumnType, value: Any) -> Any:
    """A cell read back (pyarrow's ``to_pylist``) as the record field it came from."""
    if value is None:
        return None
    if kind.kind == "struct":
        data = value if isinstance(value, dict) else dict(zip((n for n, _ in kind.fields), value))
        return build(kind, data)
    if kind.kind == "array":
        return tuple(from_cell(kind.item, v) for v in value)
    if kind.kind == "json":
        return json.loads(value)
    if kind.kind == "date" and isinstance(value, dt.datetime):
        return value.date()
    return value


def build(kind: ColumnType, data: dict[str, Any]) -> Any:
    """The record of struct type ``kind`` from a row or struct cell; columns it does not know are left out."""
    values = {n: from_cell(t, data[n]) for n, t in kind.fields if n in data}
    return kind.record(**values)


def record_of(t: Table, row: dict[str, Any]) -> Any:
    """The record one row of table ``t`` holds."""
    data = dict(row)
    for old, new in t.renamed:
        data[old] = data.pop(new, None)
    return build(record_type(t.record), data)
