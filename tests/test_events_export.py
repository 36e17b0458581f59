"""`sayso events`: occurrences as ACLED's CSV (its column names and codes), GDELT's event table, JSON lines."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.corpus.event_tables import ACLED_COLUMNS, GDELT_COLUMNS, render
from sayso.corpus.events import link_events

runner = CliRunner()
PLACE = {"name": "Kupyansk", "country_code": "UA", "feature": "city", "lat": 49.71, "lon": 37.616,
         "geonames_id": 703656, "admin1": "07"}


def _report(article, **extra):
    ev = {"article_id": article, "type": "explosions_remote_violence", "subtype": "shelling_artillery_missile_attack",
          "start": 0, "end": 40, "text": "Russian artillery shelled Kupiansk on Monday.", "place": PLACE,
          "geo_precision": 1, "date": "2025-06-09", "time_precision": 1, "fatalities": 3, "status": "claimed",
          "actor": {"name": "Russian forces", "kind": "side", "country_code": "RU"},
          "target": {"name": "civilians", "kind": "civilians"}, "source": {"name": "Petro Yaremchuk"},
          "mentions": [[0, 40]], "published": "2025-06-10", "outlet": f"outlet-{article}"}
    ev.update(extra)
    return ev


@pytest.fixture()
def groups():
    return link_events([_report("a"), _report("b", fatalities=4),
                        _report("c", type="protests", subtype="peaceful_protest", actor={"name": "protesters"},
                                target=None, fatalities=None, place={**PLACE, "name": "Tbilisi", "country_code": "GE",
                                                                     "lat": 41.69, "lon": 44.83})])


def test_events_export_acled_csv_has_acleds_columns_and_codes(groups):
    rows = list(csv.DictReader(io.StringIO(render(groups, "acled"))))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 2
    strike = next(r for r in rows if r["event_type"] == "Explosions/Remote violence")
    assert strike["sub_event_type"] == "Shelling/artillery/missile attack"
    assert strike["disorder_type"] == "Political violence"
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "7", "78")
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["iso"], strike["country"], strike["admin1"]) == ("804", "Ukraine", "Kharkiv")
    assert (strike["event_date"], strike["time_precision"], strike["geo_precision"]) == ("2025-06-09", "1", "1")
    assert strike["fatalities"] == "4" and strike["source"] == "outlet-a; outlet-b"
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert (protest["sub_event_type"], protest["disorder_type"], protest["inter1"]) == \
        ("Peaceful protest", "Demonstrations", "6")


def test_events_export_acled_csv_opens_in_pandas(groups, tmp_path):
    import pandas as pd  # a test dependency: users read ACLED's CSV with it
    path = tmp_path / "acled.csv"
    path.write_text(render(groups, "acled"), encoding="utf-8")
    frame = pd.read_csv(path)
    assert list(frame.columns) == list(ACLED_COLUMNS) and len(frame) == 2


def test_events_export_gdelt_table(groups):
    rows = list(csv.DictReader(io.StringIO(render(groups, "gdelt")), delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    strike = next(r for r in rows if r["EventRootCode"] == "19")
    assert (strike["SQLDATE"], strike["EventCode"], strike["QuadClass"]) == ("20250609", "194", "4")
    assert (strike["NumArticles"], strike["NumSources"], strike["Actor1CountryCode"]) == ("2", "2", "RUS")
    assert strike["ActionGeo_FeatureID"] == "703656" and strike["GoldsteinScale"] == ""


def test_events_cli_reads_extract_output(tmp_path, groups):
    src = tmp_path / "extract.jsonl"
    docs = [{"id": a, "published": "2025-06-10", "source": f"outlet-{a}", "events": [_report(a)]} for a in "ab"]
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["events", str(src), "-f", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 1 and rows[0]["articles"] == ["a", "b"] and len(rows[0]["reports"]) == 2


@pytest.mark.parametrize("args, kept", [
    (["--actor", "russian"], 1), (["--actor", "ukrainian"], 0), (["--country", "UA"], 1), (["--country", "FR"], 0),
    (["--place", "kupy"], 1), (["--status", "reported"], 1), (["--status", "claimed"], 0),
    (["--since", "2025-06-09", "--until", "2025-06-09"], 1), (["--until", "2025-06-08"], 0),
])
def test_events_cli_filters_occurrences_after_grouping(tmp_path, args, kept):
    src = tmp_path / "extract.jsonl"
    # one outlet asserts what the other only reports as claimed: the occurrence's status is the more factual one
    docs = [{"id": a, "published": "2025-06-10", "source": f"outlet-{a}",
             "events": [_report(a, status=status)]} for a, status in (("a", "claimed"), ("b", "reported"))]
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    result = runner.invoke(app, ["events", str(src), "-f", "jsonl", *args])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == kept


def test_events_cli_bad_format_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "x.db"), "-f", "xml"])
    assert result.exit_code == 2 and "--format must be one of" in result.output


@pytest.mark.model
def test_events_stored_and_grouped_across_articles(tmp_path, settings):
    from sayso.corpus import ingest
    from sayso.models import Article
    from sayso.store import open_store

    texts = {"a": "Russian artillery shelled the town of Kupiansk on Monday, killing three civilians, officials said.",
             "b": "Three civilians died when Russian shells hit Kupiansk on Monday, the regional governor said."}
    db = str(tmp_path / "corpus.db")
    import datetime as dt
    with open_store(db) as store:
        ingest([Article(i, t, published=dt.date(2025, 6, 10)) for i, t in texts.items()], store, settings)
    result = runner.invoke(app, ["events", "--db", db, "-f", "acled"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 1 and rows[0]["location"].startswith("Kup") and rows[0]["fatalities"] == "3"


@pytest.mark.model
def test_events_python_api_finds_filters_and_gets_one_occurrence(tmp_path, settings):
    import datetime as dt

    import sayso
    from sayso.corpus import ingest
    from sayso.models import Article
    from sayso.store import open_store

    texts = {"a": "Russian artillery shelled the town of Kupiansk on Monday, killing three civilians, officials said.",
             "b": "Three civilians died when Russian shells hit Kupiansk on Monday, the regional governor said.",
             "c": "Hundreds of people protested in Lviv on Saturday against a new conscription law, police said."}
    with open_store(str(tmp_path / "corpus.db")) as store:
        ingest([Article(i, t, published=dt.date(2025, 6, 10)) for i, t in texts.items()], store, settings)
        every = sayso.find_events(store)
        assert sorted(g.lead["type"] for g in every) == ["explosions_remote_violence", "protests"]
        (strike,) = sayso.find_events(store, sayso.EventFilter(type="explosions_remote_violence"))
        assert strike.articles == ["a", "b"] and strike.day == "2025-06-09"
        assert [g.articles for g in sayso.find_events(store, sayso.EventFilter(place="lviv"))] == [["c"]]
        assert sayso.find_events(store, sayso.EventFilter(country="UA", since="2025-06", until="2025-06")) != []
        assert sayso.find_events(store, sayso.EventFilter(since="2025-07")) == []
        for report in strike.reports:  # any report's row id finds the whole occurrence
            assert sayso.get_event(store, int(report["pk"])).articles == ["a", "b"]
        assert sayso.get_event(store, 10_000) is None
