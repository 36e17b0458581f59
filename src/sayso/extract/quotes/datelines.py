"""Datelines that open wire copy ("KYIV (AP) —", "GOMA, Congo, Jan. 28 (Reuters) —", "09:15 GMT —"): not speech."""

from __future__ import annotations

import re

from spacy.tokens import Doc

_DATELINE_TAGS = frozenset({"NNP", "NNPS", ",", "-LRB-", "-RRB-", "HYPH", "."})
DASH_TOKENS = frozenset({"—", "–", "―", "‒", "--", "-"})
_STAMP = re.compile(r"^(?:\d{1,2}[:.]\d{2}|[ap]\.?m\.?|GMT|UTC|BST|CET|EST|EDT|ET|local|time)$", re.IGNORECASE)


def is_dateline(doc: Doc, dash: int) -> bool:
    """Whether the dash at ``dash`` ends a dateline: only place names and an agency before it in its paragraph."""
    j = dash - 1
    while j >= 0 and "\n" not in doc[j].text and dash - j < 10:
        if doc[j].tag_ not in _DATELINE_TAGS and not (doc[j].text.isupper() and doc[j].is_alpha) \
                and not _STAMP.match(doc[j].text):
            return False
        j -= 1
    return j < 0 or "\n" in doc[j].text


def skip_dateline(doc: Doc, a: int, limit: int) -> int:
    """The token after a dateline opening at ``a`` ("GOMA, Congo, Jan. 28 (Reuters) —", "09:15 GMT —"), else ``a``."""
    for j in range(a, min(a + 16, limit)):
        if doc[j].text in DASH_TOKENS:
            head = doc[a:j]
            if all(t.tag_ in _DATELINE_TAGS or t.tag_ == "CD" or t.is_space or _STAMP.match(t.text)
                   or t.lower_ in ("of", "the") for t in head) \
                    and (j - a <= 6 or doc[a].text.isupper() or _STAMP.match(doc[a].text)):
                return j + 1
            break
    return a
