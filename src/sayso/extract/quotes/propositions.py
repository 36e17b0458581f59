"""What a quote says happened, read off the parse: the acts it asserts, denies or calls false, and whose they are.

The acts are the predicate classes of ``data/stances_en.json`` (an attack, a withdrawal, troops arriving, a
capture), each listed with its word forms. For each form found in a quote's span the parse decides:

- the polarity: ``denied`` when the quote's cue is a denial verb ("Kyiv denied taking any hostile action"),
  ``called_false`` when the act lies in a clause a falsity word judges ("Russia's claim that it is pulling
  back is false", "the withdrawal has not happened"), else ``asserted``;
- ``modal``: a modal, a negation or a word of possibility, plan, fear or demand governs it on its way up to
  the reporting cue ("could invade", "plans to attack", "no invasion", "warned against an offensive"), or
  it is an infinitive nothing decided ("poised to strike"; not "the decision to invade");
- ``nominal``: a noun or an adjective names the act ("an invasion", "occupied areas"); "under attack" is
  said to happen;
- ``background``: it is said in an adverbial or relative clause or after a preposition ("when missiles
  struck", "in invading"), not as the statement's point;
- whose act it is: the subject (climbing through complements: "Putin has made the decision to invade"),
  the possessor or side adjective of a noun ("Ukrainian attack"), the object that controls a gerund
  ("provoking Ukraine into attacking"), or the speaker when the quote's subject is the speaker
  ("Kyiv denied taking ...", "Moscow denied it is planning ...").

The corpus stage links these fields across articles (``corpus/stances.py``); it does not read the text again.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from sayso.extract.sides import side_words
from sayso.models import Polarity, Proposition, Quote
from sayso.nlp.pipeline import column, doc_text, lemma, token_ends

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
_GOVERNED = frozenset({"aux", "neg", "mark", "det", "advmod", "amod", "auxpass", "preconj", "prep"})
_PREDICATIVE = frozenset({"acomp", "attr", "oprd"})
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"})
_BACKGROUND_DEPS = frozenset({"advcl", "relcl"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$"})
_TIMES = frozenset({"DATE", "TIME"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_FIRST_PERSON = frozenset({"our", "my", "we", "i", "us"})
_POINTERS = frozenset({"that", "this", "it", "which"})
_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "its", "their", "our", "his", "her", "itself",
                       "themselves", "ourselves"})
_CLIMB = 8  # heads climbed from an act to its subject or its cue


@dataclass(frozen=True)
class StanceWords:
    """The tables of ``stances_en.json``: forms by first word (longest first), and the word sets."""

    acts: dict[str, tuple[tuple[str, str], ...]]      # first word -> ((form, class), ...)
    falsity: dict[str, tuple[tuple[str, str], ...]]   # first word -> ((form, form), ...)
    denial_verbs: frozenset[str]
    modal: frozenset[str]
    decided: frozenset[str]
    themes: frozenset[str]
    under: frozenset[str]
    negations: frozenset[str]
    munitions: frozenset[str]
    aimed_preps: frozenset[str]
    place_nouns: frozenset[str]
    conditions: dict[str, str]                        # form -> "aimed" | "holding" | "presence"
    state_preps: dict[str, frozenset[str]]            # preposition -> classes it says happen
    enemies: frozenset[str] = frozenset()
    losing: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> verbs of losing it


def _first(form: str) -> str:
    return form.replace("-", " ").split()[0]


def _index(pairs: list[tuple[str, str]]) -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for form, value in sorted(pairs, key=lambda p: -len(p[0])):
        out.setdefault(_first(form), []).append((form, value))
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def stance_words() -> StanceWords:
    """Load ``stances_en.json`` once."""
    data = json.loads(resources.files("sayso.data").joinpath("stances_en.json").read_text("utf-8"))
    kinds = {"aimed": data["aimed_acts"], "holding": data["holding_acts"], "presence": data["presence_acts"]}
    pairs = [(form, act) for table in (data["classes"], *kinds.values()) for act, forms in table.items()
             for form in forms]
    return StanceWords(_index(pairs), _index([(f, f) for f in data["falsity_words"]]),
                       *(frozenset(data[k]) for k in ("denial_verbs", "modal_words", "decided_words",
                                                      "movement_themes", "under_words", "negation_words",
                                                      "munitions", "aimed_preps", "place_nouns")),
                       {form: kind for kind, table in kinds.items() for forms in table.values() for form in forms},
                       {prep: frozenset(acts) for prep, acts in data["state_preps"].items()},
                       frozenset(data["enemy_words"]),
                       {act: frozenset(verbs) for act, verbs in data["losing_verbs"].items()})


@dataclass(frozen=True)
class _Where:
    """A quote in its parse: its tokens ``a``..``b`` and its cue's."""

    doc: Doc
    a: int
    b: int
    cue: range
    words: StanceWords
    text: str = ""

    def inside(self, t: Token) -> bool:
        return self.a <= t.i < self.b


