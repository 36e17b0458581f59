"""Quantities as written in news text: numbers, ranges and vague amounts with qualifier, unit and count noun.

One left-to-right pass over the tokens of a parsed ``Doc``: the number (read by ``numbers.py``), a
range, its unit, currency or counted noun, the qualifier before it and the record. Dates, years, times
of day, phone numbers, ordinals and numbers that are part of a name ("Nord Stream 2", "page 12") are
not quantities and are skipped (``not_quantities.py``); what counts as a *claim* is decided in ``claims.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.attrs import LIKE_NUM, LOWER, ORTH
from spacy.tokens import Doc, Token

from sayso.extract.claims.not_quantities import followed_by_month, not_a_quantity
from sayso.extract.claims.numbers import DASHES, DIGITS, FEW, SUFFIXED, Num, parse_number
from sayso.extract.claims.units import Unit, round_si, to_si
from sayso.extract.claims.words import QuantityTables, tables
from sayso.models import Quantity
from sayso.nlp.pipeline import column, doc_text, lemma_of, string_ids

_RANGE_WORDS = {"to", "-", "–", "—", "or"}
_A_PREPS = {"in", "within", "for", "of", "than", "after", "over", "under", "about", "nearly", "around", "almost"}


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


def extract_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in ``doc`` in text order (dates, times and numbers in names are left out)."""
    return [f.quantity for f in find_quantities(doc)]


def find_quantities(doc: Doc, text: str | None = None) -> list[Found]:
    """Every quantity in ``doc`` with its token positions, in one pass over the tokens.

    ``text`` is ``doc.text`` when the caller already has it (spaCy joins the tokens on every access).
    """
    t = tables()
    text = doc_text(doc) if text is None else text
    found: list[Found] = []
    i, n = 0, len(doc)
    like_num, lowers, forms = column(doc, LIKE_NUM), column(doc, LOWER), column(doc, ORTH)
    opening = _opening_words()
    while i < n:
        if not (like_num[i] or lowers[i] in opening or _opens_amount(forms[i], doc.vocab.strings, t)):
            i += 1
            continue
        hit, skip_to = _match(doc, i, t, text)
        if hit is not None:
            found.append(hit)
            i = hit.last + 1
        else:
            i = max(i + 1, skip_to)
    return found


@functools.lru_cache(maxsize=1)
def _opening_words() -> frozenset[int]:
    """The ids of the lower-case words that can open a quantity: vague amounts, fractions, "a"/"an"."""
    t = tables()
    return string_ids(frozenset(t.vague) | frozenset(t.fractions) | {"a", "an"})


_OPENS: dict[int, bool] = {}  # a word form's id -> whether it is a currency sign or a suffixed number ("5bn")


def _opens_amount(form: int, strings, t: QuantityTables) -> bool:
    opens = _OPENS.get(form)
    if opens is None:
        if len(_OPENS) > 500_000:
            _OPENS.clear()
        text = strings[form]
        opens = _OPENS[form] = text in t.cur_prefix or SUFFIXED.match(text) is not None
    return opens


# ------------------------------------------------------------------ a quantity at one position


def _match(doc: Doc, i: int, t: QuantityTables, text: str) -> tuple[Found | None, int]:
    """The quantity starting at token ``i`` (a currency sign, a number or "a"), or None and where to go on."""
    n = len(doc)
    currency = None
    start = i
    if doc[i].text in t.cur_prefix and i + 1 < n:
        currency = t.cur_prefix[doc[i].text]
        i += 1
    num = parse_number(doc, i, t, money=currency is not None)
    if num is None:
        return None, i + 1
    if num.kind == "vague" and i > 0 and doc[i - 1].lower_ in FEW:
        start = i - 2 if i >= 2 and doc[i - 2].lower_ == "a" else i - 1
    if not_a_quantity(doc, i, num, t, text):
        skip = num.end
        if skip + 1 < n and doc[skip].lower_ in _RANGE_WORDS and DIGITS.match(doc[skip + 1].text):
            skip += 2  # "September 16-19": the whole range is a date
        return None, skip
    num_first, j = i, num.end
    value, value_max, qualifier = num.value, None, None
    if num.kind in ("digits", "words") and value and j + 1 < n and doc[j].lower_ == "in" and currency is None:
        whole = parse_number(doc, j + 1, t)
        if whole is not None and whole.kind in ("digits", "words") and whole.value and whole.value > value:
            num = Num(value / whole.value, whole.end, "fraction")  # "one in five"
            value, j = num.value, num.end
    # a range: "30 to 35,000", "10-15", "between 10 and 15"
    between = start > 0 and doc[start - 1].lower_ == "between"
    if j + 1 < n and num.kind in ("digits", "words") and (
            doc[j].lower_ in _RANGE_WORDS or (between and doc[j].lower_ == "and")):
        nxt_start = j + 1 + (1 if doc[j + 1].text in t.cur_prefix else 0)
        high = parse_number(doc, nxt_start, t, money=currency is not None) if nxt_start < n else None
        if high is not None and doc[j].text in DASHES and high.value is not None and value is not None \
                and high.value <= value:
            return None, high.end  # "voted 89-52": a tally, not a range
        if high is not None and high.kind in ("digits", "words") and high.value is not None and value is not None \
                and _scale_range(value, high.value) < high.value:
            if followed_by_month(doc, high.end, t):
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


def _bound_verb(doc: Doc, start: int, t: QuantityTables) -> str | None:
    """ "the number ... has passed 360,000", "exports topped $2 billion": a verb of passing makes a bare figure
    a bound (``bound_verbs``), outside the span."""
    if start == 0 or not doc[start - 1].tag_.startswith("VB"):
        return None
    verb = doc[start - 1]
    return t.bound_verbs.get(lemma_of(verb.text, verb.tag_))


def _a_dozen(doc: Doc, num_first: int, num_last: int) -> bool:
    """ "a dozen boats" is a round number, like "some"; "two dozen" and "dozens" are handled elsewhere."""
    return num_last == num_first + 1 and doc[num_first].lower_ in ("a", "an") and doc[num_last].lower_ == "dozen"


def _unit_after(doc: Doc, j: int, t: QuantityTables, vague: bool = False) -> tuple[Unit | None, int, bool, bool]:
    """The unit after a number: (unit, next index, hyphenated adjective?, not-a-quantity?)."""
    n = len(doc)
    hyphen = j < n and doc[j].text in DASHES and doc[j].whitespace_ == "" and doc[j - 1].whitespace_ == ""
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
        if hyphen and end + 1 < n and doc[end].text in DASHES and doc[end + 1].lower_ in ("old", "olds"):
            return None, end + 2, False, True
        if end < n and doc[end].lower_ == "old" and unit.si_unit == "day":
            return None, end + 1, False, True  # "37 years old"
        if doc[k].lower_ == "m" and doc[k - 1].whitespace_:
            continue  # "5 m" is too ambiguous; "5m" is five metres
        return unit, end, hyphen, False
    if hyphen and k < n and doc[k].lower_ != "strong":
        return None, k + 1, False, True  # "a 45-year-old", "a seven-member panel", "four-star": describes, not counts
    return None, j, False, False


def _counted_noun(doc: Doc, num_first: int, last: int, kind: str, t: QuantityTables) -> tuple[int | None, int]:
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


def _qualifier_before(doc: Doc, start: int, t: QuantityTables, hyphen_adj: bool) -> tuple[int, str | None]:
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


def _a_change(doc: Doc, start: int, to: int, t: QuantityTables) -> bool:
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
    return _dollar_for_text(doc_text(doc))
