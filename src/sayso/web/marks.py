"""An article's text as HTML with its records marked: spans nest, a span crossing another is cut in two.

Everything is escaped here (article text is hostile input); the marks carry only a class, a record id
and a short title, and the page's script reads the full fields from a JSON block.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup, escape

# Outer layers first: an event's evidence sentence holds quotes; a quote holds claims, places and dates;
# a claim's number holds a date at most; an event's trigger word is innermost.
LAYER = {"evidence": -1, "quote": 0, "claim": 1, "place": 2, "date": 3, "event": 4}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str          # quote, claim, place, date, event (its trigger), evidence (an event's sentences)
    rec: str           # record id: q0, c3, p1, d2, e0
    css: str           # classes
    title: str = ""
    anchor: str = ""   # an element id for links into the text (#e0)


def _open(s: Span, start: int, first: bool) -> str:
    attrs = f' class="mark {escape(s.css)}" data-rec="{escape(s.rec)}" data-kind="{escape(s.kind)}"'
    if first:
        attrs += f' title="{escape(s.title)}" tabindex="0" role="button"'
        attrs += f' id="{escape(s.anchor)}"' if s.anchor else ""
    else:
        attrs += ' data-part="more"'
    return f"<mark{attrs}>"


def render(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with each span wrapped in a <mark>; overlapping spans are split at the boundary."""
    n = len(text)
    todo = [(s.start, -s.end, LAYER.get(s.kind, 9), i, s, True) for i, s in enumerate(spans)
            if 0 <= s.start < s.end <= n]
    heapq.heapify(todo)
    out: list[str] = []
    stack: list[tuple[int, Span]] = []   # (end, span) of open marks
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1][0] <= limit:
            end, _ = stack.pop()
            out.append(str(escape(text[pos:end])))
            out.append("</mark>")
            pos = end

    while todo:
        start, neg_end, layer, i, span, first = heapq.heappop(todo)
        end = -neg_end
        close_until(start)
        if stack and stack[-1][0] < end:      # crosses the open mark: keep the inside part, queue the rest
            heapq.heappush(todo, (stack[-1][0], -end, layer, i, span, False))
            end = stack[-1][0]
            if end <= start:
                continue
        out.append(str(escape(text[pos:start])))
        pos = start
        out.append(_open(span, start, first))
        stack.append((end, span))
    close_until(n)
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _speaker_text(s: dict | None) -> str:
    if not s:
        return "no speaker found"
    extra = ", ".join(x for x in (s.get("role"), s.get("affiliation")) if x)
    return f"{s.get('name')}" + (f" ({extra})" if extra else "")


def _value_text(q: dict) -> str:
    value = q.get("si_value") if q.get("si_value") is not None else q.get("value")
    text = "—" if value is None else f"{value:,.6g}"
    if q.get("value_max") is not None:
        text += f"–{q['value_max']:,.6g}"
    return f"{text} {q.get('si_unit') or q.get('unit') or ''}".strip()


