"""Throughput benchmark: spaCy tokenizer, bare nlp.pipe, and sayso.analyze_many, with 1 and 2 processes.

    python bench/throughput.py                 # corpus generated from our own example articles
    python bench/throughput.py CORPUS.jsonl    # or any JSONL/text input sayso reads
    python bench/throughput.py --articles 400  # size of the generated corpus

Each configuration runs in a fresh subprocess so its peak memory (the process and its workers)
is its own. Prints a table and writes bench/results/throughput.json. Also times each extractor
alone over already-parsed Docs, as a share of the bare full pipeline's time; those figures are CPU time,
best of three runs, so that other work on the machine does not decide them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "throughput.json"


def example_corpus(n: int, seed: int = 7) -> list[dict]:
    """``n`` articles made from the project's own examples, lightly varied so no two are identical."""
    base = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        base.append(path.read_text(encoding="utf-8"))
    jsonl = ROOT / "examples" / "articles.jsonl"
    if jsonl.exists():
        base += [json.loads(line)["text"] for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not base:
        raise SystemExit("no example articles under examples/")
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = base[i % len(base)]
        text = re.sub(r"\b(\d+)\b", lambda m: str(int(m.group(1)) + rng.randint(0, 3)), text)
        out.append({"id": f"bench-{i}", "text": text, "published": "2025-03-17"})
    return out


def load_corpus(path: str | None, n: int) -> list[dict]:
    if not path:
        return example_corpus(n)
    sys.path.insert(0, str(ROOT / "src"))
    from sayso.ingest import read_inputs
    from sayso.models import Article

    arts = [a for a in read_inputs([path]) if isinstance(a, Article)]
    return [{"id": a.id, "text": a.text, "published": a.published.isoformat() if a.published else None}
            for a in arts[:n]]


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round((own + kids) / 1024, 1)


def run_one(kind: str, n_process: int, corpus_file: str) -> dict:
    """One measurement, in this (fresh) process."""
    import spacy

    from sayso.api import analyze_many
    from sayso.models import Article
    from sayso.settings import Settings

    docs = [json.loads(line) for line in Path(corpus_file).read_text(encoding="utf-8").splitlines()]
    texts = [d["text"] for d in docs]
    settings = Settings(n_process=n_process)
    if kind == "tokenizer":
        nlp = spacy.load(settings.model)
        start = time.perf_counter()
        for text in texts:
            nlp.tokenizer(text)
    elif kind == "spacy":
        nlp = spacy.load(settings.model)
        list(nlp.pipe(texts[:2]))
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=n_process):
            pass
    elif kind == "sayso":
        import sayso.api as api

        api._nlp(settings)
        from sayso.gazetteer import load_gazetteer

        load_gazetteer(settings)
        articles = [Article(d["id"], d["text"]) for d in docs]
        start = time.perf_counter()
        failed = sum(1 for r in analyze_many(articles, settings=settings) if r.outcome.status != "ok")
        if failed:
            print(f"warning: {failed} articles not ok", file=sys.stderr)
    else:
        raise SystemExit(f"unknown kind {kind}")
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {"kind": kind, "n_process": n_process, "articles": len(texts), "words": words, "seconds": seconds,
            "articles_per_s": len(texts) / seconds, "words_per_s": words / seconds, "peak_rss_mb": _peak_mb()}


