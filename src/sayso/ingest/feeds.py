"""RSS and Atom feeds to articles with feedparser (one article per entry with a body)."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from sayso.errors import ArticleRejected
from sayso.ingest.html import article_from_html
from sayso.models import Article, Outcome


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def read_feed(data: bytes | str, origin: str) -> Iterator[Article | Outcome]:
    """Entries of an RSS/Atom feed; the body comes from ``content`` or, failing that, ``summary``."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Outcome(origin, "failed", f"not a readable feed ({type(feed.bozo_exception).__name__})", origin)
        return
    outlet = feed.feed.get("title") or origin
    for n, entry in enumerate(feed.entries, 1):
        art_id = entry.get("id") or entry.get("link") or f"{origin}#{n}"
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry.content)
        body = body or entry.get("summary", "")
        try:
            art = article_from_html(f"<html><body><article>{body}</article></body></html>",
                                    url=entry.get("link"), source=outlet, article_id=art_id)
        except ArticleRejected as exc:
            yield Outcome(art_id, "skipped", f"feed entry: {exc.reason}", origin)
            continue
        yield Article(id=art_id, text=art.text, title=entry.get("title") or art.title, url=entry.get("link"),
                      published=_entry_date(entry) or art.published, source=outlet, language=art.language)
