"""Every awkward input in tests/fixtures/bad ends as an outcome with a reason; the batch goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.api import analyze_many
from sayso.ingest import read_inputs

pytestmark = pytest.mark.model
BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
FILES = ["empty.txt", "blank.txt", "binary.bin", "latin1.txt", "german.txt", "broken.html", "malformed.jsonl",
         "feed.rss", "page.html"]


@pytest.fixture(scope="module")
def results(settings):
    items = read_inputs([str(BAD / name) for name in FILES], settings)
    return list(analyze_many(items, settings=settings))


def _by_name(results, name):
    return [r for r in results if name in r.outcome.article_id or name in (r.outcome.origin or "")]


@pytest.mark.parametrize("name,reason", [("empty.txt", "empty"), ("blank.txt", "empty"),
                                         ("binary.bin", "binary"), ("german.txt", "not English")])
def test_unusable_file_is_skipped_with_reason(results, name, reason):
    [r] = _by_name(results, name)
    assert r.outcome.status == "skipped" and reason in r.outcome.reason


def test_cp1252_file_is_analysed_with_its_curly_quotes(results):
    [r] = _by_name(results, "latin1.txt")
    assert r.outcome.status == "ok" and "\u201c" in r.analysis.article.text and "caf\u00e9" in r.analysis.article.text


def test_broken_html_gives_the_body_without_page_furniture(results):
    [r] = _by_name(results, "broken.html")
    text = r.analysis.article.text
    assert r.outcome.status == "ok" and text.startswith("KHERSON") and "document.write" not in text


def test_malformed_jsonl_line_fails_alone(results):
    rows = _by_name(results, "malformed.jsonl")
    assert sorted(r.outcome.status for r in rows) == ["failed", "ok", "ok", "skipped"]
    [failed] = [r for r in rows if r.outcome.status == "failed"]
    assert failed.outcome.article_id.endswith("malformed.jsonl:2") and "malformed JSON" in failed.outcome.reason


def test_feed_gives_three_dated_articles(results):
    rows = [r for r in results if r.analysis and r.analysis.article.source == "Danube Press"]
    assert [r.analysis.article.published.isoformat() for r in rows] == ["2025-05-05", "2025-05-06", "2025-05-07"]


def test_page_metadata(results):
    [r] = [r for r in results if r.analysis and r.analysis.article.url == "https://example-news.test/a/1"]
    art = r.analysis.article
    assert art.title == "Ukraine and Russia swap prisoners as talks resume" and art.published.isoformat() == "2025-05-04"
