"""What a claim measures across articles: the cluster key of its frame (concept, side, and place where it is local).

The frame is decided at extraction, on the parse (``sayso.extract.claims.frames``); here it only
becomes a key: "troops massed by Russia" is ``troops|RU`` whether the article says "Moscow has
deployed 100,000 soldiers" or "Russia has amassed 130,000 troops"; "the area Ukraine holds in the
Belgorod region" is ``territory_area|UA|belgorod oblast``. A figure without a frame has no key and
is never clustered or compared.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

from sayso.corpus.names import fold
from sayso.models import Analysis, Claim, Frame
from sayso.store.writes import ClaimKey

NO_SIDE = "-"


@dataclass(frozen=True)
class MeasureRules:
    """What the corpus needs to know of a concept: who its side is, whether it is local, its parts."""

    whose: str
    local: bool
    parts: tuple[str, ...]
    complement: tuple[str, ...]
    compare: bool | str = True   # False: never compared; "period": only figures that each state their period


@functools.lru_cache(maxsize=1)
def measure_rules() -> dict[str, MeasureRules]:
    """Per concept of ``data/measures_en.json``: its side role, locality, parts and complementary answers."""
    data = json.loads(resources.files("sayso.data").joinpath("measures_en.json").read_text("utf-8"))
    return {c["name"]: MeasureRules(c["whose"], bool(c.get("local")), tuple(c.get("parts", ())),
                                    tuple(c.get("complement", ())), c.get("compare", True)) for c in data["concepts"]}


@functools.lru_cache(maxsize=1)
def _counted_kinds() -> dict[str, str]:
    """Lemma -> kind of thing counted (``counted_kinds`` of ``data/measures_en.json``)."""
    data = json.loads(resources.files("sayso.data").joinpath("measures_en.json").read_text("utf-8"))
    return {lemma: kind for kind, lemmas in data["counted_kinds"].items() if not kind.startswith("_")
            for lemma in lemmas}


def counted_kind(noun: str | None) -> str | None:
    """What a figure counts ("civilian" -> people, "uav" -> drone; a lemma in no list is its own kind);
    None when it counts anything (no noun, or a generic one: "equipment", a toll)."""
    if not noun:
        return None
    kind = _counted_kinds().get(noun.lower(), noun.lower())
    return None if kind == "generic" else kind


def same_counted(a: str | None, b: str | None) -> bool:
    """Whether two figures with these counted nouns can count the same things (one civilian and about 120
    soldiers cannot; 18 people and at least 16 civilians can)."""
    ka, kb = counted_kind(a), counted_kind(b)
    return ka is None or kb is None or ka == kb


def comparable_key(key: str) -> bool:
    """Whether figures under this measure key may be checked against each other: the side is known and the
    concept is one that is compared (a bare share of nothing named is not)."""
    parts = key.split("@", 1)[0].split("|")
    rules = measure_rules().get(parts[0])
    if rules is not None and not rules.compare:
        return False
    return len(parts) == 1 or parts[1] != NO_SIDE  # a key of one's own making ("kursk_area") compares as it is


def side_of(frame: Frame) -> str | None:
    """The side a frame's figure belongs to; for victims, places and populations, the country it is in."""
    if frame.whose:
        return frame.whose
    rules = measure_rules().get(frame.concept)
    if rules is not None and rules.whose in ("victim", "place", "population"):
        return frame.place_country
    return None


def frame_key(frame: Frame | None) -> str | None:
    """``concept|side`` (``-`` when unknown), with ``|place`` for a local concept."""
    if frame is None:
        return None
    parts = [frame.concept, side_of(frame) or NO_SIDE]
    rules = measure_rules().get(frame.concept)
    if rules is not None and rules.local:
        parts.append(fold(frame.place or "") or NO_SIDE)
    return "|".join(parts)


def claim_key(claim: Claim, analysis: Analysis | None = None) -> ClaimKey:
    """The measure key, side, concept and date of one claim, from its frame."""
    f = claim.frame
    if f is None:
        published = analysis.article.published.isoformat() if analysis and analysis.article.published else None
        return ClaimKey(None, None, None, published)
    return ClaimKey(frame_key(f), side_of(f), f.concept, f.when)


def claim_keys(analysis: Analysis) -> list[ClaimKey]:
    return [claim_key(c, analysis) for c in analysis.claims]
