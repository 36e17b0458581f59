"""Export any corpus query's records to CSV, JSONL or Parquet, streaming (constant memory)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from sayso.corpus.records import ClaimCluster, Contradiction, StoredClaim, StoredQuote, Timeline
from sayso.corpus.records import EntityRecord
from sayso.errors import SaysoError
from sayso.models import to_dict

FORMATS = ("csv", "jsonl", "parquet")
_PARQUET_BATCH = 2000


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The export format: ``fmt`` if given, else from the file suffix (.csv, .jsonl/.ndjson, .parquet)."""
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    chosen = {"ndjson": "jsonl", "pq": "parquet"}.get(chosen, chosen)
    if chosen not in FORMATS:
        raise SaysoError(f"cannot export to {str(path)!r}: format {chosen or '(none)'!r} is not one of "
                         f"{', '.join(FORMATS)}; use a .csv, .jsonl or .parquet name or --format")
    return chosen


def _cell(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a claim's frame: one JSON cell
        return json.dumps(to_dict(value), ensure_ascii=False, sort_keys=True)
    if isinstance(value, (list, tuple)):
        return "; ".join(str(_cell(v)) for v in value)
    return value


def _flat(record: Any, prefix: str = "") -> dict[str, Any]:
    return {prefix + f.name: _cell(getattr(record, f.name)) for f in dataclasses.fields(record)}


_SIDE_COLUMNS = ("article_id", "start", "end", "text", "source", "outlet", "date", "quantity", "q_start", "q_end",
                 "value", "value_max", "unit", "qualifier", "status", "cluster")


def _side(side: Any, prefix: str) -> dict[str, Any]:
    """One side of a contradiction in fixed columns, a figure or a statement alike (a statement has no value)."""
    return {prefix + name: _cell(getattr(side, name, None)) for name in _SIDE_COLUMNS}


def flat_rows(records: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """One flat row per record (a timeline gives one row per point; a contradiction a_* and b_* columns)."""
    for r in records:
        if isinstance(r, Timeline):
            for p in r.points:
                yield {"measure_key": r.measure_key, **_flat(p)}
        elif isinstance(r, Contradiction):
            yield {"measure_key": r.measure_key, "kind": r.kind, "reason": r.reason, "days_apart": r.days_apart,
                   "strength": r.strength, **_side(r.a, "a_"), **_side(r.b, "b_")}
        elif isinstance(r, EntityRecord):  # a flat row has no room for the spans: the mentions are counted
            yield {**_flat(r), "mentions": r.mention_count}
        elif isinstance(r, ClaimCluster):
            values = sorted({c.value for c in r.claims if c.value is not None})
            yield {"measure_key": r.measure_key, "claims": len(r.claims), "origins": r.origins,
                   "outlets": _cell(r.outlets), "first": _cell(r.first), "last": _cell(r.last),
                   "values": _cell([f"{v:g}" for v in values])}
        else:
            yield _flat(r)


def export(records: Iterable[Any], path: str | Path, fmt: str | None = None) -> int:
    """Write ``records`` to ``path`` as CSV, JSONL or Parquet; return the number of rows written."""
    fmt = format_for(path, fmt)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        n = 0
        with path.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(as_json(r), ensure_ascii=False) + "\n")
                n += 1
        return n
    rows = flat_rows(records)
    return _write_csv(rows, path) if fmt == "csv" else _write_parquet(rows, path)


def claim_json(c: StoredClaim) -> dict[str, Any]:
    """A stored claim as the cross-article exports carry it: its clause's span, its quantity's span and
    value, status, source, frame and cluster (``../shared/eval/FORMAT.md``), plus every stored field."""
    out = to_dict(c)
    out.update({
        "start": c.start, "end": c.end, "text": c.text, "source": c.source, "cluster": c.cluster,
        "quantity": {"start": c.q_start, "end": c.q_end, "text": c.quantity, "value": c.value,
                     "value_max": c.value_max, "unit": c.unit, "qualifier": c.qualifier},
    })
    return out


def as_json(record: Any) -> Any:
    """JSON-ready data of any corpus record; claims (alone, in a cluster or a contradiction) in the shape above."""
    if isinstance(record, StoredClaim):
        return claim_json(record)
    if isinstance(record, Contradiction):
        out = to_dict(record)
        out.update(a=as_json(record.a), b=as_json(record.b), cluster=record.measure_key)
        return out
    if isinstance(record, StoredQuote):  # a statement: the side of a stance conflict
        out = to_dict(record)
        out["source"] = record.source
        return out
    if isinstance(record, ClaimCluster):
        out = to_dict(record)
        out.update(cluster=record.measure_key, claims=[claim_json(c) for c in record.claims])
        return out
    return to_dict(record)


def _write_csv(rows: Iterator[dict[str, Any]], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow(row)
            n += 1
    return n


def _schema(rows: list[dict[str, Any]]):
    import pyarrow as pa

    fields = []
    for name in rows[0]:
        sample = next((r[name] for r in rows if r.get(name) is not None), None)
        if isinstance(sample, bool):
            kind = pa.bool_()
        elif isinstance(sample, int) and not name.endswith(("value", "value_max")):
            kind = pa.int64()
        elif isinstance(sample, (int, float)):
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def _write_parquet(rows: Iterator[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, schema, n = None, None, 0
    try:
        while True:
            batch = [r for _, r in zip(range(_PARQUET_BATCH), rows)]
            if not batch:
                break
            if writer is None:
                schema = _schema(batch)
                writer = pq.ParquetWriter(str(path), schema)
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        pq.write_table(pa.table({}), str(path))
    return n
