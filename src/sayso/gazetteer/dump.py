"""Read a full GeoNames dump (``allCountries.txt``, ``cities500.txt`` ...) into the index builder.

Point the ``gazetteer_path`` setting at an unzipped file from the GeoNames export (tab-separated,
19 columns: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
feature code, country code, cc2, admin1 ... population, elevation, dem, timezone, modification
date). Its populated places (class P), first-level divisions (ADM1) and a few natural and
man-made feature classes are added on top of the packaged data, which gives village-level
coverage. ``cities500.txt`` builds in seconds; ``allCountries.txt`` (about 1.5 GB, millions of
villages) takes minutes and several GB of memory to build once, and its cached index is
correspondingly bigger to load. The data is GeoNames', CC-BY 4.0.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sayso.errors import SettingsError
from sayso.gazetteer.build import IndexBuilder

log = logging.getLogger(__name__)

#: GeoNames feature codes kept from a dump, and the feature word each becomes
_KEEP = {
    "A": {"ADM1": "region", "ADM2": "district", "PCLI": "country", "PCLD": "country", "PCLS": "country"},
    "H": {"LK": "lake", "STM": "river", "SEA": "sea", "BAY": "bay", "GULF": "gulf", "STRT": "strait"},
    "L": {"RGN": "area", "PRK": "park", "AREA": "area"},
    "S": {"AIRP": "airport", "PRT": "port", "MILB": "base", "NPWR": "power plant", "DAM": "dam"},
    "T": {"MT": "mountain", "ISL": "island", "ISLS": "island", "PEN": "peninsula", "DSRT": "desert", "VAL": "valley"},
    "V": {"FRST": "forest"},
}


def read_dump(path: str | Path, builder: IndexBuilder, min_population: int = 0) -> int:
    """Add the useful rows of a GeoNames dump to ``builder``; returns how many were added.

    Raises ``SettingsError`` naming the file when it is missing or not in the GeoNames format.
    """
    path = Path(path)
    if not path.is_file():
        raise SettingsError(f"gazetteer_path {str(path)!r} is not a file; point it at an unzipped "
                            "GeoNames dump such as allCountries.txt or cities500.txt")
    seen = set(builder.gid)
    added = 0
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise SettingsError(f"{path}:{n}: expected the 19 tab-separated GeoNames columns, "
                                    f"found {len(cols)}")
            feature = _feature(cols[6], cols[7])
            if feature is None:
                continue
            gid = int(cols[0])
            pop = int(cols[14] or 0)
            if gid in seen or (feature == "city" and pop < min_population):
                continue
            alternates = [a for a in cols[3].split(",") if a and not (len(a) <= 4 and a.isupper())]
            builder.add(gid, cols[1], cols[8], cols[10], feature,
                        float(cols[4]), float(cols[5]), pop, [cols[2], *alternates])
            added += 1
    log.info("added %d places from GeoNames dump %s", added, path)
    return added



def _feature(fclass: str, fcode: str) -> str | None:
    if fclass == "P":
        return "city"
    return _KEEP.get(fclass, {}).get(fcode)
