"""The store's core: one connection, the SQL dialect, transactions and schema migrations."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from typing import Any, Iterator, Sequence

from sayso.errors import StoreError
from sayso.store.schema import MIGRATIONS

log = logging.getLogger(__name__)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class StoreCore:
    """A DB-API connection and its dialect; SQL is written with ``?`` and adapted for PostgreSQL.

    Subclasses set ``dialect`` ('sqlite' or 'postgres') and ``db_errors`` (the driver's base error).
    Writes happen inside ``transaction()``; reads may happen anywhere.
    """

    dialect: str = "sqlite"
    db_errors: tuple[type[BaseException], ...] = ()

    def __init__(self, conn: Any, url: str) -> None:
        self.conn = conn
        self.url = url
        self._depth = 0

    # -- SQL plumbing ---------------------------------------------------------------------------
    def sql(self, query: str) -> str:
        return query.replace("?", "%s") if self.dialect == "postgres" else query

    def execute(self, query: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._cursor().execute(self.sql(query), tuple(params))
        except self.db_errors as exc:
            raise StoreError(f"{self.dialect} store {self.safe_url}: {exc} (in: {query.split()[0:4]})") from exc

    def executemany(self, query: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            self._cursor().executemany(self.sql(query), [tuple(r) for r in rows])
        except self.db_errors as exc:
            raise StoreError(f"{self.dialect} store {self.safe_url}: {exc}") from exc

    def rows(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(query, params)
        names = [d[0] for d in cur.description] if cur.description else []
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def iter_rows(self, query: str, params: Sequence[Any] = (), size: int = 500) -> Iterator[dict[str, Any]]:
        """Rows streamed in pages of ``size``: constant memory over big result sets."""
        cur = self._cursor()
        try:
            cur.execute(self.sql(query), tuple(params))
        except self.db_errors as exc:
            raise StoreError(f"{self.dialect} store {self.safe_url}: {exc}") from exc
        names = [d[0] for d in cur.description]
        while True:
            page = cur.fetchmany(size)
            if not page:
                return
            for row in page:
                yield dict(zip(names, row))

    def scalar(self, query: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(query, params).fetchone()
        return None if row is None else row[0]

    def insert(self, query: str, params: Sequence[Any]) -> int:
        """Run an INSERT ... RETURNING pk and give back the new primary key."""
        return int(self.execute(query + " RETURNING pk", params).fetchone()[0])

    @property
    def safe_url(self) -> str:
        """The URL without a password, for messages."""
        if "@" in self.url and "://" in self.url:
            scheme, rest = self.url.split("://", 1)
            creds, host = rest.rsplit("@", 1)
            return f"{scheme}://{creds.split(':')[0]}@{host}"
        return self.url

    # -- transactions ---------------------------------------------------------------------------
    def _cursor(self) -> Any:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        self.conn.commit()

    def _rollback(self) -> None:
        self.conn.rollback()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing unit of work; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            with contextlib.suppress(Exception):
                self._rollback()
            raise
        self._depth = 0
        try:
            self._commit()
        except self.db_errors as exc:
            raise StoreError(f"{self.dialect} store {self.safe_url}: commit failed: {exc}") from exc

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()

    def __enter__(self) -> "StoreCore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations -----------------------------------------------------------------------------
    def _has_table(self, name: str) -> bool:
        raise NotImplementedError

    def applied_migrations(self) -> list[str]:
        if not self._has_table("schema_migrations"):
            return []
        return [r["name"] for r in self.rows("SELECT name FROM schema_migrations ORDER BY name")]

    def migrate(self) -> list[str]:
        """Apply every migration not yet applied, each in its own transaction; return their names."""
        with self.transaction():
            self.execute("CREATE TABLE IF NOT EXISTS schema_migrations"
                         " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = set(self.applied_migrations())
        known = {m.name for m in MIGRATIONS}
        unknown = done - known
        if unknown:
            raise StoreError(f"store {self.safe_url} has migrations this sayso does not know: {sorted(unknown)}; "
                             "upgrade sayso or use another database")
        applied = []
        for migration in MIGRATIONS:
            if migration.name in done:
                continue
            with self.transaction():
                for statement in migration.statements(self.dialect):
                    self.execute(statement)
                self.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", (migration.name, now()))
            log.info("applied migration %s to %s", migration.name, self.safe_url)
            applied.append(migration.name)
        return applied
