"""The fixture corpus through the real extractors into SQLite: claim clusters and contradictions end to end.

What is expected comes from tests/fixtures/corpus/expected.json (``frame_cases``, and the figure
contradictions of ``contradictions``; see EXPECTED.md, sections 3 and 5). The corpus is ingested
once per module. Figures are found by their span in the article; a contradiction is matched by
its two articles, a wire copy (or a same-day relay of the same source's figure) standing for its
original.
"""

from __future__ import annotations

import collections
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from sayso import corpus
from sayso.settings import Settings
from sayso.store import open_store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
CORPUS = FIXTURE / "corpus.jsonl"
SETTINGS = Settings(ingest_batch=8)

pytestmark = [pytest.mark.model, pytest.mark.slow,
              pytest.mark.skipif(not CORPUS.exists(), reason="tests/fixtures/corpus/corpus.jsonl is missing")]


def _expected() -> dict:
    return json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))


EXPECTED = _expected() if CORPUS.exists() else {"frame_cases": collections.defaultdict(list), "contradictions": []}
CASES = EXPECTED["frame_cases"]
TEXTS = {json.loads(line)["id"]: json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")} \
    if CORPUS.exists() else {}


@dataclass(frozen=True)
class Linked:
    claims: list          # corpus.clustered_claims: every claim with a frame, with its cluster
    found: list           # corpus.contradictions, as listed


@pytest.fixture(scope="module")
def linked(nlp, tmp_path_factory) -> Linked:  # noqa: ARG001  (nlp: the model, loaded once per session)
    store = open_store(str(tmp_path_factory.mktemp("frames") / "fixture.db"))
    try:
        report = corpus.ingest([str(CORPUS)], store, SETTINGS)
        assert report.stored == report.total == len(TEXTS), report.problems
        return Linked(corpus.clustered_claims(store), corpus.contradictions(store, settings=SETTINGS))
    finally:
        store.close()


# -- naming figures and statements ------------------------------------------------------------------

def _span(article: str, figure: str) -> tuple[int, int]:
    start = TEXTS[article].find(figure)
    assert start >= 0, (article, figure)
    return start, start + len(figure)


def _claims_at(claims: list, article: str, figure: str) -> list:
    start, end = _span(article, figure)
    return [c for c in claims if c.article_id == article and c.q_start is not None
            and c.q_start < end and start < c.q_end]


def _claim(claims: list, article: str, figure: str):
    at = _claims_at(claims, article, figure)
    assert at, f"no framed claim for {figure!r} in {article}"
    return at[0]


def _same_statement() -> dict[str, set[str]]:
    """Each article -> the articles that carry the same statement: its wire group, the relays a
    contradiction case names, and the same source's same figure of the same day (section 2's measures)."""
    groups: dict[str, set[str]] = collections.defaultdict(set)
    for copy, origin in EXPECTED["wire_copies"].items():
        groups[origin] |= {origin, copy}
    for c in CASES["contradictions"]:
        groups[c["a"][0]] |= {c["a"][0], *c.get("same_statement_as_a", ())}
    said = collections.defaultdict(set)
    for m in EXPECTED["measures"].values():
        for p in m["points"]:
            said[(p["source"], p["si_value"], p["date"])].add(p["article"])
    for arts in said.values():
        for a in arts:
            groups[a] |= arts
    out: dict[str, set[str]] = {}
    for article in TEXTS:  # close over the unions (a copy of a relay is the same statement too)
        seen, todo = set(), [article]
        while todo:
            a = todo.pop()
            if a not in seen:
                seen.add(a)
                todo.extend(groups.get(a, ()))
                todo.extend(k for k, v in groups.items() if a in v)
        out[article] = seen
    return out


SAME = _same_statement() if TEXTS else {}


def _origin(article: str) -> str:
    return EXPECTED["wire_copies"].get(article, article)


def _listed(found: list, a: str, b: str) -> list:
    """The listed contradictions between a statement of article ``a`` and one of article ``b``."""
    sa, sb = SAME.get(a, {a}), SAME.get(b, {b})
    return [c for c in found if (c.a.article_id in sa and c.b.article_id in sb)
            or (c.a.article_id in sb and c.b.article_id in sa)]


def _side(c) -> tuple:
    """One side of a listed contradiction as a statement: its original article and its figure or words."""
    what = c.value if getattr(c, "value", None) is not None else getattr(c, "text", None)
    return (_origin(c.article_id), what)


# -- which cases are known to fail, and why (see the report of issue 13) ----------------------------

XFAIL: dict = {}


def _param(case_id, *values):
    reason = XFAIL.get(case_id)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(*values, id=str(case_id if isinstance(case_id, str) else "-".join(case_id)), marks=marks)


def _contradiction_cases() -> list[dict]:
    """The frame cases' contradictions and section 3's, as {kind, a, b} of article ids."""
    cases = [dict(kind=c["kind"], a=c["a"][0], b=c["b"][0]) for c in CASES["contradictions"]]
    cases += [dict(kind=c["kind"], a=c["a"][0], b=c["b"][0]) for c in EXPECTED["contradictions"]]
    return cases


# -- clusters ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", [_param(c["name"], c) for c in CASES["same_cluster"]])
def test_one_measure_in_other_words_is_one_cluster(linked, case):
    clusters = {(a, f): _claim(linked.claims, a, f).cluster for a, f in case["figures"]}
    assert len(set(clusters.values())) == 1, clusters


@pytest.mark.parametrize("case", [_param(c["why"], c) for c in CASES["different_clusters"]])
def test_the_same_number_for_two_sides_is_two_clusters(linked, case):
    (a, fa), (b, fb) = case["figures"]
    one, other = _claim(linked.claims, a, fa), _claim(linked.claims, b, fb)
    assert one.cluster != other.cluster, (one.cluster, case["why"])


@pytest.mark.parametrize("case", [_param(f"{n['article']}:{n['text']}", n) for n in CASES["never_framed"]])
def test_durations_and_sizes_are_never_clustered_or_compared(linked, case):
    assert not _claims_at(linked.claims, case["article"], case["text"])
    start, end = _span(case["article"], case["text"])
    sides = [s for c in linked.found for s in (c.a, c.b) if s.article_id == case["article"]]
    assert not [s for s in sides if getattr(s, "q_start", None) is not None and s.q_start < end and start < s.q_end]


# -- contradictions ---------------------------------------------------------------------------------

@pytest.mark.parametrize("case", [_param((c["a"], c["b"]), c) for c in _contradiction_cases()])
def test_expected_contradiction_is_listed(linked, case):
    assert _listed(linked.found, case["a"], case["b"]), case


@pytest.mark.parametrize("case", [_param(f"listed_once:{c['a']}", c) for c in _contradiction_cases()])
def test_expected_contradiction_is_listed_once_with_its_copies_folded_in(linked, case):
    listed = _listed(linked.found, case["a"], case["b"])
    assert len(listed) <= 1, [(c.a.article_id, c.b.article_id, c.reason) for c in listed]


def test_a_copied_contradiction_names_the_copies_it_folds(linked):
    case = next(c for c in CASES["contradictions"] if c["a"][0] == "nw-0607-donetsk-villages")
    (listed,) = _listed(linked.found, case["a"][0], case["b"][0])
    copies = listed.copies if listed.a.article_id in SAME[case["a"][0]] else listed.copies[::-1]
    assert copies == (2, 1), listed.reason


@pytest.mark.parametrize("case", [_param((n["a"], n["b"]), n) for n in CASES["not_contradictions"]])
def test_expected_non_contradiction_is_not_listed(linked, case):
    listed = _listed(linked.found, case["a"], case["b"])
    assert not listed, (case["why"], [c.reason for c in listed])


def test_no_other_pair_of_statements_is_listed_twice(linked):
    """Beyond the expected contradictions (checked one by one above), no two listed items are one pair."""
    expected = {frozenset((_origin(c["a"]), _origin(c["b"]))) for c in _contradiction_cases()}
    pairs = collections.Counter(frozenset((_side(c.a), _side(c.b))) for c in linked.found
                                if frozenset((_origin(c.a.article_id), _origin(c.b.article_id))) not in expected)
    assert not [p for p, n in pairs.items() if n > 1]


def test_a_denial_is_attributed_to_the_denier(linked):
    denied = _claim(linked.claims, "me-0606-vovchansk-denial", "45 tanks")
    assert denied.status == "denied" and "Defense Ministry" in (denied.source or "")
