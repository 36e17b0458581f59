"""Acronyms and their full names: from the article itself ("the United Nations (UN)") and a table of well-known ones.

An article that spells an acronym out defines it for that article, in brackets or simply by using both: "the
Marsh Conservation Union ... the MCU" (the initials of the name's words, small words such as 'of' and 'for'
skipped); otherwise ``data/entities_en.json`` says what a well-known acronym stands for. Keys are folded:
"U.N." and "UN" are ``un``; a full name is the folded words of its expansion ("united nations"), a possessive
joined as ``entities.fold`` joins it ("People's" -> "peoples").
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
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "s", text)))


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
    """Acronyms an article spells out: folded acronym -> full name as written ("... the United Nations (UN)"),
    in brackets first, else a name of capitalised words elsewhere in the article whose initials spell it."""
    found: dict[str, str] = {}
    for m in _AFTER.finditer(text):
        acronym = m.group(1).replace(".", "")
        before = _WORD.findall(text[max(0, m.start() - 120):m.start()])[-(len(acronym) + 4):]
        n = _spelled(acronym, before)
        if n:
            found.setdefault(acronym.lower(), " ".join(before[-n:]))
    for m in _BEFORE.finditer(text):
        acronym, words = m.group(1).replace(".", ""), _WORD.findall(m.group(2))
        if _spelled(acronym, words) == len(words):
            found.setdefault(acronym.lower(), m.group(2))
    for acronym in dict.fromkeys(m.group(1) for m in _BARE.finditer(text)):
        if acronym.lower() not in found and acronym.upper() not in ACRONYMS:
            name = _name_spelling(acronym, text)
            if name:
                found[acronym.lower()] = name
    return found


# An acronym used bare: three to eight capitals ("TPLF", "OCHA"); two-letter ones are too often something else.
_BARE = re.compile(r"\b([A-Z]{3,8})(?:['’]s)?\b")
# A run of capitalised words, small words allowed inside: "Office for the Coordination of Humanitarian Affairs".
_NAME = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:(?:of|for|the|and|de|du|des|la|le|et)\s+)*[A-Z][\w'’&-]*)+")


def _name_spelling(acronym: str, text: str) -> str | None:
    """The name in ``text`` whose words, from one of them to the end of the run, spell ``acronym`` out by their
    initials ("Israel Defense Forces" for IDF; "Office for the Coordination of Humanitarian Affairs" at the end
    of "U.N. Office for the ..." for OCHA); the first such name, else None."""
    for m in _NAME.finditer(text):
        words = _WORD.findall(m.group(0))
        for end in range(len(words), 0, -1):
            n = _spelled(acronym, words[:end])
            if n and words[end - n][0].isupper() and words[end - 1][0].isupper():
                return " ".join(words[end - n:end])
    return None


def initials(name: str) -> set[str]:
    """The acronyms a name's words spell ("Tigray People's Liberation Front" -> {"tplf"}; "U.N. Office for the
    Coordination of Humanitarian Affairs" -> {"unocha", "ocha"}): the initials of its words, small words skipped,
    from the first word and from each later one; only those of three letters or more."""
    words = [w for w in _WORD.findall(name.replace(".", "")) if w.lower() not in _SKIP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return set()
    letters = "".join(w[0].lower() if not w.isupper() else w.lower() for w in words)
    out, at = set(), 0
    for w in words:
        if len(letters) - at >= 3:
            out.add(letters[at:])
        at += len(w) if w.isupper() else 1
    return out


@lru_cache(maxsize=1)
def known() -> dict[str, str]:
    """The table's acronyms and other names, folded: ``un`` -> ``united nations``, ``north atlantic alliance``
    -> ``north atlantic treaty organization``."""
    out = {k.lower(): _fold(v) for k, v in ACRONYMS.items()}
    out.update({_fold(alias): out[acronym.lower()] for alias, acronym in ORG_ALIASES.items()})
    return out


def expand(key: str, article: dict[str, str] | None = None) -> str | None:
    """The folded full name of a folded acronym or other name: the article's own first, then the table's."""
    own = (article or {}).get(key)
    return _fold(own) if own else known().get(key)


def full_name(acronym: str) -> str | None:
    """The table's full name of an acronym as written there ("UN" -> "United Nations")."""
    key = acronym_key(acronym)
    if key is None:
        return None
    return next((v for k, v in ACRONYMS.items() if k.lower() == key), None)
