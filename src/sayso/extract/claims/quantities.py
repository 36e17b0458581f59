"""Quantities as written in news text: numbers, ranges and vague amounts with qualifier, unit and count noun.

One left-to-right pass over the tokens of a parsed ``Doc``. Dates, years, times of day, phone
numbers, ordinals and numbers that are part of a name ("Nord Stream 2", "page 12") are not
quantities and are skipped here; what counts as a *claim* is decided in ``claims.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sayso.extract.claims.units import Unit, language_data, longest_unit_words, round_si, to_si, unit_table
from sayso.models import Quantity
from sayso.nlp.pipeline import lemma_of

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([a-z]{1,3})\.?$", re.IGNORECASE)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
_DASHES = {"-", "–", "—"}
_RANGE_WORDS = {"to", "-", "–", "—", "or"}
_A_PREPS = {"in", "within", "for", "of", "than", "after", "over", "under", "about", "nearly", "around", "almost"}
_FEW = {"few", "several", "many"}
_FRACTION_AFTER = {"by", "than", "about", "nearly", "almost", "roughly", "some", "around", "over", "under"}
_NAME_ENTS = {"ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC"}


@dataclass(slots=True)
class Found:
    """A quantity with the token positions the claim rules need."""

    quantity: Quantity
    first: int  # first token of the span (qualifier included)
    last: int  # last token of the span, inclusive
    num_first: int  # first token of the number itself
    num_last: int  # last token of the number itself
    kind: str  # count | measure | money | percent | fraction | vague
    counted: int | None = None  # token index of the counted noun
    hyphen_adj: bool = False  # "a 48-hour deadline"


@dataclass(slots=True)
class _Num:
    value: float | None
    end: int  # exclusive token index
    kind: str  # digits | words | vague | fraction | article
    unit: Unit | None = None  # a unit written into the number token: "12pc"


class _Tables:
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
def tables() -> _Tables:
    return _Tables()


def extract_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in ``doc`` in text order (dates, times and numbers in names are left out)."""
    return [f.quantity for f in find_quantities(doc)]


def find_quantities(doc: Doc, text: str | None = None) -> list[Found]:
    """Every quantity in ``doc`` with its token positions, in one pass over the tokens.

    ``text`` is ``doc.text`` when the caller already has it (spaCy joins the tokens on every access).
    """
    t = tables()
    text = doc.text if text is None else text
    found: list[Found] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        low = tok.lower_
        if not (tok.like_num or low in t.vague or low in t.fractions or low in ("a", "an")
                or tok.text in t.cur_prefix or _SUFFIXED.match(tok.text)):
            i += 1
            continue
        hit, skip_to = _match(doc, i, t, text)
        if hit is not None:
            found.append(hit)
            i = hit.last + 1
        else:
            i = max(i + 1, skip_to)
    return found


# ------------------------------------------------------------------ numbers


def _parse_number(doc: Doc, i: int, t: _Tables, money: bool = False) -> _Num | None:
    """The number starting at token ``i``: digits ("1.5 million", "61bn"), words ("two dozen"), vague ("dozens")."""
    n = len(doc)
    tok = doc[i]
    text, low = tok.text, tok.lower_
    if _DIGITS.match(text):
        value, j = float(text.replace(",", "")), i + 1
        kind = "digits"
    elif (m := _SUFFIXED.match(text)) and m.group(2).lower() in t.suffix_mult:
        if m.group(2).lower() == "m" and not money and not _counts_follow(doc, i + 1):
            return None
        return _Num(float(m.group(1).replace(",", "")) * t.suffix_mult[m.group(2).lower()], i + 1, "digits")
    elif m and m.group(2).lower() in t.units and m.group(2).lower() not in ("m", "mi"):
        return _Num(float(m.group(1).replace(",", "")), i + 1, "digits", t.units[m.group(2).lower()])
    elif low in t.small or (low in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in t.mult):
        return _and_a_half(doc, _parse_words(doc, i, t))
    elif low in t.vague:
        return _parse_vague(doc, i, t)
    elif low in t.mult and i > 0 and doc[i - 1].lower_ in _FEW:
        return _parse_vague(doc, i, t)  # "several hundred", "a few thousand"
    elif low in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in t.a_units:
        return _Num(1.0, i + 1, "article")
    elif (low == "half" and _half_is_amount(doc, i, t)) or (
            low in ("a", "an") and i + 2 < n and doc[i + 1].lower_ in t.fractions
                           and (doc[i + 2].lower_ == "of" or (i > 0 and doc[i - 1].lower_ in _FRACTION_AFTER))):
        frac, j = (0.5, i + 1) if low == "half" else (t.fractions[doc[i + 1].lower_], i + 2)
        k = j + 1 if j < n and doc[j].lower_ == "of" else j
        if k + 1 < n and doc[k].lower_ in ("a", "an") and doc[k + 1].lower_ in t.mult and t.mult[doc[k + 1].lower_] >= 1000:
            return _Num(frac * t.mult[doc[k + 1].lower_], k + 2, "words")  # "half a million", "a quarter of a million"
        return _Num(frac, j, "fraction")
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
    return _and_a_half(doc, _Num(value, j, kind))


