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
from pathlib import PurePosixPath
from typing import Any, Iterable, Iterator
from urllib.parse import unquote, urlparse

from sayso.api import analyze_many
from sayso.batch import failed_result
from sayso.ingest import DIRECTORY_SUFFIXES, FEED_SUFFIXES, JSONL_SUFFIXES, read_bytes, sniff_kind
from sayso.ingest.jsonl import (NOT_AN_ARTICLE_FILE, article_from_record, jsonl_holds_articles, parse_published,
                                read_jsonl)
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
        line = row["value"] + "\n"  # Spark strips the line end that `sayso extract` keeps (it shows in errors)
        for item in read_jsonl([line], origin):
            yield item_tuple(_stable_id(item, origin, row["value"]))


def _plain(value: Any) -> Any:
    """A DataFrame cell as JSON would hold it: dates and timestamps as ISO strings."""
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def items_from_records(rows: Iterable[Any], origin: str) -> Iterator[tuple]:
    """DataFrame rows (text, and optionally id, published, title, url, source, language) to item rows, each
    read as a JSONL line is; a row without an id gets its text's hash."""
    for row in rows:
        record = {k: _plain(v) for k, v in (row.asDict() if hasattr(row, "asDict") else dict(row)).items()}
        text = record.get("text")
        seed = text if isinstance(text, str) else json.dumps(record, sort_keys=True, default=str)
        where = hashlib.sha1(seed.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        yield item_tuple(article_from_record(record, where if isinstance(text, str) else f"{origin}#{where}", origin))


def _is_article_file(name: str, data: bytes) -> bool:
    """`sayso extract`'s rule for a file met in a directory walk (ingest.is_article_file), over its bytes."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in DIRECTORY_SUFFIXES:
        return False
    if suffix in FEED_SUFFIXES:
        return sniff_kind("", data[:1024]) == "feed"
    if suffix in JSONL_SUFFIXES:
        return jsonl_holds_articles(data[: 1 << 20].decode("utf-8", "replace").splitlines())
    return True


def items_from_files(rows: Iterable[Any], settings: Settings, walk: bool) -> Iterator[tuple]:
    """Whole files (rows of ``path``, ``content``) to item rows: text, HTML, feeds, JSON or JSONL, read as
    `sayso extract` reads them; in a folder (``walk``) any other file is one 'not an article file' outcome."""
    for row in rows:
        name, data = origin_of(row["path"]), bytes(row["content"])
        if walk and not _is_article_file(name, data):
            yield item_tuple(Outcome(name, "skipped", NOT_AN_ARTICLE_FILE, name))
            continue
        for item in read_bytes(data, name, settings):
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
