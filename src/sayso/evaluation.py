"""Scoring extractions against gold annotations (span overlap matching, per-field accuracy, F1).

Gold files use the JSONL shape of ``sayso extract`` input plus gold ``quotes``, ``claims``,
``places`` and ``dates`` lists (the documented gold format). Matching rules:

- a predicted item matches a gold item when their spans overlap by at least a share of each
  (quotes and dates: half; claims: 30%; places: half of the gold span, a quarter of the predicted);
  each gold item matches at most one prediction, best overlap first;
- quotes: the speaker is right when the names agree (same last word, or one contains the other,
  after folding case and accents) with the gold name or an alias, or the predicted speaker mention
  overlaps one of the gold ``speaker_spans``;
- claims: value within 2% of the gold SI value; qualifier, source (name or ``source_aliases``) and
  status compared;
- places: right when within 161 km of the gold point, or a country with the right code;
- dates: right when the value equals the gold one or refines it (gold "2024-08" accepts "2024-08-12").

Gold items marked ``"optional": true`` count neither for nor against.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable

SHARES = {"quotes": (0.5, 0.5), "claims": (0.3, 0.3), "places": (0.5, 0.25), "dates": (0.5, 0.5)}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class TaskScore:
    detect: Counts = field(default_factory=Counts)
    end_to_end: Counts = field(default_factory=Counts)
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, checked]

    def accuracy(self, name: str) -> float:
        right, checked = self.fields.get(name, [0, 0])
        return right / checked if checked else 0.0

    def as_dict(self) -> dict:
        out = {"detect_f1": round(self.detect.f1, 4), "end_to_end_f1": round(self.end_to_end.f1, 4)}
        for name in self.fields:
            out[f"{name}_accuracy"] = round(self.accuracy(name), 4)
        return out


def fold(name: str | None) -> str:
    """Case-, accent- and punctuation-folded name, without a possessive 's."""
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).replace("\u2019", "'").lower()
    name = re.sub(r"'s\b", "", name)
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", name).split())


def names_agree(predicted: str | None, gold: Iterable[str]) -> bool:
    p = fold(predicted)
    if not p:
        return False
    for g in map(fold, gold):
        if g and (p == g or p.split()[-1] == g.split()[-1] or f" {g} " in f" {p} " or f" {p} " in f" {g} "):
            return True
    return False


def _overlaps(gold: tuple[int, int], pred: tuple[int, int], shares: tuple[float, float]) -> float:
    inter = min(gold[1], pred[1]) - max(gold[0], pred[0])
    if inter <= 0:
        return 0.0
    if inter < shares[0] * (gold[1] - gold[0]) or inter < shares[1] * (pred[1] - pred[0]):
        return 0.0
    return inter


def _span(item: dict) -> tuple[int, int]:
    inner = item.get("quantity") if isinstance(item.get("quantity"), dict) else item
    return int(inner["start"]), int(inner["end"])


