"""The Python API: analyze one article, analyze_many a stream with one outcome per input."""

from __future__ import annotations

import datetime as dt

import pytest

import sayso
from sayso.models import Article, Outcome

pytestmark = pytest.mark.model

STORY = (
    "Ukraine's air force said on Monday that it shot down at least 14 of the 20 drones launched overnight "
    "against the Kharkiv region.\n\n"
    "\u201cOur crews worked until dawn,\u201d said Col. Dmytro Hrebenko, a spokesman for the regional "
    "command. \u201cThe city held.\u201d\n\n"
    "Russia's Defense Ministry said its forces had struck fuel depots near Kupiansk, a claim that could not be "
    "independently verified."
)


def _check_spans(analysis):
    text = analysis.article.text
    for q in analysis.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker and q.speaker.start is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
    for c in analysis.claims:
        assert text[c.quantity.start:c.quantity.end] == c.quantity.text
    for p in analysis.places:
        assert text[p.start:p.end] == p.text
    for d in analysis.dates:
        assert text[d.start:d.end] == d.text


def test_analyze_plain_text_sets_published_and_checks_spans(settings):
    a = sayso.analyze(STORY, published="2025-03-17", settings=settings)
    assert a.article.published == dt.date(2025, 3, 17) and a.article.language == "en"
    _check_spans(a)


def test_analyze_accepts_an_article(settings):
    art = Article(id="k1", text=STORY, title="Drones over Kharkiv", published=dt.date(2025, 3, 17))
    a = sayso.analyze(art, settings=settings)
    assert a.article is art or a.article.id == "k1"


def test_analyze_rejects_non_english_with_reason(settings):
    with pytest.raises(sayso.ArticleRejected) as exc:
        sayso.analyze("Les forces ont annonc\u00e9 lundi avoir repris trois villages pr\u00e8s de la fronti\u00e8re. " * 3,
                      settings=settings)
    assert exc.value.reason.startswith("not English")


def test_analyze_rejects_wrong_input_type(settings):
    with pytest.raises(TypeError, match="str or an Article"):
        sayso.analyze(b"bytes", settings=settings)  # type: ignore[arg-type]


def test_analyze_many_keeps_order_and_gives_one_outcome_per_input(settings):
    items = [STORY, "", Outcome("bad.jsonl:3", "failed", "malformed JSON"), STORY.replace("Monday", "Sunday")]
    results = list(sayso.analyze_many(items, published="2025-03-17", settings=settings))
    assert [r.outcome.status for r in results] == ["ok", "skipped", "failed", "ok"]
    assert results[1].outcome.reason == "empty article"
    assert results[2].outcome.article_id == "bad.jsonl:3"
    for r in results:
        assert (r.analysis is not None) == (r.outcome.status == "ok")


def test_analyze_many_two_processes_gives_the_same_records(settings):
    texts = [STORY, STORY.replace("14", "15"), STORY.replace("Kharkiv", "Sumy")] * 3
    one = [r.analysis.to_dict() for r in sayso.analyze_many(texts, settings=settings.replace(batch_size=2))]
    two = [r.analysis.to_dict() for r in sayso.analyze_many(texts, n_process=2,
                                                            settings=settings.replace(batch_size=2))]
    assert one == two


def test_missing_model_names_the_install_command():
    bad = sayso.Settings(model="en_core_web_nonexistent", model_package="en-core-web-nonexistent==1.0")
    with pytest.raises(sayso.ModelNotInstalled, match="pip install en-core-web-nonexistent==1.0"):
        sayso.analyze(STORY, settings=bad)
