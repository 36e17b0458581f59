"""The web tests' corpus: the corpus tests' hand-built articles plus our own for the desk: one with places
that have points, dates and an event; a second outlet's report of the same strike with a claimed capture
elsewhere; and one whose every field carries markup meant to run."""

from __future__ import annotations

import datetime as dt

import handcorpus
from storekit import article, claim, event, find, place, quote, speaker

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
        dates=(DateRef(start=s, end=e, text="Tuesday", value="2024-08-20", relative=True),),
        events=(event(t, "Rescue crews in Kharkiv searched the rubble of a school on Tuesday after an overnight strike,"
                      " the mayor said.", "strike", "explosions_remote_violence", "shelling_artillery_missile_attack",
                      actor="Russian forces", target="civilians", at=_point(t, "Kharkiv", 49.98, 36.25, "UA"),
                      date="2024-08-20", status="reported", source=ter),))


def second_report() -> Analysis:
    """Another outlet's report of the Kharkiv strike (with a toll), and a capture only one side claims."""
    t = ("A missile strike on Kharkiv overnight killed at least four people, regional officials said on Tuesday. "
         "Russia's defence ministry claimed its troops had seized the village of Synkivka, which Kyiv did not "
         "confirm.")
    kharkiv, synkivka = _point(t, "Kharkiv", 49.98, 36.25, "UA"), _point(t, "Synkivka", 49.86, 37.62, "UA")
    officials = speaker(t, "regional officials", kind="unnamed")
    ministry = speaker(t, "Russia's defence ministry", kind="organization")
    dead = claim(t, "at least four people", 4, counted="people", qualifier="at_least", status="reported",
                 source=officials)
    s, e = find(t, "Tuesday")
    return Analysis(
        article("w02", t, "2024-08-20", "Second Desk Wire"), claims=(dead,), places=(kharkiv, synkivka),
        dates=(DateRef(start=s, end=e, text="Tuesday", value="2024-08-20", relative=True),),
        events=(event(t, "A missile strike on Kharkiv overnight killed at least four people, regional officials said"
                      " on Tuesday.", "strike", "explosions_remote_violence", "shelling_artillery_missile_attack",
                      actor="Russian forces", target="civilians", at=kharkiv, date="2024-08-20", fatalities=dead,
                      status="reported", source=officials),
                event(t, "Russia's defence ministry claimed its troops had seized the village of Synkivka, which Kyiv"
                      " did not confirm.", "seized", "battles", "non_state_actor_overtakes_territory",
                      actor="Russian forces", target="Ukrainian forces", at=synkivka, date="2024-08-19",
                      status="claimed", source=ministry)))


def hostile() -> Analysis:
    t = (f"An article whose text carries markup: {HOSTILE} and {HOSTILE_IMG} in the middle of a sentence. "
         f"\"Nothing here should run {HOSTILE},\" said {HOSTILE_IMG} Smith on Monday.")
    who = speaker(t, f"{HOSTILE_IMG} Smith", f"{HOSTILE_IMG} Smith", role=HOSTILE)
    art = Article(id="evil-<b>1</b>", text=t, title=f"Title {HOSTILE}", published=dt.date(2024, 8, 19),
                  source=f"Outlet {HOSTILE_IMG}", url="javascript:alert(1)")
    s, e = find(t, HOSTILE)
    there = Place(start=s, end=e, text=HOSTILE, name=HOSTILE, country_code="UA", feature="city", lat=48.5, lon=35.0)
    riot = event(t, f"An article whose text carries markup: {HOSTILE} and {HOSTILE_IMG} in the middle of a sentence.",
                 "markup", "riots", "violent_demonstration", actor=HOSTILE_IMG, target=HOSTILE, at=there,
                 date="2024-08-18", status="claimed", source=who)
    return Analysis(art, quotes=(quote(t, f"Nothing here should run {HOSTILE},", who),), events=(riot,))


def build() -> list[Analysis]:
    return handcorpus.build() + [mapped(), second_report(), hostile()]


EXPECTED = handcorpus.EXPECTED
__all__ = ["build", "EXPECTED", "HOSTILE", "HOSTILE_IMG", "place"]
