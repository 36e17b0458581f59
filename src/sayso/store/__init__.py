"""Storage backends behind one interface: SQLite (a file path) and PostgreSQL (a postgresql:// URL).

    >>> from sayso.store import open_store
    >>> store = open_store("corpus.db")                                   # doctest: +SKIP
    >>> store = open_store("postgresql://me@db.example/news?schema=sayso")  # doctest: +SKIP

``open_store`` applies any pending schema migrations before it returns.
"""

from __future__ import annotations

from typing import Union

from sayso.errors import StoreError
from sayso.store.base import StoreCore
from sayso.store.postgres import PostgresStore
from sayso.store.schema import MIGRATIONS
from sayso.store.sqlite import SQLiteStore
from sayso.store.writes import ClaimKey, Links, content_hash

Store = Union[SQLiteStore, PostgresStore]

__all__ = ["ClaimKey", "Links", "MIGRATIONS", "PostgresStore", "SQLiteStore", "Store", "StoreCore",
           "content_hash", "is_postgres_url", "open_store"]


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_store(target: str, *, migrate: bool = True) -> Store:
    """Open (and migrate) the store at ``target``: a file path, ``sqlite:///path``, or ``postgresql://...``."""
    if not isinstance(target, str) or not target.strip():
        raise StoreError(f"store location {target!r} is empty; give a file path or a postgresql:// URL")
    target = target.strip()
    if is_postgres_url(target):
        store: Store = PostgresStore(target)
    elif target.startswith("sqlite:///"):
        store = SQLiteStore(target[len("sqlite:///"):] or ":memory:")
    elif "://" in target:
        raise StoreError(f"store URL {target!r} has an unknown scheme; use a file path, sqlite:///PATH "
                         "or postgresql://USER@HOST:PORT/DB")
    else:
        store = SQLiteStore(target)
    if migrate:
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
    return store
