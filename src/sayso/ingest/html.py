"""HTML pages to articles with trafilatura: main text, title, publication date, canonical URL."""

from __future__ import annotations

import datetime as dt
import hashlib

from sayso.errors import ArticleRejected
from sayso.models import Article


def article_from_html(html: str, *, url: str | None = None, source: str | None = None,
                      article_id: str | None = None) -> Article:
    """Extract the article body and metadata from an HTML page (broken HTML is tolerated)."""
    import trafilatura

    if not html.strip():
        raise ArticleRejected("empty HTML page", article_id)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError) as exc:  # trafilatura on pathological markup
        raise ArticleRejected(f"HTML could not be parsed ({type(exc).__name__})", article_id) from exc
    if doc is None or not (doc.text or "").strip():
        raise ArticleRejected("no article text found in the HTML", article_id)
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    canonical = doc.url or url
    text = doc.text.strip()
    first, _, rest = text.partition("\n")
    if doc.title and first.strip() == doc.title.strip() and rest.strip():
        text = rest.strip()  # trafilatura keeps the <h1> headline as the body's first line
    art_id = article_id or canonical or hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return Article(id=art_id, text=text, title=doc.title or None, url=canonical, published=published,
                   source=doc.sitename or source, language=doc.language or None)
