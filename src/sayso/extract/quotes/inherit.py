"""Last steps over the article's quotes: a statement the parse cut in two is joined again, and speakers are
carried over to quotes that have no cue of their own (the next sentence or paragraph of one statement)."""

from __future__ import annotations

import re
from dataclasses import replace

from sayso.models import Quote

_BREAKS = re.compile(r"\n\s*")
_MARKS = " \t“\"'‘«"
_OPEN_MARKS = frozenset({"“", '"', "''", "«", "„", "‘", "'"})


def join_split(quotes: list[Quote], text: str) -> list[Quote]:
    """Two reports of one cue that abut ("said she felt the 13th" + "Amendment was ...", where the parse
    split a name) are one statement. ``quotes`` is sorted by position."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (prev is not None and q.cue_start is not None and prev.cue_start == q.cue_start and "direct" not in (
                prev.kind, q.kind) and prev.end <= q.start and not text[prev.end:q.start].strip()):
            kind = "mixed" if "mixed" in (prev.kind, q.kind) else "indirect"
            out[-1] = replace(prev, kind=kind, end=q.end, text=text[prev.start:q.end])
            continue
        out.append(q)
    return out


def inherit_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """A quote with no cue of its own goes on from the statement right before it (same or next
    paragraph); a paragraph left open for the next one takes the speaker named further on."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if q.speaker is None and q.cue is None and prev is not None and prev.speaker is not None \
                and _goes_on(text, prev, q):
            q = replace(q, speaker=prev.speaker)
        out.append(q)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.speaker is None and q.cue is None and nxt.speaker is not None and _runs_on(text, q, nxt):
            out[i] = replace(q, speaker=nxt.speaker)
    return out


def _runs_on(text: str, q: Quote, nxt: Quote) -> bool:
    """``q`` ends its paragraph without a closing mark and ``nxt`` opens the next one."""
    between = text[q.end:nxt.start]
    return q.kind == nxt.kind == "direct" and len(_BREAKS.findall(between)) == 1 and \
        between.strip() in _OPEN_MARKS


def _goes_on(text: str, prev: Quote, q: Quote) -> bool:
    """Same paragraph, or ``q`` opens the paragraph right after ``prev``'s."""
    if q.start < prev.end:
        return True
    between = text[prev.end:q.start]
    breaks = len(_BREAKS.findall(between))
    if breaks == 0:
        return True
    return breaks == 1 and _BREAKS.search(between.rstrip(_MARKS)) is not None and \
        between.rstrip(_MARKS).endswith("\n")
