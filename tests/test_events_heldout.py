"""The held-out event gold set (tests/fixtures/events/heldout.jsonl) is well formed.

The set was written blind to the extractor, to measure how it generalises; it carries no score floor
(score it with ``python -m sayso.evaluation_events tests/fixtures/events/heldout.jsonl``). These tests only
keep the file honest: what its build script writes, spans that are evidence, fields that follow FORMAT.md.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
GOLD = HERE / "fixtures" / "events" / "heldout.jsonl"
BUILDER = HERE / "fixtures" / "events" / "build_heldout.py"
TYPES = {
    "battles": {"armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"},
    "explosions_remote_violence": {"chemical_weapon", "air_drone_strike", "suicide_bomb",
                                   "shelling_artillery_missile_attack", "remote_explosive_landmine_ied", "grenade",
                                   None},
    "violence_against_civilians": {"sexual_violence", "attack", "abduction_forced_disappearance"},
    "protests": {"peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters"},
    "riots": {"violent_demonstration", "mob_violence"},
    "strategic_developments": {"agreement", "arrests", "change_to_group_activity", "disrupted_weapons_use",
                               "headquarters_or_base_established", "looting_property_destruction",
                               "non_violent_transfer_of_territory", "other"},
}
STATUSES = {"asserted", "claimed", "reported", "denied", "unverified"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _docs() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def _events():
    return [(doc, ev) for doc in _docs() for ev in doc["events"]]


def test_heldout_file_is_what_its_build_script_writes():
    done = subprocess.run([sys.executable, str(BUILDER), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_heldout_evidence_and_other_mentions_are_spans_of_the_text():
    for doc, ev in _events():
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"], (doc["id"], ev["text"])
        for start, end in ev["also"]:
            assert 0 <= start < end <= len(doc["text"]), (doc["id"], start, end)


@pytest.mark.parametrize("field", ["type", "status", "date", "place", "parties"])
def test_heldout_fields_follow_the_format(field):
    for doc, ev in _events():
        where = (doc["id"], ev["text"][:50])
        if field == "type":
            assert ev["subtype"] in TYPES[ev["type"]], where
        elif field == "status":
            assert ev["status"] in STATUSES, where
            assert (ev["source"] is None) == (ev["status"] == "asserted"), where
        elif field == "date" and ev["date"] is not None:
            assert DATE.match(ev["date"]), where
            assert ev["date"] <= doc["published"], where
        elif field == "place" and ev["place"] is not None:
            place = ev["place"]
            assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180 and len(place["country_code"]) == 2, where
        elif field == "parties":
            for party in (ev["actor"], ev["target"], ev["source"]):
                assert party is None or party["name"].strip(), where


def test_heldout_covers_every_type_outlets_and_non_event_articles():
    docs = _docs()
    events = [ev for doc in docs for ev in doc["events"] if not ev.get("optional")]
    assert len(docs) >= 30
    assert {ev["type"] for ev in events} == set(TYPES)
    keys = [ev["key"] for doc in docs for ev in doc["events"]]
    assert sum(keys.count(k) > 1 for k in set(keys)) >= 6
    assert {"claimed", "denied", "unverified"} <= {ev["status"] for ev in events}
    assert any(not doc["events"] for doc in docs)
    assert all(dt.date.fromisoformat(doc["published"]) for doc in docs)