def propositions(doc: Doc, quote: Quote) -> tuple[Proposition, ...]:
    """The acts ``quote`` speaks of, each with its polarity, mood and whose act it is."""
    a, b = _token_bounds(doc, quote.start, quote.end)
    if a >= b:
        return ()
    cue = range(*_token_bounds(doc, quote.cue_start, quote.cue_end)) if quote.cue_start is not None \
        and quote.cue_end is not None else range(0)
    at = _Where(doc, a, b, cue, stance_words(), doc_text(doc))
    denial = any(t.lower_ in at.words.denial_verbs or lemma(t) in at.words.denial_verbs
                 for t in doc[cue.start:cue.stop])
    judged = _falsity_clauses(at)
    out = []
    for i, j, act in _matches(doc, a, b, at.words.acts, at.text):
        span = doc[i:j]
        head = _root(span)
        if not _fits(head, at.words.conditions.get(span.text.lower()), at):
            continue
        lost = _lost(head, act, at.words)
        clause = head.head if lost else head
        modal = _modal(clause, at)
        polarity: Polarity = "denied" if denial or (_negated(clause, at.words) and not modal) else (
            "called_false" if any(_judged(head, c, back) for c, back in judged) else "asserted")
        if lost:  # "lost control of the port" denies holding it; "denied losing control" asserts it
            polarity = "denied" if polarity == "asserted" else "asserted"
        side, actor, by_speaker = _whose(head, at)
        out.append(Proposition(
            act=act, start=span.start_char, end=span.end_char, text=span.text, polarity=polarity,
            modal=modal, nominal=not lost and _nominal(head, act, at.words), background=_background(clause, act, at),
            side=side, actor=actor.text if actor is not None else None,
            actor_start=actor.start_char if actor is not None else None,
            actor_end=actor.end_char if actor is not None else None, by_speaker=by_speaker,
            theme=_theme(head, span, at), objects=_objects(head, at, actor)))
    return tuple(out)


def _fits(head: Token, condition: str | None, at: _Where) -> bool:
    """A form that is an act only in some uses is used so: ``aimed`` (a munition as object, or no object and an
    aiming preposition: "fired two rockets", "fired at the crowd"), ``holding`` (a place as object, or no
    object and troops or "we" as subject: "they still hold the ridge", "our marines are holding"), ``presence``
    (a participle describing troops: "no troops stationed near the dam")."""
    words = at.words
    if condition is None:
        return True
    if condition == "presence":
        return head.dep_ in ("acl", "amod") and head.head.lower_ in words.themes
    if not _verb(head):
        return False
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if condition == "aimed":
        if objects:
            return any(o.lower_ in words.munitions or any(c.lower_ in words.munitions for c in o.children
                                                         if c.dep_ == "compound") for o in objects)
        return any(c.dep_ == "prep" and c.lower_ in words.aimed_preps for c in head.children)
    if objects:
        return any(o.ent_type_ in _PLACES or o.lower_ in words.place_nouns for o in objects)
    subject = _subject(head)
    return subject is not None and (subject.lower_ == "we" or subject.lower_ in words.themes)


def _lost(head: Token, act: str, words: StanceWords) -> bool:
    """The act's noun is the object of a verb of losing it ("lost control of the port", "may lose control"):
    said of the subject, the act stops."""
    return head.dep_ == "dobj" and (head.head.lower_ in words.losing.get(act, ()) or
                                    lemma(head.head) in words.losing.get(act, ()))


