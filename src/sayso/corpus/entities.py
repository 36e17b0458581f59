"""Speakers across articles become entities: Zelenskyy, Zelensky, Volodymyr Zelenskyy, the Ukrainian president.

Matching goes, in order: an exact alias of the normalised name; a fuzzy surname match (rapidfuzz)
with compatible given names; for descriptors ("the Ukrainian president"), the holder of that role named
in the same article, else the entity seen in that role nearest the article's date, else most often. Roles are learnt from ``Speaker.role`` and from descriptors that an extractor
resolved to a name. The index is incremental: it lives in memory during an ingest run and every
change is written to the store in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from rapidfuzz import fuzz, process

from sayso.corpus.acronyms import acronym_key, expand, full_name, initials, known
from sayso.corpus.lexicon import (DEMONYMS, GENERIC_ORG_WORDS, ORG_NAME_WORDS, ORG_WORDS, ROLE_NOUNS, ROLE_STOP,
                                  SPELLINGS, TITLE_WORDS)
from sayso.corpus.names import (COUNTRIES, NAMED_KINDS, PERSONLIKE, SEATS, countries, fold, is_descriptor,
                                is_institution, name_key, org_key, role_key, role_noun, split_mention)
from sayso.models import Speaker


class EntityWriter(Protocol):
    def create_entity(self, name: str, kind: str, key: str) -> int: ...
    def rename_entity(self, pk: int, name: str, key: str) -> None: ...
    def add_alias(self, alias: str, kind: str, entity_pk: int) -> None: ...
    def add_role(self, entity_pk: int, role_key: str, role: str, day: str | None = None) -> None: ...
    def entity_rows(self) -> tuple[list[dict], list[dict], list[dict]]: ...


@dataclass
class _Entity:
    pk: int
    name: str
    kind: str
    key: str
    roles: dict[str, int] = field(default_factory=dict)
    dates: dict[str, tuple[str, str]] = field(default_factory=dict)  # role key -> first and last day seen in it

    def seen_as(self, rk: str, day: str | None) -> None:
        self.roles[rk] = self.roles.get(rk, 0) + 1
        if day:
            first, last = self.dates.get(rk, (day, day))
            self.dates[rk] = (min(first, day), max(last, day))

    def days_from(self, rk: str, day: str | None) -> int:
        """How many days ``day`` lies outside the time this entity was seen in role ``rk`` (0: inside, or unknown)."""
        if not day or rk not in self.dates:
            return 0
        first, last = (dt.date.fromisoformat(d) for d in self.dates[rk])
        at = dt.date.fromisoformat(day)
        return max((first - at).days, (at - last).days, 0)


def _class(kind: str) -> str:
    return "person" if kind in PERSONLIKE else "other"




@dataclass
class ArticleEntities:
    """What one article has said about its entities so far: the acronyms it spells out, who holds which role in
    it, and its institutions. A description is resolved here before the corpus is asked ("the president" in an
    article that named its president is that president, not the corpus's most frequent one)."""

    acronyms: dict[str, str] = field(default_factory=dict)
    day: str | None = None                                               # the article's date (ISO)
    roles: dict[str, int] = field(default_factory=dict)                  # role key -> its holder here
    nouns: list[tuple[int, str, int]] = field(default_factory=list)      # (position, role noun, holder)
    institutions: dict[str, int] = field(default_factory=dict)           # institution key -> entity here
    people: dict[int, list[str]] = field(default_factory=dict)           # person named in full here -> key words

    def note(self, pk: int, speaker: Speaker, org: str | None = None, key: str | None = None) -> None:
        """Remember a resolved named speaker: the roles the article gives it, or its institution key; a person
        named in full, for the bare names that follow ("Tesfaye Gebru ... Mr Tesfaye")."""
        if org:
            self.institutions.setdefault(org, pk)
            return
        if key and len(key.split()) > 1:
            self.people.setdefault(pk, key.split())
        described = [speaker.role] + [split_mention(t)[1] for t in (speaker.name, speaker.text) if t]
        for text in dict.fromkeys(d for d in described if d):
            rk = role_key(text)
            if rk:
                self.roles.setdefault(rk, pk)
                self.nouns.extend((speaker.start or 0, w, pk) for w in rk.split() if w in ROLE_NOUNS)

    def holder(self, speaker: Speaker, rk: str | None, index: "EntityIndex") -> int | None:
        """Who holds the role ``speaker`` describes in this article: the named holder of the same role, or, for a
        bare "the president", the one president the article named (the nearest before it when several)."""
        if rk:
            return self.roles.get(rk)
        noun = role_noun(speaker.name) or role_noun(speaker.text)
        if noun is None:
            return None
        named = [(at, pk) for at, n, pk in self.nouns if n == noun]
        if len({pk for _, pk in named}) > 1:
            before = [(at, pk) for at, pk in named if speaker.start is None or at <= speaker.start]
            named = [max(before)] if before else []
        return named[0][1] if named else None

    def person(self, word: str) -> int | None:
        """The one person this article named in full whose surname is ``word``, else whose given name is (the usual
        way to refer to someone in Ethiopia or Iceland); None when nobody or several are."""
        for at in (-1, 0):
            found = {pk for pk, words in self.people.items() if words[at] == word}
            if found:
                return found.pop() if len(found) == 1 else None
        return None

    def institution(self, key: str) -> int | None:
        """The one institution of this article that a country-less key names ("the ministry" after "Russia's
        defence ministry"); None when the key names a country, or none or several match."""
        if countries(key):
            return None
        words = set(key.split())
        found = {pk for k, pk in self.institutions.items() if words < set(k.split()) and countries(k)}
        return found.pop() if len(found) == 1 else None


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
        self.initials: dict[str, set[int]] = {}  # acronym -> organisations named in full with those initials
        ents, aliases, roles = self.store.entity_rows()
        for r in ents:
            self._remember(_Entity(r["pk"], r["name"], r["kind"], r["key"]))
        for r in aliases:
            self.aliases[(r["alias"], r["kind"])] = r["entity_pk"]
            self._index_surname(r["alias"], r["kind"], r["entity_pk"])
        for r in roles:
            if r["entity_pk"] in self.entities:
                entity = self.entities[r["entity_pk"]]
                entity.roles[r["role_key"]] = r["seen"]
                if r.get("first_seen") and r.get("last_seen"):
                    entity.dates[r["role_key"]] = (r["first_seen"], r["last_seen"])

    def _remember(self, entity: _Entity) -> None:
        self.entities[entity.pk] = entity
        self._index_surname(entity.key, entity.kind, entity.pk)
        if _class(entity.kind) != "person":
            for acronym in initials(entity.name):
                self.initials.setdefault(acronym, set()).add(entity.pk)

    def _index_surname(self, key: str, kind: str, pk: int) -> None:
        cls = _class(kind)
        handle = key.split()[-1] if cls == "person" and key else key
        if handle:
            if handle not in self.surnames[cls]:
                self._choices.pop(cls, None)
            self.surnames[cls].setdefault(handle, set()).add(pk)

    # -- resolution --------------------------------------------------------------------------------
    def resolve(self, speaker: Speaker, article: "ArticleEntities | None" = None) -> int | None:
        """The entity pk for ``speaker``; None for unnamed sources no known role matches. ``article`` holds what
        this article said so far: its acronyms, and who holds which role in it (looked at before the corpus)."""
        article = article if article is not None else ArticleEntities()
        if role_only(speaker):
            rk = role_key(speaker.name) or role_key(speaker.role)
            pk = article.holder(speaker, rk, self)
            pk = pk if pk is not None else self.by_role(rk, article.day)
            if pk is not None:
                self._learn(pk, speaker, day=article.day)
            return pk
        kind = _kind(speaker)
        key = name_key(speaker.name) if kind == "person" else org_key(speaker.name, article.acronyms)
        if not key:
            return None
        pk = article.institution(key) if kind != "person" else (
            article.person(key) if len(key.split()) == 1 else None)
        if pk is None and kind != "person" and _generic(key):
            key = _with_country(key, speaker)  # "the ministry" is an entity only once its country is known
            if key is None:
                return None
        if pk is None and _class(kind) == "person" and len(key.split()) == 1:
            pk = self._single_name(key)
        pk = pk or self.aliases.get((key, _class(kind))) or self._fuzzy(key, kind)
        if pk is None and _class(kind) != "person":
            pk = self._by_initials(speaker.name) or self._described(speaker.name, key)
        if pk is None and _class(kind) != "person":  # the tagger called a person an organisation ("Zelenskiy")
            person = name_key(speaker.name)
            pk = self.aliases.get((person, "person")) or (self._fuzzy(person, "person") if person else None)
            key = person if pk is not None else key
        if pk is None:
            pk = self.store.create_entity(_display(speaker, article.acronyms), kind, key)
            self._remember(_Entity(pk, _display(speaker, article.acronyms), kind, key))
        self._learn(pk, speaker, key, article.day)
        if _class(self.entities[pk].kind) != "person":
            self._learn_initials(pk, speaker.name, article.acronyms)
        article.note(pk, speaker, key if _class(self.entities[pk].kind) != "person" else None, key)
        return pk

    def _single_name(self, word: str) -> int | None:
        """The person a bare name ("Haddad", "Mr Tesfaye") is across the corpus when its own article named nobody
        so: the one entity of that surname; when several have it, only an entity named by that word alone (a bare
        name never joins one of two full names by chance). None when nobody has it (the fuzzy match goes on)."""
        found = set(self.surnames["person"].get(word, ()))
        if len(found) <= 1:
            return found.pop() if found else None
        bare = self.aliases.get((word, "person"))
        if bare is not None and len(self.entities[bare].key.split()) == 1:
            return bare
        pk = self.store.create_entity(word.title(), "person", word)
        self._remember(_Entity(pk, word.title(), "person", word))
        return pk

    def _by_initials(self, name: str) -> int | None:
        """The organisation an acronym or a full name stands for by initials: "OCHA" is the one organisation seen
        under a name whose initials spell it; "Israel Defense Forces" is the organisation seen only as "IDF"."""
        words = [w for w in name.split() if fold(w) not in ("the", "a", "an")]
        if len(words) == 1 and acronym_key(words[0]):
            found = self.initials.get(acronym_key(words[0]) or "", set())
            return next(iter(found)) if len(found) == 1 else None
        for acronym in sorted(initials(" ".join(words)), key=len, reverse=True):
            pk = self.aliases.get((acronym, "other"))
            if pk is not None and len(self.entities[pk].key.split()) == 1:
                return pk
        return None

    def _described(self, name: str, key: str) -> int | None:
        """The one organisation a description names by some of its words ("the U.N. humanitarian office": the U.N.
        Office for the Coordination of Humanitarian Affairs): lower-case words in it, the same head noun and
        countries, its words all in that organisation's key; None for a name or when several fit."""
        words = [w for w in name.split() if fold(w) not in ("the", "a", "an")]
        if len(words) < 2 or all(w[:1].isupper() for w in words):
            return None
        own, head = set(key.split()), _head(" ".join(words))
        found = {pk for (alias, cls), pk in self.aliases.items() if cls == "other" and own < set(alias.split())
                 and countries(alias) == countries(key) and _head(self.entities[pk].name) == head}
        return found.pop() if len(found) == 1 else None

    def _learn_initials(self, pk: int, name: str, acronyms: dict[str, str]) -> None:
        """Remember what an organisation's mention says about its acronym: an acronym the article spells out is an
        alias of the entity (a later "TPLF" that no article spells out finds it); a full name's initials may be
        the acronym of a later mention."""
        words = [w for w in name.split() if fold(w) not in ("the", "a", "an")]
        if len(words) == 1 and acronym_key(words[0]):
            alias = acronym_key(words[0]) or ""
            if (alias, "other") not in self.aliases:
                self.aliases[(alias, "other")] = pk
                self.store.add_alias(alias, "other", pk)
            return
        for acronym in initials(" ".join(words)):
            self.initials.setdefault(acronym, set()).add(pk)

    def find(self, name: str) -> list[int]:
        """Entities a user's query names ("Putin", "Zelensky", "the Ukrainian president"); creates nothing."""
        if is_descriptor(name) and role_key(name):
            pk = self.by_role(role_key(name))
            return [pk] if pk is not None else []
        key, org = name_key(name), org_key(name)
        found = {pk for (alias, cls), pk in self.aliases.items() if alias == key or (cls == "other" and alias == org)}
        for cls, k in (("person", key), ("organization", org)):
            pk = self._fuzzy(k, cls) if k else None
            if pk is not None:
                found.add(pk)
        return sorted(found)

    def _learn(self, pk: int, speaker: Speaker, key: str | None = None, day: str | None = None) -> None:
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
                entity.seen_as(rk, day)
                self.store.add_role(pk, rk, " ".join(text.split()), day)

    def by_role(self, rk: str | None, day: str | None = None) -> int | None:
        """Who held role ``rk`` on ``day``: the entity seen in it nearest that day (inside the time it was seen in
        the role, else the fewest days outside it), then the one most often seen in it (ties: the earliest)."""
        if not rk:
            return None
        holders = [(-e.days_from(rk, day), e.roles[rk], -e.pk, e.pk) for e in self.entities.values() if rk in e.roles]
        return max(holders)[3] if holders else None

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
                ranked.append((score, sum(entity.roles.values()), -pk, pk, countries(surname)))
        if cls != "person":  # an institution of one country is never another's ("defence ministry russia" / "uk")
            own = countries(key)
            seen = {r[4] for r in ranked}
            ranked = [r for r in ranked if r[4] == own or (not own and len(seen) == 1)]
        return max(ranked)[3] if ranked else None

    def describe(self, pk: int) -> dict[str, Any]:
        e = self.entities[pk]
        return {"pk": pk, "name": e.name, "kind": e.kind, "roles": sorted(e.roles)}


def _display(speaker: Speaker, acronyms: dict[str, str] | None = None) -> str:
    """The name to show for a new entity: the name part of the mention, titles and descriptions dropped; an
    acronym's full name ("UN" -> "United Nations")."""
    if _kind(speaker) != "person":
        name = " ".join(w for w in speaker.name.split() if fold(w) not in ("the", "a", "an")) or speaker.name
        written = " ".join(w for w in (speaker.text or "").split() if fold(w) not in ("the", "a", "an"))
        if written != name and _unpossessed(written) == _unpossessed(name):  # "People's", as the article wrote it
            name = written
        return full_name(name) or _spelled_out(name, acronyms) or name
    name = split_mention(speaker.name)[0] or speaker.name
    words = name.split()
    while len(words) > 1 and fold(words[0]) in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def _generic(key: str) -> bool:
    """True for an institution named by its kind alone, without a country ("ministry", "defence ministry",
    "armed forces", "military"): a description of one, not a name."""
    words = set(key.split())
    return not countries(key) and bool(words) and words <= ORG_WORDS | GENERIC_ORG_WORDS


def _with_country(key: str, speaker: Speaker) -> str | None:
    """A generic institution's key with the country of the speaker's affiliation; None when it names none."""
    found = countries(org_key(speaker.affiliation)) if speaker.affiliation else frozenset()
    return " ".join(sorted(set(key.split()) | found)) if len(found) == 1 else None


def _head(name: str) -> str:
    """The head noun of an organisation's name: its last word before 'of', 'for', 'in' ("Office for the
    Coordination of Humanitarian Affairs" -> "office"; "the UN humanitarian office" -> "office")."""
    words = fold(name).split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "for", "in", "on") and i), len(words))
    return SPELLINGS.get(words[cut - 1], words[cut - 1]) if cut else ""


