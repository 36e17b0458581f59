"""Which kind of violence a trigger reports, read from who does it to whom in the parse: a crowd that kills
(mob violence), demonstrators who burn (a riot), armed men who open fire on a family (an attack on
civilians), soldiers who kill the attackers they pursue (a battle)."""

from __future__ import annotations

from spacy.tokens import Token

from sayso.extract.events import lexicon as lx
from sayso.extract.events.triggers import Trigger, civilian_object, doer, objects, sentence_triggers
from sayso.nlp import lemma
from sayso.nlp.pipeline import span_text

def by_mob(trig: Trigger) -> bool:
    """"A crowd beat two men to death": killing done by a crowd or a mob."""
    who = doer(trig.token)
    return who is not None and who.lower_ in lx.word_set("mob_words")


def civilians_hit(trig: Trigger) -> bool:
    """Another verb of the sentence kills or shoots civilians ("attacked the village, shooting villagers")."""
    verbs = next(c.verbs for c in lx.classes() if c.name == "kill")
    return any(t.tag_.startswith("VB") and lemma(t).lower() in verbs and any(
        o.lower_ in lx.word_set("civilian_words") for o in objects(t) if o.tag_.startswith("NN")) for t in trig.sent)


def violent_crowd(trig: Trigger) -> bool:
    """A protest in a sentence where the demonstrators, not the police, burn or destroy property."""
    forces = lx.word_set("force_words")
    for other in sentence_triggers(trig.sent):
        if other.cls.name != "destroy":
            continue
        who = doer(other.token)
        if who is None or who.lower_ not in forces:
            return True
    return False


def one_sided(trig: Trigger) -> bool:
    """An attack by one party ("attacked", "opened fire on", "raided"), which can be on civilians; not fighting."""
    words = lx.word_set("one_sided_attacks")
    return lemma(trig.token).lower() in words or trig.text.lower() in words


def military_object(trig: Trigger) -> bool:
    """The attack is on soldiers or a military site ("attacked the army base and several districts")."""
    tok = trig.token
    near = objects(tok) + [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                           for t in c.subtree]
    return any(t.lower_ in lx.word_set("military_targets") for t in near)


def armed_victims(trig: Trigger) -> bool:
    """The killed are armed men ("pursued the attackers into the forest, killing five of them"): what the
    killing verb, or the verb it hangs on, acts on names an armed group or a force, and no civilians."""
    tok = trig.token
    near = objects(tok)
    if tok.dep_ in ("advcl", "xcomp", "conj"):
        near += objects(tok.head)
    armed = lx.word_set("separatists") | lx.word_set("force_words")
    civil = lx.word_set("civilian_words")
    return any(t.lower_ in armed for t in near) and not any(t.lower_ in civil for t in near)


def intervened(trig: Trigger) -> bool:
    """The authorities stepped in: tear gas, water cannon, arrests ("police detained 46 people as protesters
    blocked streets"). A crowd that "dispersed" by itself ("marched and dispersed without incident") is no
    intervention: "disperse" counts with an object, in the passive or as a purpose ("to disperse")."""
    sent = trig.sent
    forces = lx.word_set("force_words")
    for m in lx.phrase_rx("intervention_words").finditer(span_text(sent)):
        span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        tok = span.root if span is not None else None
        if tok is not None and lemma(tok).lower() == "disperse" and tok.tag_.startswith("VB") and not any(
                c.dep_ in ("dobj", "nsubjpass", "auxpass") or c.dep_ == "aux" and c.lower_ == "to"
                for c in tok.children):
            continue
        return True
    return any(t.tag_.startswith("VB") and lemma(t).lower() in ("detain", "arrest") and (doer(t) is not None and
               doer(t).lower_ in forces) for t in sent)
