"""analyze and analyze_many: text or Article in, Analysis out, with the model loaded once per process."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
import multiprocessing
from dataclasses import replace
from typing import Iterable, Iterator, Union

from spacy.tokens import Doc

from sayso.errors import ArticleRejected, SaysoError
from sayso.extract.claims import extract_claims
from sayso.extract.dates import extract_dates
from sayso.extract.places import extract_places
from sayso.extract.quotes import extract_quotes
from sayso.gazetteer import load_gazetteer
from sayso.ingest.checks import check_article
from sayso.models import Analysis, Article, Note, Outcome, Result
from sayso.nlp import load_nlp
from sayso.settings import Settings

log = logging.getLogger(__name__)

Input = Union[str, Article, Outcome]


def article_from_text(text: str, *, published: dt.date | str | None = None, id: str | None = None,
                      title: str | None = None) -> Article:
    """Wrap plain text in an Article; the id is a content hash unless given."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    art_id = id or hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return Article(id=art_id, text=text, title=title, published=published)


def _as_article(item: str | Article, published: dt.date | str | None) -> Article:
    if isinstance(item, Article):
        if published is not None and item.published is None:
            pub = dt.date.fromisoformat(published[:10]) if isinstance(published, str) else published
            return replace(item, published=pub)
        return item
    if isinstance(item, str):
        return article_from_text(item, published=published)
    raise TypeError(f"analyze() takes a str or an Article, not {type(item).__name__}")


def _nlp(settings: Settings):
    defaults = Settings()
    # Name the pip requirement in a "not installed" error only when it belongs to the model asked for.
    known = settings.model == defaults.model or settings.model_package != defaults.model_package
    return load_nlp(settings.model, settings.extractor_names, package=settings.model_package if known else "")


def _extract(doc: Doc, article: Article, settings: Settings) -> Analysis:
    """Run the chosen extractors over one parsed article."""
    wanted = settings.extractor_names
    notes: list[Note] = []
    quotes = extract_quotes(doc, notes, stances=settings.quote_stances) if "quotes" in wanted or "claims" in wanted else []
    claims = extract_claims(doc, quotes, notes) if "claims" in wanted else []
    places = extract_places(doc, load_gazetteer(settings), notes) if "places" in wanted else []
    dates = extract_dates(doc, article.published, notes) if "dates" in wanted else []
    return Analysis(
        article=article,
        quotes=tuple(quotes) if "quotes" in wanted else (),
        claims=tuple(claims),
        places=tuple(places),
        dates=tuple(dates),
        notes=tuple(notes),
    )


def analyze(text_or_article: str | Article, *, published: dt.date | str | None = None,
            settings: Settings | None = None) -> Analysis:
    """Analyse one article and return its quotes, claims, places and dates.

    >>> import sayso
    >>> a = sayso.analyze('"We will hold the line," the mayor said on Monday.', published="2025-03-17")
    >>> a.quotes[0].text, a.dates[0].value                          # doctest: +SKIP
    ('We will hold the line,', '2025-03-17')

    Raises ``ArticleRejected`` (with ``.reason``) for empty, binary, too large or non-English text.
    """
    settings = settings or Settings.from_env()
    article = check_article(_as_article(text_or_article, published), settings)
    doc = _nlp(settings)(article.text)
    return _extract(doc, article, settings)


def _prepare(item: Input, published, settings: Settings) -> Article | Outcome:
    if isinstance(item, Outcome):
        return item
    try:
        return check_article(_as_article(item, published), settings)
    except ArticleRejected as exc:
        art_id = item.id if isinstance(item, Article) else exc.article_id or "?"
        return Outcome(art_id, "skipped", exc.reason, getattr(item, "source", None))


def _analyse_chunk(chunk: list[Article], settings: Settings) -> list[Result]:
    """Parse and extract one chunk in this process; one article's failure never sinks the chunk."""
    nlp = _nlp(settings)
    results: list[Result] = []
    docs = nlp.pipe((a.text for a in chunk), batch_size=settings.batch_size)
    for article in chunk:
        try:
            doc = next(docs)
            analysis = _extract(doc, article, settings)
            results.append(Result(Outcome(article.id, "ok", None, article.source), analysis))
        except StopIteration:  # pragma: no cover - nlp.pipe yields one doc per text
            results.append(Result(Outcome(article.id, "failed", "no parse produced", article.source)))
        except (SaysoError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            log.exception("extraction failed on %s", article.id)
            results.append(Result(Outcome(article.id, "failed", f"{type(exc).__name__}: {exc}", article.source)))
    return results


_WORKER_SETTINGS: Settings | None = None


def _worker_init(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    _nlp(settings)
    if "places" in settings.extractor_names:
        load_gazetteer(settings)


def _worker_run(chunk: list[Article]) -> list[Result]:
    assert _WORKER_SETTINGS is not None
    return _analyse_chunk(chunk, _WORKER_SETTINGS)


def _chunks(items: Iterator[Article | Outcome], size: int) -> Iterator[list[Article | Outcome]]:
    while True:
        chunk = list(itertools.islice(items, size))
        if not chunk:
            return
        yield chunk


def _merge(prepared: list[Article | Outcome], analysed: list[Result]) -> Iterator[Result]:
    done = iter(analysed)
    for item in prepared:
        yield Result(item) if isinstance(item, Outcome) else next(done)


def analyze_many(items: Iterable[Input], *, n_process: int | None = None, published: dt.date | str | None = None,
                 settings: Settings | None = None) -> Iterator[Result]:
    """Analyse a stream of texts/Articles, yielding one ``Result`` per input, in input order.

    Memory stays constant: inputs are read in chunks of ``settings.batch_size``. With
    ``n_process > 1`` whole chunks (parse and extraction) go to worker processes that load
    the model once each. Inputs that are ``Outcome`` records (from ingest) pass through.

    >>> import sayso
    >>> for r in sayso.analyze_many(["First article ...", "Second article ..."]):   # doctest: +SKIP
    ...     print(r.outcome.status, r.analysis and len(r.analysis.quotes))
    """
    settings = settings or Settings.from_env()
    n_process = n_process or settings.n_process
    prepared = (_prepare(item, published, settings) for item in items)
    size = max(1, settings.batch_size)
    if n_process <= 1:
        for chunk in _chunks(prepared, size):
            articles = [a for a in chunk if isinstance(a, Article)]
            yield from _merge(chunk, _analyse_chunk(articles, settings) if articles else [])
        return
    # Load the model and build/load the gazetteer here first: forked workers then share them
    # copy-on-write, and two workers never race to build the place index.
    _worker_init(settings)
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    window = n_process * 2
    with ctx.Pool(n_process, initializer=_worker_init, initargs=(settings,)) as pool:
        pending: list[tuple[list, object]] = []
        for chunk in _chunks(prepared, size):
            articles = [a for a in chunk if isinstance(a, Article)]
            pending.append((chunk, pool.apply_async(_worker_run, (articles,))))
            while len(pending) >= window:
                done_chunk, fut = pending.pop(0)
                yield from _merge(done_chunk, fut.get())
        for done_chunk, fut in pending:
            yield from _merge(done_chunk, fut.get())
