"""Claim frames: what a figure measures, whose it is, where and when, decided on the parse.

"Moscow has deployed 100,000 soldiers near the border" and "Russia has amassed 130,000 troops"
both measure ``troops`` owned by ``RU``: the concept comes from the counted noun's lemma and the
cue lemmas on the path from the number up to its clause's verb (``data/measures_en.json``), the
owner from the parse (a possessive, a demonym, "of X", or the subject of a verb of having or
sending), sides from the place records (Moscow and the Kremlin stand for Russia) and the side
table (``sayso.extract.sides``). A figure the vocabulary does not know (an elapsed time, an age) gets no frame.
"""

from __future__ import annotations

import collections
import functools
import json
from dataclasses import dataclass, replace
from importlib import resources
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from sayso.extract.claims.periods import Periods
from sayso.extract.sides import side_words
from sayso.models import Claim, DateRef, Frame, Place
from sayso.nlp.pipeline import doc_text, lemma

_MAX_HOPS = 6  # how far up the parse the number's clause verb is looked for
_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = ("WDT", "WP", "WP$")
POSS_PLACE = "@poss_place"  # the cue a place's possessive puts in the bag ("Kyiv's residents")


@dataclass(frozen=True)
class Concept:
    """One measure of the vocabulary (see the ``_about`` of ``data/measures_en.json``)."""

    name: str
    kind: str
    unit: str
    whose: str
    nouns: frozenset[str]
    self_nouns: frozenset[str]
    cues: frozenset[str]
    pairs: tuple[tuple[str, str], ...]
    units: frozenset[str]
    stances: tuple[tuple[str, frozenset[str]], ...]
    local: bool = False
    parts: tuple[str, ...] = ()     # the wholes it is a part of ("killed" of "casualties")

    def matches(self, noun: str | None, unit_kind: str, bag: set[str]) -> bool:
        if unit_kind != "count" and self.unit == unit_kind and (self.units or not self.nouns) and self._cued(bag):
            return True
        if unit_kind not in ("count", self.unit) or noun is None:
            return False
        if noun in self.self_nouns:
            return True
        return noun in self.nouns and self._cued(bag)

    def _cued(self, bag: set[str]) -> bool:
        if not self.cues and not self.pairs:
            return True
        return bool(self.cues & bag) or any(a in bag and b in bag for a, b in self.pairs)

    def stance(self, bag: set[str]) -> str | None:
        return next((name for name, words in self.stances if words & bag), None)


