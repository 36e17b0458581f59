"""The loaded place index: name lookups returning GeoNames entries, and its on-disk cache."""

from __future__ import annotations

import logging
import math
import os
import pickle
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sayso.errors import GazetteerError
from sayso.gazetteer.build import FEATURES, IndexBuilder, build_packaged, norm, source_version

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry. ``geonames_id`` is negative for admin1 regions built from packaged data."""

    index: int
    geonames_id: int
    name: str
    country_code: str
    admin1: str
    feature: str
    lat: float
    lon: float
    population: int
    capital: bool = False


class Gazetteer:
    """Name -> entries over countries, continents, first-level regions and towns.

    Build with :func:`sayso.gazetteer.load_gazetteer`; lookups are dict reads.
    """

    def __init__(self, data: dict) -> None:
        self._d = data
        self.meta = data["meta"]
        self._names = data["name"].split("\n")
        self._admin1 = data["admin1"].split("\n")
        self._cc = data["cc"]
        self._blob, self._key_off = data["key_blob"], data["key_off"]
        self._post_off, self._post = data["post_off"], data["post"]
        self._exact = data["exact"]
        feature = data["feature"]
        self._regions = {(self._cc[2 * i:2 * i + 2].strip(), self._admin1[i]): i
                         for i in _positions(feature, 1)}
        self._countries = {self._cc[2 * i:2 * i + 2].strip(): i for i in _positions(feature, 0)}
        self._capitals = set(data.get("capitals", ()))

    def __len__(self) -> int:
        return len(self._names)

    def entry(self, i: int) -> Entry:
        d = self._d
        return Entry(i, d["gid"][i], self._names[i], self._cc[2 * i:2 * i + 2].strip(), self._admin1[i],
                     FEATURES[d["feature"][i]], round(d["lat"][i], 5), round(d["lon"][i], 5), d["pop"][i],
                     i in self._capitals)

    def _find(self, key: str) -> tuple[int, ...]:
        """Entry ids under a normalised key: bisection over the sorted key blob."""
        target = key.encode("utf-8")
        blob, off = self._blob, self._key_off
        lo, hi = 0, len(off) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if blob[off[mid]:off[mid + 1]] < target:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(off) - 1 and blob[off[lo]:off[lo + 1]] == target:
            return tuple(self._post[self._post_off[lo]:self._post_off[lo + 1]])
        return ()

    def lookup(self, text: str) -> list[Entry]:
        """Every entry named ``text`` (case, accents and dots ignored; short codes such as "UK" case-exact)."""
        found: list[int] = []
        bare = text.replace(".", "").strip()
        if len(bare) <= 3 and bare.isupper():
            found.extend(self._exact.get(bare, ()))
        key = norm(text)
        if key:
            found.extend(i for i in self._find(key) if i not in found)
        return [self.entry(i) for i in found]

    def __contains__(self, text: str) -> bool:
        bare = text.replace(".", "").strip()
        if len(bare) <= 3 and bare.isupper() and bare in self._exact:
            return True
        key = norm(text)
        return bool(key) and bool(self._find(key))

    def country(self, code: str) -> Entry | None:
        i = self._countries.get(code)
        return None if i is None else self.entry(i)

    def region(self, code: str, admin1: str) -> Entry | None:
        i = self._regions.get((code, admin1))
        return None if i is None else self.entry(i)


def _positions(column: bytes, value: int) -> list[int]:
    out, i = [], column.find(value)
    while i != -1:
        out.append(i)
        i = column.find(value, i + 1)
    return out


def distance_km(a: Entry, b: Entry) -> float:
    """Great-circle distance between two entries."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def cache_dir(setting: str) -> Path:
    """The cache folder: the ``gazetteer_cache`` setting, else the user cache directory."""
    if setting:
        return Path(setting).expanduser()
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("sayso"))
    except ImportError:  # pragma: no cover - platformdirs comes with the pinned tree
        return Path.home() / ".cache" / "sayso"


def _version(dump: str) -> str:
    version = source_version()
    if dump:
        st = Path(dump).stat()
        version += f"-dump{st.st_size}-{int(st.st_mtime)}"
    return version


def open_index(cache_setting: str = "", dump: str = "") -> Gazetteer:
    """Load the cached index, building (and caching) it first when missing or out of date."""
    version = _version(dump) if not dump or Path(dump).exists() else "missing"
    folder = cache_dir(cache_setting)
    path = folder / f"places-{norm(version).replace(' ', '-')[:80]}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as fh:
                data = pickle.load(fh)
            if data["meta"].get("version") == version:
                return Gazetteer(data)
        except (OSError, pickle.UnpicklingError, EOFError, KeyError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    started = time.perf_counter()
    data = build(dump, version)
    log.info("built gazetteer (%d entries) in %.1f s", len(data["name"]), time.perf_counter() - started)
    _write(folder, path, data)
    return Gazetteer(data)


def build(dump: str, version: str) -> dict:
    """Build the index columns from packaged data, plus the dump when given."""
    builder = IndexBuilder()
    build_packaged(builder)
    if dump:
        from sayso.gazetteer.dump import read_dump

        read_dump(dump, builder)
    norm.cache_clear()  # the build filled it with every name; lookups only need the article's
    return builder.freeze({"version": version, "dump": dump})


def _write(folder: Path, path: Path, data: dict) -> None:
    """Write atomically; a read-only cache folder only costs a rebuild next time."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not cache the gazetteer in %s (%s); it will be rebuilt next time", folder, exc)


def load_or_fail(cache_setting: str, dump: str) -> Gazetteer:
    try:
        return open_index(cache_setting, dump)
    except (OSError, ValueError, KeyError) as exc:
        raise GazetteerError(f"could not build the place index ({type(exc).__name__}: {exc}); "
                             "check the gazetteer_path and gazetteer_cache settings") from exc


__all__ = ["Entry", "Gazetteer", "IndexBuilder", "distance_km", "open_index"]
