"""Scoring events against gold: detection, fields, per-type precision and recall, type confusion, merging.

Matching follows ``../shared/eval/FORMAT.md``: a predicted event matches a gold event of the same
article when their spans (or one of the gold event's other mentions, ``also``) overlap by at least
30% of the shorter span, largest overlap first, one to one. Fields: type and sub-type equal (a gold
sub-type of None is not scored); place within 25 km, or the gold country/region named; date equal
or refining a gold month; actor and target as score.py's ``same_actor``; fatalities within 2%;
status equal; source by name. Cross-article merging is scored as pairs: two gold events of different
articles with the same ``key`` are one occurrence; sayso's pair is two matched predictions that
``corpus.events.link_events`` puts in one group.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from typing import Any

from sayso.corpus.events import link_events
from sayso.evaluation import Counts, fold, names_agree

GENERIC = {"forces", "force", "troops", "troop", "army", "armed", "military", "soldiers", "servicemen", "units",
           "unit", "fighters", "personnel", "navy", "naval", "air", "fleet", "the", "of"}
FIELDS = ("type", "subtype", "place", "date", "actor", "target", "fatalities", "status", "source")


def same_actor(pred: str | None, gold_names: list[str]) -> bool:
    """score.py's rule: a shared generic last word alone is no match; names differing only in generic words agree."""
    def bare(name):
        out = fold(re.sub(r"\([^)]*\)", " ", name or ""))
        return out or fold(name)

    p = bare(pred)
    if not p:
        return False
    p_core = {w for w in p.split() if w not in GENERIC and not w.isdigit()}
    for g in map(bare, gold_names):
        if not g:
            continue
        if p == g or (len(g.split()) > 1 and f" {g} " in f" {p} ") or (len(p.split()) > 1 and f" {p} " in f" {g} "):
            return True
        if p.split()[-1] == g.split()[-1] and p.split()[-1] not in GENERIC:
            return True
        if p_core and p_core == {w for w in g.split() if w not in GENERIC and not w.isdigit()}:
            return True
    return False


def _spans(ev: dict) -> list[tuple[int, int]]:
    return [(ev["start"], ev["end"]), *[(a[0], a[1]) for a in ev.get("also") or []]]


