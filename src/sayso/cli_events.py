"""`sayso events`: occurrences grouped across articles, as ACLED-shaped CSV, GDELT-shaped TSV or JSON lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from sayso.corpus import EventFilter, find_events
from sayso.corpus.event_tables import FORMATS, render
from sayso.corpus.events import link_events
from sayso.errors import SaysoError
from sayso.settings import Settings
from sayso.store import open_store

err = Console(stderr=True)


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _reports_from_files(paths: List[Path]):
    """Event reports from `sayso extract` output files (JSONL, one article a line)."""
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            _fail(f"cannot read {path}: {exc.strerror}")
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError:
                _fail(f"{path}:{n} is not JSON; give the JSONL that `sayso extract` writes")
            for ev in doc.get("events") or []:
                yield {**ev, "article_id": doc.get("id"), "published": doc.get("published"), "url": doc.get("url"),
                       "outlet": doc.get("source"), "title": doc.get("title")}


def events(
    inputs: Optional[List[Path]] = typer.Argument(None, help="`sayso extract` JSONL output to read instead of the store."),
    db: Optional[str] = typer.Option(None, "--db", help="Store to read (default: setting 'db')."),
    fmt: str = typer.Option("acled", "--format", "-f", help="acled (ACLED's CSV columns), gdelt (GDELT's event "
                            "table, tab-separated) or jsonl (one occurrence with its reports a line)."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write here instead of standard output."),
    type_: Optional[str] = typer.Option(None, "--type", help="Only this event type (battles, protests, ...)."),
    since: Optional[str] = typer.Option(None, help="Only events on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Only events on or before this date (YYYY-MM-DD)."),
    place: Optional[str] = typer.Option(None, help="Only events whose place name has this word."),
    country: Optional[str] = typer.Option(None, help="Only events in this country (ISO 3166 code, e.g. UA)."),
    actor: Optional[str] = typer.Option(None, help="Only events whose actor or target has this word."),
    status: Optional[str] = typer.Option(None, help="Only events of this status (the most factual of its "
                                         "reports: asserted, reported, claimed, unverified, denied)."),
) -> None:
    """Events grouped across articles (one row per occurrence, with its reports), as ACLED/GDELT-shaped tables."""
    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    where = EventFilter(type_, None, since, until, place, country, actor, status)
    try:
        if inputs:
            groups = [g for g in link_events(_reports_from_files(inputs)) if where.keeps(g)]
        else:
            with open_store(db or Settings.from_env().db) as store:
                groups = find_events(store, where)
    except SaysoError as exc:
        _fail(str(exc))
        return
    text = render(groups, fmt)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        err.print(f"{len(groups)} events written to {out}", highlight=False)
    else:
        print(text, end="")


def register(app: typer.Typer) -> None:
    """Add `sayso events` to ``app``."""
    app.command("events")(events)