def extractor_overhead(corpus_file: str, repeats: int = 3) -> dict:
    """CPU seconds per extractor over parsed Docs, and the bare full pipeline's, one process.

    Each figure is the best of ``repeats`` runs of CPU time (``time.process_time``): other work on the
    machine stretches wall-clock time but not this process's CPU time, and the best run is the one least
    disturbed, so the shares compare the code rather than the machine's load."""
    import spacy

    from sayso.api import _nlp
    from sayso.extract.claims import extract_claims
    from sayso.extract.dates import extract_dates
    from sayso.extract.events import extract_events
    from sayso.extract.places import extract_places
    from sayso.extract.quotes import extract_quotes
    from sayso.gazetteer import load_gazetteer
    from sayso.settings import Settings

    texts = [json.loads(line)["text"] for line in Path(corpus_file).read_text(encoding="utf-8").splitlines()]
    settings = Settings()
    full = spacy.load(settings.model)
    full_s = _best(repeats, lambda: list(full.pipe(texts, batch_size=settings.batch_size)))
    nlp = _nlp(settings)
    sayso_parse_s = _best(repeats, lambda: list(nlp.pipe(texts, batch_size=settings.batch_size)))
    docs = list(nlp.pipe(texts, batch_size=settings.batch_size))
    gaz = load_gazetteer(settings)
    import datetime as dt

    pub = dt.date(2025, 3, 17)
    # one article through every extractor first: one-time loads (the unit registry, word tables) are start-up,
    # as loading the model is for the pipeline's time above
    q0 = extract_quotes(docs[0])
    c0 = extract_claims(docs[0], q0)
    extract_events(docs[0], pub, q0, c0, extract_places(docs[0], gaz), extract_dates(docs[0], pub))
    quotes = [extract_quotes(d) for d in docs]
    claims = [extract_claims(d, q) for d, q in zip(docs, quotes)]
    places_dates = [(extract_places(d, gaz), extract_dates(d, pub)) for d in docs]
    runs = {
        "quotes": lambda: [extract_quotes(d) for d in docs],
        "quotes+stances": lambda: [extract_quotes(d, stances=True) for d in docs],  # the opt-in quote_stances setting
        "claims": lambda: [extract_claims(d, q) for d, q in zip(docs, quotes)],
        "places+dates": lambda: [(extract_places(d, gaz), extract_dates(d, pub)) for d in docs],
        "events": lambda: [extract_events(d, pub, q, c, p, ds)
                           for d, q, c, (p, ds) in zip(docs, quotes, claims, places_dates)],
    }
    timings = {name: _best(repeats, run) for name, run in runs.items()}
    return {"full_pipeline_s": full_s, "sayso_parse_s": sayso_parse_s, "clock": "process CPU time, best of "
            f"{repeats}", "extractor_s": timings,
            "extractor_share_of_full_pipeline": {k: v / full_s for k, v in timings.items()}}


def _best(repeats: int, run) -> float:
    """The least CPU time of ``repeats`` calls of ``run``."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def _subprocess(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"benchmark step {args} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", help="articles to use (default: generated from examples/)")
    parser.add_argument("--articles", type=int, default=200, help="articles in the generated corpus")
    parser.add_argument("--processes", default="1,2", help="process counts to measure")
    parser.add_argument("--one", nargs=3, metavar=("KIND", "N_PROCESS", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--overhead", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.one[2])))
        return
    if args.overhead:
        print(json.dumps(extractor_overhead(args.overhead)))
        return
    corpus = load_corpus(args.corpus, args.articles)
    tmp = ROOT / "bench" / "results" / "corpus.tmp"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text("\n".join(json.dumps(d) for d in corpus) + "\n", encoding="utf-8")
    rows = [_subprocess(["--one", "tokenizer", "1", str(tmp)])]
    report: dict = {"articles": len(corpus), "cpu_count": os.cpu_count(), "by_processes": {}}
    for n in [int(x) for x in args.processes.split(",")]:
        spacy_row = _subprocess(["--one", "spacy", str(n), str(tmp)])
        sayso_row = _subprocess(["--one", "sayso", str(n), str(tmp)])
        rows += [spacy_row, sayso_row]
        report["by_processes"][str(n)] = {
            "spacy_articles_per_s": round(spacy_row["articles_per_s"], 2),
            "sayso_articles_per_s": round(sayso_row["articles_per_s"], 2),
            "ratio": round(sayso_row["articles_per_s"] / spacy_row["articles_per_s"], 3),
            "spacy_words_per_s": round(spacy_row["words_per_s"]),
            "sayso_words_per_s": round(sayso_row["words_per_s"]),
            "peak_rss_mb": sayso_row["peak_rss_mb"],
            "spacy_peak_rss_mb": spacy_row["peak_rss_mb"],
        }
    report["tokenizer"] = {"articles_per_s": round(rows[0]["articles_per_s"], 1),
                           "words_per_s": round(rows[0]["words_per_s"])}
    report["extractor_overhead"] = _subprocess(["--overhead", str(tmp)])
    tmp.unlink()
    print(f"{'what':<28}{'procs':>6}{'articles/s':>12}{'words/s':>12}{'peak MB':>10}")
    for r in rows:
        label = {"tokenizer": "spaCy tokenizer only", "spacy": "bare nlp.pipe (full model)",
                 "sayso": "sayso.analyze_many"}[r["kind"]]
        print(f"{label:<28}{r['n_process']:>6}{r['articles_per_s']:>12.1f}{r['words_per_s']:>12.0f}"
              f"{r['peak_rss_mb']:>10.0f}")
    for n, row in report["by_processes"].items():
        print(f"sayso / spaCy with {n} process(es): {row['ratio']:.2f}")
    over = report["extractor_overhead"]
    for name, share in over["extractor_share_of_full_pipeline"].items():
        print(f"{name:<14} adds {share:6.1%} of the full spaCy pipeline's time")
    shares = over["extractor_share_of_full_pipeline"]
    every = sum(v for k, v in shares.items() if k != "quotes+stances")
    print(f"all extractors (default settings) add {every:6.1%}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
