"""The PostgreSQL backend, for teams: a ``postgresql://`` URL; ``?schema=NAME`` keeps sayso in its own schema."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sayso.errors import StoreError
from sayso.store.base import StoreCore
from sayso.store.reads import Reads
from sayso.store.writes import Writes

_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def split_schema(url: str) -> tuple[str, str | None]:
    """The connection URL without sayso's own ``schema`` parameter, and that schema."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise StoreError(f"schema {schema!r} in the store URL is not a plain SQL name; use letters, digits and _")
    return urlunsplit(parts._replace(query=rest)), schema


class PostgresStore(Writes, Reads, StoreCore):
    """A store in a PostgreSQL database (full-text search with tsvector columns and GIN indexes)."""

    dialect = "postgres"

    def __init__(self, url: str, *, connect_timeout: int = 5) -> None:
        import psycopg

        self.db_errors = (psycopg.Error,)
        conninfo, schema = split_schema(url)
        try:
            conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=connect_timeout)
            if schema:
                conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
                conn.execute(f'SET search_path TO "{schema}"')
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot open PostgreSQL store {_hide_password(url)}: {str(exc).strip()}; "
                "check that the server runs and the URL (postgresql://user@host:port/db) is right") from exc
        self.schema = schema
        super().__init__(conn, url)

    def _cursor(self) -> Any:
        return self.conn.cursor()

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def _has_table(self, name: str) -> bool:
        return bool(self.scalar("SELECT to_regclass(?) IS NOT NULL", (name,)))

    def integrity_check(self) -> str:
        return "ok"

    def _index_article(self, pk: int, title: str | None, text: str) -> None:
        """Nothing to do: ``articles.tsv`` is a generated column."""

    def _index_quotes(self, article_pk: int) -> None:
        """Nothing to do: ``quotes.tsv`` is a generated column."""

    def _search_sql(self, what: str) -> tuple[str, str]:
        opts = "'StartSel=[, StopSel=], MaxWords=24, MinWords=8'"
        if what == "articles":
            return ("SELECT a.id AS article_id, a.title, a.published, a.source, 'article' AS kind, NULL AS speaker,"
                    f" ts_headline('english', a.text, query, {opts}) AS snippet, -ts_rank(a.tsv, query) AS rank"
                    " FROM articles a, plainto_tsquery('english', ?) query"
                    " WHERE a.tsv @@ query ORDER BY rank LIMIT ?", "plain")
        return ("SELECT a.id AS article_id, a.title, a.published, a.source, 'quote' AS kind, s.name AS speaker,"
                " q.text AS snippet, -ts_rank(q.tsv, query) AS rank"
                " FROM quotes q JOIN articles a ON a.pk = q.article_pk LEFT JOIN speakers s ON s.pk = q.speaker_pk,"
                " plainto_tsquery('english', ?) query"
                " WHERE q.tsv @@ query ORDER BY rank LIMIT ?", "plain")

    def _search_query(self, words: list[str]) -> str:
        return " ".join(words)

    def drop_schema(self) -> None:
        """Drop this store's schema and everything in it (tests and throwaway stores only)."""
        if not self.schema:
            raise StoreError("drop_schema() needs a store opened with ?schema=NAME")
        self.conn.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')


def _hide_password(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
