"""Corpus commands of the `sayso` CLI (ingest, quotes, claims, clusters, contradictions, timeline, search, groups,
entities, store-info, serve): each parses its arguments, calls one API function and formats the result."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from pathlib import Path
from typing import Any, Callable, Iterable, List, Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from sayso import corpus
from sayso.errors import SaysoError
from sayso.cli_serve import serve
from sayso.settings import Settings
from sayso.store import open_store
from sayso.output import stdout_console

err = Console(stderr=True)
DB_HELP = "Store: a SQLite file path or postgresql://USER@HOST:PORT/DB[?schema=NAME] (default: setting 'db')."
OUT_HELP = "Export the rows to this file instead of printing (.csv, .jsonl or .parquet)."
# Options shared by the query commands (typer reads each default as the option's declaration).
DB_OPTION = typer.Option(None, "--db", help=DB_HELP)
OUT_OPTION = typer.Option(None, "-o", "--out", help=OUT_HELP)
FORMAT_OPTION = typer.Option(None, "--format", "-f", help="csv, jsonl or parquet (default: from -o).")
ABOUT_OPTION = typer.Option(None, "--about", "-a", help="A word of the measure, place or clause.")


class _Warnings(logging.Handler):
    """Counts the library's warnings (a bad stored row skipped, ...) during one command, for its summary;
    prints them on stderr too when logging is not set up (the query commands do not set it up)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if not logging.getLogger().handlers:
            err.print(f"[yellow]warning[/yellow] {record.getMessage()}", highlight=False, soft_wrap=True)

    def summary(self) -> str:
        return f"; {self.count} warning{'s' if self.count != 1 else ''} (bad stored rows skipped)" if self.count else ""


_WARNINGS = _Warnings()


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _settings(**overrides: Any) -> Settings:
    try:
        return Settings.from_env(**overrides)
    except SaysoError as exc:
        _fail(str(exc))
        raise


def _day(value: Optional[str], flag: str) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{flag} must be YYYY-MM-DD, not {value!r}")
        raise


@contextlib.contextmanager
def _store(db: Optional[str], settings: Settings):
    try:
        store = open_store(db or settings.db)
    except SaysoError as exc:
        _fail(str(exc))
        raise
    library = logging.getLogger("sayso")
    _WARNINGS.count = 0
    library.addHandler(_WARNINGS)
    try:
        yield store
    except SaysoError as exc:
        _fail(str(exc))
    finally:
        library.removeHandler(_WARNINGS)
        store.close()


def _show(records: Iterable[Any], out: Optional[Path], fmt: Optional[str], title: str,
          columns: list[tuple[str, Callable[[Any], Any]]]) -> None:
    """Export to ``out``, or print a table of ``columns``."""
    if out:
        n = corpus.export(records, out, fmt)
        err.print(f"wrote {n} rows to {out}{_WARNINGS.summary()}")
        return
    table = Table(title=title, title_justify="left", expand=True)
    for name, _ in columns:
        ratio = 3 if name in ("text", "reason", "snippet", "one side", "other side") else 2 if name in ("measure", "measure_key") else 1
        table.add_column(name, overflow="fold", ratio=ratio)
    n = 0
    for r in records:
        table.add_row(*(Text("" if (v := get(r)) is None else str(v)) for _, get in columns))  # no markup
        n += 1
    table.caption = f"{n} rows{_WARNINGS.summary()}"
    stdout_console().print(table)


def _num(value: Optional[float], value_max: Optional[float] = None, unit: Optional[str] = None) -> str:
    text = "—" if value is None else f"{value:,.6g}"
    if value_max is not None:
        text += f"–{value_max:,.6g}"
    return f"{text} {unit or ''}".strip()


