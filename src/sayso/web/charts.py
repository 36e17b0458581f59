"""Charts drawn on the server as SVG: a measure's timeline with bounds, and the map of places mentioned.

Colours are SVG presentation attributes (allowed by the page's content security policy, unlike
inline styles); every label is escaped.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Sequence

from markupsafe import Markup, escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
           "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939")
W, H, LEFT, RIGHT, TOP, BOTTOM = 820, 340, 70, 20, 20, 50
PLACE_COLOUR = "#546e7a"   # neutral, so that the events' colours stand out on the map


def colours(names: Sequence[str]) -> dict[str, str]:
    """One colour per name, in order of first appearance."""
    order = list(dict.fromkeys(names))
    return {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(order)}


def _ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        return [lo]
    step = 10 ** math.floor(math.log10((hi - lo) / n))
    for m in (1, 2, 5, 10):
        if (hi - lo) / (step * m) <= n:
            step *= m
            break
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


def _label(p: Any) -> str:
    value = "?" if p.value is None else f"{p.value:,.6g}"
    if p.value_max is not None:
        value += f"–{p.value_max:,.6g}"
    copies = f", {p.copies} copies folded" if getattr(p, "copies", 1) > 1 else ""
    return f"{p.date}: {value} {p.unit or ''} ({p.qualifier}, {p.status}) — {p.source}, {p.outlet or ''}{copies}"


def timeline_svg(line: Any, palette: dict[str, str]) -> Markup:
    """Points at (date, value), bars for ranges and open bounds, one colour per source; links to the articles."""
    pts = [p for p in line.points if p.date is not None and p.value is not None]
    title = f"Values of {line.measure_key} over time"
    if not pts:
        return Markup(f'<p class="empty">No dated values for {escape(line.measure_key)}.</p>')
    days = [p.date.toordinal() for p in pts]
    highs = [max(p.value, p.value_max or p.value) for p in pts]
    d0, d1 = min(days) - 1, max(days) + 1
    v1 = max(highs) * 1.15 or 1.0
    x = lambda d: LEFT + (d - d0) / (d1 - d0) * (W - LEFT - RIGHT)  # noqa: E731
    y = lambda v: TOP + (1 - v / v1) * (H - TOP - BOTTOM)  # noqa: E731
    out = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    for t in _ticks(0, v1):
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#ddd"/>'
                   f'<text x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end" font-size="11">{t:,.6g}</text>')
    for d in sorted(set(days)):
        label = escape(next(p.date for p in pts if p.date.toordinal() == d).isoformat()[5:])
        out.append(f'<text x="{x(d):.1f}" y="{H - BOTTOM + 16}" text-anchor="middle" font-size="11">{label}</text>')
    out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#333"/>')
    for p in pts:
        cx, colour = x(p.date.toordinal()), palette.get(p.source, PALETTE[0])
        bar = _bar(p, v1)
        if bar:
            dash = ' stroke-dasharray="4 3"' if p.qualifier in ("at_least", "at_most") else ""
            out.append(f'<line class="bound" x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(bar[0]):.1f}" y2="{y(bar[1]):.1f}"'
                       f' stroke="{colour}" stroke-width="3"{dash}/>')
        r = 5 + 2 * math.log2(max(1, getattr(p, "copies", 1)))
        hollow = ' fill-opacity="0.15"' if p.status == "denied" else ""
        out.append(f'<a href="/articles/{escape(p.article_id)}" class="pt-link">'
                   f'<circle class="pt" cx="{cx:.1f}" cy="{y(p.value):.1f}" r="{r:.1f}" fill="{colour}"'
                   f' stroke="{colour}" stroke-width="2"{hollow} data-source="{escape(p.source)}">'
                   f"<title>{escape(_label(p))}</title></circle></a>")
    out.append("</svg>")
    return Markup("".join(out))


def _bar(p: Any, top: float) -> tuple[float, float] | None:
    if p.qualifier == "range" and p.value_max is not None:
        return (p.value, p.value_max)
    if p.qualifier == "at_least":
        return (p.value, top)
    if p.qualifier == "at_most":
        return (0.0, p.value)
    return None


def map_svg(places: Sequence[Any], box: tuple[float, float, float, float], events: Sequence[dict] = (),
            styles: dict[str, dict[str, str]] | None = None) -> Markup:
    """Country outlines (/static/world.svg, longitude by minus latitude), a point per place sized by mentions,
    and on top a marker per event (shape and colour by type)."""
    bx, by, bw, bh = box
    unit = max(bw, bh) / 160
    title = "Map of the places mentioned" + (" and the events" if events else "")
    out = [f'<svg class="map" viewBox="{bx:.2f} {by:.2f} {bw:.2f} {bh:.2f}" role="img"'
           f' aria-label="{title}" preserveAspectRatio="xMidYMid meet">',
           f"<title>{title}</title>",
           '<image href="/static/world.svg" x="-180" y="-90" width="360" height="180" preserveAspectRatio="none"/>']
    for i, p in enumerate(places):
        r = unit * (0.7 + 0.7 * math.sqrt(p.mentions))
        label = f"{p.name} ({p.country_code or '?'}): {p.mentions} mentions in {len(p.articles)} articles"
        out.append(f'<a href="#place-{i}" class="pin" data-place="{i}">'
                   f'<circle class="pin-dot" cx="{p.lon:.3f}" cy="{-p.lat:.3f}" r="{r:.3f}" fill="{PLACE_COLOUR}"'
                   f' fill-opacity="0.45" stroke="#fff" stroke-width="1" vector-effect="non-scaling-stroke">'
                   f"<title>{escape(label)}</title></circle></a>")
    out.extend(map_events(events, styles or {}, unit))
    out.append("</svg>")
    return Markup("".join(out))


# -- events ----------------------------------------------------------------------------------------------
EVENT_PALETTE = ("#d62728", "#ff7f0e", "#9467bd", "#1f77b4", "#8c564b", "#2ca02c")
SHAPES = ("diamond", "square", "triangle", "hexagon", "down", "cross")   # places are round points
_UNKNOWN_STYLE = {"colour": "#555", "shape": "circle"}   # a stored type the taxonomy does not name


def event_styles(types: Sequence[str]) -> dict[str, dict[str, str]]:
    """A colour and a shape per event type, in the taxonomy's order (the shape tells types apart without colour)."""
    return {t: {"colour": EVENT_PALETTE[i % len(EVENT_PALETTE)], "shape": SHAPES[i % len(SHAPES)]}
            for i, t in enumerate(types)}


