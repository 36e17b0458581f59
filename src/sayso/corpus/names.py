"""How a speaker's name or description folds into the keys entities are matched on: a person's name key,
an organisation's key (its country and content words, acronyms spelled out), a role's key, and whether a
mention is a name, a description or an institution."""

from __future__ import annotations

import re
import unicodedata

from sayso.corpus.acronyms import acronym_key, expand
from sayso.corpus.lexicon import (DEMONYMS, INSTITUTIONS, MILITARY, NATIONAL, ORG_WORDS, PRONOUNS, ROLE_NOUNS,
                                  ROLE_STOP, ROLE_SYNONYMS, SPELLINGS, TITLE_WORDS)
from sayso.models import Speaker

PERSONLIKE = {"person"}
NAMED_KINDS = {"person", "organization", "media", "group", "place"}
_WORD = re.compile(r"[a-z0-9]+")
NAME_PARTICLES = frozenset("de da di du del der van von ter bin ibn al el la le".split())


def fold(text: str) -> str:
    """Lowercase ASCII words of ``text``: accents stripped, possessives and punctuation gone."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]s\b", "s", text)
    return " ".join(_WORD.findall(text))


def _is_lead(word: str) -> bool:
    """A word that can come before a name but is not part of it: 'the', 'Gen.', 'Ukrainian', 'spokesman'."""
    f = fold(word)
    if f in NAME_PARTICLES:
        return False
    return not f or not word[0].isupper() or f in PRONOUNS or f in TITLE_WORDS or f in DEMONYMS or f in ROLE_NOUNS


def split_mention(text: str) -> tuple[str | None, str | None]:
    """(name, description) of a mention: "the Belgorod governor, Arkady Sobolev" -> ("Arkady Sobolev",
    "the Belgorod governor"); "air force spokesman Col. Ihor Bilyk" -> ("Ihor Bilyk", "air force spokesman Col.")."""
    if "," in text:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        for i, part in enumerate(parts):
            name, lead = split_mention(part)
            if name:
                rest = [p for j, p in enumerate(parts) if j != i] + ([lead] if lead else [])
                return name, ", ".join(rest) or None
        return None, text.strip() or None
    words = text.split()
    i = 0
    for j, word in enumerate(words):  # the name follows the last lead word: "Belgorod governor Arkady Sobolev"
        if _is_lead(word):
            i = j + 1
    return (" ".join(words[i:]) or None), (" ".join(words[:i]) or None)


def name_key(name: str) -> str:
    """The matching key of a person's name: folded, titles and descriptions dropped ("President Putin" -> "putin")."""
    words = fold(split_mention(name)[0] or name).split()
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


COUNTRIES = frozenset(DEMONYMS.values())
# A country's armed forces however worded: "military", "armed forces", "defence forces" (with its country only).
_MILITARY = frozenset(frozenset(SPELLINGS.get(w, w) for w in fold(m).split()) for m in MILITARY)
# Seats that stand for an institution, not its country: "the Kremlin" is not Russia.
SEATS = frozenset(fold(seat) for seat in INSTITUTIONS) | frozenset(fold(seat) + "s" for seat in INSTITUTIONS)


# "the State Department" is the US one: institutions whose name says which country they belong to.
_NATIONAL = {" ".join(sorted(set(w for w in fold(name).split() if w not in ROLE_STOP))): country
             for name, country in NATIONAL.items()}


def _org_words(name: str, acronyms: dict[str, str] | None = None) -> list[str]:
    """The folded words of an institution's name: acronyms spelled out ("UN" -> "united nations", by the article's
    own definition first), other names of a known organisation replaced by its full name, spellings folded."""
    whole = fold(" ".join(w for w in name.split() if fold(w) not in ("the", "a", "an")))
    full = expand(whole, acronyms) if whole else None
    if full is None and len(name.split()) == 1 and acronym_key(name):
        full = expand(acronym_key(name) or "", acronyms)
    if full is not None:
        return full.split()
    words: list[str] = []
    for token in name.split():
        key = acronym_key(token)
        spelled = (expand(key, acronyms) or key) if key else fold(token)
        words.extend(w for w in spelled.split() if w not in ("the", "a", "an"))
    return [SPELLINGS.get(w, w) for w in words]


