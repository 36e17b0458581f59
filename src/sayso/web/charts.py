"""Charts drawn on the server as SVG: a measure's timeline with bounds, and the map of places mentioned.

Colours are SVG presentation attributes (allowed by the page's content security policy, unlike
inline styles); every label is escaped.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

from markupsafe import Markup, escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
           "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939")
W, H, LEFT, RIGHT, TOP, BOTTOM = 820, 340, 70, 20, 20, 50


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


def map_svg(places: Sequence[Any], box: tuple[float, float, float, float]) -> Markup:
    """Country outlines (/static/world.svg, longitude by minus latitude) and a point per place, sized by mentions."""
    bx, by, bw, bh = box
    unit = max(bw, bh) / 160
    out = [f'<svg class="map" viewBox="{bx:.2f} {by:.2f} {bw:.2f} {bh:.2f}" role="img"'
           f' aria-label="Map of the places mentioned" preserveAspectRatio="xMidYMid meet">',
           "<title>Map of the places mentioned</title>",
           '<image href="/static/world.svg" x="-180" y="-90" width="360" height="180" preserveAspectRatio="none"/>']
    for i, p in enumerate(places):
        r = unit * (0.7 + 0.7 * math.sqrt(p.mentions))
        label = f"{p.name} ({p.country_code or '?'}): {p.mentions} mentions in {len(p.articles)} articles"
        out.append(f'<a href="#place-{i}" class="pin" data-place="{i}">'
                   f'<circle class="pin-dot" cx="{p.lon:.3f}" cy="{-p.lat:.3f}" r="{r:.3f}" fill="#c0392b"'
                   f' fill-opacity="0.7" stroke="#fff" stroke-width="1" vector-effect="non-scaling-stroke">'
                   f"<title>{escape(label)}</title></circle></a>")
    out.append("</svg>")
    return Markup("".join(out))
