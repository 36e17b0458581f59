"""The desk in headless Chromium, on SQLite and PostgreSQL: what a person sees on each page, nothing fetched
from outside, no script from article text run, and an accessible name on every control.

The store holds our own example corpus (tests/fixtures/corpus and examples/articles.jsonl) analysed by
the real model, plus one article whose text and fields carry markup meant to run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote

import pytest
from browserkit import Served, chrome, missing, requested, unnamed_controls
from deskkit import TOKEN, settings
from deskcorpus import HOSTILE
from storekit import BACKENDS, drop, pg_schema_url, stub_analyse

from sayso import corpus
from sayso.models import Article
from sayso.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [str(ROOT / "tests" / "fixtures" / "corpus" / "corpus.jsonl"), str(ROOT / "examples" / "articles.jsonl")]
EVIL = Article(id="evil-article", title=f"Markup in the title {HOSTILE}", published=dt.date(2025, 6, 9),
               source="Test Outlet", text=(f"Officials said on Monday that the text {HOSTILE} and "
                                           f"<img src=x onerror=\"window.__pwned=2\"> must show as text. "
                                           f"\"Nothing in {HOSTILE} runs,\" the spokesman said."))
PAGES = ["/", "/articles", "/speakers", "/claims", "/contradictions", "/timeline", "/map", "/search?q=Belgorod",
         "/ingest", "/map?type=battles"]

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.skipif(missing() is not None, reason=missing() or "")]


@pytest.fixture(scope="module")
def sqlite_url(tmp_path_factory, nlp):
    """Our example corpus analysed by the real model once, in SQLite (the PostgreSQL store copies its records)."""
    url = str(tmp_path_factory.mktemp("desk") / "desk.db")
    store = open_store(url)
    try:
        report = corpus.ingest([*SOURCES, EVIL], store, settings(ingest_batch=16, language_check=True, min_chars=20))
        assert report.stored >= 35, report.problems
    finally:
        store.close()
    return url


def _copy_to_postgres(source_url: str) -> str:
    url = pg_schema_url()
    src, dst = open_store(source_url), open_store(url)
    try:
        analyses = {i: src.get_analysis(i) for i in src.article_ids()}
        corpus.ingest([a.article for a in analyses.values()], dst, settings(), analyse=stub_analyse(analyses))
    finally:
        src.close()
        dst.close()
    return url


@pytest.fixture(scope="module", params=BACKENDS)
def desk(request, sqlite_url):
    from sayso.web import create_app

    url = sqlite_url if request.param == "sqlite" else _copy_to_postgres(sqlite_url)
    served = Served(create_app(url, settings(language_check=True, min_chars=20)))
    yield served
    served.stop()
    if url != sqlite_url:
        drop(url)


@pytest.fixture(scope="module")
def browser():
    driver = chrome()
    yield driver
    driver.quit()


def _open(browser, desk, path: str) -> None:
    requested(browser)  # forget earlier requests
    browser.get(desk.url + path)
    outside = [u for u in requested(browser) if not u.startswith((desk.url, "data:", "about:"))]
    assert not outside, f"{path} fetched from outside: {outside}"


def _api(browser, desk, path: str):
    import json
    import urllib.request

    with urllib.request.urlopen(desk.url + path, timeout=30) as response:
        return json.loads(response.read())


def _css(browser, selector: str):
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, selector)


def test_browser_article_marks_every_quote_and_claim_with_a_speaker_legend(browser, desk):
    listing = _api(browser, desk, "/api/articles?limit=500")["items"]
    busiest = max(listing, key=lambda a: (a["quotes"], a["claims"]))
    a = _api(browser, desk, f"/api/articles/{quote(busiest['id'])}")
    _open(browser, desk, f"/articles/{quote(a['id'])}")
    quotes = {m.get_attribute("data-rec") for m in _css(browser, "mark[data-kind=quote]")}
    claims = {m.get_attribute("data-rec") for m in _css(browser, "mark[data-kind=claim]")}
    assert len(quotes) == len(a["quotes"]) > 0 and len(claims) == len(a["claims"]) > 0
    legend = _css(browser, ".legend ul:first-of-type li")
    assert len(legend) == len(a["speakers"]) and a["speakers"][0]["name"] in legend[0].text
    colours = {m.get_attribute("class") for m in _css(browser, "mark[data-kind=quote]")}
    assert any("sp-0" in c for c in colours)
    _css(browser, "mark[data-kind=claim]")[0].click()
    fields = [d.text for d in _css(browser, "#details-fields dt")]
    assert "status" in fields and "value" in fields


def test_browser_script_in_article_text_and_title_does_not_run(browser, desk):
    _open(browser, desk, "/articles/evil-article")
    assert browser.execute_script("return window.__pwned === undefined")
    assert HOSTILE in browser.find_element("id", "article-text").text
    assert HOSTILE in browser.find_element("tag name", "h1").text
    _open(browser, desk, "/search?q=markup")
    assert browser.execute_script("return window.__pwned === undefined")


def test_browser_timeline_draws_a_point_for_every_dated_value(browser, desk):
    lines = _api(browser, desk, "/api/timeline?limit=500")["items"]
    key = max(lines, key=lambda t: len(t["points"]))["measure_key"]
    shown = _api(browser, desk, f"/api/timeline?measure={quote(key)}")["items"]
    _open(browser, desk, f"/timeline?measure={quote(key)}")
    dated = [p for line in shown for p in line["points"] if p["date"] and p["value"] is not None]
    assert len(_css(browser, "svg.chart circle.pt")) == len(dated) >= 2
    assert _css(browser, ".chart-legend li")


def test_browser_map_shows_outlines_and_a_marker_per_place_listing_its_articles(browser, desk):
    places = _api(browser, desk, "/api/places?limit=500")["items"]
    _open(browser, desk, "/map")
    assert len(_css(browser, "svg.map circle.pin-dot")) == len(places) > 0
    assert _css(browser, "svg.map image")[0].get_attribute("href").endswith("/static/world.svg")
    # an event's marker may lie on top of the place's point: click the place's own link
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                           _css(browser, "svg.map a.pin")[-1])
    links = _css(browser, "#place-articles a")
    assert len(links) == len(places[-1]["articles"]) > 0


def test_browser_contradictions_show_both_sides_with_evidence(browser, desk):
    pairs = _api(browser, desk, "/api/contradictions?limit=500")["items"]
    _open(browser, desk, "/contradictions")
    shown = _css(browser, "section.pair")
    assert len(shown) == min(len(pairs), 50) > 0
    sides = shown[0].find_elements("css selector", ".side-claim")
    assert len(sides) == 2 and all(s.find_element("tag name", "blockquote").text for s in sides)
    assert pairs[0]["reason"] in shown[0].text


def test_browser_claims_ledger_filters_and_links_exports(browser, desk):
    _open(browser, desk, "/claims?status=denied")
    rows = _css(browser, "table.ledger tbody tr")
    denied = _api(browser, desk, "/api/claims?status=denied&limit=50")["items"]
    assert len(rows) == max(1, len(denied))
    assert _css(browser, ".exports a")[0].get_attribute("href").endswith("format=csv")


@pytest.mark.parametrize("path", PAGES)
def test_browser_pages_load_only_from_the_desk_and_name_every_control(browser, desk, path):
    _open(browser, desk, path)
    assert browser.find_element("tag name", "h1").text
    assert not unnamed_controls(browser), f"{path}: controls without a name: {unnamed_controls(browser)}"
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def _wait(browser, find, seconds: float = 60):
    """What ``find(driver)`` returns once it is truthy (a page's elements, a first slow model load)."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds).until(find)


def _with_point(events):
    return [e for e in events if (e.get("place") or {}).get("lat") is not None]


def test_browser_map_draws_a_marker_per_event_and_clicking_one_lists_its_reports(browser, desk):
    events = _with_point(_api(browser, desk, "/api/events?limit=500")["items"])
    _open(browser, desk, "/map")
    pins = _wait(browser, lambda d: _css(d, "svg.map a.ev-pin"))
    assert len(pins) == len(events) > 0
    merged = max(events, key=lambda e: len(e["reports"]))
    pin = next(p for p in pins if p.get_attribute("data-event") == str(merged["event"]))
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", pin)
    links = _wait(browser, lambda d: _css(d, "#place-articles a"))
    assert len(links) == len(merged["reports"])
    assert merged["event_type"] in _css(browser, "#place-articles li.place-name")[0].text
    assert "selected" in browser.find_element("id", f"ev-{merged['event']}").get_attribute("class")


def test_browser_map_event_filter_keeps_one_type_and_the_date_range(browser, desk):
    events = _with_point(_api(browser, desk, "/api/events?limit=500")["items"])
    kind = max({e["type"] for e in events}, key=lambda t: sum(e["type"] == t for e in events))
    days = sorted(e["day"][:10] for e in events if e["type"] == kind and e["day"] and len(e["day"]) >= 10)
    _open(browser, desk, "/map")
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("css selector", "form.event-filters select[name=type]")).select_by_value(kind)
    browser.execute_script("arguments[0].value = arguments[1]",
                           browser.find_element("css selector", "form.event-filters input[name=since]"), days[0])
    browser.find_element("css selector", "form.event-filters button[type=submit]").click()
    _wait(browser, lambda d: f"type={kind}" in d.current_url)
    assert "until=" not in browser.current_url and "place=" not in browser.current_url   # empty fields left out
    expected = _with_point(_api(browser, desk, f"/api/events?type={kind}&since={days[0]}&limit=500")["items"])
    pins = _wait(browser, lambda d: _css(d, "svg.map a.ev-pin"))
    assert len(pins) == len(expected) > 0
    assert {p.find_element("css selector", ".ev-dot").get_attribute("data-type") for p in pins} == {kind}


