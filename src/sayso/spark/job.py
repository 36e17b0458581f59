"""The Spark job: read articles anywhere Spark reads, analyse each partition on the executors, write Parquet.

Each run writes every table under ``OUTPUT/<table>/month=YYYY-MM/run=RUN/``, the outcomes table
last, then ``OUTPUT/_runs/RUN.json``: a run without that marker did not complete, and the next run
deletes its partitions before it starts. Articles whose outcome a completed run wrote are not read
again (by id), so a killed job resumes where it stopped.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import json
import logging
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from sayso.errors import InputError
from sayso.ingest import JSONL_SUFFIXES
from sayso.models import Outcome
from sayso.settings import Settings
from sayso.spark import INPUT_FORMATS, executor
from sayso.spark.output import RUNS
from sayso.spark.tables import ARTICLE_ID, MONTH, OUTCOMES, RUN, ColumnType, table, tables

log = logging.getLogger(__name__)

MAX_PROBLEMS = 50
_SCALAR_TYPES = {"string": T.StringType, "json": T.StringType, "long": T.LongType, "double": T.DoubleType,
                 "bool": T.BooleanType, "date": T.DateType}


@dataclass
class SparkRun:
    """What one ``extract`` run did: outcome counts, rows per table, seconds, and a sample of problems."""

    run: str
    output: str
    counts: collections.Counter = field(default_factory=collections.Counter)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    problems: list[Outcome] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def spark_type(kind: ColumnType) -> T.DataType:
    """The Spark SQL type of a column type of ``sayso.spark.tables``."""
    if kind.kind == "struct":
        return T.StructType([T.StructField(n, spark_type(t), True) for n, t in kind.fields])
    if kind.kind == "array":
        return T.ArrayType(spark_type(kind.item), True)
    return _SCALAR_TYPES[kind.kind]()


def spark_schema(name: str) -> T.StructType:
    """The Spark schema of the table called ``name``."""
    return T.StructType([T.StructField(n, spark_type(t), True) for n, t in table(name).columns])


ITEM_SCHEMA = T.StructType([T.StructField(n, T.StringType(), True) for n in executor.ITEM_FIELDS])


def session(master: str | None = None, app_name: str = "sayso", conf: dict[str, str] | None = None) -> SparkSession:
    """A Spark session; ``master`` None keeps what spark-submit or the cluster set (local[*] when nothing did).

    In local mode the workers' Python is this interpreter (unless PYSPARK_PYTHON says otherwise), so they
    import the same sayso.
    """
    if not master or master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # a local run listens on loopback only
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def _format_of(source: str, input_format: str) -> str:
    if input_format not in INPUT_FORMATS:
        raise InputError(f"input format must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}")
    if input_format != "auto":
        return input_format
    suffix = PurePosixPath(source.rstrip("/")).suffix.lower()
    return "parquet" if suffix == ".parquet" else "jsonl" if suffix in JSONL_SUFFIXES else "files"


def read_items(spark: SparkSession, source: DataFrame | str, settings: Settings, input_format: str = "auto"
               ) -> DataFrame:
    """The input as item rows (an Article, or an Outcome saying why a line or file is no article)."""
    if isinstance(source, DataFrame):
        rdd = source.rdd.mapPartitions(functools.partial(executor.items_from_records, origin="<dataframe>"))
        return spark.createDataFrame(rdd, ITEM_SCHEMA)
    fmt = _format_of(source, input_format)
    if fmt == "parquet":
        frame = spark.read.parquet(source)
        rdd = frame.rdd.mapPartitions(functools.partial(executor.items_from_records, origin=source))
    elif fmt == "jsonl":
        lines = spark.read.text(source).select(F.col("_metadata.file_path").alias("origin"), "value")
        rdd = lines.rdd.mapPartitions(executor.items_from_lines)
    else:
        files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(source)
                 .select("path", "content"))
        walk = _is_directory(spark, source)
        rdd = files.rdd.mapPartitions(functools.partial(executor.items_from_files, settings=settings, walk=walk))
        empty = [{"path": path, "content": b""} for path in _empty_files(spark, source)]
        if empty:  # Spark reads no split of an empty file: give it the outcome `sayso extract` gives
            rdd = rdd.union(spark.sparkContext.parallelize(list(executor.items_from_files(empty, settings, walk)), 1))
    return spark.createDataFrame(rdd, ITEM_SCHEMA)


def _visible(name: str) -> bool:
    return not name.startswith((".", "_"))


def _empty_files(spark: SparkSession, source: str) -> list[str]:
    """The zero-byte files ``source`` names or holds (hidden ones passed over, as Spark does)."""
    jpath, fs = _hadoop_path(spark, source)
    found = []
    for status in fs.globStatus(jpath) or []:
        if not status.isDirectory():
            found += [status.getPath().toString()] if status.getLen() == 0 else []
            continue
        root = status.getPath().toString().rstrip("/")
        files = fs.listFiles(status.getPath(), True)
        while files.hasNext():
            f = files.next()
            path = f.getPath().toString()
            if f.getLen() == 0 and all(_visible(part) for part in path[len(root):].split("/") if part):
                found.append(path)
    return found


def _hadoop_path(spark: SparkSession, path: str):
    """(Hadoop Path, its FileSystem) for any path or URI Spark reads and writes."""
    jpath = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(path)
    return jpath, jpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())


def _is_directory(spark: SparkSession, path: str) -> bool:
    """Whether ``path`` names a folder (a glob or a missing path is not one)."""
    try:
        jpath, fs = _hadoop_path(spark, path)
        return bool(fs.getFileStatus(jpath).isDirectory())
    except Exception:  # noqa: BLE001 - py4j raises Py4JJavaError for a glob or a missing path
        return False


class _Output:
    """The output folder through Hadoop's FileSystem, so any URI Spark writes works (file:, hdfs:, s3a: ...)."""

    def __init__(self, spark: SparkSession, path: str) -> None:
        self.spark, self.path = spark, path.rstrip("/")
        self._jvm = spark.sparkContext._jvm
        self._fs = _hadoop_path(spark, self.path)[1]

    def _path(self, path: str):
        return self._jvm.org.apache.hadoop.fs.Path(path)

    def completed(self) -> set[str]:
        runs = self._path(f"{self.path}/{RUNS}")
        if not self._fs.exists(runs):
            return set()
        return {s.getPath().getName().removesuffix(".json") for s in self._fs.listStatus(runs)
                if s.getPath().getName().endswith(".json")}

    def drop_incomplete(self) -> list[str]:
        """Delete the partitions of runs that never wrote their marker; return their run ids."""
        done = self.completed()
        dropped = set()
        for status in self._fs.globStatus(self._path(f"{self.path}/*/{MONTH}=*/{RUN}=*")) or []:
            run = status.getPath().getName().removeprefix(f"{RUN}=")
            if run not in done:
                self._fs.delete(status.getPath(), True)
                dropped.add(run)
        return sorted(dropped)

    def has(self, name: str) -> bool:
        return self._fs.exists(self._path(f"{self.path}/{name}"))

    def write_marker(self, run: str, data: dict[str, Any]) -> None:
        stream = self._fs.create(self._path(f"{self.path}/{RUNS}/{run}.json"), True)
        try:
            stream.write(bytearray(json.dumps(data, indent=1, sort_keys=True).encode("utf-8")))
        finally:
            stream.close()


