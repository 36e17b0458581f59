"""Load test of the desk on loopback: concurrent readers while an ingest runs through the API.

    .venv/bin/python bench/serve.py                                  # SQLite in a temporary folder
    .venv/bin/python bench/serve.py --db postgresql://postgres@127.0.0.1:5432/test   # in a throwaway schema
    .venv/bin/python bench/serve.py --readers 4 --requests 50        # quicker

1. The store is filled with our example corpus (tests/fixtures/corpus/corpus.jsonl) by the real model.
2. `sayso serve` starts in its own process on 127.0.0.1 (a free port; rate limit off; a token set).
3. ``--readers`` threads each send ``--requests`` GETs (API lists, one article, contradictions,
   timeline, search, events, and the article, map, timeline and ledger pages), all within
   ``--seconds``; a second after they start, one POST /api/ingest uploads ``--ingest`` new articles
   (built from the corpus's sentences, each distinct) and the real model analyses them in the server.
4. Reported: p50/p99 latency of the reads (overall, during the ingest, and in a first phase of a third
   as many reads with no ingest), errors, the ingest's time, and whether every ingested article is
   readable afterwards. Results: bench/results/serve.json, one
   entry per backend. Only loopback is used; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sayso.corpus import ingest  # noqa: E402
from sayso.settings import Settings  # noqa: E402
from sayso.store import is_postgres_url, open_store  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "corpus.jsonl"
RESULTS = ROOT / "bench" / "results" / "serve.json"
TOKEN = "bench-token"


def fresh_articles(n: int, seed: int = 7) -> list[dict]:
    """``n`` distinct articles made of the corpus's sentences, shuffled, each with a serial number."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [s for r in rows for s in re.split(r"(?<=[.!?])\s+", r["text"]) if len(s) > 40]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body = " ".join(rng.sample(sentences, 8))
        out.append({"id": f"bench-serve-{i:04d}", "title": f"Bench article {i}", "published": "2025-06-11",
                    "source": "Bench Wire", "text": f"Report number {i}. {body}"})
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, log: Path) -> subprocess.Popen:
    """`sayso serve` in its own process; its output goes to ``log`` (a pipe nobody reads would fill and block it)."""
    env = {**os.environ, "SAYSO_WEB_TOKEN": TOKEN, "SAYSO_WEB_RATE_LIMIT": "0"}
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "sayso.cli", "serve", "--db", db, "--port", str(port)],
                                env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"the desk did not start: {log.read_text(errors='replace')[-2000:]}")


def read_paths(ids: list[str], measure: str) -> list[str]:
    some = [quote(i) for i in ids[:10]]
    return (["/api/articles?limit=20", "/api/claims?limit=50", "/api/quotes?speaker=Kovalchuk",
             "/api/contradictions", f"/api/timeline?measure={quote(measure)}", "/api/search?q=Belgorod",
             "/api/entities", "/map", "/claims?status=claimed", "/contradictions", "/api/events?limit=100",
             "/api/events?type=battles&format=acled", "/timeline"]
            + [f"/api/articles/{i}" for i in some] + [f"/articles/{i}" for i in some])


def reader(base: str, paths: list[str], n: int, until: float, seed: int, out: list) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as client:
        for _ in range(n):
            if time.monotonic() > until:
                return
            path = rng.choice(paths)
            t0 = time.perf_counter()
            try:
                status = client.get(path).status_code
            except httpx.HTTPError:
                status = 0
            out.append((t0, time.perf_counter() - t0, status, path))


def post_ingest(base: str, articles: list[dict], result: dict) -> None:
    payload = "\n".join(json.dumps(a) for a in articles).encode()
    t0 = time.perf_counter()
    result["started"] = t0
    try:
        r = httpx.post(f"{base}/api/ingest", headers={"authorization": f"Bearer {TOKEN}"},
                       files={"file": ("bench.jsonl", payload, "application/x-ndjson")}, timeout=600)
    except httpx.HTTPError as exc:
        result.update(ended=time.perf_counter(), seconds=time.perf_counter() - t0, status=0, body=repr(exc))
        return
    result.update(ended=time.perf_counter(), seconds=time.perf_counter() - t0, status=r.status_code,
                  body=r.json() if r.headers.get("content-type", "").startswith("application/json") else r.text)


def read_alone(base: str, paths: list[str], readers: int, requests: int, seconds: float) -> dict:
    """The same readers with no ingest running: the baseline the loaded numbers compare with."""
    samples: list = []
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=reader, args=(base, paths, requests, until, 100 + i, samples))
               for i in range(readers)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    lat = [d for _, d, _, _ in samples]
    return {"requests": len(samples), "errors": sum(1 for _, _, s, _ in samples if s != 200),
            "requests_per_s": round(len(samples) / wall, 1), "p50_ms": pct(lat, 0.5), "p99_ms": pct(lat, 0.99)}


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))] * 1000, 1)