def _negated(head: Token, words: StanceWords) -> bool:
    """A negation in the act's own clause: on the act ("did not fire", "never withdrew", "no attack"), on its
    subject ("no troops have crossed") or on the troops a participle describes ("no troops stationed there")."""
    own = [head, *(c for c in head.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS)]
    if head.dep_ in ("acl", "amod"):
        own.append(head.head)
    return any(c.dep_ in ("neg", "det", "advmod") and c.lower_ in words.negations for t in own for c in t.children)


def _token_bounds(doc: Doc, start: int | None, end: int | None) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand") if start is not None and end is not None else None
    return (span.start, span.end) if span is not None else (0, 0)


def _matches(doc: Doc, a: int, b: int, index: dict[str, tuple[tuple[str, str], ...]], text: str
             ) -> list[tuple[int, int, str]]:
    """Forms of ``index`` in tokens ``a``..``b`` (whole tokens only): (first token, end token, value)."""
    out, i = [], a
    token_end, lowers, strings = token_ends(doc), column(doc, LOWER), doc.vocab.strings
    ends = {token_end[j]: j + 1 for j in range(a, b)}
    while i < b:
        forms = index.get(strings[lowers[i]].split("-")[0], ())
        tok = doc[i] if forms else None
        for form, value in forms:
            stop = tok.idx + len(form)
            if text[tok.idx:stop].lower().replace("’", "'") == form and stop in ends:
                out.append((i, ends[stop], value))
                i = ends[stop] - 1
                break
            if _split_particle(tok, form, b):  # "pulling its troops back": a phrasal verb around its object
                out.append((i, i + 1, value))
                break
        i += 1
    return out


def _split_particle(tok: Token, form: str, b: int) -> bool:
    """``tok`` is the verb of a two-word form whose second word is its particle, later in the clause."""
    parts = form.split()
    return (len(parts) == 2 and tok.lower_ == parts[0] and _verb(tok)
            and any(c.dep_ in ("prt", "advmod") and c.lower_ == parts[1] and tok.i + 1 < c.i < b for c in tok.children))


def _root(span: Span) -> Token:
    """The match's syntactic head: the token whose head lies outside it."""
    return next((t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i), span[0])


def _falsity_clauses(at: _Where) -> list[tuple[Token, int | None]]:
    """Clauses a falsity word judges ("... is false", "called the reports baseless", "has not happened"):
    each clause's head, with the quote's first token when the clause's subject only points back ("that has
    not happened": what was said before it is judged too), else None."""
    out = []
    for _, j, _ in _matches(at.doc, at.a, at.b, at.words.falsity, at.text):
        word = at.doc[j - 1]
        if word.dep_ in _PREDICATIVE:
            clause = word.head
        elif word.dep_ == "pobj" and word.head.lower_ == "as":  # "dismissed as propaganda"
            clause = word.head.head
        elif word.dep_ in ("xcomp", "ccomp") and word.tag_.startswith("JJ"):
            clause = word.head  # "called the reports baseless"
        elif word.dep_ in ("amod", "compound") and word.head.dep_ in _PREDICATIVE:
            clause = word.head.head  # "is fake news"
        elif _verb(word) or word.dep_ == "ROOT":
            clause = word  # "has not happened"
        else:
            continue  # "Russian propaganda says ...": a noun in another role, no judgement
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS | {"expl"}), None)
        out.append((clause, at.a if subject is None or subject.lower_ in _POINTERS else None))
    return out


def _judged(head: Token, clause: Token, back_to: int | None) -> bool:
    """The act lies in the judged clause, or before it when the clause's subject points back."""
    if head is clause or clause in head.ancestors:
        return True
    return back_to is not None and back_to <= head.i < clause.i


def _is_modal(t: Token, words: StanceWords) -> bool:
    return t.lower_ in words.modal or lemma(t) in words.modal


def _modal(head: Token, at: _Where) -> bool:
    """A modal, negation or word of possibility, plan, fear or demand on the way up from the act to its
    cue ("should Moscow choose to attack": the cue's own clause too), or an infinitive nothing decided."""
    words = at.words
    if _infinitive(head) and not (head.head.lower_ in words.decided or lemma(head.head) in words.decided):
        return True
    own = {head.i, head.head.i} if head.dep_ in ("acl", "amod") else {head.i}
    t = head
    for _ in range(_CLIMB):
        if any(c.dep_ in _GOVERNED and (_is_modal(c, words) or (c.lower_ in words.negations and t.i not in own))
               for c in t.children):
            return True
        if t.i != head.i and (_is_modal(t, words) or t.lower_ in words.negations):
            return True
        up = t.head
        if up.i == t.i or up.i in at.cue or not (at.cue or at.inside(up)):
            return False
        t = up
    return False


