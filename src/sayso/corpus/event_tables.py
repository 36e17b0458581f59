"""Events as ACLED-shaped and GDELT-shaped rows (their column names and codes), one row per occurrence.

ACLED: the columns of ACLED's CSV export, with its event and sub-event type names, disorder type,
inter codes (1 state forces, 5 rioters, 6 protesters, 7 civilians, 8 external forces), interaction,
geo_precision and time_precision. GDELT: the columns of GDELT 2.0's event table that sayso can fill
(dates, actor names, the nearest CAMEO code and its quad class, mention/source/article counts, the
action's place); the columns that need GDELT's own coders (actor codes, Goldstein, tone) stay empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from importlib import resources
from typing import Any, Iterable, Mapping

import pycountry

from sayso.corpus.events import EventGroup, day_of, status_of, toll_of

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
                 "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode",
                 "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                 "NumArticles", "AvgTone", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
                 "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED",
                 "SOURCEURL")
GDELT_GEO_TYPE = {"country": 1, "region": 5}  # GDELT: 1 country, 4 world city, 5 world first-order division


@functools.lru_cache(maxsize=1)
def _taxonomy() -> dict:
    return json.loads(resources.files("sayso.data").joinpath("events_taxonomy.json").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Country names by ISO code and first-level region names by (country, admin1 code), from the place tables."""
    data = resources.files("sayso.data")
    countries, regions = {}, {}
    for line in data.joinpath("places_countries.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            countries[parts[0]] = parts[4].split("|")[0]
    for line in data.joinpath("places_admin1.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            cc, code, name = line.split("\t")[:3]
            regions[(cc, code)] = name
    return countries, regions


def _iso(cc: str | None, field: str) -> str:
    """An ISO 3166 code of another form (ACLED's numeric ``iso``, CAMEO's alpha-3 country codes)."""
    found = pycountry.countries.get(alpha_2=cc) if cc else None
    return getattr(found, field, "") if found else ""


def _inter(party: Mapping | None, country: str | None) -> int:
    if not party:
        return 0
    codes = _taxonomy()["acled_inter"]
    name, kind = str(party.get("name") or "").lower(), party.get("kind")
    if kind == "civilians" or name == "civilians":
        return codes["civilians"]
    if name == "protesters":
        return codes["protesters"]
    if name == "rioters":
        return codes["rioters"]
    if kind == "side":
        side = party.get("country_code")
        return codes["state"] if not country or side == country else codes["external"]
    return codes["militia"] if kind == "named" else 0


def _acled_types(ev: Mapping) -> tuple[str, str, str]:
    t = _taxonomy()["types"][ev["type"]]
    sub = t["subtypes"].get(ev.get("subtype") or "", {})
    return sub.get("disorder", t["disorder"]), t["acled"], sub.get("acled", "")


def _outlets(group: EventGroup) -> str:
    return "; ".join(sorted({str(r.get("outlet") or r.get("url") or r["article_id"]) for r in group.reports}))


def acled_row(group: EventGroup) -> dict[str, Any]:
    """One occurrence as a row of ACLED's CSV."""
    ev = group.lead
    place = ev.get("place") or {}
    cc = place.get("country_code")
    countries, regions = _names()
    disorder, event_type, sub_event_type = _acled_types(ev)
    actor, target = ev.get("actor"), ev.get("target")
    inter1, inter2 = _inter(actor, cc), _inter(target, cc)
    date = ev.get("date") or ev.get("published") or ""
    fatalities = max((r.get("fatalities") or 0 for r in group.reports), default=0)
    admin1 = place.get("name") if place.get("feature") == "region" else regions.get((cc, place.get("admin1") or ""), "")
    notes = ev.get("text", "")
    return {
        "event_id_cnty": f"{cc or 'XX'}{group.id}", "event_date": date, "year": date[:4],
        "time_precision": ev.get("time_precision") or 3, "disorder_type": disorder, "event_type": event_type,
        "sub_event_type": sub_event_type, "actor1": (actor or {}).get("name", ""), "assoc_actor_1": "",
        "inter1": inter1, "actor2": (target or {}).get("name", ""), "assoc_actor_2": "", "inter2": inter2,
        "interaction": int("".join(sorted(str(i) for i in (inter1, inter2) if i))) if inter1 or inter2 else 0,
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        "iso": int(_iso(cc, "numeric") or 0) or "", "region": "",
        "country": countries.get(cc or "", ""), "admin1": admin1 or "", "admin2": "", "admin3": "",
        "location": place.get("name", ""), "latitude": place.get("lat", ""), "longitude": place.get("lon", ""),
        "geo_precision": ev.get("geo_precision") or (3 if place else ""), "source": _outlets(group),
        "source_scale": "", "notes": notes, "fatalities": fatalities, "tags": ev.get("status", ""),
        "timestamp": int(dt.datetime.now(dt.timezone.utc).timestamp()),
    }


def _cameo(ev: Mapping) -> str:
    t = _taxonomy()["types"][ev["type"]]
    return t["subtypes"].get(ev.get("subtype") or "", {}).get("cameo") or t.get("cameo", "")


def _quad(code: str) -> int | str:
    if not code:
        return ""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def gdelt_row(group: EventGroup) -> dict[str, Any]:
    """One occurrence as a row of GDELT's event table (the columns that map; the rest empty)."""
    ev = group.lead
    place = ev.get("place") or {}
    date = str(ev.get("date") or ev.get("published") or "")
    day = date.replace("-", "").ljust(8, "0")[:8] if date else ""
    code = _cameo(ev)
    feature = place.get("feature")
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row.update({
        "GLOBALEVENTID": group.id, "SQLDATE": day, "MonthYear": day[:6], "Year": day[:4],
        "FractionDate": _fraction(date), "Actor1Name": ((ev.get("actor") or {}).get("name") or "").upper(),
        "Actor2Name": ((ev.get("target") or {}).get("name") or "").upper(),
        "Actor1CountryCode": _iso((ev.get("actor") or {}).get("country_code"), "alpha_3"),
        "Actor2CountryCode": _iso((ev.get("target") or {}).get("country_code"), "alpha_3"),
        "IsRootEvent": 1, "EventCode": code,
        "EventBaseCode": code[:3], "EventRootCode": code[:2], "QuadClass": _quad(code),
        "NumMentions": sum(len(r.get("mentions") or [1]) for r in group.reports),
        "NumSources": len({r.get("outlet") or r.get("url") or r["article_id"] for r in group.reports}),
        "NumArticles": len(group.articles),
        "ActionGeo_Type": (GDELT_GEO_TYPE.get(feature, 4) if place else 0), "ActionGeo_FullName": place.get("name", ""),
        "ActionGeo_Lat": place.get("lat", ""), "ActionGeo_Long": place.get("lon", ""),
        "ActionGeo_FeatureID": place.get("geonames_id") or "",
        "DATEADDED": str(ev.get("published") or "").replace("-", ""), "SOURCEURL": ev.get("url") or "",
    })
    return row


def _fraction(date: str) -> float | str:
    try:
        d = dt.date.fromisoformat(date[:10]) if len(date) >= 10 else dt.date(int(date[:4]), int(date[5:7] or 1), 1)
    except ValueError:
        return ""
    return round(d.year + (d.timetuple().tm_yday - 1) / 365.0, 4)


def write_csv(rows: Iterable[Mapping[str, Any]], columns: tuple[str, ...], *, delimiter: str = ",") -> str:
    """The rows as CSV text with a header row (GDELT's own files are tab-separated: pass delimiter='\\t')."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in columns})
    return out.getvalue()


REPORT_FIELDS = ("pk", "seq", "article_id", "title", "published", "outlet", "url", "start", "end", "text", "trigger",
                 "trigger_start", "trigger_end", "mentions", "date", "place", "actor", "target", "status", "source",
                 "fatalities", "weapons")


def type_names(type_: str, subtype: str | None) -> tuple[str, str]:
    """ACLED's names of a type and sub-type ('Explosions/Remote violence', 'Air/drone strike')."""
    t = _taxonomy()["types"].get(type_, {})
    return t.get("acled", type_), t.get("subtypes", {}).get(subtype or "", {}).get("acled", subtype or "")


def event_types() -> dict[str, dict[str, str]]:
    """Every type of the taxonomy (in its order) with ACLED's name and its sub-types by key, for pickers."""
    return {k: {"name": t["acled"], **{s: v["acled"] for s, v in t["subtypes"].items()}}
            for k, t in _taxonomy()["types"].items()}


def _report(r: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: r.get(k) for k in REPORT_FIELDS}
    claim = r.get("fatalities_claim") or {}
    out["fatalities_qualifier"] = (claim.get("quantity") or {}).get("qualifier") if claim else None
    return out


def event_json(group: EventGroup) -> dict[str, Any]:
    """One occurrence as JSON: the lead report's fields, what the reports add up to (the highest toll with its
    qualifier and source, the most factual status, the outlets), and every report with its article and evidence."""
    ev = group.lead
    keep = ("type", "subtype", "date", "time_precision", "place", "geo_precision", "actor", "target")
    toll = toll_of(group)
    reports = [_report(r) for r in group.reports]
    toll_report = next((x for x, r in zip(reports, group.reports) if r is toll), None)
    outlets = sorted({str(r.get("outlet") or r.get("url") or r["article_id"]) for r in group.reports})
    event_type, sub_event_type = type_names(ev["type"], ev.get("subtype"))
    return {"event": group.id, **{k: ev.get(k) for k in keep}, "event_type": event_type,
            "sub_event_type": sub_event_type, "day": day_of(group) or None,
            "fatalities": toll.get("fatalities") if toll else None,
            "fatalities_qualifier": toll_report["fatalities_qualifier"] if toll_report else None,
            "fatalities_source": ((toll.get("source") or {}).get("name") if toll else None),
            "status": status_of(group), "outlets": outlets, "articles": group.articles, "reports": reports}


FORMATS = ("acled", "gdelt", "jsonl")


def render(groups: Iterable[EventGroup], fmt: str) -> str:
    """The occurrences in one of FORMATS: ACLED's CSV, GDELT's tab-separated event table, or JSON lines."""
    groups = list(groups)
    if fmt == "acled":
        return write_csv((acled_row(g) for g in groups), ACLED_COLUMNS)
    if fmt == "gdelt":
        return write_csv((gdelt_row(g) for g in groups), GDELT_COLUMNS, delimiter="\t")
    if fmt == "jsonl":
        return "".join(json.dumps(event_json(g), ensure_ascii=False) + "\n" for g in groups)
    raise ValueError(f"unknown events format {fmt!r}; choose from {', '.join(FORMATS)}")
