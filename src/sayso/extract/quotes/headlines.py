"""Headlines in title case ("Senator Lee Urges Congress to Fund Repairs"): the tagger reads every
capitalised word as a name, so the speech verb is found by its form, and what follows it is reported."""

from __future__ import annotations

import re
from typing import Callable

from sayso.extract.quotes.acts import DIRECTIVE, STANCE, STATEMENT, Act
from sayso.extract.quotes.words import cue_words
from sayso.models import Speaker
from sayso.nlp.pipeline import lemma_of

_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_QUOTE_MARKS = frozenset("“”‘\"")  # not ’, which is also the apostrophe
HEADLINE_CHARS = 200  # a longer line is a paragraph, not a headline
_MIN_WORDS = 4
_CAPITALISED_SHARE = 0.75
_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "as", "from"})


def headline_reports(text: str, taken: list[tuple[int, int]],
                     speaker_at: Callable[[int, int], Speaker | None]) -> list[tuple[str, int, int, Speaker | None, int, int]]:
    """(kind, start, end, speaker, cue_start, cue_end) for each title-case line "SUBJECT Verbs CONTENT"
    whose verb is a reporting cue. Lines that hold a found quote (``taken``) are left alone.
    ``speaker_at(start, end)`` resolves the subject's characters to a speaker."""
    out = []
    pos = 0
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if not line.strip() or len(line) > HEADLINE_CHARS or any(a < hi and b > lo for a, b in taken):
            continue
        found = _headline(line)
        if found is None:
            continue
        subj_end, cue_a, cue_b, start = found
        end = len(line.rstrip(" \t.!?"))
        if end - start < 3:
            continue
        content = line[start:end]
        kind = "mixed" if any(c in _QUOTE_MARKS for c in content) else "indirect"
        first = len(line) - len(line.lstrip())
        out.append((kind, lo + start, lo + end, speaker_at(lo + first, lo + subj_end), lo + cue_a, lo + cue_b))
    return out


def _headline(line: str) -> tuple[int, int, int, int] | None:
    """(subject end, cue start, cue end, content start) of a title-case line, or None."""
    words = list(_WORD.finditer(line))
    big = [w for w in words if w.group()[0].isupper()]
    if len(words) < _MIN_WORDS or line.isupper() \
            or len(big) < _CAPITALISED_SHARE * sum(1 for w in words if w.group().lower() not in _SMALL):
        return None
    cues = cue_words()
    verbs = cues.all_verbs | cues.reason_verbs
    for k, w in enumerate(words[1:-1], start=1):
        word = w.group()
        low = word.lower()
        if not word[0].isupper() or not low.endswith("s") or low.endswith("ss"):
            continue
        lem = lemma_of(low, "VBZ")
        if lem == low or lem not in verbs or not words[k - 1].group()[0].isupper():
            continue
        if any(c in ":—–" for c in line[:w.start()]):
            return None  # "Trump: ..." or "EXCLUSIVE – ...": a label line, read elsewhere
        nxt = words[k + 1]
        start = nxt.start()
        if nxt.group().lower() in cues.preps.get(lem, ()) and k + 2 < len(words):
            start = words[k + 2].start()  # "Calls For a Ban": the ban is what was called for
        return words[k - 1].end(), w.start(), w.end(), start
    return None


def headline_act(cue: str) -> Act:
    """"Mayor Says ..." states; "Mayor Urges Council to Act" asks; "Senator Calls For a Ban" takes a stance."""
    words = cue_words()
    lem = lemma_of(cue.lower(), "VBZ")
    if lem in words.directive:
        return DIRECTIVE
    return STATEMENT if lem in words.clause and lem not in words.cognition else STANCE
