"""The SQLite backend: one embedded file (WAL journal, so readers never block the writer)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sayso.errors import StoreError
from sayso.store.base import StoreCore
from sayso.store.reads import Reads
from sayso.store.writes import Writes


class SQLiteStore(Writes, Reads, StoreCore):
    """A store in one SQLite file (``:memory:`` for a throwaway one)."""

    dialect = "sqlite"
    db_errors = (sqlite3.Error,)

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            parent = Path(path).expanduser().parent
            if not parent.exists():
                raise StoreError(f"cannot open store {path!r}: folder {str(parent)!r} does not exist; create it first")
        try:
            conn = sqlite3.connect(str(Path(path).expanduser()) if path != ":memory:" else path,
                                   isolation_level=None, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # durable against a killed process; fast
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite store {path!r}: {exc}") from exc
        super().__init__(conn, path)

    def _cursor(self) -> Any:
        return self.conn.cursor()

    def _begin(self) -> None:
        self.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _has_table(self, name: str) -> bool:
        return bool(self.scalar("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?", (name,)))

    def integrity_check(self) -> str:
        """SQLite's own check of the file: 'ok' when the database is sound."""
        return str(self.scalar("PRAGMA integrity_check"))

    # -- full-text search -----------------------------------------------------------------------
    def _index_article(self, pk: int, title: str | None, text: str) -> None:
        self.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (pk, title or "", text))

    def _index_quotes(self, article_pk: int) -> None:
        self.execute("INSERT INTO quotes_fts (rowid, text) SELECT pk, text FROM quotes WHERE article_pk = ?",
                     (article_pk,))

    def _search_sql(self, what: str) -> tuple[str, str]:
        if what == "articles":
            return ("SELECT a.id AS article_id, a.title, a.published, a.source, 'article' AS kind, NULL AS speaker,"
                    " snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank"
                    " FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
                    " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", "fts")
        return ("SELECT a.id AS article_id, a.title, a.published, a.source, 'quote' AS kind, s.name AS speaker,"
                " q.text AS snippet, bm25(quotes_fts) AS rank"
                " FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid JOIN articles a ON a.pk = q.article_pk"
                " LEFT JOIN speakers s ON s.pk = q.speaker_pk"
                " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?", "fts")

    def _search_query(self, words: list[str]) -> str:
        return " ".join('"' + w.replace('"', '""') + '"' for w in words)
