"""Trigger words: which tokens report an event of which class, and which mentions are not events.

A trigger is a verb or noun of a class in events_en.json ("shelled", "clashes", "arrested") or
one of the class's phrases ("shot down", "took control"). Context settles classes that share a
word ("attack" is a strike with a weapon named, else fighting) and drops mentions that report no
occurrence: modal or planned ("will strike", "threatened to attack"), negated ("no shelling was
reported"), habitual ("shells the town daily") and questions.
"""

from __future__ import annotations

import bisect
import functools

from dataclasses import dataclass

from spacy.attrs import IDX, LOWER
from spacy.tokens import Span, Token

from sayso.extract.events import lexicon as lx
from sayso.extract.events.nonevents import headline as _headline, irrealis, kind as _kind
from sayso.nlp import lemma
from sayso.nlp.pipeline import column, lemma_of, span_text

# Words that report an explosion by themselves; other strike words ("hit", "attack") need a weapon named.
EXPLOSIVE = frozenset({"shell", "bomb", "bombard", "shelling", "airstrike", "bombardment", "bombing", "explosion",
                       "blast", "barrage", "shellfire", "explode", "detonate", "detonation", "salvo", "rocket"})
# Verbs whose object is what was hit, not the weapon ("destroyed a fighter jet"; but "threw a grenade").
TARGETING_VERBS = frozenset({"destroy", "damage", "hit", "strike", "target", "attack", "pound", "pummel", "slam",
                             "smash", "shell", "bomb", "bombard"})
COMPLETION_VERBS = frozenset({"sign", "reach", "agree", "conclude", "strike", "seal", "broker", "finalise", "finalize",
                              "announce", "complete", "carry", "hold", "take", "come", "enter", "swap", "exchange"})
LAUNCH_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "unleash", "fire", "make", "perform",
                          "report", "hold", "begin", "start", "repel", "repulse", "thwart", "beat", "fend"})


@dataclass(frozen=True)
class Trigger:
    """One trigger word (or phrase) in one sentence, with the class it reports."""

    token: Token
    start: int
    end: int
    cls: lx.TriggerClass
    sent: Span
    phrase: bool = False

    @property
    def text(self) -> str:
        return lx.doc_text(self.token.doc)[self.start:self.end]


def _word_candidates(token: Token) -> list[lx.TriggerClass]:
    kind = _kind(token)
    if kind is None:
        return []
    lower = token.lower_
    forms = {lemma(token).lower(), lower}
    if kind == "verb":  # the tagger's VBP/VB for a past form ("retook") leaves it unlemmatised
        forms.update(lemma_of(lower, tag) for tag in ("VBD", "VBN", "VBG", "VBZ"))
    out = []
    for cls in lx.classes():
        pool = cls.verbs if kind == "verb" else cls.nouns
        if forms & pool:
            out.append(cls)
    return out


def candidate_classes(token: Token) -> list[lx.TriggerClass]:
    """The classes a word could report, before any check of its context."""
    return _word_candidates(token)


def _phrase_triggers(sent: Span) -> list[Trigger]:
    out = []
    rx, by_phrase = lx.all_phrases()
    for m in rx.finditer(span_text(sent)):
        span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None:
            for cls in by_phrase[m.group(0).lower()]:
                out.append(Trigger(span.root, span.start_char, span.end_char, cls, sent, phrase=True))
    return out


_PREFIX_SEEN: dict[int, bool] = {}  # a lower-case form's id -> whether its first three letters begin a trigger word


def _may_trigger(lower: int, strings) -> bool:
    """Whether a word (by the id of its lower-case form) opens like a trigger word: the cheap test first."""
    seen = _PREFIX_SEEN.get(lower)
    if seen is None:
        if len(_PREFIX_SEEN) > 500_000:
            _PREFIX_SEEN.clear()
        seen = _PREFIX_SEEN[lower] = strings[lower][:3] in lx.trigger_prefixes()
    return seen


