"""Find quoted passages over the raw text, paragraph by paragraph, before any sentence split."""

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
    out: list[Passage] = []
    paras = _paragraphs(text)
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
            a, b = _strip(text, open_at + _mark_len(text, open_at), p_end)
            if b > a:
                out.append(Passage(a, b, open_at, None, this_continued and not _found_in_paragraph(out, p_start)))
            continued = True
        else:
            _note(notes, "opening quotation mark never closed", open_at, p_end)
    return out


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