def _and_a_half(doc: Doc, num: _Num | None) -> _Num | None:
    """ "two and a half months", "3 and a half years": the half joins the number."""
    if num is None or num.value is None or num.end + 3 > len(doc):
        return num
    if [tok.lower_ for tok in doc[num.end:num.end + 3]] == ["and", "a", "half"]:
        return _Num(num.value + 0.5, num.end + 3, num.kind, num.unit)
    return num


def _counts_follow(doc: Doc, j: int) -> bool:
    """ "1.2m rounds": a plural noun after "m" makes it million, not metre."""
    return j < len(doc) and doc[j].tag_ in ("NNS", "NNPS") or (j < len(doc) and doc[j].lower_ == "people")


def _parse_words(doc: Doc, i: int, t: _Tables) -> _Num | None:
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
        elif low in _DASHES and seen and j + 1 < n and doc[j + 1].lower_ in t.small | t.fractions.keys() \
                and doc[j].whitespace_ == "" and doc[j - 1].whitespace_ == "":
            j += 1
            continue
        elif low == "and" and seen and j + 1 < n and doc[j + 1].lower_ in t.small and doc[j - 1].lower_ == "hundred":
            j += 1
            continue
        elif low in t.fractions and seen and low not in ("half", "halves") and doc[j - 1].lower_ in _DASHES:
            return _Num((total + current) * t.fractions[low], j + 1, "fraction")
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return _Num(total + current, j, "words")


def _parse_vague(doc: Doc, i: int, t: _Tables) -> _Num | None:
    """ "dozens", "hundreds of thousands", "tens of millions": a vague amount with no value."""
    n = len(doc)
    j = i + 1
    if doc[i].lower_ in t.vague_need_of and not (j < n and doc[j].lower_ == "of"):
        return None
    while j + 1 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in t.vague:
        j += 2
    return _Num(None, j, "vague")


# ------------------------------------------------------------------ a quantity at one position


