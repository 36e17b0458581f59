"""Event linking compares only the pairs its date indexes allow, and groups exactly as comparing every pair does."""

from __future__ import annotations

import random
import time

import pytest

from sayso.corpus.events import EventGroup, link_events, same_event

TOWNS = [("Kupiansk", 49.71, 37.62), ("Kupiansk-Vuzlovyi", 49.62, 37.68), ("Izium", 49.21, 37.26),
         ("Kharkiv", 49.99, 36.23), ("Odesa", 46.48, 30.72)]
DATES = ["2025-06-09", "2025-06-10", "2025-06-11", "2025-06-30", "2025-07-01", "2025-06", "2025-07", "2025", None,
         "", "2025-06-1x", "2024-12-31", "2025-01-01"]


def _every_pair(reports, window_days=2) -> list[list[str]]:
    """The grouping by comparing every pair of one type (what link_events did before its indexes)."""
    parent = list(range(len(reports)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(reports):
        for j in range(i + 1, len(reports)):
            b = reports[j]
            if a["type"] == b["type"] and a["article_id"] != b["article_id"] and same_event(a, b, window_days):
                parent[find(j)] = find(i)
    groups: dict[int, list[str]] = {}
    for i, r in enumerate(reports):
        groups.setdefault(find(i), []).append(r["key"])
    return list(groups.values())


def _random_reports(rng: random.Random, n: int) -> list[dict]:
    out = []
    for k in range(n):
        town = rng.choice(TOWNS + [None])
        place = ({"name": town[0], "lat": town[1], "lon": town[2], "feature": "city", "country_code": "UA"}
                 if town else None)
        out.append({"key": f"r{k}", "article_id": f"a{rng.randint(0, n // 2)}",
                    "type": rng.choice(["battles", "explosions_remote_violence"]),
                    "subtype": rng.choice([None, "armed_clash", "air_drone_strike"]), "place": place,
                    "date": rng.choice(DATES), "actor": rng.choice([None, {"name": "Russian forces"}]),
                    "published": rng.choice(["2025-06-08", "2025-06-10", "2025-06-12", "2025-06-13", None, "bad"])})
    return out


@pytest.mark.parametrize("seed", range(12))
def test_indexed_linking_groups_exactly_as_comparing_every_pair(seed):
    reports = _random_reports(random.Random(seed), 90)
    got = [[r["key"] for r in g.reports] for g in link_events(reports)]
    assert got == _every_pair(reports)
    assert all(isinstance(g, EventGroup) for g in link_events(reports))


def test_linking_thousands_of_reports_over_months_stays_fast():
    rng = random.Random(7)
    reports = [{"article_id": f"a{k}", "type": "battles", "subtype": None, "actor": None, "published": None,
                "place": {"name": f"town{rng.randint(0, 400)}", "lat": 45 + rng.random() * 8,
                          "lon": 30 + rng.random() * 9},
                "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"} for k in range(4000)]
    started = time.process_time()
    link_events(reports)
    assert time.process_time() - started < 10   # every pair: about 8 million comparisons, a minute or more