def ingest(
    inputs: List[str] = typer.Argument(..., help="Files, directories, '-' for stdin, or http(s) URLs."),
    db: Optional[str] = DB_OPTION,
    batch: Optional[int] = typer.Option(None, "--batch", help="Articles per transaction (default: setting)."),
    n_process: Optional[int] = typer.Option(None, "--n-process", "-j", help="Worker processes (default: setting)."),
    model: Optional[str] = typer.Option(None, help="spaCy model to use (default: setting 'model')."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what the library does."),
) -> None:
    """Analyse articles and add them to the corpus store; already stored articles are skipped."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    settings = _settings(model=model, n_process=n_process, ingest_batch=batch)
    with _store(db, settings) as store, Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
            transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)

        def tick(r: corpus.IngestReport) -> None:
            progress.update(task, description=f"{r.total:,} articles, {r.stored:,} stored, {r.per_second:,.1f}/s")

        report = corpus.ingest(inputs, store, settings, on_progress=tick)
    for o in report.problems:
        err.print(f"[yellow]{o.status}[/yellow] {o.article_id}: {o.reason}", highlight=False)
    table = Table("ok", "stored", "already stored", "skipped", "failed", "warnings", "seconds", "articles/s",
                  title="ingest", title_justify="left")
    table.add_row(str(report.counts.get("ok", 0)), str(report.stored), str(report.already_stored),
                  str(report.counts.get("skipped", 0) - report.already_stored), str(report.counts.get("failed", 0)),
                  str(report.warnings), f"{report.seconds:.1f}", f"{report.per_second:,.1f}")
    err.print(table)


def quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Any spelling of a name, or a role."),
    since: Optional[str] = typer.Option(None, help="Only articles published on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Only articles published on or before YYYY-MM-DD."),
    limit: Optional[int] = typer.Option(None, help="At most this many quotes."),
    db: Optional[str] = DB_OPTION,
    out: Optional[Path] = OUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION,
) -> None:
    """Quotes across the corpus, oldest first, by speaker entity (all spellings and roles)."""
    settings = _settings()
    with _store(db, settings) as store:
        rows = corpus.quotes(store, speaker=speaker, since=_day(since, "--since"), until=_day(until, "--until"),
                             limit=limit, settings=settings)
        _show(rows, out, fmt, "Quotes", [
            ("published", lambda r: r.published), ("speaker", lambda r: r.entity or r.speaker),
            ("outlet", lambda r: r.outlet), ("text", lambda r: r.text)])


def claims(
    about: Optional[str] = ABOUT_OPTION,
    since: Optional[str] = typer.Option(None, help="Only claims dated on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Only claims dated on or before YYYY-MM-DD."),
    db: Optional[str] = DB_OPTION,
    out: Optional[Path] = OUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION,
) -> None:
    """Quantity claims across the corpus with their measure, value, status and source."""
    settings = _settings()
    with _store(db, settings) as store:
        rows = corpus.clustered_claims(store, about=about, since=_day(since, "--since"),
                                       until=_day(until, "--until"))
        _show(rows, out, fmt, "Claims", [
            ("date", lambda r: r.date), ("measure", lambda r: r.cluster or r.measure_key),
            ("value", lambda r: _num(r.value, r.value_max, r.unit)), ("qualifier", lambda r: r.qualifier),
            ("status", lambda r: r.status), ("source", lambda r: r.source), ("outlet", lambda r: r.outlet),
            ("text", lambda r: r.text)])


def clusters(
    about: Optional[str] = ABOUT_OPTION,
    db: Optional[str] = DB_OPTION,
    out: Optional[Path] = OUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION,
) -> None:
    """Claims grouped by measure, with how many independent origins (not wire copies) stand behind each."""
    settings = _settings()
    with _store(db, settings) as store:
        _show(corpus.claim_clusters(store, about=about), out, fmt, "Claim clusters", [
            ("measure", lambda r: r.measure_key), ("claims", lambda r: len(r.claims)),
            ("independent origins", lambda r: r.origins), ("first", lambda r: r.first), ("last", lambda r: r.last),
            ("values", lambda r: ", ".join(sorted({_num(c.value, c.value_max, c.unit) for c in r.claims})))])


def contradictions(
    about: Optional[str] = ABOUT_OPTION,
    days: Optional[int] = typer.Option(None, "--days", help="Time window in days (default: setting)."),
    db: Optional[str] = DB_OPTION,
    out: Optional[Path] = OUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION,
) -> None:
    """Claims on the same measure, close in time, that disagree: values or claimed vs denied, side by side."""
    settings = _settings(contradiction_days=days)
    with _store(db, settings) as store:
        found = corpus.contradictions(store, about=about, settings=settings)
        if out:
            _show(found, out, fmt, "Contradictions", [])
            return
        console = stdout_console()
        for n, r in enumerate(found, 1):
            when = "same day" if r.days_apart == 0 else f"{r.days_apart} days apart"
            console.print(Text(f"{n}. {r.measure_key} · {r.kind} · strength {r.strength:.2f} · {when}", style="bold"))
            for label, side, copies in (("A", r.a, r.copies[0]), ("B", r.b, r.copies[1])):
                folded = f" (+{copies - 1} copies)" if copies > 1 else ""
                said = (f"{_num(side.value, side.value_max, side.unit)} {side.status}" if hasattr(side, "value")
                        else "statement")
                console.print(Text(f"   {label} {side.source} · {side.outlet or '?'} · {side.date or 'undated'} · "
                                   f"{said}{folded}"))
                evidence = side.text or getattr(side, "quantity", "")
                console.print(Text(f"     “{evidence.strip()}” [{side.article_id}]", style="dim"))
            console.print(Text(f"   why: {r.reason}"))
        console.print(Text(f"{len(found)} contradictions{_WARNINGS.summary()}"))


def timeline(
    about: Optional[str] = typer.Argument(None, help="A word of the measure, place or clause (e.g. Kursk)."),
    measure: Optional[str] = typer.Option(None, "--measure", "-m", help="An exact measure key from `sayso clusters`."),
    db: Optional[str] = DB_OPTION,
    out: Optional[Path] = OUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION,
) -> None:
    """A measure's values over time, each with its source and status (wire copies folded into one point)."""
    settings = _settings()
    with _store(db, settings) as store:
        lines = corpus.timeline(store, about=about, measure=measure)
        if out:
            _show(lines, out, fmt, "", [])
            return
        for line in lines:
            _show(line.points, None, None, f"Timeline: {line.measure_key}", [
                ("date", lambda p: p.date), ("value", lambda p: _num(p.value, p.value_max, p.unit)),
                ("qualifier", lambda p: p.qualifier), ("status", lambda p: p.status), ("source", lambda p: p.source),
                ("outlet", lambda p: p.outlet), ("copies", lambda p: p.copies)])


def search(
    query: str = typer.Argument(..., help="Words that must all occur (stemmed), e.g. \"nuclear power plant\"."),
    limit: int = typer.Option(20, help="Hits per kind (articles, quotes)."),
    db: Optional[str] = DB_OPTION,
    out: Optional[Path] = OUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION,
) -> None:
    """Full-text search over article titles and text, and over quotes."""
    settings = _settings()
    with _store(db, settings) as store:
        _show(corpus.search(store, query, limit=limit), out, fmt, f"Search: {query}", [
            ("kind", lambda h: h.kind), ("article", lambda h: h.article_id), ("published", lambda h: h.published),
            ("speaker", lambda h: h.speaker), ("snippet", lambda h: h.snippet)])


def groups(
    db: Optional[str] = DB_OPTION,
    out: Optional[Path] = OUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION,
) -> None:
    """Wire copies and near-duplicates: groups of articles that are one story, led by the earliest."""
    settings = _settings()
    with _store(db, settings) as store:
        _show(corpus.wire_groups(store), out, fmt, "Wire-copy groups", [
            ("origin", lambda g: g.origin), ("first", lambda g: g.first),
            ("copies", lambda g: len(g.articles) + len(g.copies)), ("articles", lambda g: ", ".join(g.articles)),
            ("exact copies", lambda g: ", ".join(g.copies)), ("outlets", lambda g: ", ".join(g.outlets))])


def entities(
    db: Optional[str] = DB_OPTION,
    out: Optional[Path] = OUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION,
) -> None:
    """Speakers across articles as entities: every name and role each was seen with."""
    settings = _settings()
    with _store(db, settings) as store:
        _show(corpus.entities(store), out, fmt, "Entities", [
            ("name", lambda e: e.name), ("kind", lambda e: e.kind), ("mentions", lambda e: e.mention_count),
            ("articles", lambda e: e.articles), ("names seen", lambda e: ", ".join(e.names)),
            ("roles", lambda e: ", ".join(e.roles))])


def store_info(db: Optional[str] = DB_OPTION) -> None:
    """The store's applied migrations and row counts (opening it applies pending migrations)."""
    settings = _settings()
    with _store(db, settings) as store:
        table = Table("table", "rows", title=f"{store.dialect} store {store.safe_url}", title_justify="left")
        for name, n in store.counts().items():
            table.add_row(name, f"{n:,}")
        stdout_console().print(table)
        stdout_console().print("migrations: " + ", ".join(store.applied_migrations()))


COMMANDS = {"ingest": ingest, "quotes": quotes, "claims": claims, "clusters": clusters,
            "contradictions": contradictions, "timeline": timeline, "search": search, "groups": groups,
            "entities": entities, "store-info": store_info, "serve": serve}


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app``."""
    for name, command in COMMANDS.items():
        app.command(name)(command)
