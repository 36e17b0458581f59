"""Actor and target of an event: the phrases the parse gives them, resolved to a side or a name.

Sides are named as sides ("Russian forces", "Ukrainian forces", "civilians"), a specific group by
its name as written ("Rapid Support Forces"); unnamed or disputed attackers ("gunmen", "unknown
assailants") stay None, as the conventions ask.
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.extract.events import lexicon as lx
from sayso.extract.events.context import dateline_end
from sayso.extract.events.triggers import LAUNCH_VERBS, Trigger
from sayso.models import EventParty
from sayso.nlp import lemma

PRONOUNS = frozenset({"it", "they", "them", "he", "she", "we", "who", "which", "that"})
RELATIVES = frozenset({"who", "which", "that"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})
GENERIC_ORGS = frozenset({"ministry", "staff", "command", "government", "office", "council", "administration",
                          "service", "agency", "committee", "police", "army", "forces", "military", "navy"})
TARGET_PREPS = frozenset({"on", "against", "at", "into", "targeting", "in"})


def _noun_phrase(head: Token) -> list[Token]:
    """The head noun with its modifiers, without relative clauses and appositions."""
    keep = {head.i}
    for t in head.subtree:
        path = t
        ok = True
        while path.i != head.i:
            if path.dep_ in ("relcl", "acl", "appos", "conj", "cc", "advcl") or path.dep_ == "prep" and path.lower_ not in ("of",):
                ok = False
                break
            path = path.head
        if ok:
            keep.add(t.i)
    return [head.doc[i] for i in sorted(keep)]


def _child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_object(tok: Token, preps) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            obj = _child(c, "pobj")
            if obj is not None:
                return obj
    return None


def _subject(tok: Token) -> Token | None:
    """The verb's subject; of two (a dateline parsed as a second subject), the one nearer the verb."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return max(subjects, key=lambda c: c.i if c.i < tok.i else -1) if subjects else None


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def actor_head(trig: Trigger) -> Token | None:
    """The token heading whoever did it: the subject, the passive's agent, a noun's possessor or 'by' object;
    "it" or "they" in a reported clause is the reporting verb's subject ("the air force said it had...");
    of an assault repelled, whoever made the assault ("the army repelled an RSF assault")."""
    assault = _repelled(trig.token)
    if assault is not None:
        return _noun_actor(assault)
    return _reporter(_actor_head(trig))


def _repelled(tok: Token) -> Token | None:
    """The attack a verb says was beaten off ("repelled an RSF assault"), or None."""
    if not tok.tag_.startswith("VB") or lemma(tok).lower() not in lx.word_set("repel_verbs"):
        return None
    obj = _child(tok, "nsubjpass") if _passive(tok) else _child(tok, "dobj")
    assaults = next(c.nouns for c in lx.classes() if c.name == "clash")
    return obj if obj is not None and lemma(obj).lower() in assaults else None


def _reporter(head: Token | None) -> Token | None:
    """"it" or "its fighters" in a reported clause stands for the reporting verb's subject; so do "troops" or
    "fighter jets" with no side named, when that subject is a side ("the IDF said troops had ...")."""
    poss = _child(head, "poss") if head is not None else None
    owned = poss is not None and poss.lower_ in ("its", "their", "our") and (  # "its fighters had killed"
        head.lower_ in lx.word_set("force_words") | lx.word_set("group_members") | lx.word_set("unsided_forces"))
    bare = head is not None and poss is None and head.lower_ in lx.word_set("unsided_forces") \
        and side_of(list(head.subtree)) is None
    if head is not None and (head.lower_ in ("it", "they", "we") or owned or bare):
        tok = head.head
        for _ in range(4):
            if tok.dep_ in ("ccomp", "xcomp") and tok.head.tag_.startswith("VB"):
                subj = _subject(tok.head)
                if bare and (subj is None or side_of(_noun_phrase(subj)) is None):
                    return head
                return subj if subj is not None and subj.lower_ not in PRONOUNS else head
            if tok.head.i == tok.i:
                break
            tok = tok.head
    return head


