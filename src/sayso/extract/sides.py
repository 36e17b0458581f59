"""The sides of a conflict, one table (``data/sides_en.json``) read by the claim frames and the events.

A side is an ISO country code (or an alliance: ``NATO``, ``EU``). The words that name it are the country
table's names and demonyms (``data/places_countries.tsv``) and the words of ``sides_en.json`` (capitals,
institutions, abbreviations); a side with a ``name`` ("Russian forces") can also be an event's actor or target.
"""

from __future__ import annotations

import functools
import json
from importlib import resources


@functools.lru_cache(maxsize=1)
def sides() -> dict[str, dict]:
    """``sides_en.json``'s sides by code: {"RU": {"name": "Russian forces", "words": [...]}, "NATO": {"words": [...]}}."""
    return json.loads(resources.files("sayso.data").joinpath("sides_en.json").read_text("utf-8"))["sides"]


@functools.lru_cache(maxsize=1)
def side_words() -> dict[str, str]:
    """Every lower-case word that names a side -> its code ("russian" -> "RU", "nato" -> "NATO"): the country
    table's demonyms, names and short forms (with an "s" plural: "Ukrainians"), then the words of the side
    table, which win."""
    text = resources.files("sayso.data").joinpath("places_countries.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 5:
            continue
        code = cols[0]
        for word in cols[3].split("/") + cols[4].split("|"):
            word = word.strip().lower()
            if word and word not in out:
                out[word] = code
                out.setdefault(word + "s", code)  # "Ukrainians", "Russians"
    out.update({word: code for code, side in sides().items() for word in side["words"]})
    return out


@functools.lru_cache(maxsize=1)
def party_words() -> dict[str, str]:
    """The words of the sides that can be event parties (those with a ``name``) -> their code."""
    return {word: code for code, side in sides().items() if "name" in side for word in side["words"]}


def side_name(code: str | None) -> str | None:
    """A side's forces as an event party ("RU" -> "Russian forces"); None for a side that is no party."""
    return sides().get(code, {}).get("name") if code else None
