"""Language data for cross-article linking: titles, demonyms, role words and organisations (no rules; what a
claim measures is decided at extraction from ``data/measures_en.json``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

# Words dropped from the front of a person's name before matching ("President Volodymyr Zelenskyy").
TITLE_WORDS = frozenset("""
mr mrs ms miss dr sir lord lady president vice prime minister deputy foreign defence defense interior
secretary general gen lt lieutenant col colonel maj major capt captain commander chief spokesman spokeswoman
spokesperson governor mayor chancellor ambassador senator rep representative king queen prince admiral marshal
head director adviser advisor envoy acting former the a an gov sen leader premier official
""".split()) | frozenset(  # and every honorific and rank the speaker extractor knows ("Brig", "Sgt", "Cpl")
    " ".join(w.replace(".", " ") for w in json.loads(resources.files("sayso.data").joinpath(
        "speakers_en.json").read_text("utf-8"))["person_titles"]).split())

# Role nouns: a descriptor with one of these ("the Ukrainian president") can stand for a named person.
ROLE_NOUNS = frozenset("""
president minister spokesman spokeswoman spokesperson commander governor mayor chancellor ambassador chief
secretary general leader premier head envoy adviser advisor
""".split())

# Demonyms and possessives mapped to the country they qualify, so role descriptors share one key.
DEMONYMS = {
    "ukrainian": "ukraine", "ukraines": "ukraine", "kyiv": "ukraine", "kyivs": "ukraine", "kiev": "ukraine",
    "russian": "russia", "russias": "russia", "moscow": "russia", "moscows": "russia", "kremlin": "russia",
    "kremlins": "russia", "american": "us", "us": "us", "usa": "us", "united states": "us", "british": "uk",
    "uks": "uk", "britain": "uk", "britains": "uk", "french": "france", "frances": "france",
    "german": "germany", "germanys": "germany", "polish": "poland", "polands": "poland", "belarusian": "belarus",
    "belarus": "belarus", "chinese": "china", "chinas": "china", "turkish": "turkey", "iranian": "iran",
    "israeli": "israel", "nato": "nato", "natos": "nato", "eu": "eu", "european": "eu", "un": "un",
}

# Wordings of one role folded to one ("the head of state" is the president; "the top US diplomat" the US foreign
# minister). Applied to folded text, longest first; a US "secretary of state" is its foreign minister.
ROLE_SYNONYMS = {
    "head of state": "president", "top diplomat": "foreign minister", "chief diplomat": "foreign minister",
    "foreign secretary": "foreign minister", "minister of foreign affairs": "foreign minister",
    "foreign affairs minister": "foreign minister", "secretary of state": "foreign minister",
    "minister of defence": "defence minister", "minister of defense": "defence minister",
    "defense minister": "defence minister", "defense secretary": "defence minister",
    "defence secretary": "defence minister", "secretary of defense": "defence minister",
    "secretary of state for defence": "defence minister", "secretary of state for defense": "defence minister",
}

# Words that carry no meaning in a role key.
ROLE_STOP = frozenset("the a an of s for to in".split())

# Pronouns: a mention made only of these ("He", "They") is never a name, even capitalised.
PRONOUNS = frozenset("he she they it we i you him her them his its their our this that who".split())

# Words that make a speaker an institution whatever the tagger said ("Ukraine's General Staff").
ORG_WORDS = frozenset("""staff ministry army forces command office service council committee agency directorate
guard police navy force department government administration parliament court commission mission headquarters
front movement
""".split())

# Words that, with ORG_WORDS, make an institution's name generic: "the defence ministry", "the armed forces",
# "the military" name no institution until a country is known (from the article, or the speaker's affiliation).
GENERIC_ORG_WORDS = frozenset("""defence foreign interior home health justice finance economy emergencies emergency
military armed general national federal state central intelligence border air naval ground land special
operations press regional local city""".split())

# Spellings of one word folded to one form in institution keys ("Defense Ministry" = "Defence Ministry").
SPELLINGS = {"defense": "defence", "organisation": "organization", "programme": "program", "centre": "center",
             "armour": "armor", "labour": "labor", "cooperation": "co operation"}

# Words of an organisation's name that never make it a person ("Russia's Wagner Group").
ORG_NAME_WORDS = ORG_WORDS | frozenset("""group company corporation bank fund union party alliance organization
organisation institute center centre foundation association network agency corps brigade battalion regiment
university press news times post agency media""".split())


def _entity_tables() -> tuple[Any, ...]:
    """``data/entities_en.json``: acronym -> full name, other name -> acronym, institution seat -> its country,
    institution that names no country but belongs to one -> that country, and the wordings of a country's
    armed forces."""
    data = json.loads(resources.files("sayso.data").joinpath("entities_en.json").read_text("utf-8"))
    return data["acronyms"], data["aliases"], data["institutions"], data["national"], data["military"]


ACRONYMS, ORG_ALIASES, INSTITUTIONS, NATIONAL, MILITARY = _entity_tables()
