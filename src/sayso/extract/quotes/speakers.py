"""Speakers resolved within one article: names repaired, surnames, roles and pronouns tied to people."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, replace

from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from sayso.extract.quotes.datelines import skip_dateline
from sayso.extract.quotes.words import cue_words
from sayso.extract.quotes.speaker_phrases import (PROPER_TAGS, appositive_name, capitalised_name, counted_member, definite,
                                           described_as_person, describes_person, distinct, given_name, is_age, media,
                                           modifiers, noun_phrase, strip_det, words)
from sayso.models import Speaker
from sayso.nlp.pipeline import column, string_ids

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_RECENT_CHARS = 250  # how far back "the general" looks for the person it renames
_LEDE_CHARS = 400  # a role named before its holder only in the opening lines
_DESCRIBED_TOKENS = 80  # how far back "he" looks for a described, unnamed person
_ISSUER_TOKENS = 150  # how far back "the statement" looks for the sentence that put it out
_AUTHOR_ENTS = frozenset({"ORG", "PERSON"})  # "a Benghazi email" is about Benghazi, not from it


def _once_per_token(step):
    """Memoise a resolution step per token and cut cycles by construction.

    Each step runs at most once per token per article; a step asked again for a token it is still
    resolving (the parse led it round a loop: a pronoun whose antecedent's statement is "its") gets
    ``None``, so no chain of steps can recurse without end, whatever the parse.
    """
    name = step.__name__

    @functools.wraps(step)
    def run(self, tok: Token, *args):
        key = (name, tok.i)
        if key in self._memo:
            return self._memo[key]
        if key in self._visiting:
            return None
        self._visiting.add(key)
        try:
            found = step(self, tok, *args)
        finally:
            self._visiting.discard(key)
        self._memo[key] = found
        return found

    return run


@dataclass(slots=True)
class Person:
    """One person mention in the article with its canonical name."""

    start: int
    end: int
    name: str
    subject: bool
    role: str | None
    affiliation: str | None = None


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha


def _name_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Repair a PERSON entity's token boundaries: take in capitalised proper nouns on both sides."""
    titles = words()["titles"]
    while end < len(doc) and doc[end].tag_ in PROPER_TAGS and _is_cap(doc[end]) \
            and doc[end].ent_type_ in ("", "PERSON", "FAC", "PRODUCT", "ORG", "GPE") and doc[end].lower_ not in titles:
        end += 1
    while start > 0 and doc[start - 1].tag_ in PROPER_TAGS and _is_cap(doc[start - 1]) \
            and doc[start - 1].lower_ not in titles and doc[start - 1].ent_type_ in ("", "PERSON") \
            and not doc[start - 1].is_sent_start:
        start -= 1
    return start, end


def _role_before(doc: Doc, start: int) -> tuple[str | None, str | None, str | None]:
    """The title/role words right before a name ("Russian President"), an honorific's gender, and
    the body named in the role."""
    w = words()
    i, gender = start, None
    while i > 0 and start - i < 6:
        tok = doc[i - 1]
        low = tok.lower_
        if low in w["female_honorifics"] or low in w["female_nouns"]:
            gender = "f"
        elif low in w["male_honorifics"] or low in w["male_nouns"]:
            gender = "m"
        abbreviation = low == "." and i > 1 and doc[i - 2].lower_ + "." in w["titles"]  # "Lt" "." as two tokens
        if not (low in w["titles"] or low in w["role_nouns"] or (_is_cap(tok) and tok.tag_ in ("NNP", "JJ", "NNPS"))
                or (tok.tag_ == "POS" and i - 1 > 0) or abbreviation or (low in w["org_words"] and i < start)):
            break
        i -= 1
    role_toks = [t for t in doc[i:start] if t.lower_ not in w["female_honorifics"] | w["male_honorifics"]]
    has_role = any(t.lower_ in w["role_nouns"] or t.lower_ in w["titles"] for t in role_toks)
    if not (has_role and role_toks):
        return None, gender, None
    return "".join(t.text_with_ws for t in role_toks).strip(), gender, affiliation(role_toks)  # as written: "Lt. Col."


def affiliation(tokens) -> str | None:
    """The named body in a role ("German Defense Ministry spokesperson" -> "German Defense Ministry")."""
    w = words()
    run: list = []
    for t in tokens:
        entity = t.ent_type_ in ("ORG", "NORP", "GPE")
        generic = not run and not entity and t.lower_ in w["role_adjectives"]  # "Regional Gov." names no body
        title = t.lower_ in w["titles"]
        named = (entity and not (title and t.text.endswith("."))) or (
            t.tag_ in PROPER_TAGS and not title and not generic and t.is_alpha)  # "Brig." tagged ORG names no body
        if named or (run and t.tag_ == "POS"):
            run.append(t)
        elif run:
            break
    while run and run[-1].tag_ == "POS":
        run.pop()
    if len(run) == 1 and not run[0].ent_type_:
        return None  # "Health Minister": a portfolio, not a body the article names
    return "".join(t.text_with_ws for t in run).strip() or None


def _norm_key(text: str) -> str:
    out = text.lower().replace("’", "'").replace("'s ", " ").replace(" 's", "")
    for det in ("the ", "a ", "an ", "his ", "her ", "its ", "their "):
        if out.startswith(det):
            out = out[len(det):]
    return " ".join(out.split())


@functools.lru_cache(maxsize=1)
def _title_ids() -> frozenset[int]:
    """The ids of the person titles' lower-case forms on the Doc's arrays."""
    return string_ids(frozenset(words()["person_titles"]))


class ArticleSpeakers:
    """Person mentions of one article, with surname and role tables, that resolve speaker mentions."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.quoted = quoted or []  # character spans of quoted passages: no pronoun refers inside them
        self.persons: list[Person] = []
        self.by_surname: dict[str, str] = {}
        self.by_role: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        self.token_person: dict[int, Person] = {}
        self.ents = doc.ents
        self._memo: dict[tuple[str, int], Speaker | None] = {}
        self._visiting: set[tuple[str, int]] = set()
        self._scan()
        self._starts = [p.start for p in self.persons]

    def _scan(self) -> None:
        doc = self.doc
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            a, b = _name_span(doc, ent.start, ent.end)
            if a < b and doc[b - 1].tag_ == "POS":
                b -= 1
            if a >= b or (a > 0 and a < ent.start and self.token_person.get(a)):
                continue
            if doc[ent.start].text.lower() in words()["not_person_first_words"]:
                continue  # "Port Said", "HMS Kestrel": a place or a ship the model took for a person
            self._add_person(a, b)
        titles = _title_ids()
        appos = doc.vocab.strings["appos"]
        for i, (dep, low) in enumerate(zip(column(doc, DEP), column(doc, LOWER))):
            if low in titles and i not in self.token_person:
                self._add_titled(i)
            if dep == appos:
                self._add_apposition(doc[i])
        self.persons.sort(key=lambda p: p.start)
        self._full_names()

    def _full_names(self) -> None:
        """A surname seen before its full name ("Syrskyi ... Gen. Oleksandr Syrskyi") takes the full name."""
        full = {p.name: self.by_surname[p.name.lower()] for p in self.persons
                if " " not in p.name and p.name.lower() in self.by_surname}
        for p in self.persons:
            p.name = full.get(p.name, p.name)
        self.by_role = {k: full.get(v, v) for k, v in self.by_role.items()}
        for short, name in full.items():
            if short in self.gender:
                self.gender.setdefault(name, self.gender[short])

    def _add_titled(self, i: int) -> None:
        """"Gen. Valerii Zaluzhnyi" tagged ORG or not at all: a person title before capitalised names."""
        doc, end = self.doc, i + 1
        while end < len(doc) and doc[end].tag_ in PROPER_TAGS and _is_cap(doc[end]) \
                and doc[end].lower_ not in words()["titles"] and doc[end].ent_type_ not in ("GPE", "NORP"):
            end += 1
        if end > i + 1 and not any(j in self.token_person for j in range(i + 1, end)) \
                and doc[end - 1].lower_ not in words()["org_words"]:  # "the General Staff" is a body, not a person
            self._add_person(i + 1, end)

    def _add_person(self, a: int, b: int) -> None:
        doc, w = self.doc, words()
        toks = [t for t in doc[a:b]
                if t.lower_ not in w["titles"] and t.tag_ != "POS" and any(c.isalpha() for c in t.text)]
        if not toks:
            return
        full = " ".join(t.text for t in toks)
        surname = toks[-1].lower_
        name = self.by_surname.get(surname, full) if len(toks) == 1 else full
        if len(toks) > 1 and surname not in self.by_surname:
            self.by_surname[surname] = full
        role, gender, body = _role_before(doc, a)
        first = toks[0].lower_
        if gender is None and len(toks) > 1 and first in w["female_names"]:
            gender = "f"
        head = doc[b - 1]
        if gender is None:  # "Esperance Mapendo, a mother of five": the apposition tells
            nouns = {c.lower_ for c in head.children if c.dep_ == "appos"}
            gender = "f" if nouns & w["female_nouns"] else "m" if nouns & w["male_nouns"] else None
        if gender:
            self.gender.setdefault(name, gender)
        if role:
            self._add_role(role, name)
        head = doc[b - 1]
        subject = head.dep_ in _SUBJECT_DEPS or (head.dep_ == "appos" and head.head.dep_ in _SUBJECT_DEPS)
        person = Person(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), name, subject, role, body)
        self.persons.append(person)
        for i in range(a, b):
            self.token_person[i] = person

    def _add_role(self, role: str, name: str, head: str | None = None) -> None:
        key = _norm_key(role)
        self.by_role[key] = name
        last = head or (key.split()[-1] if key else "")
        if last in words()["role_nouns"] and not distinct(key):  # a shadow minister is not "the minister"
            self.by_role[last] = name

    def _add_apposition(self, tok: Token) -> None:
        """"X, the acting chief of Y," and "the acting chief, X," both tie a role to a person."""
        head = tok.head
        person, role_tok = self.token_person.get(head.i), tok
        if person is None:
            person, role_tok = self.token_person.get(tok.i), head
        if person is None or role_tok.lower_ not in words()["role_nouns"] | words()["unnamed_nouns"]:
            return
        a, b = noun_phrase(role_tok)
        self._add_role(self.doc[a:b].text, person.name, role_tok.lower_)
        self._add_role(self.doc[a:role_tok.i + 1].text, person.name, role_tok.lower_)
        if person.role is None:
            person.role = strip_det(self.doc[a:b])
            person.affiliation = affiliation(self.doc[a:b])

    # ------------------------------------------------------------------ resolution

    @_once_per_token
    def resolve(self, head: Token) -> Speaker | None:
        """The Speaker a subject (or agent) token stands for, its mention kept as written."""
        low = head.lower_
        w = words()
        if head.tag_ in ("PRP", "WP") or low in w["relative_pronouns"] and head.tag_ in ("WDT", "WP"):
            return self._pronoun(head)
        a, b = noun_phrase(head)
        span = self.doc[a:b]
        start, end = span.start_char, span.end_char
        person = self.token_person.get(head.i)
        if person is None:  # "Its head, Oleksandr Pavlenko, said": the apposition names the speaker
            person = next((self.token_person[c.i] for c in head.rights
                           if c.dep_ == "appos" and c.i in self.token_person), None) or self._named_after_place(head)
        if person is not None:
            return self._known(person.name, start, end, span.text)
        named = appositive_name(head) or given_name(head)
        if named is not None:
            return Speaker(named, start, end, span.text, "person", _norm_key(span.text))
        if head.tag_ in PROPER_TAGS and low in self.by_surname and head.ent_type_ != "NORP" \
                and (b - a == 1 or head.ent_type_ not in ("ORG", "GPE")):
            return self._known(self.by_surname[low], start, end, span.text)
        return self._noun(head, span)

    def _named_after_place(self, head: Token) -> Person | None:
        """"An aid official in Geneva, Jana Novak, said": the parse hung the name on the place."""
        places = [o for p in head.rights if p.dep_ == "prep" for o in p.children
                  if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "FAC")]
        return next((self.token_person[t.i] for o in places for t in o.rights
                     if t.dep_ == "appos" and t.i in self.token_person), None)

    def _known(self, name: str, start: int, end: int, text: str) -> Speaker:
        """A person already named in the article, with the role and affiliation stated for them."""
        p = next((p for p in self.persons if p.name == name and p.role), None)
        return Speaker(name, start, end, text, "person", p.role if p else None, p.affiliation if p else None)

    def _noun(self, head: Token, span) -> Speaker:
        w = words()
        low, text = head.lower_, span.text
        titled = [t for t in span if t.lower_ not in w["titles"] and t.tag_ != "DT"]
        if head.tag_ in PROPER_TAGS and span[0].lower_ in w["person_titles"] and titled:
            # "Gen. Valerii Zaluzhnyi" when the model missed the PERSON: a title makes it a person
            return Speaker(" ".join(t.text for t in titled), span.start_char, span.end_char, text, "person")
        if counted_member(span, head):  # "a Republican", "one Syrian", "two Ukrainians": people, unnamed
            return Speaker(text, span.start_char, span.end_char, text, "unnamed")
        author = self._author(head, span) if low in cue_words().channels and head.tag_ in ("NN", "NNS") else None
        if author is not None:  # "the statement said": the speaker is whoever put the statement out
            return replace(author, start=span.start_char, end=span.end_char, text=text)
        if head.tag_ in PROPER_TAGS and head.ent_type_ != "PERSON" and described_as_person(head):
            return Speaker(strip_det(span), span.start_char, span.end_char, text, "person")
        # "The French President": a capitalised role word is a person's role, not an organisation's name
        role_word = low in w["role_nouns"] and definite(span) and head.ent_type_ not in ("ORG", "PERSON", "FAC")
        if not role_word and (head.ent_type_ in ("ORG", "NORP", "GPE", "FAC") or head.tag_ in PROPER_TAGS):
            kind = "media" if media(span) else "organization"
            return Speaker(strip_det(span), span.start_char, span.end_char, text, kind)
        if is_age(head):  # "said the 34-year-old": the person just named
            person = self._just_named(span)
            if person is not None:
                return self._known(person.name, span.start_char, span.end_char, text)
            return Speaker(text, span.start_char, span.end_char, text, "unnamed")
        key = _norm_key(text)
        named = self.by_role.get(key)
        if named is None and definite(span) and low in w["role_nouns"]:
            named = self._by_modifier(span, head)
            if named is None and not modifiers(span, head):  # "the Russian president" is nobody else's role
                named = self.by_role.get(low) or self._recent(span)
            named = named or self._cataphora(span)
        if named is not None:
            return self._known(named, span.start_char, span.end_char, text)
        if media(span):
            return Speaker(strip_det(span), span.start_char, span.end_char, text, "media")
        if low in w["org_words"]:
            return Speaker(strip_det(span), span.start_char, span.end_char, text, "organization")
        if role_word and head.tag_ in ("NN", "NNP"):
            return Speaker(text, span.start_char, span.end_char, text, "person", key)
        if capitalised_name(span):  # "Doctors Without Borders", with a common noun at its head
            return Speaker(strip_det(span), span.start_char, span.end_char, text, "organization")
        kind = "unnamed" if low in w["unnamed_nouns"] or not definite(span) else "group"
        return Speaker(text, span.start_char, span.end_char, text, kind)

    @_once_per_token
    def _author(self, head: Token, span) -> Speaker | None:
        """Who put out the statement, letter or video ``head``: "the ministry's statement", "a statement from
        the army", "a Kremlin statement", or "the statement" after "the army issued a statement"."""
        found = self._stated_author(head)
        if found is not None or not definite(span):
            return found
        for j in range(head.i - 1, max(-1, head.i - _ISSUER_TOKENS), -1):
            earlier = self.doc[j]
            if earlier.lower_ != head.lower_:
                continue
            found = self._stated_author(earlier)
            if found is not None:
                return found
            verb = earlier.head if earlier.dep_ == "dobj" else earlier.head.head if earlier.dep_ == "pobj" else None
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
            if subject is not None and subject.lower_ not in cue_words().channels \
                    and skip_dateline(self.doc, subject.i, len(self.doc)) == subject.i:
                return self.resolve(subject)  # "the army issued a statement", "the army said in a statement"
            return None
        return None

    def _stated_author(self, head: Token) -> Speaker | None:
        """The author a statement noun names itself: a possessive, a proper-name modifier, "from/by X"."""
        for c in head.children:
            if c.dep_ == "poss" and c.tag_ == "PRP$":  # "its statement": whoever "its" stands for
                return self._pronoun(c)
            if c.ent_type_ in ("DATE", "TIME") or c.lower_ in words()["platform_names"]:
                continue  # "Tuesday's statement", "a Telegram post": when and where, not who
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.tag_ in PROPER_TAGS and c.ent_type_ in _AUTHOR_ENTS):
                return self.resolve(c)
            if c.dep_ == "relcl" and c.i > head.i:  # "a speech Mrs. Clinton delivered", "a statement that the army posted"
                subject = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
                first = head.i + 2 if self.doc[head.i + 1].lower_ in ("that", "which") else head.i + 1
                if subject is not None and subject.left_edge.i == first:
                    return self.resolve(subject)
            if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.lower_ not in cue_words().channels | words()["platform_names"]:
                    return self.resolve(obj)
        return None

    def _by_modifier(self, span, head: Token) -> str | None:
        """"the Israeli leader": the latest person whose stated role shares the capitalised modifier."""
        mods = modifiers(span, head)
        if not mods:
            return None
        i = bisect.bisect_left(self._starts, span.start_char)
        for p in reversed(self.persons[:i]):
            if p.role and mods & set(p.role.lower().split()):
                return p.name
        return None

    def _recent(self, span) -> str | None:
        """"The general added ...": a singular role right after a named person's sentence is that person."""
        if span.root.tag_ != "NN":
            return None
        person = self._just_named(span)
        if person is not None and person.role and distinct(_norm_key(person.role)) - distinct(_norm_key(span.text)):
            return None  # "the defence secretary" after the shadow defence secretary is someone else
        return person.name if person is not None else None

    def _just_named(self, span):
        """The person named last before ``span``, when they are close enough for a description to rename them."""
        person = self.antecedent(span.start_char, "any")
        return person if person is not None and span.start_char - person.end < _RECENT_CHARS else None

    def _cataphora(self, span) -> str | None:
        """A lede's "the country's top commander" named in the next sentence or paragraph."""
        if span.start_char > _LEDE_CHARS:
            return None
        i = bisect.bisect_left(self._starts, span.sent.end_char)
        if i < len(self.persons) and self.persons[i].start - span.end_char < 400 and self.persons[i].subject:
            return self.persons[i].name
        return None

    @_once_per_token
    def _pronoun(self, tok: Token) -> Speaker | None:
        w = words()
        low = tok.lower_
        if low in w["relative_pronouns"] and tok.dep_ in _SUBJECT_DEPS and tok.head.dep_ == "relcl":
            named = self.resolve(tok.head.head)
            if named is None or tok.head.head.tag_ in ("PRP", "WP"):
                return named
            return Speaker(named.name, tok.idx, tok.idx + len(tok), tok.text, named.kind, named.role)
        pos = tok.idx
        if low in w["first_person"]:
            # the writer or a group speaking for itself outside quotation marks: keep the mention
            kind = "person" if low in ("i", "me") else "group"
            return Speaker(tok.text, pos, pos + len(tok), tok.text, kind)
        if low in w["pronouns_male"] or low in w["pronouns_female"]:
            want = "f" if low in w["pronouns_female"] else "m"
            person = self.antecedent(pos, want)
            role = self._role_subject(tok, person)
            if role is not None:
                return Speaker(role.name, pos, pos + len(tok), tok.text, role.kind, role.role, role.affiliation)
            if person is None:
                return self._described(tok)
            return self._known(person.name, pos, pos + len(tok), tok.text)
        if low in w["pronouns_group"] or low in w["pronouns_thing"]:
            org = self._last_org(tok)
            if org is not None:
                return Speaker(org[0], pos, pos + len(tok), tok.text, org[1])
        if low in w["pronouns_group"]:
            group = self._last_plural(tok)
            if group is not None:
                return Speaker(group.name, pos, pos + len(tok), tok.text, group.kind)
        return None

    def _described(self, tok: Token) -> Speaker | None:
        """"A drone operator who gave only his call sign said ... ‘...,’ he said": with nobody named before
        it, "he" is the last person the article described, a role or a noun with a "who" clause."""
        doc = self.doc
        for j in range(tok.i - 1, max(-1, tok.i - _DESCRIBED_TOKENS), -1):
            t = doc[j]
            if t.tag_ != "NN" or t.dep_ not in ("nsubj", "nsubjpass", "appos") or self._in_quote(t.idx):
                continue
            if t.lower_ in words()["role_nouns"] or any(c.dep_ == "relcl" and describes_person(c) for c in t.children):
                a, b = noun_phrase(t)
                span = doc[a:b]
                kind = "person" if definite(span) else "unnamed"
                return Speaker(span.text, tok.idx, tok.idx + len(tok), tok.text, kind)
        return None

    def _role_subject(self, tok: Token, person: Person | None) -> Speaker | None:
        """"The defence secretary announced aid. ‘...,’ he said": a definite singular role, subject of a
        sentence after the last named person, stands for the pronoun (when it names someone, or
        when nobody is named before it)."""
        doc = self.doc
        floor = person.end if person is not None else -1
        role_nouns = words()["role_nouns"]
        for j in range(tok.i - 1, max(-1, tok.i - 80), -1):
            cand = doc[j]
            if cand.idx < floor or tok.idx - cand.idx > _RECENT_CHARS:
                return None
            if cand.tag_ == "NN" and cand.dep_ in _SUBJECT_DEPS and cand.lower_ in role_nouns \
                    and j not in self.token_person and not self._in_quote(cand.idx):
                span = doc[slice(*noun_phrase(cand))]
                if not definite(span):
                    return None
                found = self._noun(cand, span)
                # an unnamed role beats a person named earlier only when it resolves to a name
                return found if person is None or found.name != span.text else None
        return None

    def _in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def _last_plural(self, tok: Token) -> Speaker | None:
        """"Insiders ... They said": the last plural noun subject or object shortly before."""
        doc = self.doc
        for j in range(tok.i - 1, max(-1, tok.i - 60), -1):
            cand = doc[j]
            if cand.tag_ in ("NNS", "NNPS") and cand.dep_ in ("nsubj", "dobj", "pobj"):
                return self._noun(cand, doc[slice(*noun_phrase(cand))])
        return None

    def antecedent(self, pos: int, want: str) -> Person | None:
        """The last person before ``pos`` a pronoun of gender ``want`` can refer to, subjects first."""
        i = bisect.bisect_left(self._starts, pos)
        fallback = None
        for p in reversed(self.persons[max(0, i - 12):i]):
            if self.quoted and self._in_quote(p.start):
                continue  # "‘We stand with Kyiv,’ he said": a name inside the quote is not who speaks
            g = self.gender.get(p.name)
            if (want == "m" and g == "f") or (want == "f" and g == "m"):
                continue
            if want == "f" and g is None:  # an unfamiliar first name: the nearest one, unless a known woman is found
                if fallback is None or (p.subject and not fallback.subject and pos - p.end < 400):
                    fallback = p  # a subject before a name in passing ("..., who reached a camp near Goma")
                continue
            if p.subject or pos - p.end < 200:
                return p
            fallback = fallback or p
        return fallback

    def _last_org(self, tok: Token) -> tuple[str, str] | None:
        """The organisation "it" stands for: the last ORG entity, or a nearer subject like "the military"."""
        found, at = None, -1
        for ent in reversed(self.ents):
            if ent.end > tok.i:
                continue
            if tok.i - ent.end > 80:
                break
            if ent.label_ == "ORG" and ent.root.lower_ not in words()["time_zones"]:  # "13:10 GMT" is no one
                found, at = (strip_det(ent), "media" if media(ent) else "organization"), ent.end
                break
        org_words = words()["org_words"]
        for j in range(tok.i - 1, max(at, tok.i - 80), -1):
            cand = self.doc[j]
            if cand.dep_ == "nsubj" and cand.tag_ == "NN" and cand.lower_ in org_words and cand.ent_type_ != "ORG":
                span = self.doc[slice(*noun_phrase(cand))]
                return strip_det(span), "media" if media(span) else "organization"
        return found
