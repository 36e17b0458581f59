"""A bad stored row (a value of the wrong type, a NULL where a value is needed, an unreadable signature or date)
is skipped with one logged warning, never a traceback; the CLI summary counts the warnings. Both backends."""

from __future__ import annotations

import logging

import pytest
from handcorpus import build
from storekit import stub_analyse
from typer.testing import CliRunner

from sayso import corpus
from sayso.cli import app
from sayso.settings import Settings

SETTINGS = Settings(ingest_batch=4, language_check=False)
# How to spoil one row of a table on each backend: SQLite keeps a text in a REAL or INTEGER column;
# PostgreSQL types its columns, so there the NOT NULL goes first and the value becomes NULL.
SPOIL = {
    ("sqlite", "claims"): ["UPDATE claims SET value = 'lots' WHERE pk = ?"],
    ("postgres", "claims"): ["ALTER TABLE claims ALTER COLUMN qualifier DROP NOT NULL",
                             "UPDATE claims SET qualifier = NULL WHERE pk = ?"],
    ("sqlite", "quotes"): ["UPDATE quotes SET start_char = 'x' WHERE pk = ?"],
    ("postgres", "quotes"): ["ALTER TABLE quotes ALTER COLUMN text DROP NOT NULL",
                             "UPDATE quotes SET text = NULL WHERE pk = ?"],
}


@pytest.fixture
def filled(store):
    analyses = build()
    corpus.ingest([a.article for a in analyses], store, SETTINGS,
                  analyse=stub_analyse({a.article.id: a for a in analyses}))
    return store


def _spoil(store, table: str) -> int:
    where, params = (" WHERE measure_key LIKE ?", ("territory_area%",)) if table == "claims" else ("", ())
    pk = store.scalar(f"SELECT min(pk) FROM {table}{where}", params)
    with store.transaction():
        for sql in SPOIL[(store.dialect, table)]:
            store.execute(sql, (pk,) if "?" in sql else ())
    return pk


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_bad_claim_row_is_skipped_with_one_warning(filled, caplog):
    before = len(list(corpus.claims(filled)))
    pk = _spoil(filled, "claims")
    with caplog.at_level(logging.WARNING, logger="sayso"):
        after = list(corpus.claims(filled))
    assert len(after) == before - 1
    [warning] = _warnings(caplog)
    assert f"claim row (pk {pk}" in warning


def test_linking_goes_on_past_a_bad_claim_row(filled, caplog):
    _spoil(filled, "claims")
    with caplog.at_level(logging.WARNING, logger="sayso"):
        assert corpus.claim_clusters(filled)
        assert corpus.timeline(filled, about="kursk")
        corpus.contradictions(filled, settings=SETTINGS)
    assert _warnings(caplog) and all("bad stored claim row" in w for w in _warnings(caplog))


def test_bad_quote_row_is_skipped_with_one_warning(filled, caplog):
    before = len(list(corpus.quotes(filled, settings=SETTINGS)))
    pk = _spoil(filled, "quotes")
    with caplog.at_level(logging.WARNING, logger="sayso"):
        assert len(list(corpus.quotes(filled, settings=SETTINGS))) == before - 1
    [warning] = _warnings(caplog)
    assert f"quote row (pk {pk}" in warning


def test_unreadable_signature_falls_back_to_the_text(store, caplog):
    analyses = build()
    first, copies = analyses[:1], analyses[1:3]  # a wire story, then two copies of it
    corpus.ingest([a.article for a in first], store, SETTINGS, analyse=stub_analyse({a.article.id: a for a in first}))
    with store.transaction():
        store.execute("UPDATE articles SET minhash = ?", ('{"not a signature": [1, 2',))
    with caplog.at_level(logging.WARNING, logger="sayso"):
        report = corpus.ingest([a.article for a in copies], store, SETTINGS,
                               analyse=stub_analyse({a.article.id: a for a in copies}))
    assert report.stored == 2 and report.counts.get("failed", 0) == 0
    assert any("MinHash" in w for w in _warnings(caplog))
    [group] = corpus.wire_groups(store)
    assert set(group.articles) == {"a01", "a02", "a03"}


def test_unreadable_publication_date_reads_as_none(filled, caplog):
    with filled.transaction():
        filled.execute("UPDATE articles SET published = ? WHERE id = ?", ("the day before", "a04"))
    with caplog.at_level(logging.WARNING, logger="sayso"):
        assert filled.get_analysis("a04").article.published is None
        assert corpus.wire_groups(filled)
        assert [q.published for q in corpus.quotes(filled, settings=SETTINGS) if q.article_id == "a04"] == [None]
    assert any("publication date" in w for w in _warnings(caplog))


@pytest.mark.parametrize("command,table", [("claims", "claims"), ("contradictions", "claims"),
                                           ("timeline", "claims"), ("quotes", "quotes")])
def test_cli_summary_counts_the_warnings(filled, store_url, command, table):
    _spoil(filled, table)
    result = CliRunner().invoke(app, [command, "--db", store_url], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "1 warning (bad stored rows skipped)" in result.output


@pytest.mark.parametrize("record", ['{"type": "battles", "start": 0', "[1, 2]", "null"])
def test_event_row_with_unreadable_json_is_skipped_with_one_warning(filled, caplog, record):
    pk = filled.article_pk("a04")
    with filled.transaction():
        filled.execute("INSERT INTO events (article_pk, seq, type, start_char, end_char, text, status, record)"
                       " VALUES (?, 0, 'battles', 0, 4, 'Rus', 'asserted', ?)", (pk, record))
    with caplog.at_level(logging.WARNING, logger="sayso"):
        assert list(filled.event_rows()) == []
    [warning] = _warnings(caplog)
    assert "bad stored event row" in warning and "a04" in warning


def test_quotes_stored_before_their_propositions_were_read_are_named_once(filled, caplog):
    with caplog.at_level(logging.WARNING, logger="sayso"):
        corpus.contradictions(filled)
    assert not [w for w in _warnings(caplog) if "migration 0010" in w]  # everything stored now was read
    with filled.transaction():
        filled.execute("UPDATE quotes SET propositions = NULL")  # what 0010 leaves on quotes stored before it
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sayso"):
        corpus.contradictions(filled)
    [warning] = [w for w in _warnings(caplog) if "migration 0010" in w]
    assert warning.startswith(f"{filled.scalar('SELECT COUNT(*) FROM quotes')} stored quotes")
