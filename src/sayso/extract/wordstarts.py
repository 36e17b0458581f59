"""Patterns that begin at a word boundary, tried only at the word starts whose first letter can begin a match.

``re.finditer`` tries a pattern at every position of the text; one that opens with ``\\b`` and an
alternation of words (the date patterns: "last week", "Monday", "March 3") fails at almost all of them,
but each failure still costs a full attempt. The letters a match can begin with are read off the
compiled pattern (``re._parser``), and the text's word starts are bucketed by letter once
(``WordStarts``), so each pattern is tried only where it could match. The matches are the same as
``finditer``'s: the leftmost match from each position, non-overlapping, in order. A pattern whose first
letters cannot be read (a negated class, a category other than ``\\d``, a flag) is scanned as before.
"""

from __future__ import annotations

import re
from typing import Iterator

try:  # the parser behind re.compile; its interface is stable in practice but private
    from re import _constants as _c, _parser
except ImportError:  # pragma: no cover - other Python versions
    _parser = None

_WORD_START = re.compile(r"\b\w")


class WordStarts:
    """The word starts of one text, by first character."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_char: dict[str, list[int]] = {}
        for m in _WORD_START.finditer(text):
            self.by_char.setdefault(text[m.start()], []).append(m.start())


class WordStartPattern:
    """A compiled pattern that opens with ``\\b``, matched only at the word starts it can begin at."""

    def __init__(self, pattern: str) -> None:
        self.rx = re.compile(pattern)
        self.first = _first_letters(pattern)  # a pattern for one character, or None: try everywhere
        self._can_begin: dict[str, bool] = {}

    def finditer(self, starts: WordStarts) -> Iterator[re.Match]:
        """The matches ``re.finditer`` finds in ``starts.text``."""
        if self.first is None:
            yield from self.rx.finditer(starts.text)
            return
        end = 0
        for pos in self._positions(starts):
            if pos < end:
                continue
            m = self.rx.match(starts.text, pos)
            if m is not None and m.end() > m.start():
                end = m.end()
                yield m

    def _positions(self, starts: WordStarts) -> list[int]:
        out: list[int] = []
        for char, positions in starts.by_char.items():
            ok = self._can_begin.get(char)
            if ok is None:
                ok = self._can_begin[char] = self.first.fullmatch(char) is not None
            if ok:
                out.extend(positions)
        out.sort()
        return out


def _first_letters(pattern: str) -> re.Pattern | None:
    """A pattern for the characters a match of ``pattern`` (which opens with ``\\b``) can begin with, or None
    when they cannot be read off it or include a character that is not a word character."""
    if _parser is None or not pattern.startswith("\\b"):
        return None
    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII | re.LOCALE):
        return None
    found = _first(list(parsed), False)
    if found is None or found[1] or not found[0]:
        return None  # unknown, or the pattern can match the empty string
    exact = "".join(sorted(item for item, caseless in found[0] if not caseless))
    folded = "".join(sorted(item for item, caseless in found[0] if caseless))
    first = re.compile("|".join(([f"[{exact}]"] if exact else []) + ([f"(?i:[{folded}])"] if folded else [])))
    if any(first.fullmatch(c) for c in map(chr, range(128)) if not re.fullmatch(r"\w", c)):
        return None  # a match could begin with a non-word character: not at a word start
    return first


def _first(items: list, caseless: bool) -> tuple[set[tuple[str, bool]], bool] | None:
    """(first-character class items with their case-insensitivity, whether the sequence can match empty)
    of a parsed sequence; None when unknown."""
    chars: set[tuple[str, bool]] = set()
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the next item gives the first character
        if op is _c.LITERAL:
            return chars | {(re.escape(chr(av)), caseless)}, False
        if op is _c.IN:
            got = _in_chars(av)
            return None if got is None else (chars | {(x, caseless) for x in got}, False)
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if del_flags or add_flags & ~re.IGNORECASE:
                return None
            inner = _first(list(sub), caseless or bool(add_flags & re.IGNORECASE))
        elif op is _c.BRANCH:
            inner = _branch(av[1], caseless)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _high, sub = av
            inner = _first(list(sub), caseless)
            if inner is not None and low == 0:
                inner = (inner[0], True)
        else:
            return None
        if inner is None:
            return None
        chars |= inner[0]
        if not inner[1]:
            return chars, False
    return chars, True


def _branch(alternatives, caseless: bool) -> tuple[set[tuple[str, bool]], bool] | None:
    chars: set[tuple[str, bool]] = set()
    empty = False
    for alt in alternatives:
        inner = _first(list(alt), caseless)
        if inner is None:
            return None
        chars |= inner[0]
        empty = empty or inner[1]
    return chars, empty


def _in_chars(items) -> set[str] | None:
    """The class items of a parsed character class, as regex text; None for a negated class or a category
    other than digits."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(re.escape(chr(av)))
        elif op is _c.RANGE:
            chars.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.add("\\d")
        else:
            return None
    return chars
