"""Writing results: JSONL/JSON streams and readable terminal tables (rich)."""

from __future__ import annotations

import json
from typing import IO, Iterable

from rich.console import Console
from rich.table import Table

from sayso.batch import FAILED_PREFIX
from sayso.models import Analysis, Result


def result_record(result: Result) -> dict:
    """One JSON object per input: the analysis fields plus ``outcome``, ``reason`` and ``warnings``."""
    if result.analysis is not None:
        record = result.analysis.to_dict()
    else:
        record = {"id": result.outcome.article_id, "quotes": [], "claims": [], "places": [], "dates": []}
    record["outcome"] = result.outcome.status
    record["reason"] = result.outcome.reason
    record["warnings"] = result.outcome.warnings
    return record


class JsonWriter:
    """Writes results as JSONL (one per line) or as one JSON array, streaming either way."""

    def __init__(self, fh: IO[str], fmt: str = "jsonl") -> None:
        self.fh, self.fmt, self.count = fh, fmt, 0

    def write(self, result: Result) -> None:
        line = json.dumps(result_record(result), ensure_ascii=False)
        if self.fmt == "json":
            self.fh.write(("[\n" if self.count == 0 else ",\n") + line)
        else:
            self.fh.write(line + "\n")
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.fh.write("[]\n" if self.count == 0 else "\n]\n")
        self.fh.flush()


def _clip(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def quantity_value(qt) -> str:
    """'10–15 resident', '400 square mile ≈ 1,036 km2', '1,200,000,000 USD', '— count' (vague)."""
    text = "—" if qt.value is None else _number(qt.value)
    if qt.value_max is not None:
        text += f"–{_number(qt.value_max)}"
    unit = qt.currency or qt.unit or qt.si_unit or ""
    text = f"{text} {unit}".strip()
    if qt.si_value is not None and qt.si_unit and qt.si_unit not in (unit, "count") and qt.si_value != qt.value:
        text += f" ≈ {_number(qt.si_value)} {qt.si_unit}"
    return text


def render_analysis(analysis: Analysis, console: Console) -> None:
    """Readable tables of one article's quotes, claims, places, dates and events."""
    art = analysis.article
    head = f"[bold]{art.title or art.id}[/bold]"
    if art.published:
        head += f"  (published {art.published.isoformat()})"
    console.rule(head)
    quotes = Table(title=f"Quotes ({len(analysis.quotes)})", title_justify="left", expand=True)
    for col in ("kind", "speaker", "cue", "text"):
        quotes.add_column(col, overflow="fold", ratio=6 if col == "text" else None)
    for q in analysis.quotes:
        who = q.speaker.name if q.speaker else "—"
        if q.speaker and q.speaker.text and q.speaker.text != q.speaker.name:
            who += f" [dim]({q.speaker.text})[/dim]"
        quotes.add_row(q.kind, who, q.cue or "", _clip(q.text, 160))
    console.print(quotes)
    claims = Table(title=f"Claims ({len(analysis.claims)})", title_justify="left", expand=True)
    for col in ("quantity", "value", "qualifier", "status", "source"):
        claims.add_column(col, overflow="fold")
    for c in analysis.claims:
        qt = c.quantity
        claims.add_row(qt.text, quantity_value(qt), qt.qualifier, c.status, c.source.name if c.source else "(reporter)")
    console.print(claims)
    places = Table(title=f"Places ({len(analysis.places)})", title_justify="left", expand=True)
    for col in ("text", "resolved to", "country", "feature", "lat, lon"):
        places.add_column(col)
    for p in analysis.places:
        where = f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else "—"
        places.add_row(p.text + (" [dim](metonym)[/dim]" if p.metonym else ""), p.name or "—",
                       p.country_code or "—", p.feature or "—", where)
    console.print(places)
    dates = Table(title=f"Dates ({len(analysis.dates)})", title_justify="left")
    for col in ("text", "value", "note"):
        dates.add_column(col)
    for d in analysis.dates:
        dates.add_row(d.text, d.value or "—", d.reason or ("relative" if d.relative else ""))
    console.print(dates)
    if analysis.events:
        console.print(_events_table(analysis))


def _events_table(analysis: Analysis) -> Table:
    """One row per event: type, who did it to whom, where, when, dead, and who reports it."""
    events = Table(title=f"Events ({len(analysis.events)})", title_justify="left", expand=True)
    for col in ("type", "actor → target", "place", "date", "dead", "status", "source"):
        events.add_column(col, overflow="fold")
    for e in analysis.events:
        kind = e.type + (f" / {e.subtype}" if e.subtype else "")
        who = f"{e.actor.name if e.actor else '—'} → {e.target.name if e.target else '—'}"
        events.add_row(kind, who, e.place.name if e.place and e.place.name else "—", e.date or "—",
                       "—" if e.fatalities is None else str(e.fatalities), e.status,
                       e.source.name if e.source else "(reporter)")
    return events


def render_outcomes(counts: dict[str, int], problems: Iterable[Result], console: Console) -> None:
    """The final ok/skipped/failed/warnings count, and one line per input that was not ok or had a warning
    (an extractor that failed on it: its records are dropped, the others kept)."""
    for r in problems:
        if r.outcome.status == "ok":
            failed = [n for n in (r.analysis.notes if r.analysis else ()) if n.reason.startswith(FAILED_PREFIX)]
            for n in failed:
                console.print(f"[yellow]warning[/yellow] {r.outcome.article_id}: {n.extractor} extractor "
                              f"{n.reason}", highlight=False, soft_wrap=True)
            continue
        console.print(f"[yellow]{r.outcome.status}[/yellow] {r.outcome.article_id}: {r.outcome.reason}",
                      highlight=False, soft_wrap=True)
    warnings = counts.get("warnings", 0)
    console.print(
        f"[bold]{counts.get('ok', 0)} ok[/bold], {counts.get('skipped', 0)} skipped, {counts.get('failed', 0)} failed"
        + (f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else "")
    )


def stdout_console() -> Console:
    """The console for tables on stdout: the terminal's width, or a readable 160 columns off a terminal."""
    console = Console()
    return console if console.is_terminal else Console(width=160)