@dataclass(frozen=True)
class Vocabulary:
    concepts: tuple[Concept, ...]
    unit_kinds: dict[str, str]
    never_units: frozenset[str]
    never_nouns: frozenset[str]
    owner_verbs: frozenset[str]
    victim_verbs: frozenset[str]  # "Russia has lost 200 soldiers": the subject is the victims' side
    war_nouns: frozenset[str]
    event_nouns: frozenset[str]
    enemy_words: frozenset[str]
    increment_words: frozenset[str]
    place_nouns: frozenset[str]
    number_nouns: frozenset[str]  # "the number of X", "the toll": a subject naming what a bare figure counts
    bare_noun: str                # what a bare "40 were killed" counts


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The measure vocabulary, its ``@list`` references expanded."""
    data = json.loads(resources.files("sayso.data").joinpath("measures_en.json").read_text("utf-8"))

    def words(items) -> frozenset[str]:
        out: set[str] = set()
        for item in items or ():
            out.update(data[item[1:]] if item.startswith("@") else [item])
        return frozenset(out)

    concepts = []
    for c in data["concepts"]:
        cues = c.get("cues", [])
        concepts.append(Concept(
            name=c["name"], kind=c["kind"], unit=c["unit"], whose=c["whose"], nouns=words(c.get("nouns")),
            self_nouns=words(c.get("self_nouns")), cues=frozenset(x for x in cues if ":" not in x),
            pairs=tuple(tuple(x.split(":", 1)) for x in cues if ":" in x), units=frozenset(c.get("units", ())),
            stances=tuple((k, frozenset(v)) for k, v in c.get("stances", {}).items()), local=bool(c.get("local")),
            parts=tuple(c.get("parts", ()))))
    return Vocabulary(tuple(concepts), data["unit_kinds"], frozenset(data["never_framed_units"]),
                      frozenset(data["never_framed_nouns"]), frozenset(data["subject_owner_verbs"]),
                      frozenset(data["subject_victim_verbs"]),
                      frozenset(data["war_nouns"]), frozenset(data["event_nouns"]), frozenset(data["enemy_words"]),
                      frozenset(data["increment_words"]), frozenset(data["place_nouns"]),
                      frozenset(data["number_nouns"]), data["bare_count_noun"])


def frame_claims(doc: Doc, claims: Sequence[Claim], places: Sequence[Place] = (), dates: Sequence[DateRef] = (),
                 published: str | None = None) -> list[Claim]:
    """The claims with their ``frame`` filled in; an owner the sentence leaves out is the one the article
    gives the same measure elsewhere, and a victim's side with no place is the article's main country."""
    framer = _Framer(doc, places, dates, published)
    framed = [replace(c, frame=framer.frame(c)) for c in claims]
    return _from_article(framed, places, framer.text)


def _paragraph(text: str, at: int) -> int:
    """The start of the paragraph holding offset ``at``."""
    return text.rfind("\n", 0, at) + 1


def _from_article(claims: list[Claim], places: Sequence[Place], text: str) -> list[Claim]:
    """Owners left out by a sentence, from the same paragraph; victims' places from the whole article."""
    owners: dict[tuple[str, int], collections.Counter] = collections.defaultdict(collections.Counter)
    for c in claims:
        if c.frame is not None and c.frame.whose is not None and c.frame.whose_start is not None:
            owners[(c.frame.concept, _paragraph(text, c.quantity.start))][c.frame.whose] += 1
    countries = collections.Counter(p.country_code for p in places if p.country_code and not p.metonym)
    top = countries.most_common(1)[0] if countries else None
    # the article's country only when it holds half its places: a round-up of several countries has none
    main = top[0] if top is not None and top[1] >= sum(countries.values()) / 2 else None
    out = []
    for c in claims:
        f = c.frame
        if f is not None and f.whose is None:
            seen = owners.get((f.concept, _paragraph(text, c.quantity.start)))
            if seen and len(seen) == 1:
                f = replace(f, whose=next(iter(seen)))
            elif f.place_country is None and main is not None and _concept(f.concept).whose in ("victim", "place"):
                f = replace(f, place_country=main)
            c = replace(c, frame=f)
        out.append(c)
    return out


def _concept(name: str) -> Concept:
    return next(c for c in vocabulary().concepts if c.name == name)


