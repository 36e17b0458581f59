"""Ingest: inputs -> skip what is stored -> analyse -> link -> store, one transaction per batch.

Idempotent (an article already stored, by id, URL or content hash, is skipped before analysis),
incremental and resumable: every committed batch survives a killed process, and a re-run skips
what was committed and completes the rest. A batch that fails to store is rolled back and then
retried one article at a time, so one bad article is one failed outcome and nothing else is lost.
The output folder of `sayso spark-extract` is an input too: its Results are stored as they are, with
no second analysis.
"""

from __future__ import annotations

import collections
import itertools
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from sayso.corpus.dedup import WireGrouper
from sayso.corpus.acronyms import find_acronyms
from sayso.corpus.entities import ArticleEntities, EntityIndex, affiliation, role_only
from sayso.corpus.names import is_descriptor, role_key
from sayso.corpus.measures import claim_keys
from sayso.errors import StoreError
from sayso.models import Analysis, Article, Outcome, Result
from sayso.settings import Settings
from sayso.store import Links, Store, content_hash

log = logging.getLogger(__name__)

ALREADY_STORED = "already stored"
# What a bad record can raise while it is linked or written; anything else is a bug and propagates.
BAD_RECORD = (StoreError, ValueError, TypeError, KeyError, IndexError, AttributeError)
Analyser = Callable[[Iterable[Article | Outcome]], Iterator[Result]]
MAX_PROBLEMS = 50


@dataclass
class IngestReport:
    """What one ingest run did: outcome counts, articles stored, time taken and a sample of problems."""

    counts: collections.Counter = field(default_factory=collections.Counter)
    stored: int = 0
    already_stored: int = 0
    seconds: float = 0.0
    problems: list[Outcome] = field(default_factory=list)
    run: int | None = None
    relinked: int = 0   # descriptions linked at the end of the run, once their role's holder was known
    warnings: int = 0   # extractors that failed on a stored article (its other records are kept)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    def note(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        self.warnings += outcome.warnings
        if outcome.reason == ALREADY_STORED:
            self.already_stored += 1
        elif outcome.status != "ok" and len(self.problems) < MAX_PROBLEMS:
            self.problems.append(outcome)


