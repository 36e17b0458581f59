"""The desk's pieces on their own: marks over overlapping spans, the rate limiter, the upload reader."""

from __future__ import annotations

import re

import pytest

from sayso.settings import Settings
from sayso.web.guard import RateLimiter
from sayso.web.marks import Span, render
from sayso.web.uploads import from_upload


def _text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") \
        .replace("&#34;", '"').replace("&#39;", "'")


def test_marks_nest_a_claim_inside_its_quote():
    text = 'She said "at least 40 homes burned" on Monday.'
    html = str(render(text, [Span(9, 35, "quote", "q0", "quote"), Span(10, 18, "claim", "c0", "claim")]))
    assert html.index('data-rec="q0"') < html.index('data-rec="c0"')
    assert re.search(r'data-rec="c0"[^>]*>([^<]*)</mark>', html).group(1) == text[10:18]
    assert html.endswith("</mark> on Monday.") and html.count("<mark") == html.count("</mark>") == 2
    assert _text_of(html) == text


def test_marks_cut_a_span_that_crosses_another_and_keep_one_focusable_part():
    text = "abcdefghij"
    html = str(render(text, [Span(0, 6, "quote", "q0", "quote"), Span(4, 9, "place", "p0", "place")]))
    assert html.count('data-rec="p0"') == 2 and html.count('data-part="more"') == 1
    assert html.count("<mark") == html.count("</mark>") == 3
    assert _text_of(html) == text


def test_marks_escape_the_text_and_the_titles():
    text = '<script>alert("x")</script> & more'
    html = str(render(text, [Span(0, 8, "date", "d0", "date", title='"><img src=x onerror=1>')]))
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert _text_of(html) == text


def test_marks_skip_spans_outside_the_text():
    assert str(render("short", [Span(2, 99, "quote", "q0", "quote"), Span(-1, 2, "date", "d0", "date")])) == "short"


def test_rate_limiter_refills_over_time():
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert [limiter.allow("a"), limiter.allow("a"), limiter.allow("a")] == [True, True, False]
    assert limiter.allow("b")
    now[0] = 30.0
    assert limiter.allow("a") and not limiter.allow("a")


@pytest.mark.parametrize("name", ["../../etc/passwd", "C:\\x\\story.txt", "", "we ird<name>.txt"])
def test_upload_names_never_become_paths_and_ids_differ_by_content(name):
    settings = Settings(language_check=False)
    one = from_upload(b"A first text we wrote for this test about a storm.", name, settings)[0]
    two = from_upload(b"A second text we wrote for this test about a flood.", name, settings)[0]
    assert one.id != two.id and "/" not in one.id and "\\" not in one.id and "<" not in one.id


def test_article_spans_mark_event_triggers_when_the_record_has_them():
    from sayso.web.marks import article_spans

    text = "Shelling hit the market in Kherson on Monday."
    data = {"text": text, "events": [{"type": "Explosions/Remote violence", "subtype": "Shelling/artillery/missile attack",
                                      "trigger_start": 0, "trigger_end": 8, "date": "2024-08-12",
                                      "place": {"name": "Kherson"}, "new_field": 1}, {"type": "Battles"}]}
    spans, records = article_spans(data)
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [("event", "Shelling")]
    assert records["e0"]["place"] == "Kherson" and records["e0"]["type"].startswith("Explosions")


def test_contradictions_page_renders_a_pair_of_quotes_as_well_as_a_pair_of_claims(tmp_path):
    import datetime as dt
    from types import SimpleNamespace

    from sayso.corpus.records import StoredQuote
    from sayso.web import create_app
    from sayso.web.views import Page

    app = create_app(str(tmp_path / "empty.db"), Settings())
    try:
        said = [StoredQuote(article_id=f"q{i}", published=dt.date(2025, 6, i + 1), outlet="Outlet", group=None,
                            kind="indirect", text=f"the talks {word}", start=0, end=9, speaker="Someone")
                for i, word in enumerate(("will go ahead", "are cancelled"))]
        pair = SimpleNamespace(measure_key="talks", reason="one says yes, one says no", kind="stance", days_apart=1,
                               a=said[0], b=said[1])
        request = SimpleNamespace(app=app, url=SimpleNamespace(path="/contradictions"))
        html = app.state.templates.get_template("contradictions.html").render(
            request=request, page=Page([pair], 0, 50, False), next_url=None, about=None)
    finally:
        app.state.pool.close()
    assert "the talks will go ahead" in html and "the talks are cancelled" in html and "1 day apart" in html


@pytest.mark.parametrize("day", ["2024-08-20", "2024-08", "2024"])
def test_events_chart_places_an_event_dated_to_a_day_a_month_or_a_year(day):
    from sayso.web import charts

    styles = charts.event_styles(["battles"])
    event = {"event": 7, "type": "battles", "day": day, "status": "asserted", "reports": [{}]}
    svg = charts.events_svg([event], styles, {"battles": "Battles"})
    assert svg.count('class="ev-pin"') == 1, svg


def test_events_chart_and_map_draw_a_stored_type_the_taxonomy_does_not_name():
    from sayso.web import charts

    styles = charts.event_styles(["battles"])
    events = [{"event": 1, "type": "battles", "day": "2024-08-20", "status": "asserted", "reports": [{}]},
              {"event": 2, "type": "retired_type", "day": "2024-08-21", "status": "claimed", "reports": [{}],
               "place": {"lon": 36.2, "lat": 50.0}}]
    svg = charts.events_svg(events, styles, {"battles": "Battles"})
    assert svg.count('class="ev-pin"') == 2 and "retired_type" in svg
    assert len(charts.map_events(events[1:], styles, 1.0)) == 1
