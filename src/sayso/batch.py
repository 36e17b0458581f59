"""Fault isolation for batches: one extractor's error, one article's parse, one worker's death cost only themselves.

Three levels, each the smallest unit that can fail on its own:

* an **extractor** that raises on one article becomes a ``Note`` on that article (the extractor's
  name, the exception's type and message); its records for that article are dropped and the other
  extractors' kept; the outcome is ``ok`` with ``warnings`` counting such notes;
* an **article** whose parse raises, or whose extraction runs past the work budget
  (``max_seconds``), becomes a ``failed`` outcome with the reason; one with more tokens than
  ``max_tokens`` is ``skipped`` before the parser ever sees it;
* a **chunk** sent to a worker process that raises, or whose worker dies (killed, out of memory,
  a crash in native code), is retried article by article in a fresh pool, one at a time, so only
  the guilty article fails.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, TypeVar

from sayso.errors import ArticleFailed, OverBudget
from sayso.models import Note, Outcome, Result

log = logging.getLogger(__name__)
T = TypeVar("T")
K = TypeVar("K")

FAILED_PREFIX = "failed: "  # how an extractor's failure note starts; ``warnings`` counts these


class Deadline:
    """The time budget of one article's extraction.

    In the main thread of a Unix process (the CLI, a worker process) a timer interrupts a runaway
    extractor wherever it is; elsewhere (a web server's thread) the budget is checked between
    extractors. ``seconds <= 0`` means no limit.
    """

    def __init__(self, seconds: float, article_id: str) -> None:
        self.seconds = seconds
        self.article_id = article_id
        self.end = time.monotonic() + seconds if seconds > 0 else float("inf")
        self._armed = False
        self._previous = None

    def _reason(self) -> str:
        return f"extraction ran past the work budget of {self.seconds:g} s (setting max_seconds)"

    def _fire(self, signum, frame) -> None:  # pragma: no cover - timing dependent
        raise OverBudget(self._reason(), self.article_id)

    def __enter__(self) -> "Deadline":
        if self.seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self._armed = True
        return self

    def __exit__(self, *exc) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            self._armed = False

    def check(self) -> None:
        """Raise ``OverBudget`` once the budget is spent (for code between extractors)."""
        if time.monotonic() > self.end:
            raise OverBudget(self._reason(), self.article_id)


def guarded(name: str, notes: list[Note], run: Callable[[], Iterable[T]]) -> list[T]:
    """The records ``run`` gives, or none and a note saying why when it raises."""
    try:
        return list(run())
    except OverBudget:
        raise
    except Exception as exc:  # noqa: BLE001 - any bug in one extractor must cost only its own records
        log.warning("%s extractor failed: %s: %s", name, type(exc).__name__, exc, exc_info=log.isEnabledFor(10))
        notes.append(Note(name, f"{FAILED_PREFIX}{type(exc).__name__}: {_short(exc)}"))
        return []


def warnings_in(notes: Iterable[Note]) -> int:
    """How many extractors failed, by their notes."""
    return sum(1 for n in notes if n.reason.startswith(FAILED_PREFIX))


def _short(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split()) or "(no message)"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def failed_result(article_id: str, origin: str | None, exc: BaseException) -> Result:
    """A ``failed`` outcome naming what went wrong."""
    reason = exc.reason if isinstance(exc, ArticleFailed) else f"{type(exc).__name__}: {_short(exc)}"
    return Result(Outcome(article_id, "failed", reason, origin))


class IsolatingPool:
    """A process pool that survives its workers: a chunk that raises or kills its worker is re-run
    one article at a time in a fresh pool, and only the article that fails alone is marked failed."""

    def __init__(self, n_process: int, context, initializer, initargs, run_chunk) -> None:
        self._args = dict(max_workers=n_process, mp_context=context, initializer=initializer, initargs=initargs)
        self._run_chunk = run_chunk
        self._pool = ProcessPoolExecutor(**self._args)

    def submit(self, chunk: list) -> Future:
        try:
            return self._pool.submit(self._run_chunk, chunk)
        except BrokenProcessPool:
            self._renew()
            return self._pool.submit(self._run_chunk, chunk)

    def results(self, chunk: list, future: Future) -> list[Result]:
        """The chunk's results; on any failure of the chunk as a whole, its articles one by one."""
        try:
            return future.result()
        except BrokenProcessPool:
            # Every chunk in flight fails with the pool: run this one again on its own first, so a
            # chunk that only shared the pool with the guilty one is not split for nothing.
            log.warning("a worker died while a chunk of %d articles was in flight; running it again", len(chunk))
            try:
                return self.submit(chunk).result()
            except BrokenProcessPool:
                self._renew()
            except Exception:  # noqa: BLE001 - split below
                pass
        except Exception as exc:  # noqa: BLE001 - the chunk raised outside the per-article guards
            log.warning("a chunk of %d articles raised %s", len(chunk), exc)
        log.warning("retrying a chunk of %d articles one by one", len(chunk))
        return [self._alone(article) for article in chunk]

    def _alone(self, article) -> Result:
        for attempt in (1, 2):
            try:
                return self.submit([article]).result()[0]
            except BrokenProcessPool:
                self._renew()
                if attempt == 2:
                    return failed_result(article.id, article.source, ArticleFailed("the worker process died on it"))
            except Exception as exc:  # noqa: BLE001
                return failed_result(article.id, article.source, exc)
        raise AssertionError("unreachable")  # pragma: no cover

    def _renew(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = ProcessPoolExecutor(**self._args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def in_order(jobs: Iterator[tuple[K, list]], pool: IsolatingPool, window: int) -> Iterator[tuple[K, list[Result]]]:
    """For each ``(key, articles)`` job, the key and the articles' results, in input order, at most
    ``window`` jobs in flight."""
    pending: list[tuple[K, list, Future]] = []
    for key, articles in jobs:
        pending.append((key, articles, pool.submit(articles)))
        while len(pending) >= window:
            done, arts, fut = pending.pop(0)
            yield done, pool.results(arts, fut)
    for done, arts, fut in pending:
        yield done, pool.results(arts, fut)