def run(db: str, readers: int, requests: int, seconds: float, n_ingest: int) -> dict:
    store = open_store(db)
    try:
        pre = ingest([str(CORPUS)], store, Settings(ingest_batch=16))
        ids = store.article_ids()
        from sayso import corpus
        measure = max(corpus.timeline(store), key=lambda t: len(t.points)).measure_key
    finally:
        store.close()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(db).with_name("serve.log") if not is_postgres_url(db) else Path(tempfile.gettempdir()) / "serve.log"
    server = start_server(db, port, log)
    try:
        paths = read_paths(ids, measure)
        alone = read_alone(base, paths, readers, max(1, requests // 3), seconds)
        samples: list = []
        until = time.monotonic() + seconds
        threads = [threading.Thread(target=reader, args=(base, paths, requests, until, i, samples))
                   for i in range(readers)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        time.sleep(1.0)
        ing: dict = {}
        ingester = threading.Thread(target=post_ingest, args=(base, fresh_articles(n_ingest), ing))
        ingester.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        ingester.join(timeout=600)
        fresh = [a["id"] for a in fresh_articles(n_ingest)]
        readable = sum(httpx.get(f"{base}/api/articles/{quote(i)}", timeout=30).status_code == 200 for i in fresh)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)
    logged = log.read_text(encoding="utf-8", errors="replace").splitlines()
    during = [d for t0, d, _, _ in samples if ing.get("started", 0) <= t0 <= ing.get("ended", 0)]
    lat = [d for _, d, _, _ in samples]
    errors = sum(1 for _, _, s, _ in samples if s != 200)
    body = ing.get("body") if isinstance(ing.get("body"), dict) else {}
    return {"backend": "postgres" if is_postgres_url(db) else "sqlite", "preloaded_articles": pre.stored,
            "readers": readers, "requests_per_reader": requests, "time_cap_s": seconds,
            "requests": len(samples), "errors": errors, "wall_s": round(wall, 2),
            "requests_per_s": round(len(samples) / wall, 1),
            "p50_ms": pct(lat, 0.5), "p99_ms": pct(lat, 0.99), "max_ms": pct(lat, 1.0),
            "during_ingest": {"requests": len(during), "p50_ms": pct(during, 0.5), "p99_ms": pct(during, 0.99)},
            "ingest": {"articles": n_ingest, "status": ing.get("status"), "seconds": round(ing.get("seconds", 0), 2),
                       "stored": body.get("stored"), "problems": len(body.get("problems", []))},
            "ingested_readable_after": f"{readable}/{n_ingest}",
            "mean_ms": round(statistics.mean(lat) * 1000, 1) if lat else None, "reads_alone": alone,
            "server_log_lines": len(logged), "server_log_sample": logged[:3], "p50_ms_by_route": by_route(samples)}


def by_route(samples: list) -> dict[str, float | None]:
    """Median latency per route, ids folded ('/api/articles/{id}')."""
    groups: dict[str, list[float]] = {}
    for _, d, _, path in samples:
        route = re.sub(r"^(/(?:api/)?articles/).+$", r"\1{id}", path.split("?")[0])
        groups.setdefault(route, []).append(d)
    return {r: pct(v, 0.5) for r, v in sorted(groups.items())}


def run_postgres(url: str, *args: Any) -> dict:
    """``run`` in a fresh schema of that database (any ``schema`` in the URL is replaced), dropped afterwards."""
    from sayso.store.postgres import split_schema

    base, _ = split_schema(url)
    fresh = f"{base}{'&' if '?' in base else '?'}schema=sayso_bench_serve_{uuid.uuid4().hex[:8]}"
    try:
        return run(fresh, *args)
    finally:
        store = open_store(fresh, migrate=False)
        try:
            store.drop_schema()
        finally:
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="a store URL (default: SQLite in a temporary folder)")
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--requests", type=int, default=150, help="GETs per reader")
    parser.add_argument("--seconds", type=float, default=120.0, help="time cap of the read phase")
    parser.add_argument("--ingest", type=int, default=24, help="articles uploaded during the reads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.db and is_postgres_url(args.db):
            result = run_postgres(args.db, args.readers, args.requests, args.seconds, args.ingest)
        else:
            result = run(args.db or str(Path(tmp) / "serve.db"), args.readers, args.requests, args.seconds,
                         args.ingest)
    result.update(machine=f"{platform.machine()}, {os.cpu_count()} cores", load_average_1min=os.getloadavg()[0],
                  python=platform.python_version(),
                  date=time.strftime("%Y-%m-%d"))
    print(json.dumps(result, indent=1))
    old = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    old[result["backend"]] = result
    RESULTS.write_text(json.dumps(old, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
