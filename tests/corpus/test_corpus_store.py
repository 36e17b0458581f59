"""The corpus on a real store (SQLite and PostgreSQL): ingest our hand-built corpus, then link and query it."""

from __future__ import annotations

import datetime as dt

import pytest
from handcorpus import EXPECTED, build
from storekit import article, stub_analyse

from sayso import corpus
from sayso.models import Analysis, Claim, Quantity
from sayso.settings import Settings

SETTINGS = Settings(ingest_batch=4, language_check=False)


@pytest.fixture
def filled(store):
    analyses = build()
    report = corpus.ingest([a.article for a in analyses], store, SETTINGS,
                           analyse=stub_analyse({a.article.id: a for a in analyses}))
    assert report.stored == len(analyses)
    return store


def test_wire_copies_form_one_group_led_by_the_earliest(filled):
    groups = corpus.wire_groups(filled)
    assert [set(g.articles) for g in groups] == EXPECTED["wire_groups"]
    assert groups[0].origin == "a01"


def test_cluster_counts_wire_copies_as_one_origin(filled):
    by_key = {c.measure_key: c for c in corpus.claim_clusters(filled)}
    area = by_key["territory_area|UA|kursk"]
    assert len(area.claims) == 6
    assert area.origins == 4  # the wire story (3 copies), the ministry, and two later Kyiv reports


def test_contradictions_pair_opposing_sides_within_the_window(filled):
    found = {(c.measure_key, c.a.article_id, c.b.article_id) for c in corpus.contradictions(filled, settings=SETTINGS)}
    assert found == EXPECTED["contradictions"]


def test_a_figure_that_rose_is_no_contradiction_however_wide_the_window(filled):
    wide = corpus.contradictions(filled, settings=SETTINGS.replace(contradiction_days=30))
    found = {(c.measure_key, c.a.article_id, c.b.article_id) for c in wide}
    assert ("territory_area|UA|kursk", "a04", "a05") not in found  # at most 300, then 1,150 a week later
    assert EXPECTED["contradictions"] <= found


def test_timeline_lists_values_over_time_with_copies_folded(filled):
    [line] = corpus.timeline(filled, measure="territory_area|UA|kursk")
    got = [(p.date.isoformat(), p.value, p.copies) for p in line.points]
    assert got == EXPECTED["timeline_area"]
    assert line.points[1].qualifier == "at_most" and line.points[1].source == "Igor Konashenkov"


@pytest.mark.parametrize("name", ["Zelensky", "Volodymyr Zelenskyy", "zelenskiy", "the Ukrainian president"])
def test_quotes_by_any_name_of_one_speaker(filled, name):
    got = [q.article_id for q in corpus.quotes(filled, speaker=name, settings=SETTINGS)]
    assert got == EXPECTED["zelenskyy_quote_articles"]


def test_quotes_since_date_filters_by_publication(filled):
    got = [(q.article_id, q.text) for q in corpus.quotes(filled, speaker="Putin", since="2024-08-08")]
    assert got == [("a11", "our troops will push the enemy out")]


def test_entities_keep_names_and_roles_seen(filled):
    ents = {e.name: e for e in corpus.entities(filled)}
    zel = ents["Volodymyr Zelenskyy"]
    # the names its mentions were resolved to, then the mentions written as names ("Zelenskyy", not "he")
    assert set(zel.names) == {"Volodymyr Zelenskyy", "Zelensky", "the Ukrainian president", "Zelenskyy"}
    assert zel.names[:3] == tuple(sorted({"Volodymyr Zelenskyy", "Zelensky", "the Ukrainian president"}))
    assert "Ukrainian president" in zel.roles
    assert set(ents["Oleksandr Syrskyi"].names) == {"Oleksandr Syrskyi", "Syrsky"}
    assert "Igor Konashenkov" in ents and "Dmitry Peskov" in ents


def test_claims_about_a_place(filled):
    got = {c.article_id for c in corpus.claims(filled, about="Kursk")}
    assert got == {"a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08"}


def test_search_finds_articles_and_quotes_by_stemmed_words(filled):
    hits = corpus.search(filled, "nuclear power plants")
    assert [(h.kind, h.article_id) for h in hits] == [("article", "a12")]
    quote_hits = corpus.search(filled, "situation serious")
    assert ("quote", "a12") in {(h.kind, h.article_id) for h in quote_hits}


