"""`sayso spark-extract`: parse the arguments, start Spark, call ``sayso.spark.extract`` and print what it did."""

from __future__ import annotations

import logging
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from sayso.errors import SaysoError
from sayso.settings import Settings

err = Console(stderr=True)


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def spark_extract(
    source: str = typer.Argument(..., metavar="INPUT",
                                 help="JSONL, Parquet or article files: a path, a glob or any URI Spark reads."),
    output: str = typer.Argument(..., metavar="OUTPUT",
                                 help="Output folder or URI: one Parquet table per record kind under it."),
    master: Optional[str] = typer.Option(None, "--master",
                                         help="Spark master: local[2], spark://HOST:7077, yarn ... "
                                              "(default: spark-submit's, else local[*])."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1,
                                             help="Partitions to analyse in (default: four per core)."),
    input_format: str = typer.Option("auto", "--input-format",
                                     help="auto (by suffix: .jsonl/.json, .parquet, else files), jsonl, parquet, "
                                          "or files (text, HTML and feeds, read as `sayso extract` reads them)."),
    model: Optional[str] = typer.Option(None, help="spaCy model to use (default: setting 'model')."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what the library does."),
) -> None:
    """Run the extraction as a Spark job and write Parquet tables (articles, outcomes, quotes, claims ...)."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    from sayso import spark as sayso_spark

    if input_format not in sayso_spark.INPUT_FORMATS:
        _fail(f"--input-format must be one of {', '.join(sayso_spark.INPUT_FORMATS)}, not {input_format!r}")
    try:

        settings = Settings.from_env(model=model)
        spark = sayso_spark.session(master)
        spark.sparkContext.setLogLevel("INFO" if verbose else "WARN")
        run = sayso_spark.extract(spark, source, output, settings=settings, partitions=partitions,
                                  input_format=input_format)
    except SaysoError as exc:
        _fail(str(exc))
        return
    for o in run.problems:
        err.print(f"[yellow]{o.status}[/yellow] {o.article_id}: {o.reason}", highlight=False, soft_wrap=True)
    table = Table("table", "rows", title=f"spark-extract run {run.run} -> {run.output}", title_justify="left")
    for name, n in run.rows.items():
        table.add_row(name, f"{n:,}")
    err.print(table)
    err.print(f"[bold]{run.counts.get('ok', 0)} ok[/bold], {run.counts.get('skipped', 0)} skipped, "
              f"{run.counts.get('failed', 0)} failed in {run.seconds:.1f} s"
              + ("" if run.total else " (nothing new: every article was already written)"))


def register(app: typer.Typer) -> None:
    """Add `spark-extract` to ``app``."""
    app.command("spark-extract")(spark_extract)
