"""The events extractor's language data: events_en.json and events_taxonomy.json, loaded once."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from sayso.extract.caseless import Caseless
from sayso.extract.sides import party_words, side_name  # noqa: F401  (side_name: the events' name of a side)
from sayso.nlp import doc_text  # noqa: F401  (read by the event modules as lx.doc_text)




def _table(name: str) -> dict:
    return json.loads(resources.files("sayso.data").joinpath(name).read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """events_en.json as loaded."""
    return _table("events_en.json")


@functools.lru_cache(maxsize=1)
def taxonomy() -> dict:
    """events_taxonomy.json: ACLED's types and sub-types, CAMEO codes, precision codes."""
    return _table("events_taxonomy.json")


@functools.lru_cache(maxsize=1)
def claim_words() -> dict:
    """The hedges, denial verbs and verification phrases shared with the claims extractor."""
    return _table("claims_en.json")


@dataclass(frozen=True)
class TriggerClass:
    """A class of trigger words with the type and sub-type it reports by default."""

    name: str
    type: str
    subtype: str | None
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[str, ...]
    weak: bool = False


@functools.lru_cache(maxsize=1)
def classes() -> tuple[TriggerClass, ...]:
    out = []
    for name, c in words()["classes"].items():
        out.append(TriggerClass(name, c["type"], c["subtype"], frozenset(c.get("verbs", ())),
                                frozenset(c.get("nouns", ())), tuple(c.get("phrases", ())), bool(c.get("weak"))))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def all_phrases() -> tuple[Caseless, dict[str, tuple[TriggerClass, ...]]]:
    """One pattern for every class's phrases, and the classes of each phrase."""
    by_phrase: dict[str, list[TriggerClass]] = {}
    for cls in classes():
        for phrase in cls.phrases:
            by_phrase.setdefault(phrase.lower(), []).append(cls)
    items = sorted(by_phrase, key=len, reverse=True)
    rx = Caseless(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in items) + r")(?![\w-])")
    return rx, {k: tuple(v) for k, v in by_phrase.items()}


@functools.lru_cache(maxsize=1)
def trigger_prefixes() -> frozenset[str]:
    """The first three letters of every trigger word: a cheap test before lemmatising a token.
    Irregular past forms whose stem differs ("took", "fought") are listed in the verbs as written."""
    words = {w for cls in classes() for w in (*cls.verbs, *cls.nouns)}
    irregular = {"retook": "retake", "fought": "fight", "struck": "strike", "hit": "hit", "shot": "shoot",
                 "took": "take", "fell": "fall", "overran": "overrun", "threw": "throw", "blew": "blow",
                 "sent": "send", "swept": "sweep", "beaten": "beat", "burnt": "burn", "seized": "seize"}
    return frozenset(w[:3] for w in words | set(irregular))


def word_set(key: str) -> frozenset[str]:
    return _word_set(key)


@functools.lru_cache(maxsize=64)
def _word_set(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in words()[key])


@functools.lru_cache(maxsize=64)
def phrase_rx(key: str) -> Caseless:
    """One case-insensitive, word-bounded pattern for every phrase of a word list."""
    return _words_rx(words()[key])


@functools.lru_cache(maxsize=1)
def weapon_patterns() -> tuple[tuple[str, Caseless], ...]:
    """(sub-type, pattern) in the order that settles ties (the more specific weapon first)."""
    w = words()["weapons"]
    kinds = [k for name, k in words()["weapon_kinds"].items() if not name.startswith("_")]
    out = []
    for subtype in words()["weapon_order"]:
        items = w[subtype] + [x for k in kinds if k["subtype"] == subtype for x in k["words"]]
        out.append((subtype, _words_rx(items)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def weapon_kind_patterns() -> tuple[tuple[str, Caseless], ...]:
    """(kind, pattern) for the weapon kinds of ``weapon_kinds`` ("drone", "aircraft", "missile", "artillery")."""
    kinds = words()["weapon_kinds"]
    return tuple((name, _words_rx(k["words"])) for name, k in kinds.items() if not name.startswith("_"))


def weapon_kinds(text: str) -> tuple[str, ...]:
    """The kinds of weapon a passage names, sorted ("Russian glide bombs hit ..." -> ("aircraft",))."""
    return tuple(sorted(name for name, rx in weapon_kind_patterns() if rx.search(text)))


def _words_rx(items: list[str]) -> Caseless:
    """One case-insensitive pattern for the words and phrases, bounded by non-word characters, longest first."""
    items = sorted((x.lower() for x in items), key=len, reverse=True)
    return Caseless(r"(?<![\w-])(?:" + "|".join(re.escape(x) for x in items) + r")(?![\w-])")


def side_words() -> dict[str, str]:
    """A lower-cased word or phrase -> the ISO code of the side it names ("russian" -> "RU"), for the sides
    that can be event parties (the side table of ``sayso.extract.sides``)."""
    return party_words()


@functools.lru_cache(maxsize=1)
def unverified_rx() -> Caseless:
    return Caseless("|".join(claim_words()["verification_patterns"]))


@functools.lru_cache(maxsize=1)
def hedge_rx() -> Caseless:
    items = sorted((h.lower() for h in claim_words()["hedges"]), key=len, reverse=True)
    return Caseless(r"\b(?:" + "|".join(re.escape(h) for h in items) + r"|reports? of|speculation|unconfirmed)\b")


def acled_names(type_: str, subtype: str | None) -> tuple[str, str]:
    """ACLED's event_type and sub_event_type for sayso's snake_case names ('' for an unknown sub-type)."""
    t = taxonomy()["types"][type_]
    return t["acled"], (t["subtypes"][subtype]["acled"] if subtype else "")


def subtypes(type_: str) -> tuple[str, ...]:
    return tuple(taxonomy()["types"][type_]["subtypes"])
