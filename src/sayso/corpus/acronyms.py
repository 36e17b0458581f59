"""Acronyms and their full names: from the article itself ("the United Nations (UN)") and a table of well-known ones.

An article that spells an acronym out defines it for that article; otherwise ``data/entities_en.json``
says what a well-known acronym stands for. Keys are folded: "U.N." and "UN" are ``un``; a full name is
the folded words of its expansion ("united nations").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sayso.corpus.lexicon import ACRONYMS, ORG_ALIASES

# "Full Name (ACR)" and "ACR (Full Name)"; the acronym is 2 to 8 capitals, dots allowed ("U.N.").
_AFTER = re.compile(r"\(\s*((?:[A-Z]\.?){2,8}|[A-Z][A-Za-z]{1,7})\s*\)")
_BEFORE = re.compile(r"\b((?:[A-Z]\.?){2,8})\s*\(\s*([A-Z][^()]{3,80}?)\s*\)")
_WORD = re.compile(r"[A-Za-z][\w'’&-]*")
_SKIP = frozenset("of the and for in on to de du des la le et".split())  # words an acronym may leave out


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", text)))


def acronym_key(token: str) -> str | None:
    """The folded acronym a token is written as ("U.N." / "UN" / "Nato" -> "un" / "un" / "nato"), else None."""
    core = re.sub(r"['’]s$", "", token.strip(".,;:()\"'’")).replace(".", "")
    if not core.isalpha() or not 2 <= len(core) <= 8:
        return None
    if core.isupper() or (len(core) >= 4 and core[0].isupper() and core.upper() in ACRONYMS):
        return core.lower()
    return None


def _spelled(acronym: str, words: list[str]) -> int | None:
    """How many of the last ``words`` spell ``acronym`` out by their initials (small words may be skipped)."""
    letters = acronym.lower()
    i, n = len(letters) - 1, len(words)
    for j in range(n - 1, -1, -1):
        w = words[j]
        if i >= 0 and w[0].lower() == letters[i]:
            i -= 1
            if i < 0:
                return n - j
        elif w.lower() not in _SKIP:
            return None
    return None


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms an article spells out: folded acronym -> folded full name ("... the United Nations (UN)")."""
    found: dict[str, str] = {}
    for m in _AFTER.finditer(text):
        acronym = m.group(1).replace(".", "")
        before = _WORD.findall(text[max(0, m.start() - 120):m.start()])[-(len(acronym) + 4):]
        n = _spelled(acronym, before)
        if n:
            found.setdefault(acronym.lower(), _fold(" ".join(before[-n:])))
    for m in _BEFORE.finditer(text):
        acronym, words = m.group(1).replace(".", ""), _WORD.findall(m.group(2))
        if _spelled(acronym, words) == len(words):
            found.setdefault(acronym.lower(), _fold(m.group(2)))
    return found


@lru_cache(maxsize=1)
def known() -> dict[str, str]:
    """The table's acronyms and other names, folded: ``un`` -> ``united nations``, ``north atlantic alliance``
    -> ``north atlantic treaty organization``."""
    out = {k.lower(): _fold(v) for k, v in ACRONYMS.items()}
    out.update({_fold(alias): out[acronym.lower()] for alias, acronym in ORG_ALIASES.items()})
    return out


def expand(key: str, article: dict[str, str] | None = None) -> str | None:
    """The folded full name of a folded acronym or other name: the article's own first, then the table's."""
    return (article or {}).get(key) or known().get(key)


def full_name(acronym: str) -> str | None:
    """The table's full name of an acronym as written there ("UN" -> "United Nations")."""
    key = acronym_key(acronym)
    if key is None:
        return None
    return next((v for k, v in ACRONYMS.items() if k.lower() == key), None)
