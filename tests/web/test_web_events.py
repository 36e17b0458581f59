"""Events on the desk's pages (test client, SQLite and PostgreSQL): markers on the map and the timeline, one per
occurrence with its type's shape, the filters, the table linking each report's evidence, the article's events."""

from __future__ import annotations

import re

import pytest
from deskcorpus import HOSTILE, HOSTILE_IMG

from sayso.web import charts


def _html(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text
    return response.text


def _markers(html: str, chart: str) -> list[str]:
    """The event markers (<a class="ev-pin" ...>) inside the first SVG of class ``chart``."""
    svg = re.search(rf'<svg class="{chart}".*?</svg>', html, re.S).group(0)
    return re.findall(r'<a href="#ev-\d+" class="ev-pin".*?</a>', svg, re.S)


def test_map_draws_a_marker_per_event_with_a_point_in_its_type_s_shape_and_colour(client):
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    html = _html(client, "/map")
    markers = _markers(html, "map")
    assert len(markers) == len([e for e in events if (e["place"] or {}).get("lat") is not None]) == 3
    styles = charts.event_styles(_types())
    strike = next(m for m in markers if 'data-type="explosions_remote_violence"' in m)
    style = styles["explosions_remote_violence"]
    assert f'fill="{style["colour"]}"' in strike and ("<rect" if style["shape"] == "square" else "<polygon") in strike
    battle = next(m for m in markers if 'data-type="battles"' in m)
    assert 'data-status="claimed"' in battle and "stroke-dasharray" in battle and "stroke-dasharray" not in strike


def _types() -> list[str]:
    from sayso import corpus

    return list(corpus.event_types())


def test_map_event_marker_links_to_its_row_listing_every_report_s_evidence(client):
    [strike] = client.get("/api/events", params={"place": "kharkiv"}).json()["items"]
    html = _html(client, "/map")
    row = re.search(rf'<tr id="ev-{strike["event"]}".*?</tr>', html, re.S).group(0)
    links = re.findall(r'href="(/articles/[^"]+)"', row)
    assert links == [f"/articles/{r['article_id']}#e{r['seq']}" for r in strike["reports"]] and len(links) == 2
    assert "2 reports, 2 outlets" in row and "4 (at_least, regional officials)" in row
    assert "Russian forces → civilians" in row and "Shelling/artillery/missile attack" in row


@pytest.mark.parametrize("query, kinds", [
    ("type=battles", {"battles"}),
    ("since=2024-08-20", {"explosions_remote_violence"}),
    ("until=2024-08-19&status=claimed", {"battles", "riots"}),
    ("type=&status=&since=&until=&place=&actor=", {"battles", "riots", "explosions_remote_violence"}),
    ("actor=ukrainian", {"battles"}),
])
def test_map_and_timeline_filter_events_by_type_dates_status_and_actor(client, query, kinds):
    for path, chart in (("/map", "map"), ("/timeline", "chart events-chart")):
        markers = _markers(_html(client, f"{path}?{query}"), chart)
        assert {re.search(r'data-type="([^"]+)"', m).group(1) for m in markers} == kinds, (path, query)


def test_timeline_puts_each_dated_event_in_its_type_s_lane(client):
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    html = _html(client, "/timeline")
    assert len(_markers(html, "chart events-chart")) == len([e for e in events if e["day"]]) == 3
    lanes = re.findall(r'text-anchor="end" font-size="11">([^<]+)</text>', html.split("events-chart", 1)[1])
    assert lanes[:3] == ["Battles", "Explosions/Remote violence", "Riots"]


@pytest.mark.parametrize("query", ["type=picnics", "since=yesterday", "status=rumoured"])
def test_event_filters_on_a_page_name_the_bad_value(client, query):
    response = client.get(f"/map?{query}")
    assert response.status_code == 422 and query.split("=")[1] in response.text


def test_event_fields_carrying_markup_are_shown_as_text(client):
    for path in ("/map", "/timeline", "/articles/evil-%3Cb%3E1%3C%2Fb%3E"):
        html = _html(client, path)
        assert HOSTILE not in html and HOSTILE_IMG not in html, path
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html, path


def test_article_lists_its_events_and_underlines_their_evidence(client):
    a = client.get("/api/articles/w02").json()
    html = _html(client, "/articles/w02")
    for i, e in enumerate(a["events"]):
        evidence = re.search(rf'<mark class="mark evidence" data-rec="e{i}"[^>]*id="e{i}">', html)
        assert evidence, f"no evidence mark for event {i}"
        assert re.search(rf'data-rec="e{i}" data-kind="event"[^>]*>{re.escape(e["trigger"])}</mark>', html)
    items = re.findall(r'<li>.*?<a href="#e(\d+)" class="ev-link">(.*?)</a>', html, re.S)
    assert [(int(i), name) for i, name in items] == [
        (0, "Explosions/Remote violence / Shelling/artillery/missile attack"),
        (1, "Battles / Non-state actor overtakes territory")]
    [strike] = client.get("/api/events", params={"place": "kharkiv"}).json()["items"]
    link = ('href="/timeline?type=explosions_remote_violence&amp;since=2024-08-20&amp;until=2024-08-20'
            f'#ev-{strike["event"]}"')
    assert link in html and "2 reports" in html
    shown = _html(client, "/timeline?type=explosions_remote_violence&since=2024-08-20&until=2024-08-20")
    assert f'<tr id="ev-{strike["event"]}"' in shown


@pytest.mark.parametrize("when", ["2024-08", "2024"])
def test_an_article_s_reports_link_opens_the_timeline_for_an_event_dated_to_a_month_or_year(store_url, when):
    # two outlets report a build-up under way, dated only by month (or year): the article's "2 reports" link
    # must open a timeline page that lists the occurrence, not a 422 for a date that is not YYYY-MM-DD
    import dataclasses

    from deskkit import make_client, settings
    from storekit import article, event, find, stub_analyse

    from sayso import corpus
    from sayso.models import Analysis, Place
    from sayso.store import open_store

    analyses = {}
    for i, t in enumerate(["Armoured columns are moving towards Zaporizhzhia, observers said.",
                           "Observers said armoured columns are moving towards Zaporizhzhia."]):
        s, e = find(t, "Zaporizhzhia")
        city = Place(start=s, end=e, text="Zaporizhzhia", name="Zaporizhzhia", country_code="UA", feature="PPLA",
                     lat=47.82, lon=35.19)
        ev = event(t, t, "moving", "strategic_developments", "change_to_group_activity", at=city, date=when)
        ev = dataclasses.replace(ev, time_precision=3, geo_precision=2)
        analyses[f"m{i}"] = Analysis(article(f"m{i}", t, "2024-08-21", f"Outlet {i}"), places=(city,), events=(ev,))
    store = open_store(store_url)
    try:
        corpus.ingest([a.article for a in analyses.values()], store, settings(), analyse=stub_analyse(analyses))
    finally:
        store.close()
    with make_client(store_url, analyses) as c:
        html = _html(c, "/articles/m0")
        [occurrence] = c.get("/api/events").json()["items"]
        link = re.search(r'<a href="(/timeline\?[^"]*)#ev-(\d+)">2 reports</a>', html)
        assert link and int(link.group(2)) == occurrence["event"], html
        shown = _html(c, link.group(1).replace("&amp;", "&"))
        assert f'<tr id="ev-{occurrence["event"]}"' in shown
