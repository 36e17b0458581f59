"""What looks like a number but is no quantity: dates, years, clock times, ordinals, phone numbers, list
markers, labels ("paragraph 5"), addresses and numbers inside names ("Nord Stream 2", "the 82nd Airborne")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from sayso.extract.claims.numbers import DASHES, Num
from sayso.extract.claims.words import QuantityTables

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
_NAME_ENTS = {"ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC"}


def not_a_quantity(doc: Doc, i: int, num: Num, t: QuantityTables, text: str) -> bool:
    """Dates, years, clock times, ordinals, phone numbers and numbers inside names."""
    tok = doc[i]
    word = tok.text
    if _ORDINAL.match(word) or _CLOCK.match(word) or (len(word) == 4 and word[0] == "0" and word.isdigit()):
        return True  # "0930 GMT" is a time
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and _is_month(prev, t):
        return True
    if followed_by_month(doc, num.end, t):
        return True
    if num.kind == "digits" and re.fullmatch(r"\d{4}", word) and 1800 <= int(word) <= 2100 and num.end == i + 1:
        return not _counts_something(doc, i)
    if prev is not None and prev.text in DASHES and i >= 2 and re.fullmatch(r"(1[89]|20)\d\d", doc[i - 2].text):
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


def _clock_time(doc: Doc, i: int, num: Num, t: QuantityTables) -> bool:
    """ "at four in the morning", "every evening at seven", "at 6 p.m.": a time of day, not a count."""
    if num.value is None or not 1 <= num.value <= 12 or num.value != int(num.value):
        return False
    after = [tok.lower_ for tok in doc[num.end:num.end + 3]]
    if after[:1] and after[0] in t.clock_after:
        return True
    if len(after) >= 3 and after[0] == "in" and after[1] == "the" and after[2] in t.day_parts:
        return True
    # the day part right before "at" ("each night at 8", "every evening at seven"), and no noun counted after
    # the number: "the morning toll stood at 12", "rose at 9 villages" are figures
    part_before = i >= 2 and doc[i - 2].lower_ in t.day_parts
    return part_before and not (num.end < len(doc) and doc[num.end].tag_[:2] == "NN")


def _is_month(tok: Token, t: QuantityTables) -> bool:
    return tok.lower_ in t.months and tok.text[:1].isupper()


def followed_by_month(doc: Doc, j: int, t: QuantityTables) -> bool:
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