def _unpossessed(text: str) -> str:
    return fold(re.sub(r"['’]s\b", "", text))


def _spelled_out(name: str, acronyms: dict[str, str] | None) -> str | None:
    """An acronym's full name as the article spelled it out (in title case when it comes folded); None when it
    did not."""
    key = acronym_key(name) if len(name.split()) == 1 else None
    full = (acronyms or {}).get(key) if key else None
    if not full or full != full.lower():
        return full or None
    return " ".join(w if w in ROLE_STOP else w.capitalize() for w in full.split())


def _kind(speaker: Speaker) -> str:
    """The entity kind of a named speaker: an institution's name is an organisation whatever the tagger said
    ("Ukraine's General Staff"), and a person's name behind a country possessive is a person ("China's Xi Jinping")."""
    kind = speaker.kind if speaker.kind in NAMED_KINDS else "person"
    if kind == "person" and is_institution(speaker.name):
        return "organization"
    if kind in ("organization", "group") and _person_of_a_country(speaker.name):
        return "person"
    return kind


def _person_of_a_country(name: str) -> bool:
    """ "China's Xi Jinping", "Russia's Sergei Shoigu": a country's possessive, then two or three capitalised words
    that are no organisation's name."""
    part, lead = split_mention(name)
    lead_words = [w for w in fold(lead or "").split() if w != "the"]
    if not part or not lead_words or any(w not in DEMONYMS or DEMONYMS[w] == w for w in lead_words):
        return False
    words = part.split()
    folded = fold(part)
    return (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not ORG_NAME_WORDS & set(folded.split())
            and expand(folded) is None and folded not in known().values() and folded not in SEATS
            and not any(acronym_key(w) for w in words))