def match(gold: list[dict], pred: list[dict], shares: tuple[float, float]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), greedy by overlap, one-to-one."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlaps(_span(g), _span(p), shares)
            if ov:
                candidates.append((-ov, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _source_name(value) -> str | None:
    return value.get("name") if isinstance(value, dict) else value


def _check_quote(g: dict, p: dict) -> dict[str, bool]:
    speaker = p.get("speaker") or {}
    if isinstance(speaker, str):
        speaker = {"name": speaker}
    if not g.get("speaker") and not g.get("speaker_spans"):
        right = not speaker.get("name")
    else:
        right = names_agree(speaker.get("name"), [g.get("speaker") or ""] + list(g.get("speaker_aliases") or []))
        if not right and speaker.get("start") is not None:
            mention = (speaker["start"], speaker["end"])
            right = any(min(mention[1], e) > max(mention[0], s) for s, e in g.get("speaker_spans") or [])
    return {"speaker": right, "kind": g.get("kind") == p.get("kind")}


def _check_claim(g: dict, p: dict) -> dict[str, bool]:
    q = p.get("quantity") if isinstance(p.get("quantity"), dict) else p
    gv, pv = g.get("si_value"), q.get("si_value")
    value_ok = (gv is None and pv is None) or (gv is not None and pv is not None
                                                and abs(pv - gv) <= 0.02 * max(abs(gv), 1e-9))
    gsrc, psrc = g.get("source"), _source_name(p.get("source"))
    source_ok = (gsrc is None and not psrc) or (
        gsrc is not None and names_agree(psrc, [gsrc, *(g.get("source_aliases") or [])]))
    return {"value": value_ok, "qualifier": g.get("qualifier") == q.get("qualifier"),
            "source": source_ok, "status": g.get("status") == p.get("status")}


def _check_place(g: dict, p: dict) -> dict[str, bool]:
    ok = False
    if p.get("lat") is not None and p.get("lon") is not None:
        ok = _km(g["lat"], g["lon"], p["lat"], p["lon"]) <= 161
    if not ok and g.get("feature") == "country" and p.get("feature") == "country":
        ok = bool(g.get("country_code")) and g.get("country_code") == p.get("country_code")
    return {"within_161km": ok}


def _check_date(g: dict, p: dict) -> dict[str, bool]:
    gv, pv = g.get("value") or "", p.get("value") or ""
    return {"value": bool(pv) and (pv == gv or pv.startswith(gv + "-"))}


CHECKS: dict[str, tuple[Callable[[dict, dict], dict[str, bool]], tuple[str, ...]]] = {
    "quotes": (_check_quote, ("speaker",)),
    "claims": (_check_claim, ("value", "qualifier", "source", "status")),
    "places": (_check_place, ("within_161km",)),
    "dates": (_check_date, ("value",)),
}


def score(gold_docs: dict[str, dict], pred_docs: dict[str, dict],
          tasks: Iterable[str] = ("quotes", "claims", "places", "dates")) -> dict[str, TaskScore]:
    """Scores per task over the articles in ``gold_docs`` (joined to predictions on id)."""
    results = {t: TaskScore() for t in tasks}
    for doc_id, gold in gold_docs.items():
        pred = pred_docs.get(doc_id, {})
        for task, result in results.items():
            if task not in gold:
                continue
            check, e2e_fields = CHECKS[task]
            g_items, p_items = gold.get(task) or [], pred.get(task) or []
            pairs = match(g_items, p_items, SHARES[task])
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            for gi, pi in pairs:
                optional = g_items[gi].get("optional", False)
                verdict = check(g_items[gi], p_items[pi])
                if optional:
                    continue
                result.detect.tp += 1
                for name, ok in verdict.items():
                    if name in e2e_fields:
                        slot = result.fields.setdefault(name, [0, 0])
                        slot[0] += int(ok)
                        slot[1] += 1
                if all(verdict[f] for f in e2e_fields):
                    result.end_to_end.tp += 1
                else:
                    result.end_to_end.fp += 1
                    result.end_to_end.fn += 1
            for gi, g in enumerate(g_items):
                if gi not in matched_g and not g.get("optional", False):
                    result.detect.fn += 1
                    result.end_to_end.fn += 1
            extra = len(p_items) - len(matched_p)
            result.detect.fp += extra
            result.end_to_end.fp += extra
    return results


def _read_jsonl(path) -> dict[str, dict]:
    import json

    from sayso.errors import InputError

    docs: dict[str, dict] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(f"{path}:{number}: malformed JSON ({exc.msg})") from exc
                    docs[str(record.get("id"))] = record
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    return docs


def predict(gold_docs: dict[str, dict], settings=None) -> dict[str, dict]:
    """Run sayso over the gold articles and return predictions keyed by id."""
    from sayso.api import analyze_many
    from sayso.ingest.jsonl import parse_published
    from sayso.models import Article

    articles = [Article(id=i, text=d["text"], title=d.get("title"), published=parse_published(d.get("published")))
                for i, d in gold_docs.items()]
    return {r.outcome.article_id: r.analysis.to_dict() for r in analyze_many(articles, settings=settings)
            if r.analysis is not None}


def evaluate_files(gold_path, pred_path=None, settings=None) -> dict[str, TaskScore]:
    """Scores for a gold file, against a predictions file or a fresh extraction."""
    gold = _read_jsonl(gold_path)
    pred = _read_jsonl(pred_path) if pred_path else predict(gold, settings)
    tasks = [t for t in ("quotes", "claims", "places", "dates") if any(t in d for d in gold.values())]
    return score(gold, pred, tasks)