def _infinitive(t: Token) -> bool:
    """"to strike", not "to have struck"."""
    aux = {c.lower_ for c in t.children if c.dep_ == "aux"}
    return "to" in aux and not aux & {"have", "having"}


def _stated(t: Token, act: str, words: StanceWords) -> bool:
    """A noun after a preposition that says its act happens ("under attack", "in full control of")."""
    return t.dep_ == "pobj" and (t.head.lower_ in words.under or act in words.state_preps.get(t.head.lower_, ()))


def _nominal(head: Token, act: str, words: StanceWords) -> bool:
    """Named, not said to happen: a noun ("an invasion", "the strikes on") or an adjective ("occupied
    areas"); not "under attack", "in control of"."""
    if head.dep_ == "amod":
        return True
    if not (_nounish(head) or (head.dep_ in _NOMINAL_DEPS and head.tag_ != "VBG")):
        return False
    return not _stated(head, act, words)


def _background(head: Token, act: str, at: _Where) -> bool:
    """Said in an adverbial or relative clause or after a preposition (not "under") within the quote."""
    t = head
    while at.inside(t.head) and t.head.i != t.i:
        if t.dep_ in _BACKGROUND_DEPS or (t.dep_ in ("pobj", "pcomp") and not _stated(t, act, at.words)):
            return True
        t = t.head
    return False


def _verb(t: Token) -> bool:
    return t.tag_.startswith("VB") or t.tag_ == "MD"


def _nounish(t: Token) -> bool:
    """A noun or an adjective (by Penn tag: the pipeline's coarse parts of speech may be unset)."""
    return t.tag_.startswith(("NN", "JJ"))


def _side(tokens: list[Token]) -> str | None:
    sides = side_words()
    for t in tokens:
        low = t.lower_.replace("’", "'")
        side = sides.get(low) or sides.get(low.removesuffix("'s").rstrip("."))
        if side is not None:
            return side
    return None


def _named_side(actor: Token) -> str | None:
    """The side a name of several words around the actor names ("the Rapid Support Forces", "the Armed Forces
    of Ukraine"), the longest first; None when no such name holds the actor."""
    sides = side_words()
    tokens = list(actor.subtree)
    at = tokens.index(actor)
    lows = [t.text_with_ws.lower().replace("’", "'") for t in tokens]
    for n in range(min(_longest_side() + 2, len(tokens)), 1, -1):  # "people 's" is one word of a name
        for i in range(max(0, at - n + 1), min(at, len(tokens) - n) + 1):
            name = "".join(lows[i:i + n]).strip()
            side = sides.get(name) or sides.get(name.removesuffix("'s").rstrip("."))
            if side is not None and " " in name:
                return side
    return None


@functools.lru_cache(maxsize=1)
def _longest_side() -> int:
    return max(len(name.split()) for name in side_words())


