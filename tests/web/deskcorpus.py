"""The web tests' corpus: the corpus tests' hand-built articles plus two of our own for the desk,
one with places that have points and dates, one whose every field carries markup meant to run."""

from __future__ import annotations

import datetime as dt

import handcorpus
from storekit import article, claim, find, place, quote, speaker

from sayso.models import Analysis, Article, DateRef, Place

HOSTILE = "<script>window.__pwned = 1</script>"
HOSTILE_IMG = '<img src="x" onerror="window.__pwned = 2">'


def _point(text: str, name: str, lat: float, lon: float, country: str) -> Place:
    s, e = find(text, name)
    return Place(start=s, end=e, text=name, name=name, country_code=country, feature="PPLA", lat=lat, lon=lon)


def mapped() -> Analysis:
    t = ("KHARKIV, Ukraine — Rescue crews in Kharkiv searched the rubble of a school on Tuesday after an overnight "
         "strike, the mayor said. \"We counted at least 12 rockets,\" Mayor Ihor Terekhov told a briefing in Kharkiv. "
         "Officials in Odesa reported a quieter night.")
    ter = speaker(t, "Ihor Terekhov", "Mayor Ihor Terekhov", role="Mayor")
    s, e = find(t, "Tuesday")
    return Analysis(
        article("w01", t, "2024-08-20", "Desk Test Wire"),
        quotes=(quote(t, "We counted at least 12 rockets,", ter),),
        claims=(claim(t, "at least 12 rockets", 12, counted="rockets", qualifier="at_least", source=ter),),
        places=(_point(t, "KHARKIV", 49.98, 36.25, "UA"), _point(t, "Kharkiv", 49.98, 36.25, "UA"),
                _point(t, "Odesa", 46.48, 30.73, "UA")),
        dates=(DateRef(start=s, end=e, text="Tuesday", value="2024-08-20", relative=True),))


def hostile() -> Analysis:
    t = (f"An article whose text carries markup: {HOSTILE} and {HOSTILE_IMG} in the middle of a sentence. "
         f"\"Nothing here should run {HOSTILE},\" said {HOSTILE_IMG} Smith on Monday.")
    who = speaker(t, f"{HOSTILE_IMG} Smith", f"{HOSTILE_IMG} Smith", role=HOSTILE)
    art = Article(id="evil-<b>1</b>", text=t, title=f"Title {HOSTILE}", published=dt.date(2024, 8, 19),
                  source=f"Outlet {HOSTILE_IMG}", url="javascript:alert(1)")
    return Analysis(art, quotes=(quote(t, f"Nothing here should run {HOSTILE},", who),))


def build() -> list[Analysis]:
    return handcorpus.build() + [mapped(), hostile()]


EXPECTED = handcorpus.EXPECTED
__all__ = ["build", "EXPECTED", "HOSTILE", "HOSTILE_IMG", "place"]