def _pending(spark: SparkSession, items: DataFrame, out: _Output) -> DataFrame:
    """The items whose outcome no completed run wrote."""
    if not out.completed() or not out.has(OUTCOMES):
        return items
    done = spark.read.parquet(f"{out.path}/{OUTCOMES}").select(F.col(ARTICLE_ID).alias("_done")).distinct()
    return items.join(done, items["id"] == done["_done"], "left_anti")


def _run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def extract(spark: SparkSession, source: DataFrame | str, output: str, *, settings: Settings | None = None,
            partitions: int | None = None, input_format: str = "auto") -> SparkRun:
    """Analyse every article of ``source`` (a DataFrame with ``text``, or a path/URI of JSONL, Parquet or
    article files) on the cluster and write one Parquet table per record kind under ``output``.

    Articles already written by a completed run (by id) are skipped. Bad lines, rejected and failing
    articles are rows of the outcomes table with their reason; they never fail the job.
    """
    started = time.perf_counter()
    settings = (settings or Settings.from_env()).replace(n_process=1)
    report = SparkRun(_run_id(), output.rstrip("/"))
    out = _Output(spark, output)
    dropped = out.drop_incomplete()
    if dropped:
        log.warning("removed the partial output of incomplete runs %s", ", ".join(dropped))
    items = _pending(spark, read_items(spark, source, settings, input_format), out)
    n = partitions or spark.sparkContext.defaultParallelism * 4
    rows = (items.repartition(n).rdd
            .mapPartitions(functools.partial(executor.analyse_partition, settings=settings, run=report.run))
            .persist(StorageLevel.MEMORY_AND_DISK))
    try:
        _count(rows, report)
        _write_tables(spark, rows, report)
        _sample_problems(rows, report)
    finally:
        rows.unpersist()
    report.seconds = time.perf_counter() - started
    out.write_marker(report.run, {"run": report.run, "input": source if isinstance(source, str) else "<dataframe>",
                                  "counts": dict(report.counts), "rows": report.rows, "seconds": report.seconds,
                                  "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
    return report


def _count(rows, report: SparkRun) -> None:
    """Analyse (the first action over the persisted rows) and count rows per table and outcomes per status."""
    status = table(OUTCOMES).names.index("status")
    counted = rows.map(lambda r: (r[0], r[1][status] if r[0] == OUTCOMES else None)).countByValue()
    for t in tables():
        n = sum(v for (name, _), v in counted.items() if name == t.name)
        if n:
            report.rows[t.name] = n
    report.counts.update({outcome: n for (name, outcome), n in counted.items() if name == OUTCOMES})


def _write_tables(spark: SparkSession, rows, report: SparkRun) -> None:
    """Append each table's rows of this run; outcomes come last: once written, the run's articles are done."""
    for t in tables():
        if report.rows.get(t.name):
            frame = spark.createDataFrame(rows.filter(lambda r, name=t.name: r[0] == name).map(lambda r: r[1]),
                                          spark_schema(t.name))
            frame.write.mode("append").partitionBy(MONTH, RUN).parquet(f"{report.output}/{t.name}")


def _sample_problems(rows, report: SparkRun) -> None:
    """Up to MAX_PROBLEMS outcomes that are not ok, for the command line to show."""
    if report.total == report.counts.get("ok", 0):
        return
    names = table(OUTCOMES).names
    status, art, reason, origin = (names.index(k) for k in ("status", ARTICLE_ID, "reason", "origin"))
    outcomes = rows.filter(lambda r: r[0] == OUTCOMES).map(lambda r: r[1])
    for r in outcomes.filter(lambda r: r[status] != "ok").take(MAX_PROBLEMS):
        report.problems.append(Outcome(r[art], r[status], r[reason], r[origin]))
