"""Our cross-source fixture corpus (tests/fixtures/corpus): wire copies, speaker names, and a real ingest.

Wire-copy grouping works on article text and speaker merging on names, so both are checked here
without the extractors; the model test checks what stays robust whatever the extractors find.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storekit import stub_analyse

from sayso import corpus
import sayso.corpus.linking  # noqa: F401  (corpus.linking below)
from sayso.corpus.entities import EntityIndex
from sayso.corpus.names import is_descriptor
from sayso.models import Speaker
from sayso.settings import Settings
from sayso.store import open_store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
CORPUS = FIXTURE / "corpus.jsonl"
SETTINGS = Settings(ingest_batch=8, language_check=False)

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="tests/fixtures/corpus/corpus.jsonl is missing")


def _expected() -> dict:
    return json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))


def _expected_groups() -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for copy, origin in _expected()["wire_copies"].items():
        groups.setdefault(origin, {origin}).add(copy)
    return {frozenset(g) for g in groups.values()}


def test_fixture_wire_copies_grouped_with_their_original_and_nothing_else(store):
    report = corpus.ingest([str(CORPUS)], store, SETTINGS, analyse=stub_analyse({}))
    assert report.stored == report.total >= 30
    groups = corpus.wire_groups(store)
    assert {frozenset(g.articles) for g in groups} == _expected_groups()
    origins = set(_expected()["wire_copies"].values())
    assert {g.origin for g in groups} == origins


def test_fixture_speaker_names_merge_into_one_entity_per_person():
    store = open_store(":memory:")
    try:
        with store.transaction():
            index = EntityIndex(store)
            seen: dict[str, set[int]] = {}
            for person, by_article in _expected()["speakers"].items():
                for mentions in by_article.values():
                    for mention in mentions:
                        if not is_descriptor(mention):
                            seen.setdefault(person, set()).add(index.resolve(Speaker(mention)))
        assert all(len(pks) == 1 for pks in seen.values()), seen
        assert len({next(iter(pks)) for pks in seen.values()}) == len(seen)
        assert index.find("The Ukrainian president") == list(seen["Volodymyr Zelensky"])
        assert index.find("the Belgorod governor") == list(seen["Arkady Sobolev"])
    finally:
        store.close()


@pytest.mark.model
def test_fixture_ingest_with_the_model_is_complete_idempotent_and_span_exact(nlp, tmp_path):
    store = open_store(str(tmp_path / "fixture.db"))
    try:
        settings = Settings(ingest_batch=8)
        first = corpus.ingest([str(CORPUS)], store, settings)
        assert first.stored == first.total >= 30, first.problems
        assert {frozenset(g.articles) for g in corpus.wire_groups(store)} == _expected_groups()
        for article_id, table, start, end, text, doc in store.iter_spans():
            assert doc[start:end] == text, (article_id, table)
        names = {p: {m.lower() for ms in arts.values() for m in ms} for p, arts in _expected()["speakers"].items()}
        for person, mentions in names.items():
            merged = [e for e in corpus.entities(store) if {n.lower() for n in e.names} & mentions]
            assert len(merged) <= 1, (person, [e.names for e in merged])
        again = corpus.ingest([str(CORPUS)], store, settings, analyse=stub_analyse({}))
        assert again.stored == 0 and again.already_stored == first.total
    finally:
        store.close()


def _claims_from_expected() -> list:
    """StoredClaims built by hand from expected.json's measures (the extractors are not needed)."""
    import datetime as dt

    from sayso.corpus.records import StoredClaim

    exp = _expected()
    origin = exp["wire_copies"]
    people = {name: i for i, name in enumerate(sorted({p["source"] for m in exp["measures"].values()
                                                        for p in m["points"]}))}
    return [StoredClaim(article_id=p["article"], date=dt.date.fromisoformat(p["date"]), outlet=None,
                        group=hash(origin.get(p["article"], p["article"])), measure_key=name, value=p["si_value"],
                        value_max=None, unit=m["si_unit"], qualifier=p["qualifier"], status=p["status"],
                        quantity=p["text"], speaker=p["source"], entity=p["source"], entity_pk=people[p["source"]])
            for name, m in exp["measures"].items() for p in m["points"]]


def _statements() -> dict[str, str]:
    """Each article named by its statement: a wire copy by its original, and an outlet relaying a source's
    figure of the same day by the first article that gives it (linking folds both into one statement)."""
    exp = _expected()
    origin = dict(exp["wire_copies"])
    said: dict[tuple, str] = {}
    for m in exp["measures"].values():
        for p in sorted(m["points"], key=lambda p: p["article"]):
            art = origin.get(p["article"], p["article"])
            first = said.setdefault((p["source"], p["si_value"], p["date"], p["status"]), art)
            origin.setdefault(art, first)
    return origin


def test_fixture_contradictions_with_figures_are_all_found():
    origin = _statements()

    def pair(a: str, b: str) -> frozenset[str]:  # a statement is named by its first article
        a, b = origin.get(a, a), origin.get(b, b)
        return frozenset((origin.get(a, a), origin.get(b, b)))

    found = {(c.measure_key, c.kind, pair(c.a.article_id, c.b.article_id))
             for c in corpus.linking.contradictions(_claims_from_expected())}
    wanted = {(c["measure"], c["kind"], pair(c["a"][0], c["b"][0])) for c in _expected()["contradictions"]
              if c["measure"] in _expected()["measures"]}  # a status-only dispute (no figure) is no Claim
    assert wanted and wanted <= found, wanted - found


def test_fixture_figure_replaced_by_its_source_is_not_held_against_the_other_side():
    found = {frozenset((c.a.article_id, c.b.article_id)) for c in corpus.linking.contradictions(_claims_from_expected())}
    assert frozenset(("kl-0602-belgorod-area-150", "me-0606-sobolev-less-than-50")) not in found


def test_fixture_timeline_folds_wire_copies_of_one_statement():
    lines = {t.measure_key: t for t in corpus.linking.timelines(_claims_from_expected())}
    evacuated = lines["belgorod_residents_evacuated"].points
    assert [(p.date.isoformat(), p.value, p.copies) for p in evacuated] == [
        ("2025-06-03", 4000, 1), ("2025-06-06", 11000, 1), ("2025-06-10", 20000, 4)]  # one statement, relayed
