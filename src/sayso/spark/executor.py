"""What runs on Spark's executors: input rows to Articles or Outcomes, then ``analyze_many`` per partition.

The per-article work is ``sayso.api.analyze_many`` itself, the function ``sayso extract`` calls, run in
the executor's Python process with ``n_process=1``. The model and the gazetteer are loaded by that
function's per-process caches (``sayso.nlp.load_nlp``, ``sayso.gazetteer.load_gazetteer``); Spark reuses
its Python workers, so each executor process loads them once, not once per partition or article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import logging
from typing import Any, Iterable, Iterator
from urllib.parse import unquote, urlparse

from sayso.api import analyze_many
from sayso.batch import failed_result
from sayso.ingest import read_bytes
from sayso.ingest.jsonl import parse_published, read_jsonl
from sayso.models import Article, Outcome, Result
from sayso.settings import Settings
from sayso.spark.tables import month_of, result_rows

log = logging.getLogger(__name__)

# The columns of the item table between reading and analysis: an Article, or an Outcome (status set).
ITEM_FIELDS = ("id", "text", "title", "url", "published", "source", "language", "status", "reason", "origin")


def origin_of(uri: str) -> str:
    """A file's name as `sayso extract` would give it: the local path for file: URIs, else the URI."""
    return unquote(urlparse(uri).path) if uri.startswith("file:") else uri


def item_tuple(item: Article | Outcome) -> tuple:
    """An Article or Outcome as a row of ITEM_FIELDS."""
    if isinstance(item, Outcome):
        return (item.article_id, None, None, None, None, None, None, item.status, item.reason, item.origin)
    published = item.published.isoformat() if item.published else None
    return (item.id, item.text, item.title, item.url, published, item.source, item.language, None, None, None)


def item_of(row: Any) -> Article | Outcome:
    """The Article or Outcome a row of ITEM_FIELDS holds."""
    if row["status"]:
        return Outcome(row["id"], row["status"], row["reason"], row["origin"])
    return Article(row["id"], row["text"], row["title"], row["url"], parse_published(row["published"]),
                   row["source"], row["language"])


def _stable_id(item: Article | Outcome, origin: str, line: str) -> Article | Outcome:
    """Give a line without an 'id' a stable id: the text's hash (as `sayso.analyze`), or the line's."""
    if isinstance(item, Article) and item.id == f"{origin}:1":
        return Article(hashlib.sha1(item.text.encode("utf-8", "surrogatepass")).hexdigest()[:16], item.text,
                       item.title, item.url, item.published, item.source, item.language)
    if isinstance(item, Outcome) and item.article_id == f"{origin}:1":
        digest = hashlib.sha1(line.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return Outcome(f"{origin}#{digest}", item.status, item.reason, item.origin)
    return item


def items_from_lines(rows: Iterable[Any]) -> Iterator[tuple]:
    """JSONL lines (rows of ``origin``, ``value``) to item rows, each line read as `sayso extract` reads it."""
    for row in rows:
        origin = origin_of(row["origin"])
        for item in read_jsonl([row["value"]], origin):
            yield item_tuple(_stable_id(item, origin, row["value"]))


def _iso(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def items_from_records(rows: Iterable[Any], origin: str) -> Iterator[tuple]:
    """DataFrame rows (id, text, published, title, url, source, language) to item rows, read as JSONL lines."""
    for row in rows:
        record = row.asDict(recursive=True) if hasattr(row, "asDict") else dict(row)
        line = json.dumps(record, default=_iso, ensure_ascii=False)
        for item in read_jsonl([line], origin):
            yield item_tuple(_stable_id(item, origin, line))


def items_from_files(rows: Iterable[Any], settings: Settings) -> Iterator[tuple]:
    """Whole files (rows of ``path``, ``content``) to item rows: text, HTML, feeds or JSONL, as `sayso extract`."""
    for row in rows:
        for item in read_bytes(bytes(row["content"]), origin_of(row["path"]), settings):
            yield item_tuple(item)


def _alone(item: Article | Outcome, settings: Settings) -> Result:
    try:
        return next(iter(analyze_many([item], settings=settings, n_process=1)))
    except Exception as exc:  # noqa: BLE001 - a job never fails for one article: it is a failed outcome
        log.exception("analysis failed on %s", getattr(item, "id", None) or getattr(item, "article_id", "?"))
        art_id = item.article_id if isinstance(item, Outcome) else item.id
        return failed_result(art_id, getattr(item, "source", None), exc)


def analysed(items: Iterable[Article | Outcome], settings: Settings) -> Iterator[tuple[Article | Outcome, Result]]:
    """(item, Result) for every item, by ``analyze_many`` in chunks; a chunk that raises is redone one by one."""
    items = iter(items)
    while chunk := list(itertools.islice(items, max(1, settings.batch_size))):
        try:
            results = list(analyze_many(chunk, settings=settings, n_process=1))
        except Exception:  # noqa: BLE001 - find the article at fault; the others keep their results
            log.exception("a chunk of %d articles failed; analysing them one at a time", len(chunk))
            results = [_alone(item, settings) for item in chunk]
        yield from zip(chunk, results)


def analyse_partition(rows: Iterable[Any], settings: Settings, run: str) -> Iterator[tuple[str, tuple]]:
    """(table name, row) for every row a partition of item rows writes."""
    for item, result in analysed((item_of(r) for r in rows), settings):
        month = month_of(item.published) if isinstance(item, Article) else month_of(None)
        yield from result_rows(result, month, run)