def _owner(noun: Token, words: StanceWords) -> Token | None:
    """Who a noun's act belongs to: its possessor or side adjective ("Russia's invasion", "Ukrainian attack"),
    or the object of "by" ("the build-up by Russia"), or of "of" after an under-word ("under the control of
    our forces")."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in _OWNER_DEPS and _side(list(c.subtree)) is not None):
            return c
    under = noun.dep_ == "pobj" and noun.head.lower_ in words.under
    by = next((c for c in noun.children if c.dep_ == "prep" and (c.lower_ == "by" or (under and c.lower_ == "of"))),
              None)
    return next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None


def _whose(head: Token, at: _Where) -> tuple[str | None, Span | None, bool]:
    """Whose act: (a side, the actor as written when it names no side, the speaker's own act); all empty when
    the quote leaves the actor unsaid ("they are being attacked")."""
    t = head
    for _ in range(_CLIMB):
        actor = (_owner(t, at.words) if _nounish(t) else None) or _subject(t)
        if actor is not None and actor.tag_ in _WH_TAGS and t.dep_ == "relcl":
            actor = t.head  # "the troops that attacked": the noun the clause describes
        if actor is not None and t.i != head.i and head in actor.subtree:
            return None, None, False  # "attacking the depot was necessary": the act is the subject, nobody's
        if actor is not None:
            return _resolve(actor, at)
        if _unnamed(t, at.words):
            return None, None, False
        up = t.head
        if up.i == t.i:
            return None, None, False
        if not at.inside(up):  # out of the quote, at its cue: "denied taking", "accused Kyiv of attacking"
            verb = up.head if up.dep_ == "prep" else up
            controller = next((c for c in verb.children if c.dep_ == "dobj" and not at.inside(c)), None)
            return _resolve(controller, at) if controller is not None else (None, None, True)
        if t.dep_ in ("pcomp", "pobj") and up.dep_ == "prep":
            controller = next((c for c in up.head.children if c.dep_ == "dobj" and c.tag_ not in _WH_TAGS), None)
            if controller is not None:  # "provoking Ukraine into attacking": the object acts
                return _resolve(controller, at)
        t = up
    return None, None, False


def _unnamed(t: Token, words: StanceWords) -> bool:
    """The actor is left unsaid and the clause above names the target, not the actor: a passive with no
    agent ("the depot was attacked"), "came under attack"."""
    return any(c.dep_ in _PASSIVE_SUBJECTS for c in t.children) or (t.dep_ == "pobj" and t.head.lower_ in words.under)


def _subject(verb: Token) -> Token | None:
    """The actor of a verb: the "by" agent of a passive, else its active subject."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _resolve(actor: Token, at: _Where) -> tuple[str | None, Span | None, bool]:
    """An actor as (side, as written, the speaker's own): "we" or "our forces", the speaker; a weapon ("the
    missile strikes"), nobody; a side it names;
    another pronoun, the nearest side named before it in the quote, else the speaker; else the name ("Vladimir Putin") or the phrase up to its noun
    ("some troops") as written."""
    if actor.lower_ in _FIRST_PERSON:
        return None, None, True  # "we": the speaker, whatever side was named before ("the Kremlin says ...; we ...")
    if actor.lower_ in at.words.munitions:
        return None, None, False  # "a missile struck the school": a weapon, nobody's act in particular
    if actor.lower_ in _PRONOUNS:
        side = _side([at.doc[i] for i in range(actor.i - 1, at.a - 1, -1)])
        return (side, None, False) if side is not None else (None, None, True)
    side = _named_side(actor) or _side(sorted(actor.subtree, key=lambda t: (t is not actor, t.dep_ not in _OWNER_DEPS,
                                                                           t.i)))
    if side is not None:
        return side, None, False
    if any(c.dep_ == "poss" and c.lower_ in _FIRST_PERSON for c in actor.children):
        return None, None, True  # "our forces": the speaker's own
    if actor.tag_ in _NAME_TAGS:
        names = [t.i for t in actor.subtree if t.tag_ in _NAME_TAGS and (t is actor or t.dep_ in ("compound", "flat"))]
        return None, at.doc[min(names):max(names) + 1], False
    return None, at.doc[actor.left_edge.i:actor.i + 1], False  # "some troops": named, though of no side


def _theme(head: Token, span: Span, at: _Where) -> bool:
    """It speaks of troops or forces: a theme noun in the act itself or in its clause."""
    clause = head
    while not _verb(clause) and clause.head.i != clause.i and at.inside(clause.head):
        clause = clause.head
    return any(t.lower_ in at.words.themes for t in (*span, *clause.subtree) if at.inside(t))


def _objects(head: Token, at: _Where, actor: Span | None) -> tuple[str, ...]:
    """Names after the act in its phrase, not sides nor times ("captured the village of Loknia" -> ("Loknia",))."""
    sides = side_words()
    taken = range(actor.start, actor.end) if actor is not None else range(0)
    after = [t for t in head.subtree if t.i > head.i]
    if head.dep_ == "pobj" and head.head.lower_ in at.words.under:  # "since May, Bakhmut is under the control of ..."
        after += [t for c in head.head.head.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS for t in c.subtree]
    return tuple(dict.fromkeys(
        t.text for t in after
        if at.inside(t) and t.tag_ in _NAME_TAGS and t.i not in taken
        and t.ent_type_ not in _TIMES and t.lower_.removesuffix("'s") not in sides))
