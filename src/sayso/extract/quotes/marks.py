"""Find quoted passages over the raw text, paragraph by paragraph, before any sentence split.

Double marks are found first. Single marks (‘…’ in British house style, '…' straight) are then
read outside the double passages, telling quotation marks from apostrophes (don’t, Kyiv’s, the
’90s, rock ’n’ roll, soldiers’); a double passage inside a single one is a nested quote in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sayso.models import Note

# Curly, guillemet and low marks have a fixed role; straight marks ('"' and the two-apostrophe
# form some wires use) are opening or closing by what stands around them.
_MARK = re.compile(r"“|”|„|«|»|\"|''")
_OPENERS = frozenset("“„«")
_CLOSERS = frozenset("”»")
_PARA = re.compile(r"\n\s*")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:")
_SINGLE = re.compile(r"[‘’']")
_SINGLE_OPEN_BEFORE = _OPEN_BEFORE | frozenset("“\"\xa0")
# "’90s", "’n’", "’em": an apostrophe where a word lost its first letters, not an opening mark
_ELISION = re.compile(r"(?:\d\d(?:s\b|\b)|n[’'][\s,]|em\b|til\b|cause\b|tis\b|twas\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Passage:
    """Quoted text: ``start``/``end`` is the content inside the marks (stripped of spaces).

    ``open_at``/``close_at`` are the offsets of the marks themselves; ``close_at`` is None when
    the passage runs to the end of its paragraph and the next paragraph opens a new mark.
    ``continued`` says the passage goes on from the previous paragraph's quote.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    continued: bool = False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARA.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _role(text: str, m: re.Match, is_open: bool) -> str:
    mark = m.group()
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if mark in _OPENERS:
        # “ typed for ” : a quote is open and the mark ends a word before a space
        return "close" if is_open and not before.isspace() and not after.isalnum() else "open"
    if mark in _CLOSERS:
        # ” typed for “ : nothing is open and the mark starts a paragraph or a word
        return "open" if not is_open and before.isspace() and after.isalnum() else "close"
    if is_open:
        return "close"
    if before in _OPEN_BEFORE or not before.strip():
        return "open"
    return "close" if not after.isalnum() else "open"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens_paragraph(text: str, para: tuple[int, int] | None) -> bool:
    if para is None:
        return False
    m = _MARK.match(text, para[0])
    return bool(m) and _role(text, m, False) == "open"


def find_passages(text: str, notes: list[Note] | None = None) -> list[Passage]:
    """Every quoted passage in ``text``; an unbalanced mark skips only its own quote (noted)."""
    paras = _paragraphs(text)
    doubles = _double_passages(text, paras, notes)
    if "‘" not in text and "'" not in text:
        return doubles
    singles = _single_passages(text, paras, doubles, notes)
    if not singles:
        return doubles
    kept = [d for d in doubles if not any(_inside(d, s) for s in singles)]
    return sorted(kept + singles, key=lambda p: p.open_at)


def _inside(p: Passage, outer: Passage) -> bool:
    return outer.open_at < p.open_at and (outer.close_at is None or p.open_at < outer.close_at)


def _double_passages(text: str, paras: list[tuple[int, int]], notes: list[Note] | None) -> list[Passage]:
    out: list[Passage] = []
    continued = False
    for k, (p_start, p_end) in enumerate(paras):
        open_at: int | None = None
        this_continued, continued = continued, False
        for m in _MARK.finditer(text, p_start, p_end):
            role = _role(text, m, open_at is not None)
            if role == "open":
                if open_at is not None:
                    _note(notes, "opening quotation mark never closed", open_at, m.start())
                open_at = m.start()
                continue
            if open_at is None:
                _note(notes, "closing quotation mark without an opening one", m.start(), m.end())
                continue
            _emit(out, text, open_at, m, this_continued and not _found_in_paragraph(out, p_start))
            open_at = None
        if open_at is None:
            continue
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        if _opens_paragraph(text, nxt):
            _add_open(out, text, open_at, open_at + _mark_len(text, open_at), p_end,
                      this_continued and not _found_in_paragraph(out, p_start))
            continued = True
        else:
            _note(notes, "opening quotation mark never closed", open_at, p_end)
    return out