def sentence_triggers(sent: Span) -> list[Trigger]:
    """Every trigger of the sentence that survives the context checks, one per token (phrases first)."""
    found: dict[int, Trigger] = {}
    for trig in _phrase_triggers(sent):
        if _keep(trig):
            found.setdefault(trig.token.i, trig)
    doc = sent.doc
    starts = column(doc, IDX)
    covered = {i for t in found.values() for i in range(bisect.bisect_left(starts, t.start, sent.start, sent.end),
                                                         bisect.bisect_left(starts, t.end, sent.start, sent.end))}
    lowers, strings = column(doc, LOWER), doc.vocab.strings
    for i in range(sent.start, sent.end):
        if i in found or i in covered or not _may_trigger(lowers[i], strings):
            continue
        token = doc[i]
        if any(c.dep_ == "compound" and _word_candidates(c) for c in token.children):
            continue  # "arson attack": the modifier says what kind
        if token.dep_ in ("compound", "amod") and not _word_candidates(token.head):
            continue  # "attack helicopters", "strike drones": a kind of thing, not an occurrence
        for cls in _word_candidates(token):
            trig = Trigger(token, token.idx, token.idx + len(token.text), cls, sent)
            if _keep(trig):
                found[token.i] = trig
                break
    return sorted(found.values(), key=lambda t: t.start)


# ------------------------------------------------------------------ which class a shared word is


def _sentence_lower(trig: Trigger) -> str:
    return span_text(trig.sent).lower()


def weapon_subtype(trig: Trigger) -> str | None:
    """The sub-type of the weapon named nearest the trigger in its sentence (None: no weapon named)."""
    text = span_text(trig.sent)
    at = trig.start - trig.sent.start_char
    base = trig.sent.start_char
    hitting = TARGETING_VERBS | {w for cls in lx.classes() if cls.name == "intercept" for w in cls.verbs}
    verbs = [t for t in trig.sent if t.tag_.startswith("VB") and lemma(t).lower() in hitting]
    hit = [(min(t.idx for t in c.subtree) - base, max(t.idx + len(t.text) for t in c.subtree) - base)
           for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]  # "destroyed a jet": a target
    # (but a vehicle that "hit a mine" or "an explosive device" names the weapon)
    best: tuple[int, int, str] | None = None
    for rank, (subtype, rx) in enumerate(lx.weapon_patterns()):
        for m in rx.finditer(text):
            if any(lo <= m.start() < hi for lo, hi in hit) and subtype != "remote_explosive_landmine_ied":
                continue
            dist = 0 if m.start() <= at < m.end() else min(abs(m.start() - at), abs(m.end() - at))
            if best is None or (dist, rank) < best[:2]:
                best = (dist, rank, subtype)
    return best[2] if best else None


def _has_word(tokens, key: str) -> bool:
    words = lx.word_set(key)
    return any(t.lower_ in words or lemma(t).lower() in words for t in tokens)


def _military_context(trig: Trigger) -> bool:
    sent = trig.sent
    return (_has_word(sent, "force_words") or _has_word(sent, "separatists")
            or any(t.lower_ in lx.side_words() for t in sent))


def _keep(trig: Trigger) -> bool:
    """Class-specific conditions, then the checks common to every class. A verb in the simple present
    ("she occupies", "the army shells") tells a state or a habit, not an occurrence."""
    tok = trig.token
    if tok.tag_ in ("VBZ", "VBP") and not trig.phrase and lemma_of(tok.lower_, "VBD") == tok.lower_:
        return False  # (a past form the tagger read as present, "retook", stays)
    if tok.tag_.startswith("NN") and tok.dep_ in ("compound", "nmod") and tok.head.lower_ in lx.word_set("force_words"):
        return False  # "attack helicopters", "a strike force": a kind of weapon or unit, not an occurrence
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.lower_ in _weapon_words():
        return False  # "missiles fired from the Belgorod region": what the weapons are, not an occurrence
    check = _CLASS_CHECKS.get(trig.cls.name)
    if check is not None and not check(trig):
        return False
    return not (irrealis(trig) or _headline(trig))


@functools.lru_cache(maxsize=1)
def _weapon_words() -> frozenset[str]:
    kinds = lx.words()["weapon_kinds"]
    return frozenset(w for k, v in kinds.items() if not k.startswith("_") for w in v["words"] if " " not in w)


