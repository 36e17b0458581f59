"""An event's status from the other sentences of its article: a disclaimer that the accounts could not be
verified, and a denial that it happened (by the side accused, or by anyone, of a capture someone claims).

A sentence's own status words (a hedge, "could not be verified" beside the trigger) are read where the
event's source is picked (``context.pick_source``); this module reads the sentences without a trigger of
their own, and the mentions of an event that the article reports only to deny ("denied that the town had
fallen").
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from sayso.extract.events import context, lexicon as lx, parties
from sayso.extract.events.merge import Mention, same_place
from sayso.extract.events.triggers import candidate_classes
from sayso.models import Quote
from sayso.nlp import lemma
from sayso.nlp.pipeline import lemma_of, span_text, token_ids, tokens_with

OPEN = ("claimed", "reported", "asserted")  # statuses a later statement can settle
REACH = 3  # how many sentences back a disclaimer without a scope of its own looks for the account it checks


def settle(doc: Doc, events: list[Mention], mentions: list[Mention], quotes: list[Quote]) -> None:
    """Set ``unverified`` and ``denied`` on the events that a later (or earlier) statement is about."""
    sents = list(doc.sents)
    with_triggers = {m.sentence for m in mentions if not m.denied}
    denials = set(lx.claim_words()["denial_verbs"])
    root_ids = token_ids(doc, deps=frozenset({"ROOT"}))
    for index, sent in enumerate(sents):
        if index in with_triggers:
            continue
        if lx.unverified_rx().search(span_text(sent)) and not _own_report(sent, quotes):
            for m in _checked(index, sents, events, quotes):
                m.status = "unverified"
        roots = [doc[i] for i in root_ids[bisect.bisect_left(root_ids, sent.start):bisect.bisect_left(root_ids, sent.end)]]
        roots = [t for t in roots if t.tag_.startswith("VB") and lemma(t).lower() in denials]
        denier = parties.side_of([c for c in roots[0].children if c.dep_ == "nsubj"]) if roots else None
        if denier:
            for m in events:
                last = max(o.sentence for o in [m, *m.others])
                if 0 < index - last <= 2 and m.status in ("claimed", "reported") and m.actor is not None \
                        and m.actor.country_code == denier:
                    m.status = "denied"
    _goes_on(doc, sents, events, quotes)
    _denied_elsewhere(events, [m for m in mentions if m.denied])
    _no_sign_of(sents, events)
    for m in events:
        if m.status in ("claimed", "reported") and _charge_rejected(sents[m.sentence], m.trigger[0], denials):
            m.status = "denied"


def _charge_rejected(sent: Span, trigger_at: int, denials: set[str]) -> bool:
    """"X accused Y of firing on its positions, a charge Y rejected": a denial verb of the event's sentence, not
    above the trigger, whose clause holds the word for the accusation."""
    charges = lx.word_set("accusation_nouns")
    for tok in sent:
        if not (tok.tag_.startswith("VB") and lemma(tok).lower() in denials):
            continue
        tree = list(tok.subtree)
        if tree[0].idx <= trigger_at < tree[-1].idx + len(tree[-1].text):
            continue  # "denied that the town had fallen": the mention is the denied one
        said_of = [tok.head] if tok.dep_ in ("relcl", "acl") else []  # "an accusation (that) Y rejected"
        if any(t.lower_ in charges for t in tree + said_of):
            return True
    return False


def _goes_on(doc: Doc, sents: list[Span], events: list[Mention], quotes: list[Quote]) -> None:
    """"Maxar said new images showed helicopters in Belarus. More helicopters had arrived in Belgorod": a sentence
    with no source of its own, in the past perfect of reported speech, goes on with the reported statement of
    the sentence before it in its paragraph, and takes its speaker."""
    text = lx.doc_text(doc)
    for m in events:
        if m.status != "asserted" or m.source is not None or m.sentence == 0 or m.others:
            continue
        span = doc.char_span(m.trigger[0], m.trigger[1], alignment_mode="expand")
        verb = span.root if span is not None else None
        while verb is not None and not verb.tag_.startswith("VB") and verb.head.i != verb.i:
            verb = verb.head
        if verb is None or verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in ("had", "'d")
                                                         for c in verb.children):
            continue
        before, sent = sents[m.sentence - 1], sents[m.sentence]
        if "\n" in text[before.end_char - 1:sent.start_char + 1]:
            continue  # a new paragraph: the reporter speaks again
        said = [q for q in quotes if q.speaker is not None and q.kind in ("indirect", "mixed")
                and before.start_char <= q.start < before.end_char]
        if said and not any(q.start < sent.end_char and q.end > sent.start_char for q in quotes):
            m.source = said[-1].speaker
            m.status = context.speaker_status(m.source)


def _sentences(m: Mention) -> set[int]:
    return {o.sentence for o in [m, *m.others]}


def _reported(m: Mention) -> set[int]:
    """The sentences that report the event itself, not only its dead ("14 fighters were killed")."""
    return {o.sentence for o in [m, *m.others] if not o.weak or o is m and m.weak}


def _own_report(sent: Span, quotes: list[Quote]) -> bool:
    """The disclaimer is about what its own sentence reports ("a group said the dead included two minors, a
    claim that could not be verified"): a statement with a speaker, other than the check itself, lies in it."""
    checks = set(lx.claim_words()["verification_verbs"])
    for q in quotes:
        if q.speaker is None or q.end <= sent.start_char or q.start >= sent.end_char:
            continue
        cue = (q.cue or "").split()
        if cue and _lemma(cue[-1]) in checks:
            continue
        return True
    return False


def _lemma(word: str) -> str:
    word = word.lower()
    return next((f for f in (lemma_of(word, t) for t in ("VBD", "VBN", "VBZ", "VBG")) if f != word), word)


def _checked(index: int, sents: list[Span], events: list[Mention], quotes: list[Quote]) -> list[Mention]:
    """The events a disclaimer in sentence ``index`` is about: every account before it when it says so ("none
    of the accounts"), or every party's ("either side's"); else the events of the nearest sentence back that
    reports one ("Two residents said shops had been looted. Reporters could not confirm their accounts" leaves
    the capture told before them alone). A check of "the figures" is about the statement just before it, when
    that sentence gives figures and no event ("Health officials said 17 were killed. The figures could not be
    verified" leaves the strike before alone: the claims carry that status)."""
    before = [m for m in events if m.status in OPEN and min(_sentences(m)) < index]
    if lx.phrase_rx("all_accounts_words").search(span_text(sents[index])):
        return before
    if lx.phrase_rx("sides_accounts_words").search(span_text(sents[index])):
        return [m for m in before if m.status == "claimed"]  # the parties' accounts, not the witnesses'
    figures = bool(lx.phrase_rx("figure_words").search(span_text(sents[index])))
    for back in range(index - 1, max(-1, index - 1 - REACH), -1):
        here = [m for m in before if back in (_reported(m) if figures else _sentences(m))]
        if here:
            return here
        sent = sents[back]
        if figures and any(q.speaker is not None and q.start < sent.end_char and q.end > sent.start_char
                           for q in quotes):
            return []  # "the figures": those of the statement just before, which reports no event of its own
    return []


def _denied_elsewhere(events: list[Mention], denied: list[Mention]) -> None:
    """A mention the article gives only as denied ("the army denied that the town had fallen") denies the
    event of the same kind and place that someone claims elsewhere in it, before or after."""
    for d in denied:
        same = [m for m in events if m.status in ("claimed", "reported") and m.type == d.type
                and m.subtype == d.subtype and d.sentence not in _sentences(m) and _same_place(m, d)]
        if same:
            nearest = min(same, key=lambda m: min(abs(s - d.sentence) for s in _sentences(m)))
            nearest.status = "denied"


def _no_sign_of(sents: list[Span], events: list[Mention]) -> None:
    """"Monitors said there was no sign of a Ukrainian attack": a trigger word after "no sign of" (no evidence,
    no indication) says the attack claimed before it did not happen."""
    if not sents:
        return
    starts = [s.start for s in sents]
    for noun in tokens_with(sents[0].doc, lx.word_set("no_sign_nouns")):
        if not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            continue
        for tok in (t for up in noun.children if up.lower_ == "of" for t in up.children if t.dep_ == "pobj"):
            index = bisect.bisect_right(starts, tok.i) - 1
            kinds = {c.type for c in candidate_classes(tok)}
            for m in events:
                if m.type in kinds and m.status in ("claimed", "reported") and max(_sentences(m)) < index:
                    m.status = "denied"


def _same_place(a: Mention, b: Mention) -> bool:
    """Places that do not tell the two apart: the same name, or one of them not named."""
    return a.place is None or b.place is None or same_place(a.place, b.place)