def org_key(name: str, acronyms: dict[str, str] | None = None) -> str:
    """The matching key of an institution: demonyms and capitals name their country, filler words go, acronyms
    are spelled out ("Russia's Defense Ministry" = "the Defence Ministry in Moscow" = "defence ministry russia";
    "UN" = "the United Nations"); a seat keeps its own name ("the Kremlin" is not "Russia")."""
    folded = " ".join(_org_words(name, acronyms))
    if folded in SEATS:
        return folded.removesuffix("s") if folded not in (fold(s) for s in INSTITUTIONS) else folded
    words = [_country(w) for w in folded.split() if w not in ROLE_STOP]
    if frozenset(w for w in words if w not in COUNTRIES) in _MILITARY:  # "the Israeli military" = "Israel Defense Forces"
        words = [w for w in words if w in COUNTRIES] + ["military"]
    national = _NATIONAL.get(" ".join(sorted(set(w for w in words if w not in COUNTRIES))))
    return " ".join(sorted(dict.fromkeys(words + ([national] if national else []))))


def _country(word: str) -> str:
    """The country a folded word names ("russian", "russias", "israels" -> "russia", "russia", "israel"), else the word."""
    if word in DEMONYMS:
        return DEMONYMS[word]
    return word[:-1] if word.endswith("s") and word[:-1] in COUNTRIES else word


def countries(key: str) -> frozenset[str]:
    """The countries a key names ("defence ministry russia" -> {"russia"})."""
    return frozenset(w for w in key.split() if w in COUNTRIES)


def is_institution(name: str) -> bool:
    """True when the name part of a mention names an institution ("Ukraine's General Staff")."""
    part = split_mention(name)[0]
    return bool(part) and bool(ORG_WORDS & set(fold(part).split()))


def is_descriptor(speaker: Speaker | str) -> bool:
    """True for "the Ukrainian president", "a senior official", "he": a description, not a name."""
    name = speaker if isinstance(speaker, str) else speaker.name
    kind = None if isinstance(speaker, str) else speaker.kind
    if kind == "unnamed":
        return True
    if kind is not None and kind != "person":
        return False
    if is_institution(name):
        return False
    return split_mention(name)[0] is None


def is_name_form(text: str) -> bool:
    """True for a mention written as a name ("President Putin", "the Kremlin", "UN"), False for a pronoun or a
    description ("he", "the Russian president", "a senior official")."""
    text = " ".join(text.split())
    if not text or all(fold(w) in PRONOUNS for w in text.split()):
        return False
    bare = " ".join(w for w in fold(text).split() if w not in ("the", "a", "an"))
    if bare and set(bare.split()) <= ORG_WORDS:  # "the Ministry", "Council": an institution's kind, not its name
        return False
    return split_mention(text)[0] is not None or any(acronym_key(w) for w in text.split()) or bare in SEATS


def _role_words(text: str) -> list[str]:
    """The words of a role, countries for demonyms and one wording for synonyms ("the head of state" ->
    ["president"], "the top US diplomat" -> ["us", "foreign", "minister"])."""
    folded = f" {fold(text)} "
    for phrase, same in sorted(ROLE_SYNONYMS.items(), key=lambda kv: -len(kv[0])):
        folded = folded.replace(f" {phrase} ", f" {same} ")
    for phrase, country in DEMONYMS.items():
        if " " in phrase:
            folded = folded.replace(phrase, country)
    return [DEMONYMS.get(w, w) for w in folded.split() if w not in ROLE_STOP]


def role_key(text: str | None) -> str | None:
    """One key for a role however it is worded: "the Ukrainian president" = "President of Ukraine"."""
    if not text:
        return None
    words = _role_words(text)
    if not any(w in ROLE_NOUNS for w in words) or len(words) < 2:
        return None
    return " ".join(sorted(set(words)))


def role_noun(text: str | None) -> str | None:
    """The role noun of a bare role ("the president" -> "president"); None when the role says more ("the
    Ukrainian president") or is no role."""
    words = [w for w in _role_words(text or "") if w not in ("his", "her", "their", "its")]
    return words[0] if len(words) == 1 and words[0] in ROLE_NOUNS else None
