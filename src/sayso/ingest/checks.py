"""Checks that decide whether an article can be analysed: empty, too large, binary, not English."""

from __future__ import annotations

import functools
import re

from sayso.errors import ArticleRejected
from sayso.models import Article
from sayso.settings import Settings

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # only a JSON escape such as "\\ud800" can put one in a text
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _identifier():
    import py3langid

    return py3langid


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language, judged on its first 5,000 characters."""
    lang, prob = _identifier().classify(text[:5000])
    return lang, float(prob)


def english_share(text: str, window: int = 600) -> float:
    """Share of the text (by windows of characters) that py3langid judges English."""
    sample = text[:20_000]
    chunks = [sample[i:i + window] for i in range(0, len(sample), window)] or [sample]
    chunks = [c for c in chunks if len(_LETTERS.findall(c)) >= 40] or chunks[:1]
    english = sum(1 for c in chunks if _identifier().classify(c)[0] == "en")
    return english / len(chunks)


def check_article(article: Article, settings: Settings) -> Article:
    """The article, with ``language`` filled in, or ``ArticleRejected`` with a short reason."""
    text = article.text
    if not isinstance(text, str):
        raise ArticleRejected("text is not a string", article.id)
    stripped = text.strip()
    if len(stripped) < settings.min_chars:
        raise ArticleRejected("empty article" if not stripped else f"too short ({len(stripped)} characters)",
                              article.id)
    if len(text) > settings.max_chars:
        raise ArticleRejected(f"too large ({len(text):,} characters, limit {settings.max_chars:,})", article.id)
    if _SURROGATE.search(text):
        raise ArticleRejected("invalid Unicode (an unpaired surrogate, e.g. a stray \\ud800 escape in JSON)",
                              article.id)
    if "\x00" in text:  # a "\u0000" escape in JSON; no store can keep it in a text column (PostgreSQL refuses)
        raise ArticleRejected("looks binary (a NUL character in the text)", article.id)
    if len(_CONTROL.findall(text[:10_000])) > 10:
        raise ArticleRejected("looks binary (control characters in the text)", article.id)
    letters = len(_LETTERS.findall(text[:10_000]))
    if letters < 0.4 * min(len(text), 10_000):
        raise ArticleRejected("not prose (too few letters)", article.id)
    if settings.language_check:
        share = english_share(text)
        if share < settings.min_english_share:
            lang, _ = detect_language(text)
            raise ArticleRejected(f"not English (detected {lang!r})", article.id)
        if article.language is None:
            from dataclasses import replace

            return replace(article, language="en")
    return article
