"""The word tables of the claims extractor, read once: claim words (``claims_en.json``) and quantity words
(``quantities_en.json``) as sets, maps and compiled patterns."""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

from sayso.extract.caseless import Caseless
from sayso.extract.claims.units import language_data, longest_unit_words, unit_table
from sayso.extract.quotes.words import cue_words


@functools.lru_cache(maxsize=1)
def claim_data() -> dict[str, Any]:
    """The claim word tables (``sayso/data/claims_en.json``), read once, sets built."""
    text = resources.files("sayso").joinpath("data", "claims_en.json").read_text(encoding="utf-8")
    data = json.loads(text)
    for key in ("reporting_verbs", "reporting_nouns", "denial_verbs", "vague_sources", "pronouns_person",
                "pronouns_group", "title_nouns", "person_nouns", "put_at_verbs", "one_counts_nouns", "object_not_reporting", "document_nouns",
                "passive_source_verbs", "claim_nouns", "time_window_words", "verification_verbs", "generic_sources",
                "casualty_verbs", "anyone_nouns", "finding_verbs", "loss_verbs", "falsity_words", "describing_verbs",
                "single_claim_nouns"):
        data[key] = frozenset(data[key])
    words = cue_words()
    data["saying"] = words.clause - words.cognition  # the verbs of saying of quotes_en.json, read by both extractors
    data["newsroom_nouns"] = words.newsroom  # the outlet's own staff ("our correspondent"), one table for both
    hedges = sorted(data["hedges"], key=len, reverse=True)
    data["hedge_re"] = Caseless(r"\b(?:" + "|".join(re.escape(h.lower()) for h in hedges) + r")\b")
    data["anonymity_re"] = Caseless("|".join(re.escape(a.lower()) for a in data["anonymity"]))
    data["verify_re"] = Caseless("|".join(f"(?:{p})" for p in data["verification_patterns"]))
    return data


class QuantityTables:
    """The quantity words of ``quantities_en.json``: number words, qualifiers, units, currencies, months."""

    def __init__(self) -> None:
        data = language_data()
        self.small: dict[str, int] = data["small_numbers"]
        self.mult: dict[str, int] = data["multipliers"]
        self.suffix_mult: dict[str, int] = data["suffix_multipliers"]
        self.fractions: dict[str, float] = data["fractions"]
        self.vague: dict[str, int] = data["vague"]
        self.vague_need_of = set(data["vague_need_of"])
        self.qualifiers: dict[tuple[str, ...], str] = {}
        for qual, phrases in data["qualifiers"].items():
            for phrase in phrases:
                self.qualifiers[tuple(phrase.split())] = qual
        self.qual_len = max(len(k) for k in self.qualifiers)
        self.qual_words = {k[-1] for k in self.qualifiers}
        self.qual_not_after = {k: set(v) for k, v in data["qualifier_not_after"].items() if not k.startswith("_")}
        self.label_nouns = set(data["label_nouns"]["words"])
        self.clock_after = set(data["clock_words"]["after"])
        self.day_parts = set(data["day_parts"])
        self.bound_verbs = {verb: qual for qual, verbs in data["bound_verbs"].items() if not qual.startswith("_")
                            for verb in verbs}
        self.as_as = set(data["as_as_words"])
        self.as_as_qual = data["as_as_qualifier"]
        self.units = unit_table()
        self.unit_len = longest_unit_words()
        self.not_claim_units = set(data["not_claim_units"])
        self.cur_prefix: dict[str, str] = data["currency_prefixes"]
        self.cur_words: dict[str, str] = data["currency_words"]
        self.dollar_countries = {k: v for k, v in data["dollar_countries"].items() if not k.startswith("_")}
        self.per_nouns = set(data["per_nouns"])
        self.months = set(data["months"])
        self.name_prefix = set(data["name_prefix_words"])
        self.change_verbs = frozenset(data["change_verbs"])
        self.a_units = {f for f, u in self.units.items() if u.si_unit in ("day", "km", "km2") and " " not in f
                        and f not in ("second", "m", "mi", "km", "ft")}


@functools.lru_cache(maxsize=1)
def tables() -> QuantityTables:
    """The quantity tables, built once."""
    return QuantityTables()
