"""JSON articles: JSONL lines and whole JSON documents (one article object or a list of them).

The fields are those of ../shared/eval/FORMAT.md: id, text, published, title, url, source.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any, Iterable, Iterator

from sayso.models import Article, Outcome

NOT_AN_ARTICLE_FILE = "not an article file"
PEEK_LINES = 5  # a JSONL file in a directory is an article file when one of its first lines is an article


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


def is_article_record(record: Any) -> bool:
    """True for a JSON object with a string ``text``: the one field an article cannot do without."""
    return isinstance(record, dict) and isinstance(record.get("text"), str)


def _str(record: dict, key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) else None


def article_from_record(record: Any, where: str, origin: str) -> Article | Outcome:
    """The Article of one decoded JSON value, or an outcome saying why it is none."""
    if not isinstance(record, dict):
        return Outcome(where, "failed", "JSON line is not an object", origin)
    art_id = str(record.get("id") or where)
    if not is_article_record(record):
        return Outcome(art_id, "skipped", "no 'text' field", origin)
    return Article(id=art_id, text=record["text"], title=_str(record, "title"), url=_str(record, "url"),
                   published=parse_published(record.get("published")), source=_str(record, "source") or origin,
                   language=_str(record, "language"))


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
        yield article_from_record(record, where, origin)


def jsonl_holds_articles(lines: Iterable[str | None]) -> bool:
    """True when one of the first non-blank lines decodes to an article object."""
    for line in itertools.islice((ln for ln in lines if ln is None or ln.strip()), PEEK_LINES):
        try:
            if line is not None and is_article_record(json.loads(line)):
                return True
        except json.JSONDecodeError:
            continue
    return False


def read_json_document(text: str, origin: str) -> Iterator[Article | Outcome]:
    """Articles of a whole JSON document: one article object, or a list of them.

    A document that holds no article (settings, gold files, any other JSON) is one 'skipped'
    outcome for the whole file; a document that is really JSONL is read line by line.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several values, one per line: JSONL under a .json name
            yield from read_jsonl(text.split("\n"), origin)  # not splitlines: U+2028 may sit in a text
        else:
            yield Outcome(origin, "failed", f"malformed JSON ({exc.msg} at line {exc.lineno})", origin)
        return
    if is_article_record(data):
        yield article_from_record(data, origin, origin)
    elif isinstance(data, list) and any(is_article_record(item) for item in data):
        for n, item in enumerate(data, 1):
            yield article_from_record(item, f"{origin}#{n}", origin)
    else:
        yield Outcome(origin, "skipped", NOT_AN_ARTICLE_FILE, origin)
