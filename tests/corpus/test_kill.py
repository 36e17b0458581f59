"""An ingest killed with SIGKILL mid-run loses nothing it committed, and a re-run completes the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sayso.store import open_store

WORKER = Path(__file__).with_name("ingest_worker.py")
TOTAL = 120
BATCH = 10  # ingest_worker.BATCH


def _stored(url: str) -> int:
    store = open_store(url)
    try:
        return store.counts()["articles"]
    finally:
        store.close()


def _check_integrity(url: str) -> dict[str, int]:
    store = open_store(url)
    try:
        assert store.integrity_check() == "ok"
        counts = store.counts()
        # every stored article is complete: one quote, one claim, one speaker each; no half-written article
        assert counts["quotes"] == counts["claims"] == counts["speakers"] == counts["articles"]
        for article_id, table, start, end, text, doc in store.iter_spans():
            assert doc[start:end] == text, (article_id, table)
        ids = store.article_ids()
        assert len(ids) == len(set(ids))
        return counts
    finally:
        store.close()


def test_kill_9_mid_ingest_loses_nothing_and_rerun_completes(store_url):
    open_store(store_url).close()  # migrate before the child starts, so the poll below can read
    child = subprocess.Popen([sys.executable, str(WORKER), store_url, str(TOTAL), "0.02"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _stored(store_url) < 3 * BATCH:
        assert child.poll() is None, child.stderr.read().decode()
        assert time.monotonic() < deadline, "the child stored nothing in 60 s"
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    counts = _check_integrity(store_url)
    assert 3 * BATCH <= counts["articles"] < TOTAL
    assert counts["articles"] % BATCH == 0  # whole batches only: each batch is one transaction
    killed_at = counts["articles"]

    rerun = subprocess.run([sys.executable, str(WORKER), store_url, str(TOTAL)], capture_output=True, text=True,
                           timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.split() == ["stored", str(TOTAL - killed_at), "already", str(killed_at)]
    assert _check_integrity(store_url)["articles"] == TOTAL
