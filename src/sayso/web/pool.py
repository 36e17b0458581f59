"""A small pool of open stores, one per concurrent request, so no connection is used by two threads at once."""

from __future__ import annotations

import contextlib
import queue
import threading
from typing import Iterator

from sayso.store import Store, open_store
from sayso.web.errors import ApiError


class StorePool:
    """Up to ``size`` open stores on one target; the first is opened (and migrated) at once, to fail fast."""

    def __init__(self, target: str, size: int = 4, wait: float = 30.0) -> None:
        self.target = target
        self.size = max(1, size)
        self.wait = wait
        self._free: queue.LifoQueue[Store] = queue.LifoQueue()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        self._free.put(self._open(migrate=True))

    def _open(self, migrate: bool) -> Store:
        store = open_store(self.target, migrate=migrate)
        self._opened.append(store)
        return store

    def _take(self) -> Store:
        try:
            return self._free.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if len(self._opened) < self.size:
                return self._open(migrate=False)
        try:
            return self._free.get(timeout=self.wait)
        except queue.Empty:
            raise ApiError(503, f"all {self.size} store connections are busy; try again", "busy") from None

    @contextlib.contextmanager
    def store(self) -> Iterator[Store]:
        store = self._take()
        try:
            yield store
        finally:
            if getattr(store, "_depth", 0):  # a write interrupted mid-transaction: do not hand it on
                self._discard(store)
            else:
                self._free.put(store)

    def _discard(self, store: Store) -> None:
        store.close()
        with self._lock:
            self._opened.remove(store)

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
