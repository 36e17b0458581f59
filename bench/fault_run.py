"""Fault run (issue 12's "Done when"): `sayso extract` over 600 articles, good and hostile, in one batch.

    .venv/bin/python bench/fault_run.py                  # 600 articles, 2 worker processes
    .venv/bin/python bench/fault_run.py --articles 120 -j 1

The good articles are the texts of the shared dev sets (../shared/eval/dev/*.jsonl, read at run time and
written only to a temporary folder, never into the repository), taken in turn from each file. The
hostile ones are generated here from pieces we wrote: huge, over the token budget, binary, empty,
blank, unbalanced and mixed quotation marks, not English, deeply nested punctuation, control and
odd Unicode characters, a sentence of 20,000 words, malformed JSONL lines, notes and code in the
folder. Everything goes through the real command line as one batch (a folder and a JSONL file).

It reports the command's summary line, the outcomes by reason, whether every good article was
extracted, and whether every record's span in the output is its text (`text[start:end] == text`).
Results: bench/results/fault_run.json.
"""

from __future__ import annotations

import argparse
import collections
import json
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
DEV_FILES = ["seed.gold", "claims_dev", "war_dev", "corpus_dev", "polnear_dev", "timebank_dev", "geovirus_dev",
             "geowebnews_dev"]
RESULTS = ROOT / "bench" / "results" / "fault_run.json"

# Pieces of the hostile articles (our own sentences).
PLAIN = ("The regional governor said on Tuesday that at least 14 people were hurt when a drone hit a depot on the "
         "edge of the city. Crews worked through the night, and the fire was out by morning.")
UNBALANCED = [
    "\u201cWe will not leave the village, the elder said on Sunday. Shelling went on all night.",
    "The commander said the line held. \u201cWe lost two vehicles\u201d and \u201cnobody else, he added.",
    "\"Nobody told us anything,\u201d a resident said. \u2018We waited for three days.\" More shelling followed.",
    "\u00abThe bridge is gone\u00bb, the mayor wrote. \u201cThe ferry is all we have left,\" he said. "
    "\u201d\u201d\u201d",
    "She said: \u201c\n\nThe convoy was stopped at the checkpoint.\n\n\u201cThen they turned us back.",
]
FOREIGN = [
    "Die Armee meldete am Montag, dass ihre Einheiten weiter in die Region vorgedrungen seien und mehrere "
    "D\u00f6rfer eingenommen h\u00e4tten. Der Gouverneur sagte, die Lage sei schwierig, aber unter Kontrolle.",
    "L'arm\u00e9e a annonc\u00e9 lundi que ses unit\u00e9s avaient progress\u00e9 dans la r\u00e9gion et pris "
    "plusieurs villages. Le gouverneur a d\u00e9clar\u00e9 que la situation restait difficile mais "
    "ma\u00eetris\u00e9e.",
    "\u0410\u0440\u043c\u0438\u044f \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0430 \u0432 \u043f\u043e\u043d"
    "\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a, \u0447\u0442\u043e \u0435\u0435 \u043f\u043e\u0434\u0440"
    "\u0430\u0437\u0434\u0435\u043b\u0435\u043d\u0438\u044f \u043f\u0440\u043e\u0434\u0432\u0438\u043d\u0443\u043b"
    "\u0438\u0441\u044c \u0432 \u0440\u0435\u0433\u0438\u043e\u043d\u0435. " * 4,
    "\u519b\u65b9\u5468\u4e00\u8868\u793a\uff0c\u5176\u90e8\u961f\u5df2\u5728\u8be5\u5730\u533a\u63a8\u8fdb\u5e76"
    "\u5360\u9886\u4e86\u51e0\u4e2a\u6751\u5e84\u3002\u5dde\u957f\u8868\u793a\u5c40\u52bf\u56f0\u96be\u4f46\u53ef"
    "\u63a7\u3002" * 6,
    "\u0642\u0627\u0644 \u0627\u0644\u062c\u064a\u0634 \u064a\u0648\u0645 \u0627\u0644\u0627\u062b\u0646\u064a\u0646 "
    "\u0625\u0646 \u0648\u062d\u062f\u0627\u062a\u0647 \u062a\u0642\u062f\u0645\u062a \u0641\u064a \u0627\u0644"
    "\u0645\u0646\u0637\u0642\u0629. " * 8,
]