class Linker:
    """Works out an article's links (wire group, speaker entities, claim keys) against the store."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.entities = EntityIndex(store, threshold=settings.speaker_match)
        self.wires = WireGrouper(store.band_candidates, store.article_text, threshold=settings.duplicate_threshold)
        self.pending: dict[str, tuple[str, str | None]] = {}  # article id -> (content hash, URL), not yet placed

    def write_copies(self, *, final: bool = False) -> None:
        """Record which pending articles were skipped as exact copies of a stored article under another id (same
        text or URL), in a transaction of their own; forget the ones stored themselves (and all, when ``final``)."""
        if not self.pending:
            return
        twins = self.store.stored_twins([h for h, _ in self.pending.values()],
                                        [u for _, u in self.pending.values() if u])
        stored = self.store.stored_keys(list(self.pending), [], [])
        copies = []
        for article_id, (digest, url) in list(self.pending.items()):
            twin = twins.get(digest) or (twins.get(url) if url else None)
            if article_id in stored or (twin is not None and twin != article_id) or final:
                del self.pending[article_id]
                if article_id not in stored and twin is not None and twin != article_id:
                    copies.append((article_id, twin))
        if copies:
            with self.store.transaction():
                self.store.add_copies(copies)

    def links(self, analysis: Analysis) -> Links:
        placement = self.wires.place(analysis.article.text)
        speakers = {q.speaker for q in analysis.quotes if q.speaker} | {c.source for c in analysis.claims if c.source}
        entities = {}
        published = analysis.article.published
        here = ArticleEntities(acronyms=find_acronyms(analysis.article.text),
                               day=published.isoformat() if published else None)
        ordered = sorted(speakers, key=lambda s: (s.start is None, s.start or 0, s.name))
        # names first, then descriptions: "the president" finds the president this article names, before or after
        for speaker in [s for s in ordered if not role_only(s)] + [s for s in ordered if role_only(s)]:
            pk = self.entities.resolve(speaker, here)
            if pk is not None:
                entities[speaker] = pk
        for org in dict.fromkeys(filter(None, map(affiliation, ordered))):  # "UN chief Guterres": the UN
            pk = self.entities.resolve(org, here) if org not in speakers else None
            if pk is not None:
                entities[org] = pk
        return Links(group_pk=placement.group_pk, group_score=placement.score, bands=placement.bands,
                     minhash=placement.signature, entities=entities, claim_keys=claim_keys(analysis))

    def reload(self) -> None:
        self.entities.reload()

    def relink_descriptors(self) -> int:
        """Link descriptions stored before their role's holder was known ("the Ukrainian president" in an
        article ingested before any "Ukrainian President Volodymyr Zelenskyy"); return how many."""
        updates = []
        for r in self.store.iter_rows("SELECT s.pk, s.name, s.role, a.published FROM speakers s"
                                      " JOIN articles a ON a.pk = s.article_pk WHERE s.entity_pk IS NULL"):
            rk = role_key(r["name"]) or role_key(r["role"])
            day = str(r["published"])[:10] if r["published"] else None
            pk = self.entities.by_role(rk, day) if rk and is_descriptor(r["name"]) else None
            if pk is not None:
                updates.append((pk, r["pk"]))
        with self.store.transaction():
            self.store.executemany("UPDATE speakers SET entity_pk = ? WHERE pk = ?", updates)
        return len(updates)


def _keys(article: Article) -> tuple[str, str | None, str]:
    return article.id, article.url, content_hash(article.text)


def _article(item: Article | Outcome | Result) -> Article | None:
    """The article to look up in the store: an Article, or the analysed article of a ready Result."""
    if isinstance(item, Result):
        return item.analysis.article if item.analysis is not None else None
    return item if isinstance(item, Article) else None


def skip_stored(items: Iterable[Article | Outcome | Result], store: Store, chunk: int
                ) -> Iterator[Article | Outcome | Result]:
    """Articles not yet stored; stored ones (and repeats within a chunk) become 'already stored' outcomes
    (a ready Result stays a Result, holding that outcome)."""
    items = iter(items)
    while True:
        part = list(itertools.islice(items, chunk))
        if not part:
            return
        arts = [_keys(a) for a in map(_article, part) if a is not None]
        known = store.stored_keys([k[0] for k in arts], [k[1] for k in arts if k[1]], [k[2] for k in arts])
        for item in part:
            article = _article(item)
            if article is not None:
                keys = _keys(article)
                if any(k in known for k in keys if k):
                    outcome = Outcome(article.id, "skipped", ALREADY_STORED, article.source)
                    yield Result(outcome) if isinstance(item, Result) else outcome
                    continue
                known.update(k for k in keys if k)
            yield item


def note_copies(items: Iterable[Any], pending: dict[str, tuple[str, str | None]]) -> Iterator[Any]:
    """Pass ``items`` through unchanged, noting each article's id, content hash and URL in ``pending``; once its
    batch is stored, ``Linker.write_copies`` finds the ones ingest skipped as exact copies of a stored article."""
    for item in items:
        if isinstance(item, Article):
            pending[item.id] = (content_hash(item.text), item.url)
        yield item


def _as_items(inputs: Iterable[str | Article | Outcome], settings: Settings) -> Iterator[Article | Outcome | Result]:
    from sayso.ingest import read_inputs
    from sayso.spark.output import is_output, read_results

    for item in inputs:
        if isinstance(item, str) and is_output(item):
            yield from read_results(item)  # a Spark job's Parquet output: analysed already
        elif isinstance(item, str):
            yield from read_inputs([item], settings)
        else:
            yield item


def _analysed(items: Iterable[Article | Outcome | Result], analyse: Analyser) -> Iterator[Result]:
    """One Result per item: ready Results pass through, runs of the other items go to ``analyse``."""
    for ready, run in itertools.groupby(items, key=lambda item: isinstance(item, Result)):
        yield from run if ready else analyse(run)


def ingest(inputs: Iterable[str | Article | Outcome], store: Store, settings: Settings | None = None, *,
           analyse: Analyser | None = None, on_progress: Callable[[IngestReport], None] | None = None
           ) -> IngestReport:
    """Read, analyse and store ``inputs`` (paths, URLs, '-', Articles, or the output folder of
    `sayso spark-extract`, whose Results are stored without a second analysis); return what happened.

    ``analyse`` replaces ``sayso.api.analyze_many`` (for benchmarks and tests); it receives the
    articles not yet stored and must yield one Result per input, in order.
    """
    settings = settings or Settings.from_env()
    if isinstance(inputs, (str, Article)):
        inputs = [inputs]
    if analyse is None:
        from sayso.api import analyze_many

        def analyse(items):
            return analyze_many(items, settings=settings)

    report = IngestReport()
    started = time.perf_counter()
    report.run = store.start_run([i for i in inputs if isinstance(i, str)] if isinstance(inputs, list) else [])
    linker = Linker(store, settings)
    fresh = skip_stored(note_copies(_as_items(inputs, settings), linker.pending), store, max(1, settings.batch_size))
    batch: list[Result] = []
    for result in _analysed(fresh, analyse):
        batch.append(result)
        if len(batch) >= max(1, settings.ingest_batch):
            _store_batch(batch, store, linker, report)
            batch = []
            report.seconds = time.perf_counter() - started
            if on_progress:
                on_progress(report)
    if batch:
        _store_batch(batch, store, linker, report)
    linker.write_copies(final=True)
    if report.stored:
        report.relinked = linker.relink_descriptors()
    report.seconds = time.perf_counter() - started
    if on_progress:
        on_progress(report)
    store.finish_run(report.run, {**report.counts, "stored": report.stored})
    return report


def _store_batch(batch: list[Result], store: Store, linker: Linker, report: IngestReport) -> None:
    """Store one batch in one transaction; on failure, roll back and store article by article."""
    try:
        with store.transaction():
            outcomes = [_store_one(r, store, linker) for r in batch]
            store.add_outcomes(outcomes)
    except BAD_RECORD as exc:
        log.warning("batch of %d rolled back (%s); storing one article at a time", len(batch), exc)
        linker.reload()
        outcomes = [_store_alone(r, store, linker) for r in batch]
    linker.write_copies()
    for outcome in outcomes:
        report.note(outcome)
        if outcome.status == "ok":
            report.stored += 1


def _store_one(result: Result, store: Store, linker: Linker) -> Outcome:
    if result.analysis is None or result.outcome.status != "ok":
        return result.outcome
    if store.add_analysis(result.analysis, linker.links(result.analysis)) is None:
        o = result.outcome
        return Outcome(o.article_id, "skipped", ALREADY_STORED, o.origin)
    return result.outcome


def _store_alone(result: Result, store: Store, linker: Linker) -> Outcome:
    try:
        with store.transaction():
            outcome = _store_one(result, store, linker)
            store.add_outcomes([outcome])
        return outcome
    except BAD_RECORD as exc:
        linker.reload()
        o = result.outcome
        outcome = Outcome(o.article_id, "failed", f"not stored: {type(exc).__name__}: {exc}", o.origin)
        with store.transaction():
            store.add_outcomes([outcome])
        return outcome