def _actor_head(trig: Trigger) -> Token | None:
    tok = trig.token
    between = _prep_object(tok, ("between",))  # "fighting between the ELN and FARC dissidents"
    if between is not None:
        return between
    if tok.tag_.startswith("VB"):
        if _passive(tok):
            return _prep_object(tok, ("by",))
        subj = _subject(tok)
        if tok.dep_ in ("relcl", "acl") and (subj is None or subj.lower_ in RELATIVES):
            return tok.head  # "militiamen who seized the town": the relative clause's noun
        climb = tok
        for _ in range(5):
            if subj is not None or climb.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "pobj", "prep", "ccomp"):
                break
            climb = climb.head
            if climb.tag_.startswith("VB"):
                subj = _subject(climb) if not _passive(climb) else _prep_object(climb, ("by",))
        return subj
    return _noun_actor(tok)


def _noun_actor(tok: Token) -> Token | None:
    """Whoever did what a noun names: its 'by' or 'from' object, a side or group word on it, its possessor."""
    by = _prep_object(tok, ("by", "from"))
    if by is not None:
        return by
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and (c.lower_ in lx.side_words() or c.ent_type_ in ("NORP", "ORG")):
            return c
    poss = _child(tok, "poss")
    if poss is not None and poss.ent_type_ not in ("DATE", "TIME"):
        return poss
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and lemma(head).lower() in LAUNCH_VERBS:
        return _subject(head) if not _passive(head) else _prep_object(head, ("by",))
    return None


def _equipment_of_peace(head: Token) -> bool:
    """A force word that a civil noun before it makes a thing ("fuel storage tanks", "water tanks", "a think
    tank"), not one a force word or a side names ("army tanks", "Russian tanks")."""
    forces = lx.word_set("unsided_forces") | lx.word_set("force_words")
    return head.lower_ in forces and any(
        c.dep_ == "compound" and c.lower_ in lx.word_set("civil_compounds") for c in head.children)


def moved_side(trig: Trigger) -> Token | None:
    """For a deployment: the troops moved, when the phrase names their side ("8,500 U.S. troops") or they are
    police, who serve their own state ("police reinforcements were flown in")."""
    tok = trig.token
    police = lx.word_set("police_words")
    for _ in range(3):  # the trigger, or the verb it hangs on ("put 8,500 U.S. troops on heightened alert")
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass", "nsubj") and (
                    side_of(list(c.subtree)) or any(t.lower_ in police for t in _noun_phrase(c))):
                return c
        if tok.tag_.startswith("VB") or tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def target_head(trig: Trigger) -> Token | None:
    """The token heading whom it was done to: the object, the passive's subject, 'on/against X', or the
    people of a noun's 'of' ("the rape of 15 women")."""
    tok = trig.token
    between = _prep_object(tok, ("between",))
    if between is not None:  # "clashes between ELN rebels and a FARC faction": the second party
        return _child(between, "conj")
    if _repelled(tok) is not None:  # "the army repelled an RSF assault": the army was attacked
        return _reporter(_subject(tok))
    if tok.tag_.startswith("VB"):
        if _passive(tok):
            subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]  # of two, the one nearer the verb
            return max(subjects, key=lambda c: c.i if c.i < tok.i else -1) if subjects else None
        obj = _child(tok, "dobj")
        if obj is not None and obj.lower_ in REFLEXIVES:
            obj = None  # "blew himself up at an army checkpoint": the place says whom it hit
        if obj is None:  # "struck Hamas operatives gathered in a school": the object parsed as a clause's subject
            clause = _child(tok, "ccomp")
            obj = _child(clause, "nsubj") if clause is not None and clause.i > tok.i else None
        return obj if obj is not None else _prep_object(tok, TARGET_PREPS - {"in"})
    found = _prep_object(tok, TARGET_PREPS - {"in"})
    if found is None:
        of = _prep_object(tok, ("of",))
        if of is not None and (of.lower_ in lx.word_set("civilian_words") or lemma(of).lower() in lx.word_set("civilian_words")):
            return of
    return found


def victims(trig: Trigger) -> Token | None:
    """Who was killed or hurt, when the sentence tells it around the strike ("two police officers were wounded
    when a man threw a grenade", "soldiers were killed when their truck hit a mine"): the passive subject of
    the killing or wounding verb the trigger's clause hangs on."""
    clause = trig.token.head if trig.token.dep_ in ("nsubj", "nsubjpass") else trig.token  # "when a mine went off"
    verb = clause.head if clause.dep_ in ("advcl", "conj") else None
    hurt = lx.word_set("kill_words") | lx.word_set("injury_words")
    if verb is None or not verb.tag_.startswith("VB") or not _passive(verb) or (
            lemma(verb).lower() not in hurt and verb.lower_ not in hurt):
        return None
    return _child(verb, "nsubjpass")