class _Framer:
    """Frames the claims of one parsed article."""

    def __init__(self, doc: Doc, places: Sequence[Place], dates: Sequence[DateRef], published: str | None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.vocab = vocabulary()
        self.sides = side_words()
        self.place_at: dict[int, Place] = {}
        for p in places:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            for tok in span or ():
                self.place_at[tok.i] = p
        self.periods = Periods(doc, dates, published)

    def frame(self, claim: Claim) -> Frame | None:
        q = claim.quantity
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        unit_kind = self._unit_kind(q.si_unit, q.currency)
        if unit_kind in self.vocab.never_units:
            return None
        number, noun_tok = self._anchors(span, q.counted)
        path = self._path(noun_tok or number)
        named = self._named_by_subject(path)  # "the number of displaced people has reached 90,000"
        if noun_tok is None and named is not None:
            noun_tok, named = named, None
        noun = lemma(noun_tok).lower() if noun_tok is not None else self._bare(number, path, unit_kind)
        if noun in self.vocab.never_nouns and unit_kind == "count":
            return None
        extra = [named] if named is not None else []
        bag = self._bag(span, number, noun_tok, path + extra)
        inner = self._bag(span, number, noun_tok, extra)  # "five soldiers wounded": the noun's own words first
        concept = next((c for c in self.vocab.concepts if (c.cues or c.pairs) and c.matches(noun, unit_kind, inner)),
                       None) or next((c for c in self.vocab.concepts if c.matches(noun, unit_kind, bag)), None)
        if concept is None:
            return None
        concept = self._whole(concept, noun, unit_kind, path, noun_tok)
        whose = self._whose(concept, noun_tok, path)
        place = self._place(span, path, whose)
        sent = span.sent
        return Frame(
            concept=concept.name, kind=concept.kind, unit_kind=unit_kind,
            whose=whose[0] if whose else None, whose_text=whose[1].text if whose else None,
            whose_start=whose[1].idx if whose else None,
            whose_end=whose[1].idx + len(whose[1]) if whose else None,
            place=place.name if place else None, place_country=place.country_code if place else None,
            when=self.periods.when(sent, span), since=self.periods.since(sent, span), scope=self._scope(path, sent, bag),
            stance=concept.stance(bag), increment=bool(bag & self.vocab.increment_words))

    def _named_by_subject(self, path: list[Token]) -> Token | None:
        """What the subject of the figure's verb says it counts: "the number of displaced people" (people, with
        its words) "has reached 90,000"; "the toll rose to 23" (the toll itself)."""
        verb = path[-1]
        if len(path) < 2 or not verb.tag_.startswith("VB"):
            return None
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is None or lemma(subject).lower() not in self.vocab.number_nouns:
            return None
        counted = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
        return counted if counted is not None else subject

    def _bare(self, number: Token, path: list[Token], unit_kind: str) -> str | None:
        """What a bare number counts as its verb's subject or object: people, when the verb cues only concepts
        that count people ("40 were killed", "nearly 120,000 have fled"; not "lost 40", which may be tanks, nor
        "two of them died", a part of a group counted elsewhere)."""
        verb = path[-1]
        if unit_kind != "count" or number.head.i != verb.i or not verb.tag_.startswith("VB") \
                or number.dep_ not in ("nsubj", "nsubjpass", "dobj") \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
            return None  # "two of those evacuated died": a part of a group counted elsewhere
        cued = [c for c in self.vocab.concepts if lemma(verb).lower() in c.cues]
        people = self.vocab.bare_noun
        return people if cued and all(people in c.nouns for c in cued) else None

    def _whole(self, concept: Concept, noun: str | None, unit_kind: str, path: list[Token],
               noun_tok: Token | None) -> Concept:
        """ "killed and wounded 40 soldiers", "were killed or injured", "left 40 people dead and injured": words of
        two parts of one whole (killed, wounded) coordinated over one figure count the whole (casualties)."""
        for group in _coordinations(path, noun_tok):
            words = {lemma(t).lower() for t in group}
            for whole in concept.parts:
                found = [c for c in self.vocab.concepts if whole in c.parts and c.cues
                         and c.matches(noun, unit_kind, words)]
                if len(found) > 1:
                    return next((c for c in self.vocab.concepts if c.name == whole), concept)
        return concept

    # -- reading the parse -----------------------------------------------------------------------

    def _unit_kind(self, si_unit: str | None, currency: str | None) -> str:
        if currency:
            return "money"
        if not si_unit or si_unit == "count":
            return "count"
        return self.vocab.unit_kinds.get(si_unit.lower(), "other")

    @staticmethod
    def _anchors(span: Span, counted: str | None) -> tuple[Token, Token | None]:
        """The number's last token and the counted noun's token (inside the span, or just after it)."""
        doc = span.doc
        number = next((t for t in reversed(span) if t.like_num or t.tag_ == "CD"), span.root)
        if counted:
            last = counted.split()[-1].lower()
            for t in list(span) + list(doc[span.end:min(len(doc), span.end + 3)]):
                if t.lower_ == last:
                    return number, t
        nouns = [t for t in span if t.tag_ in ("NN", "NNS", "NNP", "NNPS") and t.i > number.i]
        if nouns:
            return number, nouns[-1]
        head = number.head
        if head.tag_ in ("NN", "NNS") and head.i > number.i and head.i - number.i <= 3:
            return number, head
        return number, None

    @staticmethod
    def _path(start: Token) -> list[Token]:
        """From the counted noun up through its heads to the first verb (a clause's verb), bounded."""
        path = [start]
        tok = start
        for _ in range(_MAX_HOPS):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            path.append(tok)
            if tok.tag_.startswith("VB") and tok.dep_ not in ("amod", "compound"):
                break
        return path

    def _bag(self, span: Span, number: Token, noun: Token | None, path: list[Token]) -> set[str]:
        """Cue lemmas: the path, what the number and noun carry after the number ("3,000 more troops"),
        and each path word's particles, objects, prepositions and adjectival complements."""
        bag: set[str] = set()
        if noun is not None and any(c.dep_ == "poss" and (c.i in self.place_at or lemma(c).lower() in
                                                          self.vocab.place_nouns) for c in noun.children):
            bag.add(POSS_PLACE)  # "the capital's three million residents": who lives there
        near = [t for t in span if t.i > number.i] + ([noun] if noun is not None else [])
        for tok in near + path + _shared_verbs(path):
            bag.add(lemma(tok).lower())
            for c in tok.children:
                if c.dep_ == "acl" and _counts_its_own(c):
                    continue  # "2,000 people, injured at least 5,000": a clause of its own, not the noun's words
                if c.dep_ in ("prt", "dobj", "prep", "acomp", "amod", "compound", "attr", "advmod", "agent",
                              "oprd", "xcomp", "pobj", "acl", "relcl") and c.i not in range(span.start, number.i + 1):
                    bag.add(lemma(c).lower())
                    bag.update(lemma(g).lower() for g in c.children if g.dep_ in ("pobj", "amod", "compound"))
        return bag

    def _whose(self, concept: Concept, noun: Token | None, path: list[Token]) -> tuple[str, Token] | None:
        """The side the figure belongs to, and the token it was read from."""
        if noun is not None:
            for c in noun.children:
                if c.dep_ == "prep" and concept.local:
                    continue  # "150 km2 of Russia's Belgorod region": where the area is, not who holds it
                if c.dep_ in ("poss", "amod", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ in ("of", "from")):
                    target = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else c
                    side = self._side(target) if target is not None else None
                    if side is not None:
                        return side, target
        if concept.whose == "population":  # "the majority of Russians - 60 percent - support"
            for tok in path[1:]:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in ("of", "among"):
                        target = next((g for g in c.children if g.dep_ == "pobj"), None)
                        side = self._side(target) if target is not None else None
                        if side is not None:
                            return side, target
        verb = path[-1]
        verbs = self.vocab.victim_verbs if concept.whose == "victim" else self.vocab.owner_verbs
        if concept.whose in ("place", "population") or not verb.tag_.startswith("VB") \
                or lemma(verb).lower() not in verbs:
            return None
        subject = _subject(verb)
        if subject is not None and subject.tag_ == "PRP" and verb.dep_ == "ccomp":
            subject = _subject(verb.head)  # "the ministry said it launched 12 drones": it is the ministry
        side = self._side(subject) if subject is not None else None
        return (side, subject) if side is not None else None

    def _side(self, tok: Token) -> str | None:
        """A token's side: the country of the place record on it ("Moscow", "the Kremlin"), a demonym or
        country name ("Russian", "U.S."), or an organisation of the alias table ("NATO"); its possessor
        or modifier for a head noun ("Russia's army", "the Russian military")."""
        for cand in [tok] + [c for c in tok.children if c.dep_ in ("poss", "amod", "compound")]:
            if _dateline(cand):
                continue  # "KYIV — Russian forces lost 45 tanks": the dateline is no one's side
            place = self.place_at.get(cand.i)
            if place is not None and place.country_code:
                return place.country_code
            word = cand.lower_.rstrip(".").replace("’s", "").replace("'s", "")
            side = self.sides.get(cand.lower_) or self.sides.get(word)
            if side is not None:
                return side
        return None

    def _place(self, span: Span, path: list[Token], whose: tuple[str, Token] | None) -> Place | None:
        """The place the figure is about: a non-metonym place in its clause, nearest after the number."""
        sent = span.sent
        skip = {whose[1].i} if whose else set()
        if whose:  # "Kyiv's troops control 150 km2": the possessor the side was read from is whose, not where
            skip.update(c.i for c in whose[1].children if c.dep_ in ("poss", "amod", "compound"))
        verb = path[-1]
        found: list[tuple[tuple, Place]] = []
        for tok in sent:
            place = self.place_at.get(tok.i)
            if tok.dep_ == "poss" and span.start <= tok.head.i < span.end + 3 and tok.head.i not in self.place_at:
                continue  # "Kyiv's troops": whose troops, not where ("Ukraine's border" still is where)
            if place is None or place.metonym or tok.i in skip or _in_modifier(tok) or _dateline(tok) \
                    or not _same_clause(tok, verb, span):
                continue
            country = (place.feature or "") in ("country", "PCLI", "PCL", "PCLD", "PCLS", "PCLF")
            found.append(((tok.i < span.start, country, abs(tok.i - span.start)), place))
        if not found:
            return self._place_referred(span, verb)
        return min(found, key=lambda p: p[0])[1]

    def _place_referred(self, span: Span, verb: Token) -> Place | None:
        """ "150 km2 of the region": a definite place noun of the figure's clause, with no name of its own
        ("the city of X"), names the latest place of that kind before it ("the Belgorod region ... the region")."""
        for tok in span.sent:
            if tok.i in self.place_at or lemma(tok).lower() not in self.vocab.place_nouns \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                    or any(c.dep_ in ("prep", "appos", "compound") for c in tok.children) \
                    or not _same_clause(tok, verb, span):
                continue
            kind = lemma(tok).lower()
            before = [p for i, p in self.place_at.items() if i < tok.i and not p.metonym and not _dateline(self.doc[i])
                      and kind in ((p.feature or "").lower(), *(w.lower() for w in (p.name or "").split()[-1:]))]
            if before:
                return max(before, key=lambda p: p.start)
        return None

    def _scope(self, path: list[Token], sent: Span, bag: set[str]) -> str | None:  # noqa: ARG002
        """"war" when the figure counts the whole war ("died in the conflict", "Russia's aggression has
        claimed"), else the event noun it counts ("killed in the strike"), else None."""
        words = {lemma(t).lower() for t in path[1:]}
        for t in path[1:]:
            for c in t.children:
                if c.dep_ in ("prep", "agent"):
                    words.update(lemma(g).lower() for g in c.children if g.dep_ == "pobj")
                elif c.dep_ in ("dobj", "attr"):
                    words.add(lemma(c).lower())
        verb = path[-1]
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS] if verb.tag_.startswith("VB") else []
        found_subject = _subject(verb) if verb.tag_.startswith("VB") else None
        for subject in subjects + ([found_subject] if found_subject is not None else []):
            words.add(lemma(subject).lower())  # every subject: a dateline may be parsed as one ("DNIPRO — A strike")
            if subject.tag_ in _RELATIVE and subject.head.dep_ == "relcl":
                words.add(lemma(subject.head.head).lower())
        if words & self.vocab.war_nouns:
            return "war"
        found = words & self.vocab.event_nouns
        return min(found) if found else None