def _match(doc: Doc, i: int, t: _Tables, text: str) -> tuple[Found | None, int]:
    """The quantity starting at token ``i`` (a currency sign, a number or "a"), or None and where to go on."""
    n = len(doc)
    currency = None
    start = i
    if doc[i].text in t.cur_prefix and i + 1 < n:
        currency = t.cur_prefix[doc[i].text]
        i += 1
    num = _parse_number(doc, i, t, money=currency is not None)
    if num is None:
        return None, i + 1
    if num.kind == "vague" and i > 0 and doc[i - 1].lower_ in _FEW:
        start = i - 2 if i >= 2 and doc[i - 2].lower_ == "a" else i - 1
    if _not_a_quantity(doc, i, num, t, text):
        skip = num.end
        if skip + 1 < n and doc[skip].lower_ in _RANGE_WORDS and _DIGITS.match(doc[skip + 1].text):
            skip += 2  # "September 16-19": the whole range is a date
        return None, skip
    num_first, j = i, num.end
    value, value_max, qualifier = num.value, None, None
    if num.kind in ("digits", "words") and value and j + 1 < n and doc[j].lower_ == "in" and currency is None:
        whole = _parse_number(doc, j + 1, t)
        if whole is not None and whole.kind in ("digits", "words") and whole.value and whole.value > value:
            num = _Num(value / whole.value, whole.end, "fraction")  # "one in five"
            value, j = num.value, num.end
    # a range: "30 to 35,000", "10-15", "between 10 and 15"
    between = start > 0 and doc[start - 1].lower_ == "between"
    if j + 1 < n and num.kind in ("digits", "words") and (
            doc[j].lower_ in _RANGE_WORDS or (between and doc[j].lower_ == "and")):
        nxt_start = j + 1 + (1 if doc[j + 1].text in t.cur_prefix else 0)
        high = _parse_number(doc, nxt_start, t, money=currency is not None) if nxt_start < n else None
        if high is not None and doc[j].text in _DASHES and high.value is not None and value is not None \
                and high.value <= value:
            return None, high.end  # "voted 89-52": a tally, not a range
        if high is not None and high.kind in ("digits", "words") and high.value is not None and value is not None \
                and _scale_range(value, high.value) < high.value:
            if _followed_by_month(doc, high.end, t):
                return None, high.end
            if not _a_change(doc, start, j, t):
                value, value_max = _scale_range(value, high.value), high.value
                qualifier, j = "range", high.end
                if between:
                    start -= 1
    num_last = j - 1
    # the unit, currency word or counted noun
    if num.unit is not None:
        unit, hyphen_adj, stop = num.unit, False, False
    else:
        unit, j, hyphen_adj, stop = _unit_after(doc, j, t, vague=num.kind == "vague")
    if stop:
        return None, j
    kind = "count"
    if unit is not None:
        kind = "percent" if unit.si_unit == "percent" else "measure"
    elif j < n and doc[j].lower_ in t.cur_words and currency is None:
        currency, j = t.cur_words[doc[j].lower_], j + 1
    if currency is not None:
        kind = "money"
        if currency == "USD" and doc[start].text == "$":
            currency = _dollar_for_text(text)
    elif num.kind == "fraction" and unit is None:
        kind = "fraction"
    elif num.kind == "vague" and unit is None:
        kind = "vague"
    if num.kind == "article" and unit is None:
        return None, j
    per = None
    if kind == "money" and j + 1 < n and doc[j].lower_ in ("a", "an", "per") and doc[j + 1].lower_ in t.per_nouns:
        per, j = doc[j + 1].lower_, j + 2
    last = j - 1
    counted = None
    if kind in ("count", "vague", "percent", "fraction"):
        counted, span_last = _counted_noun(doc, num_first, last, kind, t)
        if kind in ("count", "vague"):
            last = max(last, span_last)
    first, qual = _qualifier_before(doc, start, t, hyphen_adj)
    if qual and num.kind == "vague" and qual != "approx":
        qual = None
        first = start
    qualifier = qualifier or qual or (_bound_verb(doc, start, t) if counted is None else None) \
        or ("approx" if num.kind == "vague" or _a_dozen(doc, num_first, num_last) else "exact")
    if num.kind == "article" and not qual and (num_first == 0 or doc[num_first - 1].lower_ not in _A_PREPS):
        return None, j
    quantity = _build(doc, text, first, last, value, value_max, qualifier, unit, kind, currency, per, counted)
    return Found(quantity, first, last, num_first, num_last, kind, counted, hyphen_adj), j


def _bound_verb(doc: Doc, start: int, t: _Tables) -> str | None:
    """ "the number ... has passed 360,000", "exports topped $2 billion": a verb of passing makes a bare figure
    a bound (``bound_verbs``), outside the span."""
    if start == 0 or not doc[start - 1].tag_.startswith("VB"):
        return None
    verb = doc[start - 1]
    return t.bound_verbs.get(lemma_of(verb.text, verb.tag_))


def _a_dozen(doc: Doc, num_first: int, num_last: int) -> bool:
    """ "a dozen boats" is a round number, like "some"; "two dozen" and "dozens" are handled elsewhere."""
    return num_last == num_first + 1 and doc[num_first].lower_ in ("a", "an") and doc[num_last].lower_ == "dozen"


def _half_is_amount(doc: Doc, i: int, t: _Tables) -> bool:
    """ "half of the homes", "half a year", "about half", not "its eastern half"."""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    prev = doc[i - 1].lower_ if i > 0 else ""
    return nxt in ("of", "a", "an", "the", "that", "their", "its") or prev in t.qual_words


