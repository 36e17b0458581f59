"""Spark benchmark: the same articles through single-process ``analyze_many`` and ``sayso spark-extract`` on
local[1] and local[2]: articles/s, parallel efficiency from 1 to 2 workers, start-up cost, executor memory.

    python bench/spark.py                   # 1,000 articles generated from our own examples
    python bench/spark.py --articles 100    # a quicker, smaller run
    python bench/spark.py CORPUS.jsonl      # any JSONL corpus

Each configuration runs in a fresh subprocess. For Spark it times the session start, a warm-up run of
a few articles (each Python worker loads the model and the place index once) and then the timed run
over the corpus into a fresh output. A thread samples the resident memory of every Spark Python worker
(and of the JVM) from /proc, so the report shows whether a worker's memory stays flat over the run.
The machine's load average is recorded with each configuration: on a shared machine it explains a
low efficiency. Writes bench/results/spark.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "spark.json"
sys.path.insert(0, str(ROOT / "bench"))


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) ``pid`` has used."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _descendants(pid: int) -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of every process under ``pid``."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for child in children.get(parent, []):
            try:
                with open(f"/proc/{child}/cmdline", "rb") as fh:
                    cmd = fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
            except OSError:
                cmd = ""
            found.append((child, parent, cmd))
            todo.append(child)
    return found


def spark_processes(pid: int) -> tuple[list[int], list[int]]:
    """(JVM pids, Python worker pids) under ``pid``: the workers are forked by the pyspark daemon, which
    the JVM starts, so they are the children of a Python process whose parent is the JVM."""
    procs = _descendants(pid)
    jvms = [p for p, _, cmd in procs if "java" in cmd.split(" ", 1)[0]]
    daemons = {p for p, parent, cmd in procs if parent in jvms and "python" in cmd}
    return jvms, [p for p, parent, _ in procs if parent in daemons]


class MemorySampler(threading.Thread):
    """Samples the RSS of this process's Spark Python workers and JVM every ``every`` seconds."""

    def __init__(self, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.every, self.samples, self._halt = every, [], threading.Event()
        self.cpu: dict[int, list[float]] = {}  # pid -> [CPU seconds when first seen, when last seen]

    def run(self) -> None:
        start = time.perf_counter()
        while not self._halt.is_set():
            jvms, pids = spark_processes(os.getpid())
            workers = {pid: _rss_mb(pid) for pid in pids}
            jvm = sum(_rss_mb(pid) for pid in jvms)
            for pid in [*pids, *jvms]:
                self.cpu.setdefault(pid, [_cpu_s(pid), 0.0])[1] = _cpu_s(pid) or self.cpu[pid][1]
            self.samples.append((time.perf_counter() - start, workers, jvm))
            self._halt.wait(self.every)

    def stop(self) -> dict:
        self._halt.set()
        self.join()
        summary = summarise_memory(self.samples)
        summary["cpu_s"] = round(sum(max(0.0, last - first) for first, last in self.cpu.values()), 2)
        return summary


def summarise_memory(samples: list) -> dict:
    """Per worker: RSS a quarter into the run, at the end and at peak; flat when the end is within 10% of the
    quarter mark (the model is loaded by then)."""
    if not samples:
        return {}
    span = samples[-1][0] or 1.0
    workers: dict[int, list[tuple[float, float]]] = {}
    for t, found, _ in samples:
        for pid, mb in found.items():
            if mb:
                workers.setdefault(pid, []).append((t / span, mb))
    per_worker = []
    for pid, series in sorted(workers.items()):
        late = [mb for f, mb in series if f >= 0.25] or [series[-1][1]]
        per_worker.append({"pid": pid, "rss_mb_at_quarter": round(late[0], 1), "rss_mb_at_end": round(late[-1], 1),
                           "peak_rss_mb": round(max(mb for _, mb in series), 1)})
    busy = [w for w in per_worker if w["peak_rss_mb"] > 200]  # workers that loaded the model
    growth = max((w["rss_mb_at_end"] / w["rss_mb_at_quarter"] - 1 for w in busy), default=0.0)
    return {"python_workers": per_worker, "max_worker_growth_after_quarter": round(growth, 3),
            "worker_memory_flat": growth <= 0.10, "jvm_peak_rss_mb": round(max(s[2] for s in samples), 1)}


def run_single(corpus: str) -> dict:
    """analyze_many in this one process (the `sayso extract` path), model load timed apart."""
    from sayso.api import analyze_many
    from sayso.ingest import read_inputs
    from sayso.settings import Settings

    settings = Settings(n_process=1)
    items = list(read_inputs([corpus], settings))
    started = time.perf_counter()
    list(analyze_many(items[:2], settings=settings))
    warmup = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    counts: dict[str, int] = {}
    for result in analyze_many(items, settings=settings):
        counts[result.outcome.status] = counts.get(result.outcome.status, 0) + 1
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"articles": len(items), "counts": counts, "warmup_s": round(warmup, 2), "seconds": round(seconds, 2),
            "articles_per_s": round(len(items) / seconds, 3), "cpu_s": round(cpu, 2),
            "articles_per_cpu_s": round(len(items) / cpu, 3),
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "peak_rss_mb": round(_rss_mb(os.getpid()), 1)}


