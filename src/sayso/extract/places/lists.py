"""Lists of place names in running text ("Ohio, Oregon and Utah") and what a list says about its members."""

from __future__ import annotations

import re

from sayso.gazetteer.build import norm
from sayso.gazetteer.resolve import Mention

LIST_SEPARATORS = (",", "and", ", and", "or", ", or")
DOTTED_QUALIFIER = re.compile(r",\s*(?:[A-Z]\.){2}|,\s*[A-Z][a-z]{1,4}\.")


def list_of_regions(text: str, found: list[Mention]) -> None:
    """"Ohio, Oregon, Washington and Utah": a name in a list of regions is the region too (the state,
    not the capital). Lists count when two other names in them (one, in a pair) can only be regions, not big towns."""
    runs, run, closed = [], [0] if found else [], False
    for i in range(1, len(found)):
        sep = text[found[i - 1].end:found[i].start].strip()
        if sep in LIST_SEPARATORS and not closed:  # "Florida and Washington, D.C.": "and" ends the list
            run.append(i)
            closed = sep != ","
        else:
            runs.append(run)
            run, closed = [i], False
    runs.append(run)
    for run in (r for r in runs if len(r) >= 3 or (len(r) == 2 and _joined(text, found, r))):
        regions = {i for i in run if only_region(found[i])}
        needed = 2 if len(run) >= 3 else 1  # a pair joined by "and" counts too: "New Jersey and New York"
        for i in run:
            m = found[i]
            if DOTTED_QUALIFIER.match(text, m.end):  # "Washington, D.C.", "Portland, Ore."
                continue
            if m.hint is None and len(regions - {i}) >= needed and any(
                    e.feature == "region" and norm(e.name) == m.key for e in m.candidates):
                m.hint = "region"


def _joined(text: str, found: list[Mention], run: list[int]) -> bool:
    """A pair joined by "and" or "or", not "Santa Ana, California"."""
    return text[found[run[0]].end:found[run[1]].start].strip() in ("and", "or")


def only_region(m: Mention) -> bool:
    """A name that is a region and not also a country or a town of a million people."""
    return any(e.feature == "region" and norm(e.name) == m.key for e in m.candidates) and not any(
        e.feature in ("country", "city") and e.population >= 1_000_000 for e in m.candidates)


def in_list(text: str, found: list[Mention], i: int) -> bool:
    """Whether mention i sits in a list of places ("Mexico, China, Japan and Brazil"), not "Paris, Texas"."""
    if i > 0 and text[found[i - 1].end:found[i].start].strip() in (",", "and", ", and"):
        return True
    if i + 2 < len(found):
        after = text[found[i + 1].end:found[i + 2].start].strip()
        if after in LIST_SEPARATORS:
            return True
    return False