def test_reingest_stores_nothing_twice_and_skips_before_analysis(filled):
    analysed = []

    def analyse(items):
        for item in items:
            analysed.append(item)
            yield from stub_analyse({})([item])

    arts = [a.article for a in build()]
    report = corpus.ingest(arts, filled, SETTINGS, analyse=analyse)
    assert report.stored == 0 and report.already_stored == len(arts)
    assert all(not hasattr(i, "text") for i in analysed)  # only outcomes reached the analyser
    assert filled.counts()["articles"] == len(arts)


def test_same_text_under_a_new_id_or_same_url_is_not_stored_again(filled):
    first = build()[0].article
    again = article("other-id", first.text, "2024-09-01", "Elsewhere")
    same_url = article("third-id", "Completely different words about a different event entirely.", "2024-09-02",
                       "Harbour Post", url="https://harbour.example/grossi")
    report = corpus.ingest([again, same_url], filled, SETTINGS, analyse=stub_analyse({}))
    assert report.already_stored == 2 and report.stored == 0


def test_bad_record_fails_alone_and_the_batch_is_kept(store):
    good = [article(f"g{i}", f"Story number {i} about the harvest in the northern valley, told in full.",
                    "2024-08-01", "Farm News") for i in range(3)]
    bad = article("bad", "A story whose claim points outside the text and names a bad status.", "2024-08-01", "X")
    broken = Analysis(bad, claims=(Claim(Quantity(0, 1, "A", 1.0), status="claimed", source=object()),))
    report = corpus.ingest([good[0], bad, *good[1:]], store, SETTINGS, analyse=stub_analyse({"bad": broken}))
    assert report.stored == 3 and report.counts["failed"] == 1
    assert report.problems[0].article_id == "bad" and "not stored" in report.problems[0].reason
    assert sorted(store.article_ids()) == ["g0", "g1", "g2"]
    assert store.counts()["outcomes"] == 4


def test_round_trip_keeps_every_span(filled):
    for original in build():
        stored = filled.get_analysis(original.article.id)
        assert stored == original
    for article_id, table, start, end, text, doc in filled.iter_spans():
        assert doc[start:end] == text, (article_id, table)


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_export_every_query_to_each_format(filled, tmp_path, suffix):
    import csv
    import json

    import pyarrow.parquet as pq

    queries = {"quotes": corpus.quotes(filled), "claims": corpus.claims(filled),
               "contradictions": corpus.contradictions(filled, settings=SETTINGS),
               "timeline": corpus.timeline(filled), "search": corpus.search(filled, "Kursk"),
               "clusters": corpus.claim_clusters(filled), "groups": corpus.wire_groups(filled)}
    for name, records in queries.items():
        records = list(records)
        path = tmp_path / f"{name}.{suffix}"
        n = corpus.export(records, path)
        assert n >= len(records) > 0, name
        if suffix == "csv":
            assert len(list(csv.DictReader(path.open(encoding="utf-8")))) == n
        elif suffix == "jsonl":
            assert len([json.loads(line) for line in path.open(encoding="utf-8")]) == n
        else:
            assert pq.read_table(path).num_rows == n


def test_claim_dates_use_publication_when_the_sentence_has_none(filled):
    dates = {c.article_id: c.date for c in corpus.claims(filled, about="settlement")}
    assert dates == {"a07": dt.date(2024, 8, 15), "a08": dt.date(2024, 8, 16)}


def test_ingest_takes_a_single_article_as_well_as_a_list(store):
    one = article("solo", "A single story about the grain harbour, told in enough words to be stored.", "2024-08-01",
                  "Port Desk")
    assert corpus.ingest(one, store, SETTINGS, analyse=stub_analyse({})).stored == 1


def test_description_stored_before_its_role_holder_is_linked_at_the_end_of_the_run(store):
    analyses = {a.article.id: a for a in build()}
    order = ["a09", "a01"]  # "the Ukrainian president" first, the named president second
    report = corpus.ingest([analyses[i].article for i in order], store, SETTINGS,
                           analyse=stub_analyse(analyses))
    assert report.relinked == 1
    got = [q.article_id for q in corpus.quotes(store, speaker="Zelensky", settings=SETTINGS)]
    assert got == ["a01", "a09"]