def align(golds: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    cands = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            best = 0
            for s in _spans(g):
                ov = min(s[1], p["end"]) - max(s[0], p["start"])
                if ov > 0 and ov >= 0.3 * max(1, min(s[1] - s[0], p["end"] - p["start"])):
                    best = max(best, ov)
            if best:
                cands.append((-best, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _km(a: dict, b: dict) -> float:
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b["lon"] - a["lon"]) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def place_ok(gp: dict, pp: dict | None) -> bool:
    if not isinstance(pp, dict):
        return False
    if isinstance(pp.get("lat"), (int, float)) and isinstance(pp.get("lon"), (int, float)) and _km(pp, gp) <= 25.0:
        return True
    if gp.get("feature") in ("country", "region", "sea"):
        if fold(pp.get("name")) in {fold(n) for n in [gp.get("name"), *gp.get("aliases", [])] if n}:
            return True
        if gp["feature"] == "country":
            return (pp.get("country_code") or "").upper() == gp.get("country_code") and pp.get("feature") == "country"
    return False


def _party_ok(gold: dict | None, pred: Any) -> bool:
    name = pred.get("name") if isinstance(pred, dict) else None
    if not gold:
        return not name
    return same_actor(name, [gold.get("name"), *gold.get("aliases", [])])


def check(g: dict, p: dict) -> dict[str, bool]:
    """The field checks of one matched pair (only the fields the gold scores)."""
    out = {"type": p.get("type") == g["type"]}
    if g.get("subtype") is not None:
        out["subtype"] = p.get("subtype") == g["subtype"]
    if g.get("place"):
        out["place"] = place_ok(g["place"], p.get("place"))
    if g.get("date"):
        out["date"] = str(p.get("date") or "")[:len(g["date"])] == g["date"]
    out["actor"] = _party_ok(g.get("actor"), p.get("actor"))
    out["target"] = _party_ok(g.get("target"), p.get("target"))
    gf, pf = g.get("fatalities"), p.get("fatalities")
    out["fatalities"] = pf is None if gf is None else isinstance(pf, (int, float)) and abs(pf - gf) <= 0.02 * gf
    out["status"] = p.get("status") == g["status"]
    src, gs = (p.get("source") or {}).get("name") if isinstance(p.get("source"), dict) else None, g.get("source")
    out["source"] = (src is None and not gs) or (bool(gs) and names_agree(src, [gs["name"], *gs.get("aliases", [])]))
    return out


def score_events(gold_docs: dict[str, dict], pred_docs: dict[str, dict]) -> dict[str, Any]:
    """Detection, field accuracies, end-to-end, per-type P/R/F1, the type confusion and the matched pairs."""
    detect, e2e = Counts(), Counts()
    per_type: dict[str, Counts] = defaultdict(Counts)
    fields: dict[str, list[int]] = {f: [0, 0] for f in FIELDS}
    confusion: Counter = Counter()
    matched: dict[tuple[str, int], tuple[str, int]] = {}
    errors = []
    for doc_id, gold in gold_docs.items():
        if not isinstance(gold.get("events"), list):
            continue  # as score.py: an article is scored for events when its gold has the field at all
        golds = gold["events"]
        preds = [e for e in (pred_docs.get(doc_id) or {}).get("events", []) if isinstance(e.get("start"), int)]
        pairs = align(golds, preds)
        hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for pi, p in enumerate(preds):
            if pi not in hit_p:
                detect.fp += 1
                e2e.fp += 1
                per_type[p.get("type")].fp += 1
                confusion[("none", p.get("type"))] += 1
                errors.append(("extra", doc_id, p.get("type"), p.get("text", "")[:80]))
        for gi, g in enumerate(golds):
            if gi not in hit_g and not g.get("optional"):
                detect.fn += 1
                e2e.fn += 1
                per_type[g["type"]].fn += 1
                confusion[(g["type"], "none")] += 1
                errors.append(("missed", doc_id, g["type"], g["text"][:80]))
        for gi, pi in pairs:
            g, p = golds[gi], preds[pi]
            if g.get("optional"):
                continue
            matched[(doc_id, gi)] = (doc_id, pi)
            detect.tp += 1
            confusion[(g["type"], p.get("type"))] += 1
            if p.get("type") == g["type"]:
                per_type[g["type"]].tp += 1
            else:
                per_type[g["type"]].fn += 1
                per_type[p.get("type")].fp += 1
            checks = check(g, p)
            for name, ok in checks.items():
                fields[name][0] += int(ok)
                fields[name][1] += 1
            if all(checks.get(k, True) for k in ("type", "place", "date")):
                e2e.tp += 1
            else:
                e2e.fp += 1
                e2e.fn += 1
            bad = [k for k, ok in checks.items() if not ok]
            if bad:
                errors.append(("wrong", doc_id, ",".join(bad), g["text"][:60]))
    return {"detect": detect, "end_to_end": e2e, "fields": fields, "per_type": dict(per_type),
            "confusion": confusion, "matched": matched, "errors": errors}


def merge_pairs(gold_docs: dict[str, dict], pred_docs: dict[str, dict], matched: dict) -> Counts:
    """Pair precision/recall of cross-article merging over the gold set's events."""
    reports = []
    for doc_id, doc in pred_docs.items():
        if doc_id not in gold_docs:
            continue
        for pi, ev in enumerate(doc.get("events", [])):
            reports.append({**ev, "article_id": doc_id, "published": doc.get("published"), "_pi": pi})
    group_of = {}
    for group in link_events(reports):
        for r in group.reports:
            group_of[(r["article_id"], r["_pi"])] = group.id
    gold_of_pred = {v: k for k, v in matched.items()}
    gold_pairs = set()
    keyed = [((d, i), ev["key"]) for d, doc in gold_docs.items() for i, ev in enumerate(doc.get("events", []))
             if not ev.get("optional")]
    for (a, ka), (b, kb) in itertools.combinations(keyed, 2):
        if a[0] != b[0] and ka == kb:
            gold_pairs.add(frozenset((a, b)))
    pred_pairs = set()
    for a, b in itertools.combinations(sorted(group_of), 2):
        if a[0] != b[0] and group_of[a] == group_of[b]:
            pred_pairs.add(frozenset((gold_of_pred.get(a, ("pred",) + a), gold_of_pred.get(b, ("pred",) + b))))
    tp = len(gold_pairs & pred_pairs)
    return Counts(tp=tp, fp=len(pred_pairs) - tp, fn=len(gold_pairs) - tp)


def report_lines(result: dict[str, Any], merging: Counts | None = None) -> list[str]:
    """The scores as text lines: detection, fields, per type, confusion (gold rows, predicted columns)."""
    d, e = result["detect"], result["end_to_end"]
    lines = [f"detect      P={d.precision:.3f} R={d.recall:.3f} F1={d.f1:.3f} (tp={d.tp} fp={d.fp} fn={d.fn})",
             f"end_to_end  P={e.precision:.3f} R={e.recall:.3f} F1={e.f1:.3f}"]
    for name, (ok, n) in result["fields"].items():
        lines.append(f"{name:11s} {ok / n if n else 0:.3f} (n={n})")
    if merging is not None:
        lines.append(f"merge pairs P={merging.precision:.3f} R={merging.recall:.3f} F1={merging.f1:.3f} "
                     f"(tp={merging.tp} fp={merging.fp} fn={merging.fn})")
    for typ, c in sorted(result["per_type"].items(), key=lambda kv: str(kv[0])):
        lines.append(f"type {str(typ):28s} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
                     f"(tp={c.tp} fp={c.fp} fn={c.fn})")
    labels = sorted({k for pair in result["confusion"] for k in pair}, key=lambda x: (x == "none", x))
    short = {t: t[:10] for t in labels}
    lines.append("confusion (rows gold, columns predicted): " + " ".join(f"{short[t]:>10s}" for t in labels))
    for g in labels:
        lines.append(f"  {short[g]:>10s} " + " ".join(f"{result['confusion'].get((g, p), 0):10d}" for p in labels))
    return lines


def main(argv: list[str] | None = None) -> int:
    """python -m sayso.evaluation_events GOLD.jsonl [PRED.jsonl] [--errors]: the event scores as text."""
    import json
    import sys

    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if not a.startswith("--")]
    if not paths:
        print(main.__doc__)
        return 2
    gold = {str(d["id"]): d for d in map(json.loads, open(paths[0], encoding="utf-8")) if d}
    if len(paths) > 1:
        pred = {str(d["id"]): d for d in map(json.loads, open(paths[1], encoding="utf-8")) if d}
    else:
        from sayso.evaluation import predict
        pred = predict(gold)
    result = score_events(gold, pred)
    keyed = any("key" in ev for d in gold.values() for ev in d.get("events", []))
    print("\n".join(report_lines(result, merge_pairs(gold, pred, result["matched"]) if keyed else None)))
    if "--errors" in args:
        for kind, doc_id, what, text in result["errors"]:
            print(f"  {kind:6s} {doc_id}: {what}: {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