def test_browser_timeline_draws_every_dated_event_and_links_its_evidence(browser, desk):
    events = _api(browser, desk, "/api/events?limit=500")["items"]
    dated = [e for e in events if e["day"]]
    _open(browser, desk, "/timeline")
    pins = _wait(browser, lambda d: _css(d, "svg.events-chart a.ev-pin"))
    assert len(pins) == len(dated) > 0
    assert len(_css(browser, ".event-legend li")) >= 6
    report = dated[0]["reports"][0]
    row = browser.find_element("id", f"ev-{dated[0]['event']}")
    row.find_element("css selector", "ul.reports a").click()
    mark = _wait(browser, lambda d: _css(d, f"mark.evidence.selected[data-rec='e{report['seq']}']"))
    assert report["text"].startswith(mark[0].text[:20])
    fields = [d.text for d in _css(browser, "#details-fields dt")]
    assert "type" in fields and "status" in fields


def test_browser_ingest_form_stores_pasted_text(browser, desk):
    _open(browser, desk, "/ingest")
    browser.find_element("id", "token").send_keys(TOKEN)
    browser.find_element("id", "text").send_keys(
        "Regional officials said on Friday that 14 families had been moved from the river villages overnight.")
    browser.find_element("id", "title").send_keys("Families moved from river villages")
    browser.find_element("css selector", "form.ingest button[type=submit]").click()
    # the ingest analyses the text before answering (the first time, with the model to load): wait for it
    from selenium.webdriver.support.ui import WebDriverWait

    link = WebDriverWait(browser, 120).until(lambda d: d.find_element("css selector", ".result a"))
    link.click()
    assert "Families moved from river villages" in browser.find_element("tag name", "h1").text
