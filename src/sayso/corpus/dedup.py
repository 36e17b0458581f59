"""Near-duplicates and wire copies: word-shingle MinHash with LSH bands, checked by shingle overlap.

An article joins the group of the most similar stored article when their similarity reaches the
threshold; otherwise it starts a group of its own. A group's origin is its earliest article, so one
wire story republished by ten outlets counts as one source.
"""

from __future__ import annotations

import hashlib
import logging
import random
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

log = logging.getLogger(__name__)

SHINGLE_WORDS = 3
BINS = 64           # MinHash: 64 hash functions, the signature stored with the article to estimate similarity
BAND_BINS = 30      # LSH over the first 30 bins: 10 bands of 3. A pair is a candidate with probability
ROWS = 3            # 1-(1-J^3)^10: 0.99 at Jaccard 0.7 (wire copies), 0.74 at 0.5, 0.01 at 0.1 (other stories)
GREY = 0.2          # estimates this close to the threshold are checked on the texts' shingles
MIN_COMMON_BINS = 16
_MASK63 = (1 << 63) - 1
_SEEDED = random.Random(20240812)   # fixed: signatures in a store must stay comparable across runs
_MULT = np.array([_SEEDED.getrandbits(64) | 1 for _ in range(BINS)], dtype=np.uint64)
_ADD = np.array([_SEEDED.getrandbits(64) for _ in range(BINS)], dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """Hashes of the overlapping ``size``-word runs of ``text`` (lowercased; punctuation ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {_h64(" ".join(words).encode())} if words else set()
    return {_h64(" ".join(words[i:i + size]).encode()) for i in range(len(words) - size + 1)}


def signature(hashes: set[int]) -> list[int | None]:
    """MinHash: for each of ``BINS`` multiply-shift hash functions, the smallest value over the shingles."""
    if not hashes:
        return [None] * BINS
    x = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    with np.errstate(over="ignore"):
        mins = (x[:, None] * _MULT[None, :] + _ADD[None, :]).min(axis=0) >> np.uint64(1)
    return [int(v) for v in mins]


def bands(sig: Sequence[int | None]) -> list[int]:
    """LSH band hashes (63-bit, so they fit a signed BIGINT); bands with an empty bin are left out."""
    out = []
    for i in range(0, min(len(sig), BAND_BINS), ROWS):
        part = sig[i:i + ROWS]
        if any(v is None for v in part):
            continue
        out.append(_h64(f"{i}:{':'.join(map(str, part))}".encode()) & _MASK63)
    return out


def encode(sig: Sequence[int | None]) -> str:
    """A signature as text for the store: hex numbers, '-' for an empty bin."""
    return ",".join("-" if v is None else format(v, "x") for v in sig)


def decode(text: str | None) -> list[int | None] | None:
    """A stored signature; None when there is none, or when it is unreadable (logged: the text decides)."""
    if not text:
        return None
    try:
        return [None if v == "-" else int(v, 16) for v in str(text).split(",")]
    except ValueError:
        log.warning("unreadable stored MinHash signature %.40r; comparing the texts instead", text)
        return None


def estimate(a: Sequence[int | None], b: Sequence[int | None]) -> float | None:
    """Jaccard estimated from two signatures (share of equal bins); None when too few bins are filled."""
    both = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    if len(both) < MIN_COMMON_BINS:
        return None
    return sum(x == y for x, y in both) / len(both)


def similarity(a: set[int], b: set[int]) -> float:
    """Jaccard of two shingle sets; a short copy wholly inside a longer one also scores high."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    jaccard = inter / len(a | b)
    small, large = sorted((len(a), len(b)))
    containment = inter / small if small >= 0.4 * large else 0.0
    return max(jaccard, 0.9 * containment)


@dataclass(frozen=True)
class Placement:
    """Where a new article goes: the group it joins (None: a new group), how similar, and its bands."""

    group_pk: int | None
    score: float | None
    bands: tuple[int, ...]
    signature: str = ""


class WireGrouper:
    """Places new articles into wire-copy groups using candidates the store finds by shared bands.

    ``candidates(bands)`` gives stored articles as dicts with ``pk``, ``group_pk`` and ``minhash`` (the
    encoded signature); ``text_of(pk)`` gives a candidate's text, read only when the signature
    estimate is too close to the threshold to trust (or missing).
    """

    def __init__(self, candidates: Callable[[Sequence[int]], list[dict[str, Any]]],
                 text_of: Callable[[int], str], threshold: float = 0.5) -> None:
        self.candidates = candidates
        self.text_of = text_of
        self.threshold = threshold

    def place(self, text: str) -> Placement:
        own = shingles(text)
        sig = signature(own)
        own_bands = tuple(bands(sig))
        best: tuple[float, int] | None = None
        for cand in self.candidates(own_bands):
            other = decode(cand.get("minhash"))
            score = estimate(sig, other) if other else None
            if score is None or abs(score - self.threshold) < GREY:
                score = similarity(own, shingles(self.text_of(cand["pk"])))
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, cand["group_pk"] or cand["pk"])
        if best is None:
            return Placement(None, None, own_bands, encode(sig))
        return Placement(best[1], round(best[0], 3), own_bands, encode(sig))