def _unit_after(doc: Doc, j: int, t: _Tables, vague: bool = False) -> tuple[Unit | None, int, bool, bool]:
    """The unit after a number: (unit, next index, hyphenated adjective?, not-a-quantity?)."""
    n = len(doc)
    hyphen = j < n and doc[j].text in _DASHES and doc[j].whitespace_ == "" and doc[j - 1].whitespace_ == ""
    k = j + 1 if hyphen else j
    if k < n and doc[k].lower_ in t.not_claim_units:
        return None, k + 1, False, True
    if k + 1 < n and doc[k].lower_ == "local" and doc[k + 1].lower_ == "time":
        return None, k + 2, False, True  # "at 2300 local time"
    if k + 1 < n and doc[k].lower_ in ("a", "an") and doc[k - 1].lower_ == "half":
        k += 1  # "half a year"
    elif vague and k + 1 < n and doc[k].lower_ == "of" and doc[k + 1].lower_ in t.units:
        k += 1  # "thousands of kilometres"
    for size in range(min(t.unit_len, n - k), 0, -1):
        words = " ".join(_bare(doc[x].lower_) for x in range(k, k + size))
        unit = t.units.get(words)
        if unit is None:
            continue
        end = k + size
        if hyphen and end + 1 < n and doc[end].text in _DASHES and doc[end + 1].lower_ in ("old", "olds"):
            return None, end + 2, False, True
        if end < n and doc[end].lower_ == "old" and unit.si_unit == "day":
            return None, end + 1, False, True  # "37 years old"
        if doc[k].lower_ == "m" and doc[k - 1].whitespace_:
            continue  # "5 m" is too ambiguous; "5m" is five metres
        return unit, end, hyphen, False
    if hyphen and k < n and doc[k].lower_ != "strong":
        return None, k + 1, False, True  # "a 45-year-old", "a seven-member panel", "four-star": describes, not counts
    return None, j, False, False


def _counted_noun(doc: Doc, num_first: int, last: int, kind: str, t: _Tables) -> tuple[int | None, int]:
    """The noun being counted ("28 settlements", "dozens of villages") and the last token to include."""
    n = len(doc)
    anchor = doc[last]
    after = last + 1
    if kind in ("vague", "percent", "fraction") or (after < n and doc[after].lower_ == "of"):
        if after < n and doc[after].lower_ == "of":
            for child in doc[after].children:
                if child.dep_ == "pobj" and child.tag_ in ("NNS", "NN", "NNPS") and child.i - after <= 5:
                    if any(tok.is_quote for tok in doc[after + 1:child.i]):
                        break  # 'dozens of "the invaders"': a quotation, not the reporter's counted noun
                    return child.i, (child.i if kind == "vague" else last)
        return None, last
    # the number's own head, or for a range ("15-20 fuel tankers") the low end's, which the parser often prefers
    for num in (anchor, doc[num_first]):
        head = num.head
        if num.dep_ in ("nummod", "quantmod", "compound", "amod") and head.i > last and head.i - last <= 5 \
                and head.tag_ in ("NNS", "NN", "NNPS") and head.lower_ not in t.months:
            gap = doc[after:head.i]
            if all(tok.dep_ in ("amod", "compound", "cc", "conj", "nmod", "advmod", "nummod", "punct")
                   and tok.text not in (",", "(", ")", ";", ":") for tok in gap):
                return head.i, head.i
    return None, last


def _qualifier_before(doc: Doc, start: int, t: _Tables, hyphen_adj: bool) -> tuple[int, str | None]:
    """The qualifier words just before ``start`` ("nearly", "at least", "as deep as"), if any."""
    s = start
    if hyphen_adj and s > 0 and doc[s - 1].lower_ in ("a", "an"):
        s -= 1
    for size in range(min(t.qual_len, s), 0, -1):
        words = tuple(doc[x].lower_ for x in range(s - size, s))
        qual = t.qualifiers.get(words)
        if qual is None:
            continue
        before = doc[s - size - 1].lower_ if s - size - 1 >= 0 else ""
        if before in t.qual_not_after.get(" ".join(words), ()):
            continue
        return s - size, qual
    if s >= 3 and doc[s - 3].lower_ == "as" and doc[s - 1].lower_ == "as" and doc[s - 2].lower_ in t.as_as:
        return s - 3, t.as_as_qual
    return start, None


# ------------------------------------------------------------------ what is not a quantity


