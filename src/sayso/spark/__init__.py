"""The same extraction as a Spark job writing Parquet: scale-out beyond one machine (see docs/spark.md).

    >>> from sayso import spark as sayso_spark                                    # doctest: +SKIP
    >>> spark = sayso_spark.session("local[2]")                                   # doctest: +SKIP
    >>> run = sayso_spark.extract(spark, "articles.jsonl", "out/corpus")         # doctest: +SKIP
    >>> run.counts                                                               # doctest: +SKIP
    Counter({'ok': 998, 'skipped': 2})

``extract`` and ``session`` need pyspark (``pip install 'sayso[spark]'``) and Java 17 or newer;
``read_results`` and ``is_output`` read an output with pyarrow alone (``sayso ingest`` uses them).
"""

from __future__ import annotations

import os
import shutil
from typing import Any

from sayso.errors import SparkUnavailable
from sayso.spark.output import completed_runs, is_output, read_results

__all__ = ["extract", "session", "read_results", "is_output", "completed_runs", "SparkRun", "unavailable",
           "INPUT_FORMATS"]

INPUT_FORMATS = ("auto", "jsonl", "parquet", "files")


def unavailable() -> str | None:
    """Why Spark cannot start here (pyspark not installed, no Java), or None when it can."""
    import importlib.util

    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed: pip install 'sayso[spark]'"
    home = os.environ.get("JAVA_HOME")
    if not (home and os.path.exists(os.path.join(home, "bin", "java"))) and shutil.which("java") is None:
        return "no Java: Spark needs Java 17 or newer on PATH or in JAVA_HOME (e.g. apt-get install openjdk-17-jre-headless)"
    return None


def __getattr__(name: str) -> Any:
    if name in ("extract", "session", "SparkRun"):
        reason = unavailable()
        if reason:
            raise SparkUnavailable(reason)
        from sayso.spark import job

        return getattr(job, name)
    raise AttributeError(f"module 'sayso.spark' has no attribute {name!r}")
