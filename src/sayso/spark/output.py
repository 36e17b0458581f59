"""Reading a Spark extraction's Parquet output back into Results with pyarrow (no Spark, no second analysis).

An output folder holds one folder per table (``articles/``, ``quotes/`` ...) partitioned as
``month=YYYY-MM/run=RUN/``, and ``_runs/RUN.json`` for every run that completed. Only completed runs
are read: the partitions of a run still going, or killed, are left alone.
"""

from __future__ import annotations

import collections
import json
import posixpath
from typing import Any, Iterator

from sayso.errors import InputError
from sayso.models import Analysis, Result
from sayso.spark.tables import ARTICLE_ID, ARTICLES, OUTCOMES, POSITION, record_fields, record_of, table

RUNS = "_runs"


def _filesystem(path: str):
    """(pyarrow filesystem, path within it) for a local path or a URI pyarrow knows (s3://, gs://, hdfs://)."""
    import os

    from pyarrow import fs

    if "://" in path and not path.startswith("file://"):
        return fs.FileSystem.from_uri(path)
    local = path.removeprefix("file://")
    return fs.LocalFileSystem(), os.path.abspath(local)


def _children(filesystem, path: str) -> list[str]:
    from pyarrow import fs

    infos = filesystem.get_file_info(fs.FileSelector(path, allow_not_found=True))
    return sorted(posixpath.basename(i.path) for i in infos if not posixpath.basename(i.path).startswith((".", "_"))
                  or posixpath.basename(i.path) == RUNS)


def is_output(path: str) -> bool:
    """Whether ``path`` is the output folder of ``sayso spark-extract`` (it holds ``outcomes/`` and ``_runs/``)."""
    if not isinstance(path, str) or path == "-" or path.startswith(("http://", "https://")):
        return False
    try:
        filesystem, root = _filesystem(path)
        names = _children(filesystem, root)
    except (OSError, ValueError):
        return False
    return OUTCOMES in names and RUNS in names


def completed_runs(path: str) -> dict[str, dict[str, Any]]:
    """Each completed run's id and what its marker says (counts, input, times), oldest first."""
    filesystem, root = _filesystem(path)
    runs = {}
    for name in _children(filesystem, posixpath.join(root, RUNS)):
        if name.endswith(".json"):
            with filesystem.open_input_stream(posixpath.join(root, RUNS, name)) as fh:
                runs[name.removesuffix(".json")] = json.loads(fh.read().decode("utf-8"))
    return dict(sorted(runs.items()))


def _partitions(filesystem, root: str, runs: dict) -> Iterator[tuple[str, str]]:
    """(month folder, run folder) of every outcomes partition of a completed run."""
    base = posixpath.join(root, OUTCOMES)
    for month in _children(filesystem, base):
        for run in _children(filesystem, posixpath.join(base, month)):
            if run.removeprefix("run=") in runs:
                yield month, run


def _rows(filesystem, root: str, name: str, month: str, run: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    folder = posixpath.join(root, name, month, run)
    if filesystem.get_file_info(folder).type.name != "Directory":
        return []
    return pq.read_table(folder, filesystem=filesystem).to_pylist()


def read_results(path: str) -> Iterator[Result]:
    """One Result per outcome row of every completed run, with its Analysis rebuilt from the tables.

    Memory holds one month of one run at a time. Raises ``InputError`` when ``path`` is no such output.
    """
    if not is_output(path):
        raise InputError(f"{path}: not a `sayso spark-extract` output (no outcomes/ and _runs/ in it)")
    filesystem, root = _filesystem(path)
    runs = completed_runs(path)
    for month, run in _partitions(filesystem, root, runs):
        yield from _partition_results(filesystem, root, month, run)


def _partition_results(filesystem, root: str, month: str, run: str) -> Iterator[Result]:
    articles = {r[ARTICLE_ID]: r for r in _rows(filesystem, root, ARTICLES, month, run)}
    records: dict[str, dict[str, list]] = {name: collections.defaultdict(list) for name in record_fields()}
    for name in record_fields():
        for row in sorted(_rows(filesystem, root, name, month, run), key=lambda r: r[POSITION]):
            records[name][row[ARTICLE_ID]].append(record_of(table(name), row))
    for row in _rows(filesystem, root, OUTCOMES, month, run):
        outcome = record_of(table(OUTCOMES), row)
        article = articles.get(outcome.article_id)
        if outcome.status != "ok" or article is None:
            yield Result(outcome)
            continue
        fields = {name: tuple(records[name].pop(outcome.article_id, ())) for name in record_fields()}
        yield Result(outcome, Analysis(record_of(table(ARTICLES), article), **fields))