def article_spans(data: dict, event_names: dict[str, dict[str, str]] | None = None
                  ) -> tuple[list[Span], dict[str, dict]]:
    """The marks of an article (from ``views.article``) and, by record id, the fields its panel shows;
    ``event_names`` (``corpus.event_types()``) gives the event types' display names."""
    colour = {s["name"]: s["colour"] for s in data.get("speakers", [])}
    spans, records = [], {}
    for i, q in enumerate(data.get("quotes", [])):
        who = (q.get("speaker") or {}).get("name")
        rec = f"q{i}"
        spans.append(Span(q["start"], q["end"], "quote", rec, f"quote sp-{colour.get(who, 'none')}",
                          f"{q.get('kind')} quote — {_speaker_text(q.get('speaker'))}"))
        records[rec] = {"kind": "quote", "quote kind": q.get("kind"), "speaker": _speaker_text(q.get("speaker")),
                        "speaker kind": (q.get("speaker") or {}).get("kind"), "cue": q.get("cue")}
    links = data.get("links", [])
    for i, c in enumerate(data.get("claims", [])):
        q, rec = c["quantity"], f"c{i}"
        link = links[i] if i < len(links) else {}
        source = _speaker_text(c.get("source")) if c.get("source") else "(the reporter)"
        spans.append(Span(q["start"], q["end"], "claim", rec, f"claim st-{c.get('status')}",
                          f"{_value_text(q)} ({q.get('qualifier')}), {c.get('status')} — {source}"))
        records[rec] = {"kind": "claim", "status": c.get("status"), "value": _value_text(q),
                        "qualifier": q.get("qualifier"), "counted": q.get("counted"), "source": source,
                        "measure": link.get("measure_key"), "claims on this measure": link.get("cluster_size"),
                        "contradictions": [f"{x['reason']} ({x['other'].get('outlet')}, {x['other'].get('date')})"
                                           for x in link.get("contradictions", [])]}
    for i, p in enumerate(data.get("places", [])):
        rec = f"p{i}"
        point = f"{p['lat']:.3f}, {p['lon']:.3f}" if p.get("lat") is not None else "no point"
        spans.append(Span(p["start"], p["end"], "place", rec, "place" + (" metonym" if p.get("metonym") else ""),
                          f"{p.get('name') or p['text']} ({p.get('country_code') or '?'}) {point}"))
        records[rec] = {"kind": "place", "name": p.get("name"), "country": p.get("country_code"),
                        "feature": p.get("feature"), "point": point, "metonym": bool(p.get("metonym"))}
    for i, d in enumerate(data.get("dates", [])):
        rec = f"d{i}"
        spans.append(Span(d["start"], d["end"], "date", rec, "date", f"{d.get('value') or d.get('reason') or '?'}"))
        records[rec] = {"kind": "date", "value": d.get("value"), "relative": bool(d.get("relative")),
                        "note": d.get("reason")}
    _event_spans(data.get("events") or [], spans, records, data.get("event_links"), event_names or {})
    return spans, records


def _party(p: dict | None) -> str | None:
    return (p.get("name") or p.get("text")) if isinstance(p, dict) else None


def _event_spans(events: list[dict], spans: list[Span], records: dict[str, dict],
                 links: list[dict] | None = None, names: dict[str, dict[str, str]] | None = None) -> None:
    """Events, when the store has them: the trigger word is marked, and the evidence (every sentence reporting
    the event) underlined; the panel shows type, date, place, parties, toll, status and the other reports."""
    links = links or []
    for i, e in enumerate(events):
        start, end = e.get("trigger_start"), e.get("trigger_end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        named = (names or {}).get(e.get("type") or "", {})
        rec = f"e{i}"
        kind = " / ".join(x for x in (named.get("name") or e.get("type"),
                                       named.get(e.get("subtype") or "") or e.get("subtype")) if x) or "event"
        place = (e.get("place") or {}).get("name") if isinstance(e.get("place"), dict) else None
        title = f"{kind} {e.get('date') or ''} {place or ''}".strip()
        evidence = [(e["start"], e["end"])] if isinstance(e.get("start"), int) and isinstance(e.get("end"), int) else []
        evidence += [tuple(m) for m in e.get("mentions") or () if tuple(m) not in evidence and len(m) == 2]
        for n, (s, t) in enumerate(evidence):
            spans.append(Span(s, t, "evidence", rec, "evidence", f"evidence of {title}", f"e{i}" if n == 0 else ""))
        spans.append(Span(start, end, "event", rec, "event", title, "" if evidence else f"e{i}"))
        toll = (e.get("fatalities_claim") or {}).get("quantity") or {}
        link = links[i] if i < len(links) else {}
        records[rec] = {"kind": "event", "type": kind, "date": e.get("date"), "place": place,
                        "actor": _party(e.get("actor")), "target": _party(e.get("target")),
                        "fatalities": (f"{e['fatalities']} ({toll.get('qualifier') or 'exact'})"
                                       if e.get("fatalities") is not None else None),
                        "weapons": list(e.get("weapons") or []) or None,
                        "status": e.get("status"), "source": _party(e.get("source")),
                        "reports of this event": (f"{link['reports']} in articles {', '.join(link['articles'])}"
                                                  if link.get("reports") else None)}
