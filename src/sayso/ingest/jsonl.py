"""JSONL articles (the fields of ../shared/eval/FORMAT.md: id, text, published, title, url, source)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterable, Iterator

from sayso.models import Article, Outcome


def parse_published(value: object) -> dt.date | None:
    """A publication date from 'YYYY-MM-DD', an ISO timestamp, or None; anything else is None."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def read_jsonl(lines: Iterable[str | None], origin: str) -> Iterator[Article | Outcome]:
    """One Article per well-formed line; a malformed line becomes a 'failed' outcome naming the line.

    A ``None`` in ``lines`` stands for a line whose bytes are not UTF-8.
    """
    for number, line in enumerate(lines, 1):
        where = f"{origin}:{number}"
        if line is None:
            yield Outcome(where, "failed", "line is not valid UTF-8", origin)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Outcome(where, "failed", f"malformed JSON ({exc.msg} at column {exc.colno})", origin)
            continue
        if not isinstance(record, dict):
            yield Outcome(where, "failed", "JSON line is not an object", origin)
            continue
        art_id = str(record.get("id") or where)
        text = record.get("text")
        if not isinstance(text, str):
            yield Outcome(art_id, "skipped", "no 'text' field", origin)
            continue
        yield Article(
            id=art_id,
            text=text,
            title=record.get("title") if isinstance(record.get("title"), str) else None,
            url=record.get("url") if isinstance(record.get("url"), str) else None,
            published=parse_published(record.get("published")),
            source=record.get("source") if isinstance(record.get("source"), str) else origin,
            language=record.get("language") if isinstance(record.get("language"), str) else None,
        )
