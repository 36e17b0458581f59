"""Inputs to Articles: plain text, HTML, JSONL, RSS/Atom, directories, stdin and http(s) URLs.

``read_inputs`` yields an ``Article`` for every readable article and an ``Outcome`` (skipped or
failed, with a reason) for everything else, so one bad input never stops a batch.
"""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from sayso.errors import ArticleRejected, FetchError
from sayso.ingest.decode import decode_bytes
from sayso.ingest.feeds import read_feed
from sayso.ingest.html import article_from_html
from sayso.ingest.jsonl import (NOT_AN_ARTICLE_FILE, jsonl_holds_articles, parse_published, read_json_document,
                                read_jsonl)
from sayso.models import Article, Outcome
from sayso.settings import Settings

__all__ = ["read_inputs", "read_bytes", "parse_published"]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
# What a directory walk reads; any other file in it is one 'skipped: not an article file' outcome.
# Notes (.md) and files without a suffix are read only when named on their own.
DIRECTORY_SUFFIXES = {".txt", ".text"} | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
MAX_FILE_BYTES_FACTOR = 4  # a file may hold up to this many bytes per allowed character
MAX_JSON_BYTES = 512 * 1024 * 1024  # a whole JSON document (a list of articles) is read at once


def sniff_kind(name: str, head: bytes) -> str:
    """'json', 'jsonl', 'html', 'feed' or 'text', from the name's suffix and the first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"[") and start[1:].lstrip().startswith((b"{", b"]")):
        return "json"
    if start.startswith(b"<?xml") and (b"<rss" in start or b"<feed" in start or b"<rdf" in start):
        return "feed"
    if start.startswith((b"<rss", b"<feed")):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>")):
        return "html"
    return "text"


def _hash_id(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


def read_bytes(data: bytes, name: str, settings: Settings, *, kind: str | None = None,
               charset: str | None = None, url: str | None = None) -> Iterator[Article | Outcome]:
    """Articles from the bytes of one file, stream or download named ``name``."""
    kind = kind or sniff_kind(name, data[:1024])
    limit = MAX_JSON_BYTES if kind == "json" else settings.max_chars * MAX_FILE_BYTES_FACTOR
    if kind != "jsonl" and len(data) > limit:
        yield Outcome(name, "skipped", f"too large ({len(data):,} bytes, limit {limit:,})", name)
        return
    if kind == "feed":
        yield from read_feed(data, name)
        return
    try:
        text = decode_bytes(data, charset, name)
    except ArticleRejected as exc:
        yield Outcome(name, "skipped", exc.reason, name)
        return
    if kind == "jsonl":
        yield from read_jsonl(io.StringIO(text), name)
    elif kind == "json":
        yield from read_json_document(text, name)
    elif kind == "html":
        try:
            yield article_from_html(text, url=url, source=name, article_id=url or name)
        except ArticleRejected as exc:
            yield Outcome(name, "skipped", exc.reason, name)
    else:
        yield Article(id=url or name, text=text, url=url, source=name)


def _read_path(path: Path, settings: Settings) -> Iterator[Article | Outcome]:
    if path.is_dir():
        yield from _read_directory(path, settings)
        return
    if not path.exists():
        yield Outcome(str(path), "failed", "no such file or directory", str(path))
        return
    try:
        yield from _read_file(path, settings)
    except OSError as exc:  # unreadable (permissions, a vanished file, a device): this file's outcome only
        yield Outcome(str(path), "failed", f"cannot read the file ({exc.strerror or type(exc).__name__})", str(path))


def _read_file(path: Path, settings: Settings) -> Iterator[Article | Outcome]:
    kind = sniff_kind(path.name, _head(path))
    if kind == "jsonl":  # stream line by line: constant memory on big corpora
        yield from read_jsonl(_lines(path), str(path))
        return
    limit = MAX_JSON_BYTES if kind == "json" else settings.max_chars * MAX_FILE_BYTES_FACTOR
    if path.stat().st_size > limit:
        yield Outcome(str(path), "skipped", f"too large ({path.stat().st_size:,} bytes, limit {limit:,})", str(path))
        return
    yield from read_bytes(path.read_bytes(), str(path), settings, kind=kind)


def _read_directory(folder: Path, settings: Settings) -> Iterator[Article | Outcome]:
    """Every article file under ``folder`` in name order; hidden files and folders are passed over,
    and any other file is one 'skipped' outcome (never one per line)."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        try:
            article_file = is_article_file(path)
        except OSError:
            article_file = True  # _read_path reports why it cannot be read
        if article_file:
            yield from _read_path(path, settings)
        else:
            yield Outcome(str(path), "skipped", NOT_AN_ARTICLE_FILE, str(path))


def is_article_file(path: Path) -> bool:
    """Whether a file met in a directory walk holds articles: by its suffix, and for XML and JSONL
    by its first bytes or lines (an XML file that is no feed, a JSONL file of other records, is not)."""
    suffix = path.suffix.lower()
    if suffix not in DIRECTORY_SUFFIXES:
        return False
    if suffix in FEED_SUFFIXES:
        return sniff_kind("", _head(path)) == "feed"
    if suffix in JSONL_SUFFIXES:
        return jsonl_holds_articles(_lines(path))
    return True


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(1024)


def _lines(path: Path) -> Iterator[str | None]:
    """The file's lines, decoded lazily; None for a line that is not UTF-8 (read_jsonl reports it)."""
    with path.open("rb") as fh:
        for raw in fh:
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield None


def _read_stream(stream: BinaryIO, name: str, settings: Settings) -> Iterator[Article | Outcome]:
    head = stream.read(1024)
    kind = sniff_kind(name, head)
    if kind == "jsonl":
        rest = io.TextIOWrapper(io.BufferedReader(_Prepend(head, stream)), encoding="utf-8", errors="replace")
        yield from read_jsonl(rest, name)
        return
    yield from read_bytes(head + stream.read(), name, settings, kind=kind)


class _Prepend(io.RawIOBase):
    """A raw stream that first replays ``head`` and then reads from ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_url(url: str, settings: Settings) -> Iterator[Article | Outcome]:
    from sayso.ingest.url import fetch

    try:
        body, charset, final = fetch(url, settings)
    except FetchError as exc:
        yield Outcome(url, "failed", str(exc).removeprefix(f"{url}: "), url)
        return
    yield from read_bytes(body, final, settings, charset=charset, url=final,
                          kind=None if Path(final).suffix else ("feed" if b"<rss" in body[:512] else None))


def read_inputs(inputs: Iterable[str], settings: Settings | None = None) -> Iterator[Article | Outcome]:
    """Every article in ``inputs`` (paths, directories, '-' for stdin, http(s) URLs), lazily."""
    settings = settings or Settings.from_env()
    for item in inputs:
        if item == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", settings)
        elif item.startswith(("http://", "https://")):
            yield from _read_url(item, settings)
        else:
            yield from _read_path(Path(item), settings)