def dev_articles(n: int) -> list[dict]:
    """``n`` dev-set articles, taken in turn from each file (id, text, published, title only)."""
    pools = []
    for name in DEV_FILES:
        path = DEV / f"{name}.jsonl"
        if path.exists():
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            pools.append([{k: r.get(k) for k in ("id", "text", "published", "title")} for r in rows])
    out: list[dict] = []
    while len(out) < n and any(pools):
        for pool in pools:
            if pool and len(out) < n:
                out.append(pool.pop(0))
    return out


def hostile_lines(rng: random.Random) -> list[dict | str]:
    """Hostile articles as JSONL records (and a few lines that are not records at all)."""
    lines: list[dict | str] = []
    for n, text in enumerate(UNBALANCED):
        lines.append({"id": f"hostile-unbalanced-{n}", "text": f"{PLAIN}\n\n{text}\n\n{PLAIN}"})
    for n, text in enumerate(FOREIGN):
        lines.append({"id": f"hostile-foreign-{n}", "text": text})
    nests = {"parens": ("(", ")"), "curly": ("\u201c\u2018", "\u2019\u201d"), "brackets": ("[{", "}]"),
             "guillemets": ("\u00ab", "\u00bb"), "straight": ("\"'", "'\"")}
    prose = " ".join([PLAIN] * 6)  # enough letters around the punctuation to pass as prose
    for name, (left, right) in nests.items():
        depth = rng.randint(100, 300)
        lines.append({"id": f"hostile-nested-{name}", "text": f"{prose} {left * depth}the mayor said 40 people "
                                                              f"died{right * depth} {prose}"})
    lines += [
        {"id": "hostile-empty", "text": ""},
        {"id": "hostile-blank", "text": " \n\t \n"},
        {"id": "hostile-huge", "text": PLAIN * 1200},
        {"id": "hostile-token-budget", "text": "He is up. " * 19_500},
        {"id": "hostile-no-stop", "text": " ".join(rng.choice(PLAIN.split()).strip(".,") for _ in range(20_000))},
        {"id": "hostile-one-word", "text": "said " * 8_000},
        {"id": "hostile-quote-marks", "text": f"{prose} " + "\" \u201c" * 250 + f" {prose}"},
        {"id": "hostile-control", "text": "\x07".join(PLAIN.split(" "))},
        {"id": "hostile-odd-unicode", "text": PLAIN.replace(" ", "\u00a0\u200b").replace(",", "\u2028,\u0301")},
        {"id": "hostile-numbers", "text": " ".join(str(rng.randint(0, 10**9)) for _ in range(400))},
        {"id": "hostile-dateline-only", "text": "KYIV, Ukraine (AP) \u2014 " * 50},
        {"id": "hostile-cycle", "text": "Selma Quist said he called Aron Pike to talk to him about the issue. "
                                        "Asked in an interview who lobbied for the issue, Selma Quist said, "
                                        "\u201cI did.\u201d " + PLAIN},
        {"id": "hostile-no-text", "title": "a record without text"},
        '{"id": "hostile-surrogate", "text": "' + PLAIN + ' \\ud800 ' + PLAIN + '"}',  # a stray JSON escape
        "{not json at all",
        "[1, 2, 3]",
    ]
    return lines


