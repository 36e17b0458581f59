"""Numbers as news text writes them: digits ("1.5 million", "61bn", "12pc"), words ("two hundred and fifty",
"two and a half"), fractions ("half a million", "two-thirds") and vague amounts ("dozens", "several hundred").

Each parser reads the number starting at one token and says where it ends; what the number counts or
measures, and whether it is a quantity at all, is decided in ``quantities.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from sayso.extract.claims.units import Unit
from sayso.extract.claims.words import QuantityTables

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
SUFFIXED = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([a-z]{1,3})\.?$", re.IGNORECASE)
DASHES = {"-", "–", "—"}
FEW = {"few", "several", "many"}
_FRACTION_AFTER = {"by", "than", "about", "nearly", "almost", "roughly", "some", "around", "over", "under"}


@dataclass(slots=True)
class Num:
    """A number read from the tokens: its value (None when vague), where it ends and how it was written."""

    value: float | None
    end: int  # exclusive token index
    kind: str  # digits | words | vague | fraction | article
    unit: Unit | None = None  # a unit written into the number token: "12pc"


def parse_number(doc: Doc, i: int, t: QuantityTables, money: bool = False) -> Num | None:
    """The number starting at token ``i``: digits ("1.5 million", "61bn"), words ("two dozen"), vague ("dozens")."""
    n = len(doc)
    tok = doc[i]
    text, low = tok.text, tok.lower_
    if DIGITS.match(text):
        value, j = float(text.replace(",", "")), i + 1
        kind = "digits"
    elif (m := SUFFIXED.match(text)) and m.group(2).lower() in t.suffix_mult:
        if m.group(2).lower() == "m" and not money and not _counts_follow(doc, i + 1):
            return None
        return Num(float(m.group(1).replace(",", "")) * t.suffix_mult[m.group(2).lower()], i + 1, "digits")
    elif m and m.group(2).lower() in t.units and m.group(2).lower() not in ("m", "mi"):
        return Num(float(m.group(1).replace(",", "")), i + 1, "digits", t.units[m.group(2).lower()])
    elif low in t.small or (low in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in t.mult):
        return _and_a_half(doc, _parse_words(doc, i, t), t)
    elif low in t.vague:
        return _parse_vague(doc, i, t)
    elif low in t.mult and i > 0 and doc[i - 1].lower_ in FEW:
        return _parse_vague(doc, i, t)  # "several hundred", "a few thousand"
    elif low in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in t.a_units:
        return Num(1.0, i + 1, "article")
    elif (low == "half" and _half_is_amount(doc, i, t)) or (
            low in ("a", "an") and i + 2 < n and doc[i + 1].lower_ in t.fractions
                           and (doc[i + 2].lower_ == "of" or (i > 0 and doc[i - 1].lower_ in _FRACTION_AFTER))):
        frac, j = (0.5, i + 1) if low == "half" else (t.fractions[doc[i + 1].lower_], i + 2)
        k = j + 1 if j < n and doc[j].lower_ == "of" else j
        if k + 1 < n and doc[k].lower_ in ("a", "an") and doc[k + 1].lower_ in t.mult and t.mult[doc[k + 1].lower_] >= 1000:
            return Num(frac * t.mult[doc[k + 1].lower_], k + 2, "words")  # "half a million", "a quarter of a million"
        return Num(frac, j, "fraction")
    else:
        return None
    while j < n:
        word = doc[j].lower_
        if word in t.mult:
            value *= t.mult[word]
        elif word.rstrip(".") in t.suffix_mult and doc[j - 1].whitespace_ == "" and (
                money or word.rstrip(".") != "m" or _counts_follow(doc, j + 1)):
            value *= t.suffix_mult[word.rstrip(".")]  # "$25m", "1.2m rounds", "3bn"
        else:
            break
        j += 1
    return _and_a_half(doc, Num(value, j, kind), t)


def _and_a_half(doc: Doc, num: Num | None, t: QuantityTables) -> Num | None:
    """ "two and a half months", "3 and a half years": the half joins the number; a multiplier after it scales
    the whole ("four and a half thousand tents" is 4,500, "1 and a half million" 1,500,000)."""
    if num is None or num.value is None or num.end + 3 > len(doc):
        return num
    if [tok.lower_ for tok in doc[num.end:num.end + 3]] != ["and", "a", "half"]:
        return num
    value, j = num.value + 0.5, num.end + 3
    while j < len(doc) and doc[j].lower_ in t.mult:
        value, j = value * t.mult[doc[j].lower_], j + 1
    return Num(value, j, num.kind, num.unit)


def _counts_follow(doc: Doc, j: int) -> bool:
    """ "1.2m rounds": a plural noun after "m" makes it million, not metre."""
    return j < len(doc) and doc[j].tag_ in ("NNS", "NNPS") or (j < len(doc) and doc[j].lower_ == "people")


def _parse_words(doc: Doc, i: int, t: QuantityTables) -> Num | None:
    """Spelled-out numbers: "twenty-five", "two hundred and fifty", "a million", "two-thirds"."""
    n = len(doc)
    total, current, j, seen = 0.0, 0.0, i, False
    while j < n:
        low = doc[j].lower_
        if low in t.small:
            current += t.small[low]
        elif low in ("a", "an") and not seen and j + 1 < n and doc[j + 1].lower_ in t.mult:
            current = 1
        elif low in t.mult and seen:
            if t.mult[low] >= 1000:
                total += max(current, 1) * t.mult[low]
                current = 0
            else:
                current = max(current, 1) * t.mult[low]
        elif low in DASHES and seen and j + 1 < n and doc[j + 1].lower_ in t.small | t.fractions.keys() \
                and doc[j].whitespace_ == "" and doc[j - 1].whitespace_ == "":
            j += 1
            continue
        elif low == "and" and seen and j + 1 < n and doc[j + 1].lower_ in t.small and doc[j - 1].lower_ == "hundred":
            j += 1
            continue
        elif low in t.fractions and seen and low not in ("half", "halves") and doc[j - 1].lower_ in DASHES:
            return Num((total + current) * t.fractions[low], j + 1, "fraction")
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return Num(total + current, j, "words")


def _parse_vague(doc: Doc, i: int, t: QuantityTables) -> Num | None:
    """ "dozens", "hundreds of thousands", "tens of millions": a vague amount with no value."""
    n = len(doc)
    j = i + 1
    if doc[i].lower_ in t.vague_need_of and not (j < n and doc[j].lower_ == "of"):
        return None
    while j + 1 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in t.vague:
        j += 2
    return Num(None, j, "vague")


def _half_is_amount(doc: Doc, i: int, t: QuantityTables) -> bool:
    """ "half of the homes", "half a year", "about half", not "its eastern half"."""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    prev = doc[i - 1].lower_ if i > 0 else ""
    return nxt in ("of", "a", "an", "the", "that", "their", "its") or prev in t.qual_words