def marker(shape: str, cx: float, cy: float, r: float, attrs: str) -> str:
    """An SVG element of ``shape`` centred on (cx, cy) with radius about ``r``; ``attrs`` are escaped already."""
    if shape == "circle":
        return f'<circle cx="{cx:.3f}" cy="{cy:.3f}" r="{r:.3f}" {attrs}>'
    if shape == "square":
        s = r * 0.9
        return f'<rect x="{cx - s:.3f}" y="{cy - s:.3f}" width="{2 * s:.3f}" height="{2 * s:.3f}" {attrs}>'
    pts = {"diamond": [(0, -1.3), (1.2, 0), (0, 1.3), (-1.2, 0)],
           "hexagon": [(0, -1.1), (0.95, -0.55), (0.95, 0.55), (0, 1.1), (-0.95, 0.55), (-0.95, -0.55)],
           "triangle": [(0, -1.2), (1.1, 0.9), (-1.1, 0.9)],
           "down": [(0, 1.2), (1.1, -0.9), (-1.1, -0.9)],
           "cross": [(-.4, -1.1), (.4, -1.1), (.4, -.4), (1.1, -.4), (1.1, .4), (.4, .4), (.4, 1.1), (-.4, 1.1),
                     (-.4, .4), (-1.1, .4), (-1.1, -.4), (-.4, -.4)]}[shape]
    points = " ".join(f"{cx + dx * r:.3f},{cy + dy * r:.3f}" for dx, dy in pts)
    return f'<polygon points="{points}" {attrs}>'


def _close(shape: str) -> str:
    return {"circle": "</circle>", "square": "</rect>"}.get(shape, "</polygon>")


def event_label(e: dict[str, Any]) -> str:
    """One line saying what, when, where, who to whom, the toll, the status and the reports."""
    what = " / ".join(x for x in (e.get("event_type"), e.get("sub_event_type")) if x)
    where = (e.get("place") or {}).get("name") or "no place"
    who = " → ".join(x for x in ((e.get("actor") or {}).get("name"), (e.get("target") or {}).get("name")) if x)
    toll = ""
    if e.get("fatalities") is not None:
        toll = f"; {e['fatalities']} killed ({e.get('fatalities_qualifier') or 'exact'})"
    n, outlets = len(e.get("reports") or []), len(e.get("outlets") or [])
    return (f"{what}: {e.get('day') or 'no date'} at {where}" + (f" — {who}" if who else "") + toll
            + f"; {e.get('status')}; {n} report{'s' * (n != 1)} from {outlets} outlet{'s' * (outlets != 1)}")