def affiliation(speaker: Speaker) -> Speaker | None:
    """The organisation a speaker belongs to, as a mention of it without a span ("UN chief António Guterres":
    the UN), when the affiliation names one: an acronym, a seat ("Kremlin"), or an institution's name;
    None for a country or a people ("Russian", "US") and for a word that names nothing alone ("State")."""
    text = " ".join((speaker.affiliation or "").split())
    words = [w for w in text.split() if fold(w) not in ("the", "a", "an")]
    if not words or role_key(text) or not all(fold(w) for w in words):
        return None
    key = org_key(text)
    named = (len(words) == 1 and acronym_key(words[0]) is not None and (words[0].replace(".", "").isupper()
                                                                         or bool(expand(acronym_key(words[0]) or "")))) \
        or key in SEATS or fold(" ".join(words)) in SEATS or bool(ORG_NAME_WORDS & set(key.split())) \
        or (len(words) >= 2 and all(w[:1].isupper() for w in words))
    if not named or not set(key.split()) - COUNTRIES:
        return None
    return Speaker(text, text=text, kind="organization")


def role_only(speaker: Speaker) -> bool:
    """True for a description ("the Ukrainian president", "a senior official") and for a role word alone,
    whatever the tagger called it: "French President", "the US President" is a person, not an organisation."""
    if is_descriptor(speaker):
        return True
    if speaker.kind not in ("organization", "group") or is_institution(speaker.name):
        return False
    return split_mention(speaker.name)[0] is None and (role_key(speaker.name) or role_noun(speaker.name)) is not None


def _given_names_agree(a: list[str], b: list[str]) -> bool:
    """Given names (all but the last word) agree when either side has none, or they match fuzzily or by initial."""
    ga, gb = a[:-1], b[:-1]
    if not ga or not gb:
        return True
    x, y = ga[0], gb[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return fuzz.ratio(x, y) >= 55  # transliterations: Vladimir/Volodymyr 59, Dmitry/Dmytro 67