def _counts_its_own(verb: Token) -> bool:
    """The verb has an object or subject of its own with a number ("injured at least 5,000")."""
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
               for c in verb.children)


def _shares_figure(tok: Token) -> bool:
    return not _counts_its_own(tok) and not any(c.dep_ == "dobj" for c in tok.children)


def _conjuncts(head: Token) -> list[Token]:
    """A word with the words conjoined with it that share its figure (no object or number of their own)."""
    near = [c for c in head.children if c.dep_ == "conj"] + ([head.head] if head.dep_ == "conj" else [])
    return [head] + [t for t in near if t.pos_ == head.pos_ and _shares_figure(t)]


def _shared_verbs(path: list[Token]) -> list[Token]:
    """Verbs conjoined with the clause's verb that share its figure ("killed and wounded 40 soldiers", "were
    killed and wounded"): those with no object or number of their own."""
    if not path or not path[-1].tag_.startswith("VB"):
        return []
    return _conjuncts(path[-1])[1:]


def _coordinations(path: list[Token], noun: Token | None) -> list[list[Token]]:
    """The coordinated predicates over the figure: its clause's verb with its conjuncts, and the complements of
    the verb and the noun ("left 40 people dead and injured") with theirs."""
    heads = [path[-1]] if path and path[-1].tag_.startswith("VB") else []
    for tok in ([path[-1]] if path else []) + ([noun] if noun is not None else []):
        heads += [c for c in tok.children if c.dep_ in ("oprd", "acomp", "amod", "acl", "xcomp", "attr", "ccomp")]
    return [group for group in map(_conjuncts, heads) if len(group) > 1]