def run_spark(corpus: str, cores: int, workdir: str) -> dict:
    """sayso.spark.extract on local[cores]: session start, warm-up, then the timed run."""
    from sayso.spark import extract, session

    load_before = os.getloadavg()
    started = time.perf_counter()
    spark = session(f"local[{cores}]", "sayso-bench", {"spark.ui.enabled": "false",
                                                        "spark.ui.showConsoleProgress": "false"})
    spark.sparkContext.setLogLevel("ERROR")
    session_s = time.perf_counter() - started
    warm = Path(workdir) / f"warm-{cores}.jsonl"
    with open(corpus, encoding="utf-8") as src:
        warm.write_text("".join(src.readline() for _ in range(4 * cores)), encoding="utf-8")
    started = time.perf_counter()
    extract(spark, str(warm), str(Path(workdir) / f"warm-out-{cores}"), partitions=cores)
    warmup_s = time.perf_counter() - started
    sampler = MemorySampler()
    sampler.start()
    started = time.perf_counter()
    run = extract(spark, corpus, str(Path(workdir) / f"out-{cores}"))
    seconds = time.perf_counter() - started
    memory = sampler.stop()
    cpu = memory.pop("cpu_s", None)
    spark.stop()
    return {"cores": cores, "articles": run.total, "counts": dict(run.counts), "rows": run.rows,
            "partitions": 4 * cores, "session_start_s": round(session_s, 2), "warmup_s": round(warmup_s, 2),
            "startup_cost_s": round(session_s + warmup_s, 2), "seconds": round(seconds, 2),
            "articles_per_s": round(run.total / seconds, 3), "memory": memory,
            "cpu_s": cpu, "articles_per_cpu_s": round(run.total / cpu, 3) if cpu else None,
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()]}


def _subprocess(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{args} failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _corpus(path: str | None, n: int, folder: Path) -> str:
    from throughput import example_corpus, load_corpus

    docs = load_corpus(path, n) if path else example_corpus(n)
    target = folder / "corpus.jsonl"
    target.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return str(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="JSONL corpus (default: generated from examples/)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--one", nargs=3, metavar=("KIND", "CORES", "CORPUS"), help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, cores, corpus = args.one
        row = run_single(corpus) if kind == "single" else run_spark(corpus, int(cores), args.workdir)
        print(json.dumps(row))
        return
    folder = Path(tempfile.mkdtemp(prefix="sayso-spark-bench-"))
    try:
        corpus = _corpus(args.corpus, args.articles, folder)
        load = os.getloadavg()
        single = _subprocess(["--one", "single", "1", corpus])
        local1 = _subprocess(["--one", "spark", "1", corpus, "--workdir", str(folder)])
        local2 = _subprocess(["--one", "spark", "2", corpus, "--workdir", str(folder)])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report = {
        "articles": single["articles"], "cpu_count": os.cpu_count(), "load_average_at_start": [round(x, 2) for x in load],
        "analyze_many_1_process": single, "spark_local_1": local1, "spark_local_2": local2,
        "parallel_efficiency": round(local2["articles_per_s"] / (2 * local1["articles_per_s"]), 3),
        "spark_local_1_vs_analyze_many": round(local1["articles_per_s"] / single["articles_per_s"], 3),
        "parallel_efficiency_cpu": round(local2["articles_per_cpu_s"] / local1["articles_per_cpu_s"], 3)
        if local1.get("articles_per_cpu_s") and local2.get("articles_per_cpu_s") else None,
        "per_core_articles_per_s": local1["articles_per_s"],
        "per_cpu_second_articles": local1.get("articles_per_cpu_s"),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if not isinstance(v, dict)}, indent=2))
    for name in ("analyze_many_1_process", "spark_local_1", "spark_local_2"):
        row = report[name]
        print(f"{name:24s} {row['articles_per_s']:8.2f} articles/s  {row['seconds']:8.1f} s"
              + (f"  start-up {row['startup_cost_s']:.1f} s  worker memory flat: {row['memory'].get('worker_memory_flat')}"
                 if "startup_cost_s" in row else ""))


if __name__ == "__main__":
    main()