def blamed(trig: Trigger) -> Token | None:
    """Whom the sentence blames or accuses ("..., blaming the RSF", "accused the RSF of striking")."""
    verbs = lx.word_set("blame_verbs")
    for tok in trig.sent:
        if tok.tag_.startswith("VB") and lemma(tok).lower() in verbs:
            obj = _child(tok, "dobj")
            if obj is not None:
                return obj
    return None


def responsible(doc, after: int) -> Token | None:
    """Who one of the next two sentences says did the attack just told: the group that claims it ("Al Shabaab
    claimed responsibility", "JNIM claimed the attack"), says it was behind it, or whom someone blames for it
    ("the government blamed the RSF for the attack")."""
    attacks = frozenset(n for c in lx.classes() if c.type in ("battles", "explosions_remote_violence",
                                                              "violence_against_civilians") for n in c.nouns)
    owned = attacks | lx.word_set("responsibility_words")
    for sent in [s for s in doc.sents if s.start_char >= after][:2]:
        for tok in sent:
            word = lemma(tok).lower()
            if tok.tag_.startswith("VB") and word in lx.word_set("blame_verbs"):
                cause = _prep_object(tok, ("for", "of"))
                if cause is not None and lemma(cause).lower() in attacks:
                    return _child(tok, "dobj")
            elif tok.tag_.startswith("VB") and word in lx.word_set("responsibility_verbs"):
                obj = _child(tok, "dobj")
                if obj is not None and lemma(obj).lower() in owned:
                    return _reporter(_subject(tok))
            elif tok.lower_ in lx.word_set("responsibility_preps") and tok.dep_ == "prep":
                obj = _child(tok, "pobj")
                if obj is not None and lemma(obj).lower() in attacks and tok.head.tag_.startswith("VB"):
                    return _reporter(_subject(tok.head))
    return None


def parties_of_agreement(trig: Trigger) -> tuple[EventParty | None, EventParty | None]:
    """An agreement's two parties: the subject and its conjunct ("Russia and Ukraine exchanged"), or the
    subject and 'with X'."""
    verb = trig.token  # the verb the trigger hangs on ("signed a ceasefire accord")
    for _ in range(3):
        if verb.tag_.startswith("VB") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = _subject(verb)
    subj = _after_dateline(subj, dateline_end(lx.doc_text(verb.doc))) if subj is not None else None
    if subj is None:
        return None, None
    other = _child(subj, "conj")
    if other is None:
        other = _prep_object(verb, ("with",)) or _prep_object(trig.token, ("with", "between"))
    return _named_party(subj), _named_party(other)


def _named_party(head: Token | None) -> EventParty | None:
    """A party named as written: the named entity in the phrase (a state keeps its name, "Russia")."""
    if head is None:
        return None
    tokens = [t for t in _noun_phrase(head)]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    for label in ("GPE", "ORG", "NORP"):
        words = [t for t in tokens if t.ent_type_ == label]
        if words:
            span = head.doc[words[0].i:words[-1].i + 1]
            name = span.text[4:] if span.text.lower().startswith("the ") else span.text
            if label != "ORG" and head.i not in range(span.start, span.end) and _institution(head):
                name = _institution(head, side_of(list(span))) or name  # "Syria's government": the government
            return EventParty(name, start, end, lx.doc_text(head.doc)[start:end], kind="named",
                              country_code=side_of(list(span)))
    if head.tag_ == "NNP" and side_of([head]):  # a state's name the entity recogniser missed
        return EventParty(head.text, start, end, lx.doc_text(head.doc)[start:end], kind="named",
                          country_code=side_of([head]))
    return None


def _institution(head: Token, code: str | None = "") -> str | None:
    """A state's institution by its side's adjective ("Syria's government" -> "Syrian government", "Colombian
    police" -> "Colombian police"); with no code given, whether ``head`` names one at all."""
    word = head.lower_
    if word not in lx.word_set("state_institutions"):
        return None
    if code == "":
        return word
    side = lx.side_name(code)
    return f"{side.removesuffix(' forces')} {word}" if side and side.endswith(" forces") else None


