"""Build src/sayso/web/static/world.svg, the desk's offline base map, from the countryinfo package's outlines.

    pip install countryinfo==1.0.1      # MIT; its outlines come from Natural Earth (public domain)
    python tools/make_world_outlines.py [COUNTRYINFO_DATA_DIR]

The map uses plain longitude/latitude (x = lon, y = -lat, viewBox -180 -90 360 180), so the desk
places a point at (lon, -lat) with no projection code. Coordinates are rounded to 0.1 degree and
rings smaller than that vanish: a base map to find one's way, not to measure borders.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "sayso" / "web" / "static" / "world.svg"
STEP = 10  # points per degree kept (0.1 degree)


def data_dir(argv: list[str]) -> Path:
    if argv:
        return Path(argv[0])
    import countryinfo  # noqa: PLC0415

    return Path(countryinfo.__file__).parent / "data"


def ring_path(ring: list[list[float]]) -> str:
    points = []
    for lon, lat in ring:
        p = (round(lon * STEP), round(-lat * STEP))
        if not points or points[-1] != p:
            points.append(p)
    if len(points) < 4:
        return ""
    return "M" + "L".join(f"{x / STEP:g} {y / STEP:g}" for x, y in points) + "Z"


def country_paths(geo: dict) -> str:
    parts = []
    for feature in geo.get("features", []):
        g = feature.get("geometry") or {}
        polygons = [g["coordinates"]] if g.get("type") == "Polygon" else g.get("coordinates", [])
        for polygon in polygons:
            parts.extend(ring_path(r) for r in polygon)
    return "".join(p for p in parts if p)


def main(argv: list[str]) -> None:
    shapes = []
    for path in sorted(data_dir(argv).glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        d = country_paths(info.get("geoJSON") or {})
        code = (info.get("ISO") or {}).get("alpha2", "")
        if d:
            shapes.append(f'<path id="c-{code}" d="{d}"><title>{html.escape(info.get("name", ""))}</title></path>')
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" width="3600" height="1800">'
           '<!-- Country outlines: Natural Earth (public domain) via the countryinfo package (MIT), '
           'built by tools/make_world_outlines.py -->'
           '<rect x="-180" y="-90" width="360" height="180" fill="#dfeaf2"/>'
           '<g fill="#f4f1ea" stroke="#9aa5ad" stroke-width="0.3" vector-effect="non-scaling-stroke"'
           ' stroke-linejoin="round">' + "".join(shapes) + "</g></svg>\n")
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT} ({len(svg):,} bytes, {len(shapes)} countries)")


if __name__ == "__main__":
    main(sys.argv[1:])
