"""Ingest through the desk: an uploaded file, pasted text or a URL becomes articles, then ``corpus.ingest``."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
from typing import Any, Callable, Iterable

from sayso import corpus
from sayso.ingest import read_bytes, read_inputs
from sayso.models import Article, Outcome
from sayso.settings import Settings
from sayso.store import Store
from sayso.web.errors import ApiError
from sayso.web.views import jsonify

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
UPLOAD_SOURCE = "desk upload"


def _digest(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def from_upload(data: bytes, filename: str | None, settings: Settings) -> list[Article | Outcome]:
    """The articles in one uploaded file (text, HTML, JSON, JSONL or a feed, sniffed as `sayso ingest` does).

    A plain-text or HTML file gets an id from its name and content, so two uploads called story.txt differ."""
    name = _SAFE.sub("_", (filename or "upload.txt").rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[:80] or "upload.txt"
    items = []
    for item in read_bytes(data, name, settings):
        if isinstance(item, Article) and item.id == name:
            item = Article(f"{name.rsplit('.', 1)[0]}-{_digest(item.text)}", item.text, item.title, item.url,
                           item.published, item.source if item.source != name else UPLOAD_SOURCE, item.language)
        items.append(item)
    return items


def from_text(text: str, title: str | None, published: str | None) -> list[Article | Outcome]:
    day = None
    if published:
        try:
            day = dt.date.fromisoformat(published)
        except ValueError:
            raise ApiError(422, f"published must be YYYY-MM-DD, not {published!r}", "invalid_parameter") from None
    return [Article(f"desk-{_digest(text)}", text, title or None, None, day, UPLOAD_SOURCE)]


def from_url(url: str, settings: Settings) -> list[Article | Outcome]:
    """The article at an http(s) URL; private and loopback addresses stay refused unless the settings allow them."""
    if not re.match(r"^https?://[^\s/]+", url or ""):
        raise ApiError(422, f"url must start with http:// or https://, not {url[:80]!r}", "invalid_parameter")
    return list(read_inputs([url], settings))


class Ingester:
    """Runs one ingest at a time (a second one waits up to ``wait`` seconds, then gets 409)."""

    def __init__(self, settings: Settings, analyse: Callable | None = None, wait: float = 120.0) -> None:
        self.settings = settings
        self.analyse = analyse
        self.wait = wait
        self._lock = threading.Lock()

    def run(self, store: Store, items: Iterable[Article | Outcome]) -> dict[str, Any]:
        items = list(items)
        if not items:
            raise ApiError(422, "nothing to ingest: give a file, a url or text", "invalid_parameter")
        if not self._lock.acquire(timeout=self.wait):
            raise ApiError(409, "another ingest is still running; try again when it ends", "ingest_running")
        try:
            report = corpus.ingest(items, store, self.settings, analyse=self.analyse)
        finally:
            self._lock.release()
        ids = [i.id for i in items if isinstance(i, Article)]
        return {"counts": dict(report.counts), "stored": report.stored, "already_stored": report.already_stored,
                "seconds": round(report.seconds, 3), "problems": jsonify(report.problems),
                "articles": [{"id": i, "stored": store.article_pk(i) is not None} for i in ids]}