def _entity_name(tokens: list[Token]) -> str | None:
    ents = {t.ent_type_ for t in tokens}
    for label in ("ORG", "NORP", "PERSON"):
        if label not in ents:
            continue
        words = [t for t in tokens if t.ent_type_ == label]
        first, last = words[0], words[-1]
        if last.i - first.i + 1 != len(words):
            continue
        text = first.doc[first.i:last.i + 1].text
        low = text.lower()
        if low in lx.side_words() or any(w in lx.side_words() for w in low.replace("'s", "").split()):
            continue
        if set(low.split()) <= GENERIC_ORGS:
            continue
        return text[4:] if text.lower().startswith("the ") else text
    return None


def _group_name(head: Token, tokens: list[Token]) -> str | None:
    """A named armed group's members as written ("M23 rebels", "a FARC dissident faction", "dissidents of the
    former FARC guerrilla group"): a group noun whose phrase holds a proper name that is no side, without the
    article and the count; the fullest name the sentence gives."""
    if head.lower_ not in lx.word_set("group_members") and lemma(head).lower() not in lx.word_set("group_members"):
        return None
    if not any(t.tag_.startswith("NNP") and t.i != head.i and side_of([t]) is None for t in tokens):
        return None
    while tokens and (tokens[0].tag_ in ("DT", "CD", "PRP$") or tokens[0].dep_ in ("advmod", "quantmod", "det")):
        tokens = tokens[1:]
    return head.doc[tokens[0].i:tokens[-1].i + 1].text if tokens else None


def _members_of(head: Token) -> str | None:
    """The group that fighters or gunmen come from, when a proper name names it ("gunmen from the Viv Ansanm
    gang coalition", "fighters of the AFC/M23 rebel alliance"); not a place ("fighters from Chechnya")."""
    members = lx.word_set("group_members") | lx.word_set("separatists")
    if head.lower_ not in members:
        return None
    group = _prep_object(head, ("from", "of"))
    if group is None or group.ent_type_ in ("GPE", "LOC", "FAC"):
        return None
    tokens = _noun_phrase(group)
    if not any(t.tag_.startswith("NNP") and side_of([t]) is None for t in tokens):
        return None
    while tokens and tokens[0].dep_ == "det":
        tokens = tokens[1:]
    return head.doc[tokens[0].i:tokens[-1].i + 1].text if tokens else None


def side_in(head: Token) -> EventParty | None:
    """The side that owns a force named in the phrase under ``head`` ("a destroyer from Russia's Pacific
    fleet", "tanks of the Russian army"), as a party spanning the phrase; not a place in it ("helicopters in
    Belarus", "Russia's Pacific coast")."""
    tokens = list(head.subtree)
    forces = lx.word_set("force_words")
    owners = [t for t in tokens if t.dep_ in ("poss", "amod", "compound", "nmod") and t.head.lower_ in forces]
    code = side_of(owners) if owners else None
    if code is None:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return EventParty(lx.side_name(code), start, end, lx.doc_text(head.doc)[start:end], kind="side", country_code=code)


def side_of(tokens: list[Token]) -> str | None:
    """The ISO code of the side a phrase names ("Russian troops" -> "RU"), or None."""
    sides = lx.side_words()
    lowered = [t.lower_.replace("’", "'") for t in tokens]
    for i, word in enumerate(lowered):
        if i + 1 < len(lowered) and f"{word} {lowered[i + 1]}" in sides:
            return sides[f"{word} {lowered[i + 1]}"]
        word = word[:-2] if word.endswith("'s") else word
        if word in sides and not (word == "us" and tokens[i].text == "us"):
            return sides[word]
    return None