def hostile_files(folder: Path, rng: random.Random) -> int:
    """Hostile files in ``folder``; returns how many inputs they are."""
    files = {
        "huge.txt": ("word " * 250_000).encode(),
        "binary.txt": bytes(rng.randrange(256) for _ in range(20_000)),
        "image.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
        "empty.txt": b"",
        "latin1.txt": (PLAIN.replace("said", "said \u201cfa\u00e7ade\u201d") * 3).encode("cp1252"),
        "broken.html": f"<html><body><div><p>{PLAIN}<p>{PLAIN}<script>var x = 1;".encode(),
        "notes.md": b"# Notes\n\nThings to check tomorrow.\n",
        "tool.py": b"print('not an article')\n",
        "settings.json": json.dumps({"threshold": 0.5, "names": ["a", "b"]}).encode(),
        "one.json": json.dumps({"id": "hostile-one-json", "text": PLAIN}).encode(),
        "utf16.txt": PLAIN.encode("utf-16"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return len(files)


def build_inputs(folder: Path, total: int, rng: random.Random) -> tuple[int, set[str]]:
    """Write the batch into ``folder``; return the number of inputs and the ids of the good articles."""
    lines = hostile_lines(rng)
    n_files = hostile_files(folder, rng)
    good = dev_articles(max(0, total - len(lines) - n_files))
    rows = good + lines
    rng.shuffle(rows)
    with (folder / "batch.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return len(rows) + n_files, {r["id"] for r in good}


def span_errors(record: dict, text: str, where: str = "") -> list[str]:
    """Spans in an output record (nested ones too) whose text is not ``text[start:end]``."""
    found = []
    if isinstance(record, list):
        for n, item in enumerate(record):
            found += span_errors(item, text, f"{where}[{n}]")
    elif isinstance(record, dict):
        start, end, own = record.get("start"), record.get("end"), record.get("text")
        if isinstance(start, int) and isinstance(end, int) and isinstance(own, str) and text[start:end] != own:
            found.append(f"{where}: {text[start:end]!r} != {own!r}")
        for key, value in record.items():
            if isinstance(value, (list, dict)):
                found += span_errors(value, text, f"{where}.{key}")
    return found


ORDER = {"quotes": "start", "claims": "quantity", "places": "start", "dates": "start", "events": "start"}


def order_errors(record: dict) -> list[str]:
    """Record lists of an output record that are not in text order (see ``_place``)."""
    found = []
    for field, key in ORDER.items():
        starts = [_place(r, key) for r in record.get(field) or ()]
        if starts != sorted(starts):
            found.append(f"{record['id']}: {field} out of order")
    return found


def _place(record: dict, key: str) -> int:
    """Where a record sits in the text: a claim by its quantity, an event by its first mention."""
    if key == "quantity":
        return record["quantity"]["start"]
    if record.get("mentions"):
        return min(m[0] for m in record["mentions"])
    return record[key]


def run(total: int, n_process: int, seed: int) -> dict:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="sayso-fault-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        n_inputs, good_ids = build_inputs(folder, total, rng)
        out = Path(tmp) / "out.jsonl"
        cmd = [str(Path(sys.executable).parent / "sayso"), "extract", str(folder), "-o", str(out), "-j", str(n_process)]
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        # split on newlines only: a text may hold U+2028, which str.splitlines would also split on
        lines = out.read_text(encoding="utf-8").split("\n") if out.exists() else []
        records = [json.loads(line) for line in lines if line]
    summary = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    reasons = collections.Counter(f"{r['outcome']}: {_reason_kind(r.get('reason'))}" for r in records
                                  if r["outcome"] != "ok")
    by_id = {r["id"]: r for r in records}
    good_missing = sorted(i for i in good_ids if by_id.get(i, {}).get("outcome") != "ok")
    errors = [e for r in records if r["outcome"] == "ok"
              for e in span_errors({k: r[k] for k in ("quotes", "claims", "places", "dates", "events") if k in r},
                                   r.get("text") or "", r["id"])]
    return {
        "command": f"sayso extract IN -o OUT -j {n_process}",
        "exit_code": proc.returncode, "inputs": n_inputs, "outputs": len(records), "good_articles": len(good_ids),
        "good_not_ok": [(i, by_id.get(i, {}).get("outcome"), by_id.get(i, {}).get("reason")) for i in good_missing],
        "summary_line": summary, "outcomes": dict(collections.Counter(r["outcome"] for r in records)),
        "warnings": sum(r.get("warnings") or 0 for r in records), "reasons": dict(sorted(reasons.items())),
        "not_ok": {Path(r["id"]).name if "/" in r["id"] else r["id"]: f"{r['outcome']}: {r.get('reason')}"
                   for r in records if r["outcome"] != "ok" and r["id"] not in good_ids},
        "span_errors": len(errors), "span_error_examples": errors[:10],
        "order_errors": [e for r in records if r["outcome"] == "ok" for e in order_errors(r)][:20],
        "seconds": round(seconds, 1), "articles_per_second": round(len(records) / seconds, 1) if seconds else None,
        "n_process": n_process, "python": platform.python_version(), "machine": platform.machine(),
        "traceback": "Traceback" in proc.stderr,
    }


def _reason_kind(reason: str | None) -> str:
    """The reason without its numbers and names, so like reasons count together."""
    if not reason:
        return "-"
    head = reason.split(" (")[0]
    return head if len(head) < 60 else head[:57] + "..."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600, help="inputs in the batch, good and hostile")
    parser.add_argument("-j", "--n-process", type=int, default=2, help="worker processes of sayso extract")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--no-save", action="store_true", help="print only; leave bench/results alone")
    args = parser.parse_args()
    if not DEV.exists():
        sys.exit(f"the dev sets are not at {DEV}; nothing to run")
    result = run(args.articles, args.n_process, args.seed)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    if not args.no_save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    ok = (result["exit_code"] == 0 and not result["good_not_ok"] and not result["span_errors"]
          and not result["order_errors"] and not result["traceback"])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
