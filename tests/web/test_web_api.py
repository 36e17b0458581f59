"""The desk's JSON API on SQLite and PostgreSQL: every route, paging, the one error shape, bad input, access."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from deskkit import TOKEN, make_client
from deskcorpus import EXPECTED, HOSTILE, HOSTILE_IMG

LISTS = ["/api/articles", "/api/quotes", "/api/claims", "/api/clusters", "/api/contradictions",
         "/api/timeline?about=kursk", "/api/entities", "/api/groups", "/api/places", "/api/search?q=kursk",
         "/api/events"]
AUTH = {"authorization": f"Bearer {TOKEN}"}


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize("path", LISTS)
def test_api_every_list_route_answers_a_page(client, path):
    body = client.get(path).json()
    assert set(body) == {"items", "offset", "limit", "next"}
    assert body["items"], f"{path} returned nothing on the desk corpus"


@pytest.mark.parametrize("path", ["/api/articles", "/api/quotes", "/api/claims", "/api/entities"])
def test_api_paging_walks_every_row_once_through_next(client, path):
    everything = client.get(path, params={"limit": 500}).json()["items"]
    seen, url = [], f"{path}?limit=2"
    while url:
        body = client.get(url).json()
        assert len(body["items"]) <= 2
        seen.extend(body["items"])
        url = body["next"]
    assert seen == everything and len(seen) > 2


def test_api_article_has_every_record_with_spans_that_match_its_text(client):
    a = client.get("/api/articles/a01").json()
    text = a["text"]
    assert a["quotes"] and a["claims"] and a["places"]
    for q in a["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    for c in a["claims"]:
        assert text[c["quantity"]["start"]:c["quantity"]["end"]] == c["quantity"]["text"]
    for p in a["places"]:
        assert text[p["start"]:p["end"]] == p["text"]
    assert a["speakers"][0]["name"] == "Volodymyr Zelenskyy"


def test_api_contradictions_and_timelines_are_the_corpus_queries_as_json(client, filled_url):
    from sayso import corpus
    from sayso.store import open_store
    from sayso.web.views import jsonify

    store = open_store(filled_url)
    try:
        pairs = jsonify(corpus.contradictions(store, settings=client.app.state.settings))
        lines = jsonify(corpus.timeline(store))
    finally:
        store.close()
    assert client.get("/api/contradictions", params={"limit": 500}).json()["items"] == pairs and pairs
    assert client.get("/api/timeline", params={"limit": 500}).json()["items"] == lines and lines


def test_api_article_claim_links_its_measure_and_the_contradicting_claim(client):
    pair = client.get("/api/contradictions").json()["items"][0]
    a, b = pair["a"], pair["b"]
    links = client.get(f"/api/articles/{b['article_id']}").json()["links"]
    linked = [x for link in links for x in link.get("contradictions", [])]
    assert a["article_id"] in [x["other"]["article_id"] for x in linked]
    assert all(link["cluster_size"] >= 1 for link in links if link)


def test_api_timeline_folds_wire_copies(client):
    lines = client.get("/api/timeline", params={"limit": 500}).json()["items"]
    wire = EXPECTED["wire_groups"][0]
    folded = [p for line in lines for p in line["points"] if p["article_id"] in wire]
    assert folded and max(p["copies"] for p in folded) == len(wire)


def test_api_speaker_gathers_every_name_and_statement(client):
    s = client.get("/api/speakers/Volodymyr Zelenskyy").json()
    assert sorted({q["article_id"] for q in s["quotes"]}) == EXPECTED["zelenskyy_quote_articles"]
    assert "Zelensky" in s["names"] and s["outlets"]


def test_api_claims_filters_by_status_source_and_place(client):
    denied = client.get("/api/claims", params={"status": "denied"}).json()["items"]
    assert [c["article_id"] for c in denied] == ["a08"]
    by_source = client.get("/api/claims", params={"source": "peskov"}).json()["items"]
    assert [c["article_id"] for c in by_source] == ["a08"]
    kursk = client.get("/api/claims", params={"place": "kursk"}).json()["items"]
    where = [" ".join(str(x) for x in (c["subject"], (c.get("frame") or {}).get("place"), c["measure_key"]) if x)
             for c in kursk]
    assert kursk and all("kursk" in w.lower() for w in where)
    assert not client.get("/api/claims", params={"place": "atlantis"}).json()["items"]


def test_api_places_have_points_and_their_articles(client):
    places = {p["name"]: p for p in client.get("/api/places").json()["items"]}
    assert places["Kharkiv"]["articles"] == ["w01", "w02"] and places["Kharkiv"]["lat"] == pytest.approx(49.98)
    assert places["Odesa"]["mentions"] == 1


def test_api_claims_export_as_csv_and_jsonl_has_every_row(client):
    rows = client.get("/api/claims", params={"limit": 500}).json()["items"]
    csv_text = client.get("/api/claims", params={"format": "csv"}).text
    assert len(csv_text.strip().splitlines()) == len(rows) + 1
    lines = client.get("/api/claims", params={"format": "jsonl"}).text.strip().splitlines()
    assert [json.loads(x)["article_id"] for x in lines] == [r["article_id"] for r in rows]


def test_api_unknown_ids_are_not_found(client):
    _error(client.get("/api/articles/no-such-article"), 404, "not_found")
    _error(client.get("/api/speakers/Nobody Atall"), 404, "not_found")
    _error(client.get("/api/no-such-route"), 404, "not_found")


@pytest.mark.parametrize("query", [
    {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"limit": "ten"}, {"since": "last tuesday"},
    {"until": "2024-13-45"}, {"status": "rumoured"}, {"format": "xml"}, {"about": "x" * 201},
])
def test_api_bad_parameters_are_invalid_parameter(client, query):
    error = _error(client.get("/api/claims", params=query), 422, "invalid_parameter")
    assert next(iter(query)) in error["message"]


def test_api_search_needs_words(client):
    _error(client.get("/api/search"), 422, "invalid_parameter")
    _error(client.get("/api/search", params={"q": ""}), 422, "invalid_parameter")


def test_api_wrong_method_is_method_not_allowed(client):
    _error(client.post("/api/claims"), 405, "method_not_allowed")


@pytest.mark.parametrize("value", ["'; DROP TABLE claims; --", "' OR '1'='1", "%", "_", "\" OR 1=1 --", "\\"])
def test_api_sql_looking_filters_are_plain_text(client, value):
    before = len(client.get("/api/claims", params={"limit": 500}).json()["items"])
    for path, key in (("/api/claims", "about"), ("/api/claims", "source"), ("/api/quotes", "speaker"),
                      ("/api/search", "q"), ("/api/contradictions", "about"), ("/api/articles", "outlet")):
        response = client.get(path, params={key: value})
        assert response.status_code == 200, (path, response.text)
        if value not in ("%", "_") and path != "/api/search":  # search keeps the words ('1' may occur)
            assert response.json()["items"] == [], (path, value)
    assert len(client.get("/api/claims", params={"limit": 500}).json()["items"]) == before


def test_api_markup_in_records_comes_back_as_plain_data(client):
    a = client.get("/api/articles/evil-<b>1</b>").json()
    assert HOSTILE in a["text"] and HOSTILE in a["title"]
    assert a["quotes"][0]["speaker"]["name"].startswith(HOSTILE_IMG)
    assert client.get("/api/articles/evil-<b>1</b>").headers["content-type"].startswith("application/json")


def test_api_writes_need_the_token(client):
    files = {"file": ("note.txt", b"Some words we wrote for this test, long enough to be stored.", "text/plain")}
    _error(client.post("/api/ingest", files=files), 401, "unauthorized")
    _error(client.post("/api/ingest", files=files, headers={"authorization": "Bearer wrong"}), 401, "unauthorized")
    _error(client.post("/api/ingest", files=files, data={"token": "wrong"}), 401, "unauthorized")


def test_api_writes_are_off_without_a_token_setting(filled_url):
    with make_client(filled_url, web_token="") as c:
        _error(c.post("/api/ingest", data={"text": "words"}, headers=AUTH), 403, "writes_disabled")


def test_api_ingest_upload_is_stored_and_readable(client):
    text = b"The council said 40 homes were damaged in the storm on Sunday, and repairs would take weeks."
    body = client.post("/api/ingest", headers=AUTH, files={"file": ("storm.txt", text, "text/plain")}).json()
    assert body["stored"] == 1 and body["articles"][0]["stored"]
    again = client.post("/api/ingest", headers=AUTH, files={"file": ("storm.txt", text, "text/plain")}).json()
    assert again["stored"] == 0 and again["already_stored"] == 1
    article_id = body["articles"][0]["id"]
    assert client.get(f"/api/articles/{article_id}").json()["text"] == text.decode()


def test_api_ingest_jsonl_keeps_going_past_a_bad_line(client):
    lines = [json.dumps({"id": "j1", "text": "A first short article that we wrote for the desk tests."}),
             "{this is not json",
             json.dumps({"id": "j2", "text": "A second short article that we wrote for the desk tests."})]
    body = client.post("/api/ingest", headers=AUTH,
                       files={"file": ("batch.jsonl", "\n".join(lines).encode(), "application/x-ndjson")}).json()
    assert body["stored"] == 2 and [p["status"] for p in body["problems"]] == ["failed"]
    assert client.get("/api/articles/j2").status_code == 200


def test_api_ingest_pasted_text_with_a_bad_date_is_invalid(client):
    _error(client.post("/api/ingest", headers=AUTH, data={"text": "words", "published": "soon"}), 422,
           "invalid_parameter")
    _error(client.post("/api/ingest", headers=AUTH, data={}), 422, "invalid_parameter")


@pytest.mark.parametrize("url", ["/etc/passwd", "file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)"])
def test_api_ingest_url_must_be_http(client, url):
    _error(client.post("/api/ingest", headers=AUTH, data={"url": url}), 422, "invalid_parameter")


def test_api_ingest_url_refuses_private_addresses(client):
    body = client.post("/api/ingest", headers=AUTH, data={"url": "http://127.0.0.1:9/story"}).json()
    assert body["stored"] == 0
    assert [p["status"] for p in body["problems"]] == ["failed"] and "non-public" in body["problems"][0]["reason"]


def test_api_oversize_body_is_payload_too_large(filled_url):
    with make_client(filled_url, web_max_body=2_000) as c:
        files = {"file": ("big.txt", b"word " * 1_000, "text/plain")}
        _error(c.post("/api/ingest", headers=AUTH, files=files), 413, "payload_too_large")
        assert c.get("/api/health").status_code == 200


def test_api_rate_limit_answers_rate_limited(filled_url):
    with make_client(filled_url, web_rate_limit=3) as c:
        assert [c.get("/api/health").status_code for _ in range(3)] == [200] * 3
        response = c.get("/api/health")
        _error(response, 429, "rate_limited")
        assert response.headers["retry-after"] == "60"


def test_api_private_desk_needs_the_token_to_read(filled_url):
    with make_client(filled_url, web_public=False) as c:
        _error(c.get("/api/claims"), 401, "unauthorized")
        assert c.get("/api/claims", headers=AUTH).status_code == 200
        assert c.get("/", headers={"accept": "text/html"}).status_code == 401
        assert c.post("/login", data={"token": "nope"}).status_code == 401
        c.post("/login", data={"token": TOKEN}, follow_redirects=False)
        assert c.get("/claims", headers={"accept": "text/html"}).status_code == 200


@pytest.mark.parametrize("path", ["/api/claims", "/api/articles/nope", "/", "/static/desk.css", "/nope"])
def test_api_every_response_has_the_security_headers(client, path):
    headers = client.get(path).headers
    assert "script-src 'self'" in headers["content-security-policy"] and "unsafe-inline" not in \
        headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_api_openapi_schema_is_pinned(client):
    pinned = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
    assert client.get("/api/openapi.json").json() == json.loads(pinned.read_text(encoding="utf-8")), \
        "the API changed: regenerate with `.venv/bin/python -m sayso.web.openapi > docs/openapi.json`"


def test_api_delete_needs_the_token_and_removes_every_record(client, filled_url):
    from sayso.store import open_store

    _error(client.delete("/api/articles/a07"), 401, "unauthorized")
    assert client.delete("/api/articles/a07", headers=AUTH).json() == {"deleted": "a07"}
    _error(client.get("/api/articles/a07"), 404, "not_found")
    _error(client.delete("/api/articles/a07", headers=AUTH), 404, "not_found")
    assert all(c["article_id"] != "a07" for c in client.get("/api/claims", params={"limit": 500}).json()["items"])
    assert all(h["article_id"] != "a07" for h in client.get("/api/search", params={"q": "soldiers"}).json()["items"])
    store = open_store(filled_url)
    try:
        assert store.scalar("SELECT count(*) FROM quotes q WHERE NOT EXISTS"
                            " (SELECT 1 FROM articles a WHERE a.pk = q.article_pk)") == 0
        assert store.integrity_check() == "ok"
    finally:
        store.close()


# -- events ------------------------------------------------------------------------------------------
def test_api_events_merge_two_outlets_reports_of_one_strike_into_one_event(client):
    items = client.get("/api/events", params={"type": "explosions_remote_violence"}).json()["items"]
    [strike] = items
    assert strike["articles"] == ["w01", "w02"] and strike["outlets"] == ["Desk Test Wire", "Second Desk Wire"]
    assert strike["sub_event_type"] == "Shelling/artillery/missile attack" and strike["date"] == "2024-08-20"
    assert (strike["place"]["name"], strike["place"]["lat"]) == ("Kharkiv", 49.98)
    assert (strike["actor"]["name"], strike["target"]["name"]) == ("Russian forces", "civilians")
    assert (strike["fatalities"], strike["fatalities_qualifier"], strike["fatalities_source"]) == \
        (4, "at_least", "regional officials")
    assert strike["status"] == "reported" and len(strike["reports"]) == 2


def test_api_event_reports_carry_evidence_spans_that_match_their_articles(client):
    for ev in client.get("/api/events", params={"limit": 500}).json()["items"]:
        for r in ev["reports"]:
            text = client.get(f"/api/articles/{r['article_id']}").json()["text"]
            assert text[r["start"]:r["end"]] == r["text"] and text[r["trigger_start"]:r["trigger_end"]] == r["trigger"]


@pytest.mark.parametrize("params, expected", [
    ({"type": "battles"}, {"Synkivka"}),
    ({"status": "claimed"}, {"Synkivka", HOSTILE}),
    ({"since": "2024-08-20"}, {"Kharkiv"}),
    ({"until": "2024-08-19"}, {"Synkivka", HOSTILE}),
    ({"since": "2024-08-19", "until": "2024-08-19"}, {"Synkivka"}),
    ({"place": "synk"}, {"Synkivka"}),
    ({"country": "UA", "actor": "ukrainian"}, {"Synkivka"}),
    ({"actor": "civilians"}, {"Kharkiv"}),
    ({"country": "FR"}, set()),
    ({"place": "'; DROP TABLE events; --"}, set()),
])
def test_api_events_filter_by_type_status_dates_place_country_and_actor(client, params, expected):
    items = client.get("/api/events", params={**params, "limit": 500}).json()["items"]
    assert {e["place"]["name"] for e in items} == expected


def test_api_one_event_is_found_by_its_id_or_any_report_s_id(client):
    [strike] = client.get("/api/events", params={"place": "kharkiv"}).json()["items"]
    ids = [r["pk"] for r in strike["reports"]]
    assert strike["event"] == min(ids)
    for pk in ids:
        assert client.get(f"/api/events/{pk}").json() == strike


@pytest.mark.parametrize("path, status, code", [
    ("/api/events/999999", 404, "not_found"),
    ("/api/events/abc", 422, "invalid_parameter"),
    ("/api/events?type=picnics", 422, "invalid_parameter"),
    ("/api/events?since=yesterday", 422, "invalid_parameter"),
    ("/api/events?country=Ukraine", 422, "invalid_parameter"),
    ("/api/events?format=xml", 422, "invalid_parameter"),
])
def test_api_events_bad_input_gets_the_documented_error(client, path, status, code):
    _error(client.get(path), status, code)


def test_api_events_export_as_acled_csv_opens_with_acled_s_columns(client):
    import csv
    import io

    from sayso.corpus.event_tables import ACLED_COLUMNS

    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "acled"}).text)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 3
    strike = next(r for r in rows if r["location"] == "Kharkiv")
    assert strike["event_type"] == "Explosions/Remote violence" and strike["fatalities"] == "4"
    assert all(not r["notes"].startswith(("=", "+", "-", "@")) for r in rows)
    gdelt = client.get("/api/events", params={"format": "gdelt"}).text.splitlines()
    assert gdelt[0].split("\t")[0] == "GLOBALEVENTID" and len(gdelt) == 4


def test_api_article_carries_its_events_and_the_occurrence_each_belongs_to(client):
    a = client.get("/api/articles/w02").json()
    assert [e["type"] for e in a["events"]] == ["explosions_remote_violence", "battles"]
    assert a["event_links"][0]["articles"] == ["w01", "w02"] and a["event_links"][0]["reports"] == 2
    assert a["event_links"][1]["reports"] == 1