def _not_a_quantity(doc: Doc, i: int, num: _Num, t: _Tables, text: str) -> bool:
    """Dates, years, clock times, ordinals, phone numbers and numbers inside names."""
    tok = doc[i]
    word = tok.text
    if _ORDINAL.match(word) or _CLOCK.match(word) or (len(word) == 4 and word[0] == "0" and word.isdigit()):
        return True  # "0930 GMT" is a time
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and _is_month(prev, t):
        return True
    if _followed_by_month(doc, num.end, t):
        return True
    if num.kind == "digits" and re.fullmatch(r"\d{4}", word) and 1800 <= int(word) <= 2100 and num.end == i + 1:
        return not _counts_something(doc, i)
    if prev is not None and prev.text in _DASHES and i >= 2 and re.fullmatch(r"(1[89]|20)\d\d", doc[i - 2].text):
        return True  # "2019-20"
    if prev is not None and (prev.lower_ in t.name_prefix or prev.text in ("#", "No.")):
        return True
    if prev is not None and (prev.lower_ in t.label_nouns or (prev.text == "." and i >= 2 and doc[i - 2].lower_ == "no")) \
            and num.kind == "digits":
        return True  # "paragraphs 5-7", "their No. 9": a label
    if prev is not None and prev.lower_ == "at" and _clock_time(doc, i, num, t):
        return True
    if prev is not None and prev.tag_ in ("NNP", "NNPS") and prev.text[:1].isupper() and prev.ent_type_ not in (
            "DATE", "GPE", "NORP", "PERSON", "CARDINAL") and not prev.is_sent_start:
        return True  # "Nord Stream 2", "S&P 500", "Article Five"
    if tok.ent_type_ in _NAME_ENTS and num.kind in ("digits", "words") and not tok.ent_iob_ == "B":
        return True  # "the 82nd Airborne": a number inside (not leading) a name
    nxt = doc[num.end] if num.end < len(doc) else None
    if nxt is not None and nxt.lower_ in ("st", "nd", "rd", "th"):
        return True  # "the 23 rd renewal"
    if num.kind == "digits" and nxt is not None and nxt.tag_ == "NNP" and nxt.ent_type_ not in ("GPE", "NORP") \
            and tok.head.tag_ == "NNP" and tok.head.i >= nxt.i and nxt.text[:1].isupper():
        return True  # "2231 Royal", "8024 Turtle Creek Cir.": an address, not a count
    if num.kind == "digits" and _phone_like(doc, i, text):
        return True
    if num.kind == "digits" and tok.is_sent_start and num.end < len(doc) and doc[num.end].text in (".", ")") \
            and doc[num.end].whitespace_ and "." not in word:
        return True  # a list marker: "1. Five killed ..."
    return False


def _clock_time(doc: Doc, i: int, num: _Num, t: _Tables) -> bool:
    """ "at four in the morning", "every evening at seven", "at 6 p.m.": a time of day, not a count."""
    if num.value is None or not 1 <= num.value <= 12 or num.value != int(num.value):
        return False
    after = [tok.lower_ for tok in doc[num.end:num.end + 3]]
    if after[:1] and after[0] in t.clock_after:
        return True
    if len(after) >= 3 and after[0] == "in" and after[1] == "the" and after[2] in t.day_parts:
        return True
    before = {tok.lower_ for tok in doc[max(0, i - 4):i - 1]}
    return bool(before & t.day_parts) and not (after[:1] and doc[num.end].pos_ in ("NOUN", "PROPN"))


def _is_month(tok: Token, t: _Tables) -> bool:
    return tok.lower_ in t.months and tok.text[:1].isupper()


def _followed_by_month(doc: Doc, j: int, t: _Tables) -> bool:
    if j < len(doc) and _is_month(doc[j], t):
        return True
    return j + 1 < len(doc) and doc[j].lower_ == "of" and _is_month(doc[j + 1], t)