def _strike_ok(trig: Trigger) -> bool:
    word = lemma(trig.token).lower()
    sent = _sentence_lower(trig)
    if word == "strike" and (lx.phrase_rx("labour_words").search(sent) and weapon_subtype(trig) is None):
        return False
    if word == "fire" and weapon_subtype(trig) is None and "under fire" not in sent:
        return False
    if word in ("explode", "detonate") and _kind(trig.token) == "verb":  # not "the prison population exploded"
        subj = [t for c in trig.token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") for t in c.subtree]
        return any(t.lower_ in lx.word_set("explosive_things") for t in subj) or weapon_subtype(trig) is not None
    if word in EXPLOSIVE:
        return True
    if weapon_subtype(trig) is not None:
        return True
    if word in ("strike", "destroy", "damage", "hit"):  # an attack with no weapon named is fighting
        return _side_modified(trig.token)
    return False


def _side_modified(tok: Token) -> bool:
    """"Russian strikes", "Ukraine's attack", "Russia destroyed": a side named on the trigger itself."""
    sides = lx.side_words()
    near = [c for c in tok.children if c.dep_ in ("amod", "poss", "compound", "nsubj", "nmod")]
    return any(t.lower_.replace("'s", "").replace("’s", "") in sides for c in near for t in c.subtree)


def _clash_ok(trig: Trigger) -> bool:
    tok = trig.token
    word = lemma(tok).lower()
    if (word in ("attack", "assault") or trig.phrase and word == "fire") and weapon_subtype(trig) is not None:
        return False  # a strike, not fighting ("tanks fired on the village")
    if _kind(tok) == "noun" and word in ("attack", "assault", "counterattack") and not _happened(tok):
        return False
    if tok.lower_ in lx.word_set("self_evident_clashes") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return True  # "fighting continued", "heavy fighting in ...": the noun, whatever the tagger says
    if _kind(tok) == "verb" and word in ("attack", "assault", "storm", "ambush", "battle", "fight", "engage"):
        return _armed_party(tok)  # "Trump attacked Clinton", "battling insurgents" need armed parties
    return tok.lower_ in lx.word_set("self_evident_clashes") or _military_context(trig)


def _armed_party(tok: Token) -> bool:
    """The verb's subject or object names an armed force, a side or an armed group."""
    words = lx.word_set("force_words") | lx.word_set("separatists") | lx.word_set("military_targets")
    for c in tok.children:
        if c.dep_ in ("nsubj", "dobj", "nsubjpass", "agent", "prep"):
            for t in c.subtree:
                if t.lower_ in words or t.lower_ in lx.side_words() and t.dep_ in ("amod", "compound", "nsubj", "poss"):
                    return True
    return False


def _happened(tok: Token) -> bool:
    """A noun trigger that the sentence reports as done: launched, repelled, or with a result of its own."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and lemma(head).lower() in LAUNCH_VERBS:
        return True
    if tok.dep_ == "nsubj" and head.tag_ in ("VBD", "VBN", "VBZ"):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children):
        return True
    return tok.dep_ == "pobj" and head.lower_ in ("in", "during", "under")


def _place_object(trig: Trigger, deps=("dobj", "nsubjpass", "attr", "prep", "nsubj", "npadvmod", "advmod",
                                          "prt")) -> bool:
    """A territory verb with a place or territory word among its objects ("took the village")."""
    tok = trig.token
    for child in tok.children:
        if child.dep_ in deps and not (child.dep_ == "prep" and child.lower_ in NOT_WHERE):
            head = _child_of(child, "pobj") if child.dep_ == "prep" else child
            if head is None:
                continue
            # "took the village of Robotyne"; not "takes its loans to Moldova to $2bn" (a place they go to)
            words = [head, *(c for c in head.children if c.dep_ in ("compound", "prep", "pobj", "appos")
                             and not (c.dep_ == "prep" and c.lower_ in NOT_WHERE))]
            words += [g for c in words if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            if any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in words) or _has_word(words, "territory_words"):
                return True
    return False


NOT_WHERE = ("to", "with", "for")  # prepositions that name a destination or a partner, not the place itself


def _child_of(tok: Token, dep: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ == dep), None)


def _capture_ok(trig: Trigger) -> bool:
    tok = trig.token
    if trig.phrase:
        return _military_context(trig) or _place_object(trig)
    if tok.dep_ in ("amod", "compound") or tok.tag_ == "JJ":
        return False  # "occupied Crimea": a state of affairs
    word = lemma(tok).lower()
    if word in ("fall", "enter", "advance", "take", "capture", "seize", "occupy", "overrun"):
        if word == "fall" and _fell_to_armed(tok):
            return True  # "Kyaukme had fallen to ethnic rebels": what fell is a place, whatever the tagger says
        if word == "fall" and not _fell(tok):
            return False
        deps = {"fall": ("nsubj",), "advance": ("prep",)}.get(word, ("dobj", "nsubjpass"))
        return _place_object(trig, deps) and _military_context(trig)
    if _kind(tok) == "noun":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and _military_context(trig)
    return _place_object(trig) or _military_context(trig)


def _fell_to_armed(tok: Token) -> bool:
    armed = lx.word_set("force_words") | lx.word_set("separatists")
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        g.dep_ == "pobj" and (g.lower_ in armed or g.lower_ in lx.side_words()) for g in c.children)
        for c in tok.children)


def _fell(tok: Token) -> bool:
    """"Fell to the rebels", or a town or village that "had fallen" with nothing after it (not "fell silent",
    "fell into ruin", "shares fell"); a named place that fell to someone is one whatever the tagger calls it."""
    preps = [c.lower_ for c in tok.children if c.dep_ == "prep"]
    if "to" in preps:
        return True
    if any(c.dep_ in ("acomp", "attr", "oprd", "xcomp", "dobj") for c in tok.children) or \
            any(p in ("into", "under", "behind", "short", "below", "by", "from") for p in preps):
        return False
    subj = _child_of(tok, "nsubj")
    return subj is not None and subj.lower_ in lx.word_set("territory_words")


def _kill_ok(trig: Trigger) -> bool:
    """Deaths are violence only where the sentence is about fighting or weapons (not "cholera, killing 10,000")."""
    if trig.token.lower_ in ("gun", "guns"):
        return False
    word = lemma(trig.token).lower()
    if word == "beat" and not _has_word(trig.sent, "civilian_words"):
        return False
    if word in ("shoot", "stone"):  # "shooting residents", "stoned two women"; not "shot a video", "shot down"
        return _kind(trig.token) == "verb" and any(
            t.lower_ in lx.word_set("civilian_words") for t in objects(trig.token))
    if word in ("kill", "killing"):
        return _military_context(trig) or weapon_subtype(trig) is not None or hands_on(trig) or \
            any(lemma(t).lower() in ("shoot", "shooting", "gunman", "gunmen", "attack", "attacker", "stab", "bomb")
                for t in trig.sent)
    return True


def _protest_ok(trig: Trigger) -> bool:
    """A rally, march or vigil is a protest when the sentence says what against or who protests (a campaign
    rally or "her march toward Election Day" is not)."""
    word = lemma(trig.token).lower()
    if word == "march" and _has_word(trig.sent, "force_words"):
        return False
    if word in lx.word_set("protest_needs_purpose"):
        subj = _child_of(trig.token, "nsubj")
        if word in ("gather", "assemble") and (subj is None or subj.lower_ in lx.word_set("force_words")):
            return False  # troops gathering is a movement
        crowd = subj is not None and word not in ("gather", "assemble") and (
            subj.lower_ in lx.word_set("crowd_words") or subj.lower_ in lx.word_set("civilian_words"))
        return crowd or _has_word(trig.sent, "protester_words") or bool(
            lx.phrase_rx("protest_purpose_words").search(span_text(trig.sent)))
    return True


def _agreement_ok(trig: Trigger) -> bool:
    tok = trig.token
    word = lemma(tok).lower()
    if word == "agree":  # "Armenia and Azerbaijan agreed to ...": two parties agreeing with each other
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        two = subj is not None and any(c.dep_ == "conj" for c in subj.children)
        if subj is not None and any(c.dep_ == "dobj" for c in tok.children):  # "the two neighbours agreed the text"
            two = two or any(c.lower_ in ("two", "both") for c in subj.children)
        with_other = any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
        return (two or with_other) and tok.tag_ in ("VBD", "VBN", "VBZ", "VBP")
    if word in ("exchange", "swap"):
        near = " ".join(t.lower_ for t in tok.subtree) + " " + " ".join(t.lower_ for t in tok.head.subtree)
        if not any(w in near for w in ("prisoner", "captive", "bodies", "pow")):
            return False
        if "fire" in near:
            return False
    head = tok.head
    for _ in range(3):
        if head.tag_.startswith("VB") and lemma(head).lower() in COMPLETION_VERBS:
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return word in ("exchange", "swap") and (_kind(tok) == "verb" or tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"))


def _arrest_ok(trig: Trigger) -> bool:
    """An arrest of someone ("the arrest of a man", "police arrested two men"), not arrests in general."""
    tok = trig.token
    if any(c.lower_ in ("warrant", "warrants") for c in tok.children) or tok.head.lower_ in ("warrant", "warrants"):
        return False
    if _kind(tok) == "noun":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) or any(
            c.dep_ == "poss" for c in tok.children)
    return True


def _deploy_ok(trig: Trigger) -> bool:
    tok = trig.token
    if trig.phrase:
        return _military_context(trig)
    if tok.dep_ in ("amod",) or tok.tag_ == "JJ":
        return False
    related = [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "prep")
               for t in c.subtree]
    if _kind(tok) == "noun":
        related += list(tok.subtree) + [t for t in tok.lefts]
    words = lx.word_set("force_words") - {"ministry", "staff", "command", "commander", "commanders"}
    if lemma(tok).lower() == "send":  # sending equipment abroad is an arms delivery, not a deployment
        words = lx.word_set("personnel_words")
    subj = _child_of(tok, "nsubj")
    if lemma(tok).lower() == "arrive" and subj is not None:  # what arrived: "a convoy of tanks", not "a planeload
        heads = [subj, *(g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"  # of military hardware"
                         for g in c.children if g.dep_ == "pobj")]
        return any(t.lower_ in words for t in heads)
    return any(t.lower_ in words for t in related)


def objects(tok: Token) -> list[Token]:
    """The words of what a verb acts on: its object or passive subject, or the noun it modifies ("a family of
    four burned inside their house")."""
    out = [t for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    if tok.dep_ == "acl":
        up = tok.head
        out += [up, *(up.head.head.subtree if up.dep_ == "pobj" and up.head.dep_ == "prep" else ())]
    return out


RELATIVE = ("who", "that", "which")


def doer(tok: Token) -> Token | None:
    """The subject of the trigger's verb, through a coordination ("barricaded roads and set a car on fire") and
    a relative pronoun ("youths who set ...": the youths)."""
    verb = tok
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subj
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def civilian_object(trig: Trigger) -> bool:
    """"Shooting residents", "killing villagers": the trigger acts on civilians."""
    return any(t.lower_ in lx.word_set("civilian_words") for t in objects(trig.token) if t.tag_.startswith("NN"))


def hands_on(trig: Trigger) -> bool:
    """People, not a weapon, kill civilians: the killing's object is civilians and its doer an armed group or
    people ("gang members ... killing residents"; not "the blast killed residents")."""
    if not civilian_object(trig):
        return False
    who = doer(trig.token)
    if who is None or not who.tag_.startswith(("NN", "PRP")):
        return False
    strike = next(c for c in lx.classes() if c.name == "strike")
    if lemma(who).lower() in strike.nouns or any(rx.search(who.text) for _, rx in lx.weapon_patterns()):
        return False
    people = lx.word_set("people_words") | lx.word_set("separatists") | lx.word_set("force_words")
    return who.lower_ in people or who.ent_type_ in ("ORG", "NORP", "PERSON")


def _destroy_ok(trig: Trigger) -> bool:
    tok = trig.token
    word = lemma(tok).lower()
    if word == "burn" and tok.dep_ == "amod":
        return False
    if word == "set" and not trig.phrase:  # "set a police car on fire", "setting homes on fire"
        if not any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "fire" for g in c.children)
                   for c in tok.children):
            return False
    if not trig.phrase and any(t.lower_ in lx.word_set("civilian_words") for t in objects(tok)
                               if t.tag_.startswith("NN")):
        return False  # people burned, not property: the killing is the event
    return weapon_subtype(trig) is None or trig.phrase


def _intercept_ok(trig: Trigger) -> bool:
    tok = trig.token
    if lemma(tok).lower() in ("down", "jam", "neutralise", "neutralize") and not trig.phrase:
        objs = [t for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
        return any(t.lower_ in lx.word_set("force_words") or t.lower_ in ("drone", "drones", "missile", "missiles",
                   "rocket", "rockets", "plane", "jet", "helicopter", "aircraft", "uavs", "uav") for t in objs)
    return True


def _handover_ok(trig: Trigger) -> bool:
    if trig.phrase:
        return _place_object(trig, ("dobj", "prep", "pobj")) or _has_word(list(trig.token.subtree), "territory_words") \
            or any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in trig.token.subtree)
    return _place_object(trig) and _military_context(trig)


_CLASS_CHECKS = {
    "strike": _strike_ok, "clash": _clash_ok, "capture": _capture_ok, "retake": _capture_ok, "kill": _kill_ok,
    "protest": _protest_ok, "agreement": _agreement_ok, "arrest": _arrest_ok, "deploy": _deploy_ok,
    "destroy": _destroy_ok, "intercept": _intercept_ok, "handover": _handover_ok,
}
