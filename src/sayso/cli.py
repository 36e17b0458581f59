"""The `sayso` command line: parse arguments, call the API, format the result."""

from __future__ import annotations

import collections
import datetime as dt
import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sayso.api import analyze_many
from sayso.errors import SaysoError
from sayso.ingest import read_inputs
from sayso.models import Article, Result
from sayso.output import JsonWriter, render_analysis, render_outcomes, stdout_console
from sayso.settings import Settings, describe

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="sayso: who said what in conflict news (quotes, claims, places, dates).")
err = Console(stderr=True)
PROGRESS_AFTER = 5  # show a progress bar once more than a handful of articles have gone through


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _settings(**overrides) -> Settings:
    try:
        return Settings.from_env(**overrides)
    except SaysoError as exc:
        _fail(str(exc))
        raise


def _with_overrides(items, published: Optional[dt.date], title: Optional[str]):
    for item in items:
        if isinstance(item, Article):
            if published and item.published is None:
                item = Article(item.id, item.text, item.title, item.url, published, item.source, item.language)
            if title and item.title is None:
                item = Article(item.id, item.text, title, item.url, item.published, item.source, item.language)
        yield item


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files, directories, '-' for stdin, or http(s) URLs."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write records here (JSONL, or JSON for .json)."),
    fmt: str = typer.Option("jsonl", "--format", "-f",
                            help="jsonl, json or table. 'table' prints tables; with -o the file gets JSONL."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs without one."),
    title: Optional[str] = typer.Option(None, help="Headline for inputs without one."),
    n_process: Optional[int] = typer.Option(None, "--n-process", "-j", help="Worker processes (default: setting)."),
    model: Optional[str] = typer.Option(None, help="spaCy model to use (default: setting 'model')."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what the library does."),
) -> None:
    """Extract quotes, claims, places and dates from articles; one outcome per article."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    if fmt not in ("jsonl", "json", "table"):
        _fail(f"--format must be jsonl, json or table, not {fmt!r}")
    pub = None
    if published:
        try:
            pub = dt.date.fromisoformat(published)
        except ValueError:
            _fail(f"--published must be YYYY-MM-DD, not {published!r}")
    settings = _settings(model=model, n_process=n_process)
    file_fmt = "json" if (fmt == "json" or (out and out.suffix == ".json")) else "jsonl"
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
    fh = out.open("w", encoding="utf-8") if out else (None if fmt == "table" else sys.stdout)
    writer = JsonWriter(fh, file_fmt) if fh else None
    console = stdout_console()
    counts: collections.Counter[str] = collections.Counter()
    problems: list[Result] = []
    items = _with_overrides(read_inputs(inputs, settings), pub, title)
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as progress:
            task = None
            for result in analyze_many(items, settings=settings):
                counts[result.outcome.status] += 1
                counts["warnings"] += result.outcome.warnings
                if result.outcome.status != "ok" or result.outcome.warnings:
                    problems.append(result)
                if writer:
                    writer.write(result)
                if fmt == "table" and result.analysis is not None:
                    render_analysis(result.analysis, console)
                total = counts["ok"] + counts["skipped"] + counts["failed"]
                if task is None and total > PROGRESS_AFTER:
                    task = progress.add_task("articles", total=None)
                if task is not None:
                    progress.update(task, completed=total)
    except SaysoError as exc:
        _fail(str(exc))
    finally:
        if writer:
            writer.close()
        if out and fh:
            fh.close()
    render_outcomes(counts, problems, err)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSONL (articles with gold quotes/claims/places/dates)."),
    pred: Optional[Path] = typer.Argument(None, help="Predictions JSONL; extracted from GOLD when left out."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score extractions against a gold file: detection F1, field accuracies, end-to-end F1."""
    import json

    from sayso.evaluation import evaluate_files

    try:
        scores = evaluate_files(gold, pred, settings=_settings())
    except SaysoError as exc:
        _fail(str(exc))
        return
    if as_json:
        print(json.dumps({task: s.as_dict() for task, s in scores.items()}, indent=2))
        return
    table = Table("task", "metric", "value")
    for task, s in scores.items():
        for metric, value in s.as_dict().items():
            table.add_row(task, metric, f"{value:.3f}")
    stdout_console().print(table)


@app.command("settings")
def show_settings() -> None:
    """List every setting with its default and help (set them as SAYSO_<NAME>)."""
    table = Table("name", "environment", "default", "help")
    for name, default, help_text in describe():
        table.add_row(name, f"SAYSO_{name.upper()}", default, help_text)
    stdout_console().print(table)


def _register_more() -> None:
    from sayso.cli_corpus import register
    from sayso.cli_events import register as register_events
    from sayso.cli_spark import register as register_spark

    register(app)
    register_spark(app)
    register_events(app)


_register_more()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SaysoError as exc:  # pragma: no cover - commands catch their own
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
