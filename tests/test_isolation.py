"""Fault isolation: an extractor's error, an article's parse, a worker's death cost only themselves."""

from __future__ import annotations

import os
import signal
import time

import pytest

import sayso
import sayso.api
from sayso.errors import ArticleFailed
from sayso.models import Article

pytestmark = pytest.mark.model

BODY = ("The regional governor said on Tuesday that 12 people were hurt when a drone hit a depot near "
        "Sumy, and that crews were still working at the site. ")
POISON = "Zanzibarquux"  # a word no real article holds; the patched parts below trip on it


def _articles(n: int, poisoned: set[int]) -> list[Article]:
    return [Article(f"a{i}", BODY + (f"The depot belonged to {POISON}. " if i in poisoned else "") + f"Story {i}.")
            for i in range(n)]


def _boom(*args, **kwargs):
    raise RuntimeError("extractor exploded")


def test_failing_extractor_becomes_a_note_and_keeps_the_other_records(settings, monkeypatch):
    monkeypatch.setattr(sayso.api, "extract_places", _boom)
    a = sayso.analyze(BODY, published="2025-03-18", settings=settings)
    assert a.places == ()
    assert a.claims and a.quotes and a.dates  # the other extractors' records are all there
    notes = [n for n in a.notes if n.extractor == "places"]
    assert len(notes) == 1 and "RuntimeError" in notes[0].reason and "extractor exploded" in notes[0].reason


def test_failing_extractor_in_a_batch_is_ok_with_a_warning(settings, monkeypatch):
    monkeypatch.setattr(sayso.api, "extract_dates", _boom)
    [res] = list(sayso.analyze_many([BODY], settings=settings))
    assert res.outcome.status == "ok" and res.outcome.warnings == 1
    assert res.analysis.dates == () and res.analysis.claims


def test_recursion_error_in_an_extractor_is_isolated(settings, monkeypatch):
    def runaway(*args, **kwargs):
        return runaway(*args, **kwargs)

    monkeypatch.setattr(sayso.api, "extract_quotes", runaway)
    [res] = list(sayso.analyze_many([BODY], settings=settings))
    assert res.outcome.status == "ok" and res.outcome.warnings == 1
    assert "RecursionError" in res.analysis.notes[0].reason
    assert res.analysis.places  # places and dates do not depend on the quotes


class _PoisonedParser:
    """The real pipeline, except that parsing a text with the poison word raises."""

    def __init__(self, nlp):
        self._nlp = nlp
        self.tokenizer = nlp.tokenizer

    def __call__(self, text):
        if POISON in text:
            raise ValueError("parser cannot cope")
        return self._nlp(text)

    def pipe(self, texts, batch_size=32):
        for text in texts:
            yield self(text)


def test_parse_failure_fails_only_that_article(settings, monkeypatch):
    real = sayso.api._nlp(settings)
    monkeypatch.setattr(sayso.api, "_nlp", lambda s: _PoisonedParser(real))
    results = list(sayso.analyze_many(_articles(5, {2}), settings=settings.replace(batch_size=5)))
    assert [r.outcome.status for r in results] == ["ok", "ok", "failed", "ok", "ok"]
    assert "parse failed: ValueError: parser cannot cope" in results[2].outcome.reason


def test_parse_failure_in_analyze_raises_article_failed(settings, monkeypatch):
    real = sayso.api._nlp(settings)
    monkeypatch.setattr(sayso.api, "_nlp", lambda s: _PoisonedParser(real))
    with pytest.raises(ArticleFailed, match="parse failed"):
        sayso.analyze(_articles(1, {0})[0], settings=settings)


def test_article_over_the_token_budget_is_skipped_before_parsing(settings):
    long = BODY * 40
    results = list(sayso.analyze_many([BODY, long], settings=settings.replace(max_tokens=200)))
    assert results[0].outcome.status == "ok"
    assert results[1].outcome.status == "skipped" and "max_tokens" in results[1].outcome.reason


def test_extraction_past_the_time_budget_fails_that_article_only(settings, monkeypatch):
    real = sayso.api.extract_dates

    def slow(doc, published, notes):
        if POISON in doc.text:
            time.sleep(5)
        return real(doc, published, notes)

    monkeypatch.setattr(sayso.api, "extract_dates", slow)
    started = time.monotonic()
    results = list(sayso.analyze_many(_articles(3, {1}), settings=settings.replace(max_seconds=0.5)))
    assert time.monotonic() - started < 4  # the timer cut the sleep short
    assert [r.outcome.status for r in results] == ["ok", "failed", "ok"]
    assert "work budget" in results[1].outcome.reason


def _kill_on_poison(doc, published, notes):
    if POISON in doc.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return []


@pytest.mark.slow
def test_worker_killed_mid_batch_fails_only_the_guilty_article(settings, monkeypatch):
    monkeypatch.setattr(sayso.api, "extract_dates", _kill_on_poison)  # workers are forked: they see the patch
    items = _articles(8, {5})
    results = list(sayso.analyze_many(items, n_process=2, settings=settings.replace(batch_size=2)))
    assert [r.outcome.article_id for r in results] == [a.id for a in items]
    assert [r.outcome.status for r in results] == ["ok"] * 5 + ["failed"] + ["ok"] * 2
    assert "worker process died" in results[5].outcome.reason
    assert all(r.analysis.claims for r in results if r.outcome.status == "ok")


def _raise_on_poisoned_chunk(chunk, settings):
    if len(chunk) > 1 and any(POISON in a.text for a in chunk):
        raise MemoryError("chunk too big")
    return _REAL_CHUNK(chunk, settings)


_REAL_CHUNK = sayso.api._analyse_chunk


@pytest.mark.slow
def test_chunk_that_raises_in_a_worker_is_retried_article_by_article(settings, monkeypatch):
    monkeypatch.setattr(sayso.api, "_analyse_chunk", _raise_on_poisoned_chunk)
    items = _articles(6, {3})
    results = list(sayso.analyze_many(items, n_process=2, settings=settings.replace(batch_size=3)))
    assert [r.outcome.status for r in results] == ["ok"] * 6  # alone, the poisoned article goes through


def test_cli_summary_counts_warnings(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from sayso.cli import app

    monkeypatch.setattr(sayso.api, "extract_places", _boom)
    src = tmp_path / "story.txt"
    src.write_text(BODY, encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp_path / "out.jsonl")])
    assert res.exit_code == 0, res.output
    assert "1 ok, 0 skipped, 0 failed, 1 warning" in res.output
    assert "places extractor failed: RuntimeError" in res.output


def test_ingest_stores_an_article_whose_extractor_failed_and_counts_the_warning(settings, monkeypatch, tmp_path):
    from sayso import corpus
    from sayso.store import open_store

    monkeypatch.setattr(sayso.api, "extract_places", _boom)
    store = open_store(str(tmp_path / "c.db"))
    try:
        report = corpus.ingest([Article("w1", BODY)], store, settings.replace(language_check=False))
        assert (report.stored, report.warnings) == (1, 1)
        stored = store.get_analysis("w1")
        assert stored.claims and not stored.places
        assert any(n.extractor == "places" and n.reason.startswith("failed") for n in stored.notes)
    finally:
        store.close()