def _event_mark(e: dict[str, Any], style: dict[str, str], cx: float, cy: float, r: float, scale: str) -> str:
    claimed = e.get("status") in ("claimed", "unverified", "denied")
    dash = ' stroke-dasharray="3 2"' if claimed else ""
    paint = (f'fill="{style["colour"]}" fill-opacity="{0.4 if claimed else 0.9}" stroke="{style["colour"]}"'
             f' stroke-width="2"{dash}{scale} class="ev-dot" data-type="{escape(e["type"])}"'
             f' data-status="{escape(e.get("status") or "")}"')
    return (f'<a href="#ev-{int(e["event"])}" class="ev-pin" data-event="{int(e["event"])}">'
            f'{marker(style["shape"], cx, cy, r, paint)}<title>{escape(event_label(e))}</title>'
            f'{_close(style["shape"])}</a>')


def map_events(events: Sequence[dict[str, Any]], styles: dict[str, dict[str, str]], unit: float) -> list[str]:
    """The events with a point, as markers on the map (shape and colour by type, size by reports, faint if claimed)."""
    out = []
    for e in events:
        place = e.get("place") or {}
        if place.get("lat") is None or place.get("lon") is None:
            continue
        r = unit * (1.1 + 0.6 * math.sqrt(len(e.get("reports") or [1])))
        out.append(_event_mark(e, styles.get(e["type"], _UNKNOWN_STYLE), place["lon"],
                               -place["lat"], r, ' vector-effect="non-scaling-stroke"'))
    return out


def _ordinal(day: str | None) -> int | None:
    """A day's ordinal from an ISO date; a month- or year-precise date counts from its first day."""
    try:
        day = (day or "")[:10]
        return dt.date.fromisoformat({4: f"{day}-01-01", 7: f"{day}-01"}.get(len(day), day)).toordinal()
    except (TypeError, ValueError):
        return None


def events_svg(events: Sequence[dict[str, Any]], styles: dict[str, dict[str, str]], names: dict[str, str]) -> Markup:
    """Events over time: one lane per type, a marker per event at its date (size by reports, faint if claimed)."""
    dated = [(o, e) for e in events if (o := _ordinal(e.get("day"))) is not None]
    if not dated:
        return Markup('<p class="empty">No dated events match.</p>')
    lanes = [t for t in styles if any(e["type"] == t for _, e in dated)]
    lanes += sorted({e["type"] for _, e in dated} - set(lanes))  # a stored type the taxonomy no longer has
    lane_h, left = 38, 190
    height = TOP + lane_h * len(lanes) + BOTTOM
    d0, d1 = min(o for o, _ in dated) - 1, max(o for o, _ in dated) + 1
    x = lambda d: left + (d - d0) / (d1 - d0) * (W - left - RIGHT)  # noqa: E731
    title = "Events over time, one lane per type"
    out = [f'<svg class="chart events-chart" viewBox="0 0 {W} {height}" role="img" aria-label="{title}">',
           f"<title>{title}</title>"]
    for i, t in enumerate(lanes):
        y = TOP + lane_h * i + lane_h / 2
        out.append(f'<line x1="{left}" x2="{W - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
                   f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="11">'
                   f"{escape(names.get(t, t))}</text>")
    step = max(1, (d1 - d0) // 8)
    for d in range(d0 + 1, d1, step):
        label = dt.date.fromordinal(d).isoformat()
        out.append(f'<text x="{x(d):.1f}" y="{height - BOTTOM + 18}" text-anchor="middle" font-size="11">'
                   f"{label}</text>")
    for o, e in dated:
        y = TOP + lane_h * lanes.index(e["type"]) + lane_h / 2
        r = 4 + 2.5 * math.sqrt(len(e.get("reports") or [1]))
        out.append(_event_mark(e, styles.get(e["type"], _UNKNOWN_STYLE), x(o), y, r, ""))
    out.append("</svg>")
    return Markup("".join(out))


def event_icon(style: dict[str, str] | None) -> Markup:
    """A small legend icon of an event type's marker."""
    style = style or {"colour": "#555", "shape": "circle"}
    attrs = f'fill="{style["colour"]}" stroke="{style["colour"]}"'
    return Markup(f'<svg class="ev-icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">'
                  f'{marker(style["shape"], 7, 7, 5, attrs)}{_close(style["shape"])}</svg>')