def resolve(head: Token | None, *, role: str, prefer_named: bool = False) -> EventParty | None:
    """A party from the phrase headed by ``head``: civilians, a side, a named group, or None. A force with no
    side named ("military jets", "the army") comes back with kind ``forces`` and no name: the caller names
    it after the country of the event."""
    if head is None or head.lower_ in PRONOUNS:
        return None
    filed = dateline_end(lx.doc_text(head.doc))
    head = _after_dateline(head, filed)
    if head is None:
        return None
    tokens = [t for t in _noun_phrase(head) if t.idx >= filed] or [head]
    doc = head.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = lx.doc_text(doc)[start:end]
    word = lemma(head).lower()
    lowered = {t.lower_ for t in tokens}
    if word in lx.word_set("territory_words") or (head.ent_type_ in ("GPE", "LOC", "FAC") and not side_of([head])):
        return None  # "the city of Kostiantynivka", "three villages": where it happened, not a party
    if _equipment_of_peace(head):
        return None  # "fuel storage tanks", "water tanks": no force
    if role == "target" and not lowered & (lx.word_set("military_targets") | {"army", "police", "military"}) and (
            word in lx.word_set("civilian_words") or head.lower_ in lx.word_set("civilian_words")
            or lowered & lx.word_set("civilian_sites")):
        return EventParty("civilians", start, end, text, kind="civilians")
    if role == "actor" and lowered & lx.word_set("unknown_actor_words"):
        return None
    if head.lower_ in lx.word_set("protester_words") and word not in ("workers", "students"):
        return EventParty("protesters", start, end, text, kind="group")
    named = _group_name(head, tokens) or _entity_name(tokens) or _members_of(head)
    code = side_of(tokens)
    separatist = bool(lowered & lx.word_set("separatists"))
    if named and (not code or prefer_named):
        return EventParty(named, start, end, text, kind="named", country_code=code)
    if separatist and ("separatist" in lowered or "separatists" in lowered or "pro-russian" in lowered):
        return EventParty("separatist forces", start, end, text, kind="side")
    if code:
        police = _institution(head, code) if word in lx.word_set("police_words") else None  # "Colombian police"
        return EventParty(police or lx.side_name(code), start, end, text, kind="side", country_code=code)
    police = lowered & lx.word_set("police_words")
    if police:  # "police reinforcements", "the gendarmerie"
        return EventParty(sorted(police)[0], start, end, text, kind="group")
    if role == "target" and word in lx.word_set("civilian_words"):
        return EventParty("civilians", start, end, text, kind="civilians")
    if word in lx.word_set("unsided_forces") or head.lower_ in lx.word_set("unsided_forces") \
            or lowered & {"military", "army", "junta"}:
        return EventParty("", start, end, text, kind="forces")
    return None


def taken_from(trig: Trigger) -> EventParty | None:
    """Whom a town was taken from, when the sentence says ("retook the town from Mai-Mai fighters")."""
    verb = trig.token
    if not verb.tag_.startswith("VB"):
        return None
    held = _prep_object(verb, ("from",))
    obj = _child(verb, "dobj")
    if held is None and obj is not None:  # the parse hangs "from" on the town
        held = _prep_object(obj, ("from",))
    return resolve(held, role="target")


def holder(actor: EventParty | None, where: str | None) -> EventParty | None:
    """Whom a named armed group took a town from, when the sentence does not say: the forces of the state the
    town lies in ("M23 rebels captured Uvira" -> Congolese forces); None for any other actor."""
    if actor is None or actor.kind != "named" or actor.country_code or lx.side_name(where) is None:
        return None
    return EventParty(lx.side_name(where), kind="side", country_code=where)


def property_only(party: EventParty) -> bool:
    """A civilian target read off a site alone ("homes", "a market"), with no people named in its phrase."""
    people = lx.word_set("civilian_words")
    return party.kind == "civilians" and bool(party.text) and not any(
        w.strip(".,'’").lower() in people for w in party.text.split())


def _after_dateline(head: Token, filed: int) -> Token | None:
    """The parse took the dateline ("MOGADISHU, Sept 30 —") for the subject: the noun after it that heads the
    rest of the phrase ("KYIV — Ukraine and Russia exchanged": Ukraine)."""
    if head.idx >= filed:
        return head
    after = [t for t in head.subtree if t.idx >= filed and t.tag_.startswith("NN")]
    return min(after, key=lambda t: len(list(t.ancestors))) if after else None


def opponent(code: str | None, article_sides: list[str]) -> EventParty | None:
    """The other side most mentioned in the article, as a party with no mention of its own."""
    for other in article_sides:
        if other != code:
            return EventParty(lx.side_name(other), kind="side", country_code=other)
    return None