def _counts_something(doc: Doc, i: int) -> bool:
    """A four-digit number that counts ("1900 troops") rather than names a year."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    prev = doc[i - 1].lower_ if i > 0 else ""
    if prev in ("in", "since", "of", "by", "until", "the", "from", "before", "after", "during", "through", "year"):
        return False
    return nxt is not None and nxt.tag_ == "NNS" and doc[i].head.i == nxt.i


def _phone_like(doc: Doc, i: int, text: str) -> bool:
    """Digit groups joined by spaces, dots or dashes with seven or more digits: a phone number."""
    start = doc[i].idx
    lo = max(0, start - 20)
    window = text[lo:start + 30]
    for m in re.finditer(r"\+?\(?\d[\d\s().-]{5,}\d", window):
        span = m.group(0)
        if not (m.start() + lo <= start < m.end() + lo):
            continue
        groups = re.findall(r"\d+", span)
        if sum(len(g) for g in groups) >= 7 and len(groups) >= 2 and not re.search(r"\d,\d{3}", span) \
                and (len(groups) >= 3 or min(len(g) for g in groups) >= 3):
            return True
    return False


# ------------------------------------------------------------------ the record


def _build(doc: Doc, text: str, first: int, last: int, value, value_max, qualifier, unit: Unit | None, kind: str,
           currency: str | None, per: str | None, counted: int | None) -> Quantity:
    start = doc[first].idx
    end_tok = doc[last]
    end = end_tok.idx + len(end_tok.text)
    if _bare(end_tok.lower_) != end_tok.lower_ and end_tok.lower_ not in tables().units:
        end -= 1  # "$25m." at the end of a sentence
    value, value_max = _clean(value), _clean(value_max)  # 65.4 * 1e9 -> 65400000000.0, not ...00001
    counted_text = doc[counted].text if counted is not None else None
    counted_lemma = _singular(doc[counted]) if counted is not None else None
    if kind == "money":
        name = currency if per is None else f"{currency} per {per}"
        return Quantity(start, end, text[start:end], value, name, value, name, qualifier, value_max,
                        counted_text, currency)
    if unit is not None:
        si = to_si(value, unit)
        return Quantity(start, end, text[start:end], value, unit.name, si, unit.si_unit, qualifier, value_max,
                        counted_text)
    if kind == "fraction":
        si = round_si(value * 100) if value is not None else None
        return Quantity(start, end, text[start:end], value, "fraction", si, "percent", qualifier, value_max,
                        counted_text)
    return Quantity(start, end, text[start:end], value, counted_lemma, value, "count", qualifier, value_max,
                    counted_text)


def _bare(word: str) -> str:
    """ "h." at a sentence end is "h"; "a.m." and "c." stay as they are."""
    return word[:-1] if word.endswith(".") and len(word) > 1 and "." not in word[:-1] else word


def _clean(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.12g}")


def _singular(tok: Token) -> str:
    if tok.tag_ in ("NNS", "NNPS"):
        return lemma_of(tok.text, tok.tag_) if tok.tag_ == "NNS" else tok.text.rstrip("s")
    return tok.lower_


def _a_change(doc: Doc, start: int, to: int, t: _Tables) -> bool:
    """ "exports fell from 900 to 350 tonnes": "from X to Y" on a verb of change is two figures, not a range
    ("temperatures range from 10 to 15 degrees" is one)."""
    if doc[to].lower_ != "to" or start == 0 or doc[start - 1].lower_ != "from":
        return False
    verb = doc[start - 1].head
    return verb.tag_.startswith("VB") and lemma_of(verb.text, verb.tag_) in t.change_verbs


def _scale_range(low: float, high: float) -> float:
    """ "30 to 35,000" means 30,000 to 35,000: give the low end the high end's magnitude."""
    if low >= high or low <= 0:
        return low
    for mult in (1_000_000_000, 1_000_000, 1000):
        if high >= mult and low * mult <= high and low * mult * 10 > high and low < high / 100:
            return low * mult
    return low


@functools.lru_cache(maxsize=1)
def _dollar_patterns() -> dict[str, re.Pattern]:
    return {code: re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
            for code, names in tables().dollar_countries.items()}


@functools.lru_cache(maxsize=8)
def _dollar_for_text(text: str) -> str:
    counts = {code: len(pattern.findall(text)) for code, pattern in _dollar_patterns().items()}
    best = max(counts, key=lambda code: (counts[code], code == "USD"))
    return best if counts[best] > counts.get("USD", 0) else "USD"


def dollar_of(doc: Doc) -> str:
    """Which dollar a bare "$" means in this article: the currency of the country named most (USD on ties)."""
    return _dollar_for_text(doc.text)
