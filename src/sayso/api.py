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

from sayso.batch import Deadline, IsolatingPool, failed_result, guarded, in_order, warnings_in
from sayso.errors import ArticleFailed, ArticleRejected
from sayso.extract.claims import extract_claims
from sayso.extract.claims.frames import frame_claims
from sayso.extract.dates import extract_dates
from sayso.extract.events import extract_events
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
    return load_nlp(settings.model, settings.extractors_to_run, package=settings.model_package if known else "")


def _extract(doc: Doc, article: Article, settings: Settings, deadline: Deadline | None = None) -> Analysis:
    """Run the chosen extractors over one parsed article, each isolated from the others' failures."""
    wanted = settings.extractor_names
    run = settings.extractors_to_run  # the wanted ones and those they read (claims read quotes; events all four)
    deadline = deadline or Deadline(0, article.id)
    notes: list[Note] = []
    quotes: list = []
    if "quotes" in run:
        quotes = guarded("quotes", notes, lambda: extract_quotes(doc, notes, stances=settings.quote_stances))
        deadline.check()
    claims = guarded("claims", notes, lambda: extract_claims(doc, quotes, notes)) if "claims" in run else []
    deadline.check()
    places = guarded("places", notes, lambda: extract_places(doc, load_gazetteer(settings), notes)) \
        if "places" in run else []
    deadline.check()
    dates = guarded("dates", notes, lambda: extract_dates(doc, article.published, notes)) if "dates" in run else []
    deadline.check()
    if claims:  # what each figure measures, whose, where and when: needs the places and dates
        published = article.published.isoformat() if article.published else None
        claims = guarded("frames", notes, lambda: frame_claims(doc, claims, places, dates, published)) or claims
    events = guarded("events", notes, lambda: extract_events(doc, article.published, quotes, claims, places, dates,
                                                             notes)) if "events" in run else []
    deadline.check()
    return Analysis(
        article=article,
        quotes=tuple(quotes) if "quotes" in wanted else (),
        claims=tuple(claims) if "claims" in wanted else (),
        places=tuple(places) if "places" in wanted else (),
        dates=tuple(dates) if "dates" in wanted else (),
        notes=tuple(notes),
        events=tuple(events),
    )


def _check_tokens(nlp, article: Article, settings: Settings) -> None:
    """Skip, before parsing, an article longer than the parse's work budget."""
    if settings.max_tokens <= 0 or len(article.text) < settings.max_tokens:  # fewer characters than tokens allowed
        return
    count = len(nlp.tokenizer(article.text))
    if count > settings.max_tokens:
        raise ArticleRejected(f"too long to parse ({count:,} tokens, work budget {settings.max_tokens:,}; "
                              "setting max_tokens)", article.id)


def _extract_within_budget(doc: Doc, article: Article, settings: Settings) -> Analysis:
    with Deadline(settings.max_seconds, article.id) as deadline:
        return _extract(doc, article, settings, deadline)


def analyze(text_or_article: str | Article, *, published: dt.date | str | None = None,
            settings: Settings | None = None) -> Analysis:
    """Analyse one article and return its quotes, claims, places and dates.

    >>> import sayso
    >>> a = sayso.analyze('"We will hold the line," the mayor said on Monday.', published="2025-03-17")
    >>> a.quotes[0].text, a.dates[0].value                          # doctest: +SKIP
    ('We will hold the line,', '2025-03-17')

    Raises ``ArticleRejected`` (with ``.reason``) for empty, binary, too large or non-English text, and
    ``ArticleFailed`` when the parse fails or the extraction runs past ``max_seconds``. An extractor
    that raises costs only its own records: the analysis keeps the others and a note says why.
    """
    settings = settings or Settings.from_env()
    article = check_article(_as_article(text_or_article, published), settings)
    nlp = _nlp(settings)
    _check_tokens(nlp, article, settings)
    try:
        doc = nlp(article.text)
    except Exception as exc:  # noqa: BLE001 - a parse failure is this article's, named in the error
        raise ArticleFailed(f"parse failed: {type(exc).__name__}: {exc}", article.id) from exc
    return _extract_within_budget(doc, article, settings)


def _prepare(item: Input, published, settings: Settings) -> Article | Outcome:
    if isinstance(item, Outcome):
        return item
    try:
        return check_article(_as_article(item, published), settings)
    except ArticleRejected as exc:
        art_id = item.id if isinstance(item, Article) else exc.article_id or "?"
        return Outcome(art_id, "skipped", exc.reason, getattr(item, "source", None))
    except Exception as exc:  # noqa: BLE001 - an input the checks cannot read is this input's failure
        art_id = getattr(item, "id", None) or "?"
        return failed_result(art_id, getattr(item, "source", None), exc).outcome


def _parse_each(nlp, articles: list[Article], settings: Settings) -> list[Doc | BaseException]:
    """One Doc per article; when the batch parse raises, each article is parsed alone to find the guilty one."""
    try:
        return list(nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))
    except Exception:  # noqa: BLE001
        log.warning("a batch parse of %d articles failed; parsing them one by one", len(articles))
    docs: list[Doc | BaseException] = []
    for article in articles:
        try:
            docs.append(nlp(article.text))
        except Exception as exc:  # noqa: BLE001
            docs.append(ArticleFailed(f"parse failed: {type(exc).__name__}: {exc}", article.id))
    return docs


def _analyse_chunk(chunk: list[Article], settings: Settings) -> list[Result]:
    """Parse and extract one chunk in this process; one article's failure never sinks the chunk."""
    nlp = _nlp(settings)
    results: dict[int, Result] = {}
    todo: list[tuple[int, Article]] = []
    for i, article in enumerate(chunk):
        try:
            _check_tokens(nlp, article, settings)
            todo.append((i, article))
        except ArticleRejected as exc:
            results[i] = Result(Outcome(article.id, "skipped", exc.reason, article.source))
    docs = _parse_each(nlp, [a for _, a in todo], settings) if todo else []
    for (i, article), doc in zip(todo, docs):
        if isinstance(doc, BaseException):
            results[i] = failed_result(article.id, article.source, doc)
            continue
        try:
            analysis = _extract_within_budget(doc, article, settings)
        except Exception as exc:  # noqa: BLE001 - over budget, or a failure outside any one extractor
            log.warning("extraction failed on %s: %s", article.id, exc)
            results[i] = failed_result(article.id, article.source, exc)
            continue
        outcome = Outcome(article.id, "ok", None, article.source, warnings_in(analysis.notes))
        results[i] = Result(outcome, analysis)
    return [results[i] for i in range(len(chunk))]


_WORKER_SETTINGS: Settings | None = None


def _worker_init(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    _nlp(settings)
    if "places" in settings.extractors_to_run:
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
    pool = IsolatingPool(n_process, ctx, _worker_init, (settings,), _worker_run)
    try:
        chunks = ((chunk, [a for a in chunk if isinstance(a, Article)]) for chunk in _chunks(prepared, size))
        for chunk, analysed in in_order(chunks, pool, window=n_process * 2):
            yield from _merge(chunk, analysed)
    finally:
        pool.close()