def _same_clause(tok: Token, verb: Token, span: Span) -> bool:
    """Whether ``tok`` belongs to the clause of ``verb`` (its head chain meets the verb, or the figure's
    own phrase, before any other verb): "deployed 30,000 troops to Belarus" is not where the troops
    of "amassed 100,000 troops on its border, but deployed ..." are."""
    cur = tok
    for _ in range(10):
        if cur.i == verb.i or span.start <= cur.i < span.end:
            return True
        if cur is not tok and cur.tag_.startswith("VB") and cur.dep_ not in ("amod", "compound", "acl"):
            return False
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _dateline(tok: Token) -> bool:
    """An upper-case place name followed by a dash or an outlet in brackets: the story's dateline."""
    doc = tok.doc
    if not tok.is_upper or len(tok) < 3:
        return False
    after = doc[tok.i + 1:min(len(doc), tok.i + 4)]
    return any(t.text in ("—", "–", "-", "(", "--") for t in after)


def _in_modifier(tok: Token) -> bool:
    """"Moscow-backed", "Russian-controlled": a place inside a hyphenated modifier is not where the figure is."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].tag_ in ("VBN", "JJ", "VBD")


def _subject(verb: Token) -> Token | None:
    """The verb's subject, climbing through conjoined, complement and adverbial clauses; a relative
    pronoun stands for the noun its clause hangs on ("Russia, which has amassed ...")."""
    tok = verb
    for _ in range(4):
        subject = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            subject = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if subject is not None:
            if subject.tag_ in _RELATIVE and tok.dep_ == "relcl":
                return tok.head
            return subject
        if tok.head.i == tok.i or tok.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep", "ccomp"):
            return None  # a participle on a noun ("troops arrayed on its borders") has no owner to lend
        if tok.dep_ in ("advcl", "pcomp") and tok.tag_ == "VBN" and not any(c.lower_ == "having"
                                                                           for c in tok.children):
            return None  # "..., arrayed in 120 groups": a passive participle's subject is not the clause's
        if tok.dep_ == "prep" and tok.head.tag_ in ("NNP", "NNPS", "NN", "NNS") and tok.head.dep_ in ("ROOT", "nsubj"):
            return tok.head  # "Russia, despite having amassed 100,000 troops, ...": the noun the clause hangs on
        tok = tok.head
    return None
