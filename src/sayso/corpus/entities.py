"""Speakers across articles become entities: Zelenskyy, Zelensky, Volodymyr Zelenskyy, the Ukrainian president.

Matching goes, in order: an exact alias of the normalised name; a fuzzy surname match (rapidfuzz)
with compatible given names; for descriptors ("the Ukrainian president"), the entity most often
seen in that role. Roles are learnt from ``Speaker.role`` and from descriptors that an extractor
resolved to a name. The index is incremental: it lives in memory during an ingest run and every
change is written to the store in the caller's transaction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Protocol

from rapidfuzz import fuzz, process

from sayso.corpus.lexicon import DEMONYMS, ORG_WORDS, PRONOUNS, ROLE_NOUNS, ROLE_STOP, TITLE_WORDS
from sayso.models import Speaker

PERSONLIKE = {"person"}
NAMED_KINDS = {"person", "organization", "media", "group", "place"}
_WORD = re.compile(r"[a-z0-9]+")
NAME_PARTICLES = frozenset("de da di du del der van von ter bin ibn al el la le".split())


class EntityWriter(Protocol):
    def create_entity(self, name: str, kind: str, key: str) -> int: ...
    def rename_entity(self, pk: int, name: str, key: str) -> None: ...
    def add_alias(self, alias: str, kind: str, entity_pk: int) -> None: ...
    def add_role(self, entity_pk: int, role_key: str, role: str) -> None: ...
    def entity_rows(self) -> tuple[list[dict], list[dict], list[dict]]: ...


def fold(text: str) -> str:
    """Lowercase ASCII words of ``text``: accents stripped, possessives and punctuation gone."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]s\b", "s", text)
    return " ".join(_WORD.findall(text))


def _is_lead(word: str) -> bool:
    """A word that can come before a name but is not part of it: 'the', 'Gen.', 'Ukrainian', 'spokesman'."""
    f = fold(word)
    if f in NAME_PARTICLES:
        return False
    return not f or not word[0].isupper() or f in PRONOUNS or f in TITLE_WORDS or f in DEMONYMS or f in ROLE_NOUNS


def split_mention(text: str) -> tuple[str | None, str | None]:
    """(name, description) of a mention: "the Belgorod governor, Arkady Sobolev" -> ("Arkady Sobolev",
    "the Belgorod governor"); "air force spokesman Col. Ihor Bilyk" -> ("Ihor Bilyk", "air force spokesman Col.")."""
    if "," in text:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        for i, part in enumerate(parts):
            name, lead = split_mention(part)
            if name:
                rest = [p for j, p in enumerate(parts) if j != i] + ([lead] if lead else [])
                return name, ", ".join(rest) or None
        return None, text.strip() or None
    words = text.split()
    i = 0
    for j, word in enumerate(words):  # the name follows the last lead word: "Belgorod governor Arkady Sobolev"
        if _is_lead(word):
            i = j + 1
    return (" ".join(words[i:]) or None), (" ".join(words[:i]) or None)


def name_key(name: str) -> str:
    """The matching key of a person's name: folded, titles and descriptions dropped ("President Putin" -> "putin")."""
    words = fold(split_mention(name)[0] or name).split()
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def org_key(name: str) -> str:
    """The matching key of an institution: demonyms and capitals name their country, filler words go
    ("Russia's Defense Ministry" = "the Defense Ministry in Moscow" = "russia defense ministry")."""
    words = [DEMONYMS.get(w, w) for w in fold(name).split() if w not in ROLE_STOP]
    return " ".join(sorted(dict.fromkeys(words)))


def _institution(name: str) -> bool:
    """True when the name part of a mention names an institution ("Ukraine's General Staff")."""
    part = split_mention(name)[0]
    return bool(part) and bool(ORG_WORDS & set(fold(part).split()))


def is_descriptor(speaker: Speaker | str) -> bool:
    """True for "the Ukrainian president", "a senior official", "he": a description, not a name."""
    name = speaker if isinstance(speaker, str) else speaker.name
    kind = None if isinstance(speaker, str) else speaker.kind
    if kind == "unnamed":
        return True
    if kind is not None and kind != "person":
        return False
    if _institution(name):
        return False
    return split_mention(name)[0] is None


def role_key(text: str | None) -> str | None:
    """One key for a role however it is worded: "the Ukrainian president" = "President of Ukraine"."""
    if not text:
        return None
    folded = fold(text)
    for phrase, country in DEMONYMS.items():
        if " " in phrase:
            folded = folded.replace(phrase, country)
    words = [DEMONYMS.get(w, w) for w in folded.split() if w not in ROLE_STOP]
    if not any(w in ROLE_NOUNS for w in words) or len(words) < 2:
        return None
    return " ".join(sorted(set(words)))


@dataclass
class _Entity:
    pk: int
    name: str
    kind: str
    key: str
    roles: dict[str, int] = field(default_factory=dict)


def _class(kind: str) -> str:
    return "person" if kind in PERSONLIKE else "other"