def _single_role(text: str, i: int) -> str | None:
    """"open", "close", "weak" (a closing mark that may be a plural possessive: soldiers’) or None
    (an apostrophe) for the single mark at ``i``."""
    c = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if c == "'" and "'" in (before, after):
        return None  # the two-apostrophe double mark
    if before.isalnum() and after.isalnum():
        return None  # don’t, Kyiv’s
    if c in "‘'" and (before in _SINGLE_OPEN_BEFORE or before.isspace()) and (after.isalnum() or after in "“\"…"):
        return None if _ELISION.match(text, i + 1) else "open"
    if c in "’'" and not before.isspace() and not after.isalnum():
        if i >= 2 and text[i - 2] in "’'‘" and before.isalpha():
            return None  # rock ’n’ roll
        if before in "sS" and after in " \t\xa0" and text[i + 2:i + 3].isalnum():
            return "weak"
        return "close"
    return None


def _single_passages(text: str, paras: list[tuple[int, int]], doubles: list[Passage],
                     notes: list[Note] | None) -> list[Passage]:
    """Passages in single marks outside the double ones."""
    out: list[Passage] = []
    masked = [(d.open_at, d.close_at if d.close_at is not None else d.end) for d in doubles]
    continued = False
    for k, (p_start, p_end) in enumerate(paras):
        open_at: int | None = None
        weak: int | None = None
        this_continued, continued = continued, False
        for m in _SINGLE.finditer(text, p_start, p_end):
            i = m.start()
            if any(a <= i <= b for a, b in masked):
                continue
            role = _single_role(text, i)
            if role == "open" and open_at is None:
                open_at, weak = i, None
            elif role == "close" and open_at is not None:
                _add_single(out, text, open_at, i, this_continued and not _found_in_paragraph(out, p_start))
                open_at = None
            elif role == "weak" and open_at is not None:
                weak = i
        if open_at is None:
            continue
        if weak is not None:  # "the ‘special operations’ in the east": the possessive-looking mark closes it
            _add_single(out, text, open_at, weak, this_continued and not _found_in_paragraph(out, p_start))
            continue
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        if nxt is not None and _single_role(text, nxt[0]) == "open" and text[open_at] == "‘":
            _add_open(out, text, open_at, open_at + 1, p_end, this_continued and not _found_in_paragraph(out, p_start))
            continued = True
        else:
            _note(notes, "opening quotation mark never closed", open_at, p_end)
    return out


def _add_open(out: list[Passage], text: str, open_at: int, start: int, p_end: int, continued: bool) -> None:
    """A passage left open at the paragraph's end (the next paragraph reopens it): its words up to the end."""
    a, b = _strip(text, start, p_end)
    if b > a:
        out.append(Passage(a, b, open_at, None, continued))


def _add_single(out: list[Passage], text: str, open_at: int, close_at: int, continued: bool) -> None:
    a, b = _strip(text, open_at + 1, close_at)
    if b > a:
        out.append(Passage(a, b, open_at, close_at, continued))


def _found_in_paragraph(out: list[Passage], p_start: int) -> bool:
    """Whether a passage was already found in the paragraph starting at ``p_start``."""
    return bool(out) and out[-1].open_at >= p_start


def _mark_len(text: str, at: int) -> int:
    return 2 if text.startswith("''", at) else 1


def _emit(out: list[Passage], text: str, open_at: int, close: re.Match, continued: bool) -> None:
    a, b = _strip(text, open_at + _mark_len(text, open_at), close.start())
    if b > a:
        out.append(Passage(a, b, open_at, close.start(), continued))


def _note(notes: list[Note] | None, reason: str, start: int, end: int) -> None:
    if notes is not None:
        notes.append(Note("quotes", reason, start, end))
