"""Claims and articles without a date, on both backends: stored, listed after the dated ones, never compared in time."""

from __future__ import annotations

import dataclasses

import pytest
from handcorpus import AREA, build
from storekit import claim, speaker, stub_analyse

from sayso import corpus
from sayso.corpus.linking import date_last
from sayso.models import Analysis, Article
from sayso.settings import Settings

SETTINGS = Settings(ingest_batch=4, language_check=False)


def _undated() -> list[Analysis]:
    """Two undated articles on the Kursk area: the ministry's spokesman again (another figure) and a new source."""
    t = ("Ukrainian units hold no more than 250 square kilometres in the Kursk region, ministry spokesman Igor "
         "Konashenkov said in a statement that carried no date.")
    kon = speaker(t, "Igor Konashenkov")
    first = Analysis(Article(id="u1", text=t, source="Undated Digest"),
                     claims=(claim(t, "250 square kilometres", 250, si_unit="km2", qualifier="at_most", source=kon,
                                   frame=AREA),))
    t = ("Ukrainian forces now control 2,000 square kilometres in Russia's Kursk region, a blogger close to the "
         "army wrote in an undated post that spread widely online.")
    blog = speaker(t, "a blogger close to the army", kind="unnamed")
    second = Analysis(Article(id="u2", text=t, source="Undated Digest"),
                      claims=(claim(t, "2,000 square kilometres", 2000, si_unit="km2", source=blog,
                                    clause="Ukrainian forces now control 2,000 square kilometres in Russia's Kursk "
                                           "region", frame=AREA),))
    return [first, second]


@pytest.fixture
def mixed(store):
    analyses = build() + _undated()
    report = corpus.ingest([a.article for a in analyses], store, SETTINGS,
                           analyse=stub_analyse({a.article.id: a for a in analyses}))
    assert report.stored == len(analyses)
    return store


def test_undated_claims_are_stored_without_a_date(mixed):
    undated = [c for c in corpus.claims(mixed) if c.article_id in ("u1", "u2")]
    assert len(undated) == 2 and {c.date for c in undated} == {None}


def test_undated_claims_come_last_on_every_backend(mixed):
    dates = [c.date for c in corpus.claims(mixed) if c.measure_key.startswith("territory_area|UA|kursk")]
    assert dates[-2:] == [None, None] and None not in dates[:-2]


def test_contradictions_never_compare_an_undated_claim_in_time(mixed):
    found = corpus.contradictions(mixed, settings=SETTINGS.replace(contradiction_days=365))
    assert found, "the dated contradictions are still found"
    assert all(c.a.date is not None and c.b.date is not None for c in found)


def test_timeline_puts_undated_points_last(mixed):
    lines = corpus.timeline(mixed, about="kursk")
    points = [p for line in lines for p in line.points]
    assert any(p.date is None for p in points)
    for line in lines:
        dates = [p.date for p in line.points]
        assert dates == sorted(dates, key=date_last)


def test_clusters_first_and_last_ignore_undated_claims(mixed):
    for cluster in corpus.claim_clusters(mixed):
        dated = [c.date for c in cluster.claims if c.date]
        assert (cluster.first, cluster.last) == ((min(dated), max(dated)) if dated else (None, None))


def test_quotes_of_undated_articles_come_last(store):
    analyses = build()
    late = dataclasses.replace(analyses[0], article=dataclasses.replace(analyses[0].article, id="u0", published=None,
                                                                        text=analyses[0].article.text + " Updated."))
    corpus.ingest([a.article for a in [late, *analyses]], store, SETTINGS,
                  analyse=stub_analyse({a.article.id: a for a in [late, *analyses]}))
    got = [q.published for q in corpus.quotes(store, settings=SETTINGS)]
    assert got[-1] is None and None not in got[:-1]


@pytest.mark.parametrize("days,expected", [([None, "b", "a"], ["a", "b", None])])
def test_date_last_orders_missing_dates_after_the_rest(days, expected):
    import datetime as dt

    parse = {"a": dt.date(2024, 1, 1), "b": dt.date(2024, 2, 1), None: None}
    assert sorted((parse[d] for d in days), key=date_last) == [parse[d] for d in expected]