class EntityIndex:
    """Resolves speakers to entity primary keys, creating entities as new names turn up."""

    def __init__(self, store: EntityWriter, *, threshold: float = 85.0) -> None:
        self.store = store
        self.threshold = threshold
        self.reload()

    def reload(self) -> None:
        """Rebuild the in-memory index from the store (after a rolled-back batch, say)."""
        self.entities: dict[int, _Entity] = {}
        self.aliases: dict[tuple[str, str], int] = {}
        self.surnames: dict[str, dict[str, set[int]]] = {"person": {}, "other": {}}
        self._choices: dict[str, list[str]] = {}
        ents, aliases, roles = self.store.entity_rows()
        for r in ents:
            self._remember(_Entity(r["pk"], r["name"], r["kind"], r["key"]))
        for r in aliases:
            self.aliases[(r["alias"], r["kind"])] = r["entity_pk"]
            self._index_surname(r["alias"], r["kind"], r["entity_pk"])
        for r in roles:
            if r["entity_pk"] in self.entities:
                self.entities[r["entity_pk"]].roles[r["role_key"]] = r["seen"]

    def _remember(self, entity: _Entity) -> None:
        self.entities[entity.pk] = entity
        self._index_surname(entity.key, entity.kind, entity.pk)

    def _index_surname(self, key: str, kind: str, pk: int) -> None:
        cls = _class(kind)
        handle = key.split()[-1] if cls == "person" and key else key
        if handle:
            if handle not in self.surnames[cls]:
                self._choices.pop(cls, None)
            self.surnames[cls].setdefault(handle, set()).add(pk)

    # -- resolution --------------------------------------------------------------------------------
    def resolve(self, speaker: Speaker) -> int | None:
        """The entity pk for ``speaker``; None for unnamed sources no known role matches."""
        if is_descriptor(speaker):
            pk = self.by_role(role_key(speaker.name) or role_key(speaker.role))
            if pk is not None:
                self._learn(pk, speaker)
            return pk
        kind = speaker.kind if speaker.kind in NAMED_KINDS else "person"
        if kind == "person" and _institution(speaker.name):
            kind = "organization"  # "Ukraine's General Staff" is an institution, not Mr Staff
        key = name_key(speaker.name) if kind == "person" else org_key(speaker.name)
        if not key:
            return None
        pk = self.aliases.get((key, _class(kind))) or self._fuzzy(key, kind)
        if pk is None and _class(kind) != "person":  # the tagger called a person an organisation ("Zelenskiy")
            person = name_key(speaker.name)
            pk = self.aliases.get((person, "person")) or (self._fuzzy(person, "person") if person else None)
            key = person if pk is not None else key
        if pk is None:
            pk = self.store.create_entity(_display(speaker), kind, key)
            self._remember(_Entity(pk, _display(speaker), kind, key))
        self._learn(pk, speaker, key)
        return pk

    def find(self, name: str) -> list[int]:
        """Entities a user's query names ("Putin", "Zelensky", "the Ukrainian president"); creates nothing."""
        if is_descriptor(name) and role_key(name):
            pk = self.by_role(role_key(name))
            return [pk] if pk is not None else []
        key = name_key(name)
        found = {pk for (alias, _), pk in self.aliases.items() if alias == key}
        for cls in ("person", "other"):
            pk = self._fuzzy(key, "person" if cls == "person" else "organization") if key else None
            if pk is not None:
                found.add(pk)
        return sorted(found)

    def _learn(self, pk: int, speaker: Speaker, key: str | None = None) -> None:
        entity = self.entities[pk]
        if key and (key, _class(entity.kind)) not in self.aliases:
            self.aliases[(key, _class(entity.kind))] = pk
            self.store.add_alias(key, _class(entity.kind), pk)
            self._index_surname(key, entity.kind, pk)
            if len(key.split()) > len(entity.key.split()):
                entity.name, entity.key = _display(speaker), key
                self.store.rename_entity(pk, entity.name, key)
        described = [speaker.role] + [split_mention(t)[1] for t in (speaker.name, speaker.text) if t]
        for text in dict.fromkeys(d for d in described if d):
            rk = role_key(text)
            if rk:
                entity.roles[rk] = entity.roles.get(rk, 0) + 1
                self.store.add_role(pk, rk, " ".join(text.split()))

    def by_role(self, rk: str | None) -> int | None:
        """The entity most often seen in role ``rk`` (ties: the earliest)."""
        if not rk:
            return None
        holders = [(e.roles[rk], -e.pk, e.pk) for e in self.entities.values() if rk in e.roles]
        return max(holders)[2] if holders else None

    def _fuzzy(self, key: str, kind: str) -> int | None:
        cls = _class(kind)
        words = key.split()
        handle = words[-1] if cls == "person" else key
        scorer = fuzz.ratio if cls == "person" else fuzz.token_sort_ratio
        if cls not in self._choices:
            self._choices[cls] = list(self.surnames[cls])
        found = process.extract(handle, self._choices[cls], scorer=scorer, score_cutoff=self.threshold, limit=10)
        ranked = []
        for surname, score, _ in found:
            for pk in self.surnames[cls][surname]:
                entity = self.entities.get(pk)
                if entity is None or (cls == "person" and not _given_names_agree(words, entity.key.split())):
                    continue
                ranked.append((score, sum(entity.roles.values()), -pk, pk))
        return max(ranked)[3] if ranked else None

    def describe(self, pk: int) -> dict[str, Any]:
        e = self.entities[pk]
        return {"pk": pk, "name": e.name, "kind": e.kind, "roles": sorted(e.roles)}


def _display(speaker: Speaker) -> str:
    """The name to show for a new entity: the name part of the mention, titles and descriptions dropped."""
    if speaker.kind not in (None, "person") or _institution(speaker.name):
        return " ".join(speaker.name.split())
    name = split_mention(speaker.name)[0] or speaker.name
    words = name.split()
    while len(words) > 1 and fold(words[0]) in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def _given_names_agree(a: list[str], b: list[str]) -> bool:
    """Given names (all but the last word) agree when either side has none, or they match fuzzily or by initial."""
    ga, gb = a[:-1], b[:-1]
    if not ga or not gb:
        return True
    x, y = ga[0], gb[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return fuzz.ratio(x, y) >= 55  # transliterations: Vladimir/Volodymyr 59, Dmitry/Dmytro 67
