"""extract_events: a parsed article and its other records -> the events it reports, one per occurrence."""

from __future__ import annotations

import collections
import datetime as dt

from spacy.tokens import Doc, Span, Token

from sayso.extract.events import context, lexicon as lx, parties, status, violence
from sayso.extract.events.merge import VIOLENT, Mention, merge
from sayso.extract.events.nonevents import generic, running_count
from sayso.extract.events.triggers import Trigger, civilian_object, hands_on, sentence_triggers, weapon_subtype
from sayso.models import Claim, DateRef, Event, Note, Place, Quote
from sayso.nlp import lemma
from sayso.nlp.pipeline import span_text, tokens_with

DIRECT_VIOLENCE = frozenset({"execute", "massacre", "murder", "assassinate", "behead", "stab", "torture", "beat",
                             "lynch", "execution", "massacre", "murder", "assassination", "torture", "beating",
                             "atrocity", "killing"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def extract_events(doc: Doc, published: dt.date | None, quotes: list[Quote], claims: list[Claim],
                   places: list[Place], dates: list[DateRef], notes: list[Note] | None = None) -> list[Event]:
    """The events of one article: triggers read in context, fields linked from the other records,
    mentions of one occurrence merged, non-events (plans, threats, habits, lone denials) left out."""
    text = lx.doc_text(doc)
    sides = _article_sides(doc)
    mentions: list[Mention] = []
    paragraph = 0
    for index, sent in enumerate(doc.sents):
        if index and "\n\n" in text[sent.start_char - 3:sent.start_char + 1]:
            paragraph += 1
        found = sentence_triggers(sent)
        trigs = _one_per_occurrence(found)
        for trig in trigs:
            if running_count(trig.token) and (mentions or _pronoun_subject(trig.token)):
                continue  # "The attack was the third on the town this month": a count over what was told
            span = _evidence(trig, sent, trigs)
            companions = [t for t in found if t not in trigs]
            m = _mention(trig, span, index, paragraph, sides, text, published, quotes, claims, places, dates)
            if m is not None:
                _fill_parties(m, trig, companions)
                mentions.append(m)
    _same_day(mentions, text)
    events = _follow_fights([m for m in merge(mentions) if not m.denied and not _lone_weak(m) and _mappable(m)])
    movers = _acting_sides(doc) or sides
    for m in events:
        if m.actor is None and m.type in VIOLENT:  # "Al Shabaab claimed responsibility" in a sentence after
            m.actor = parties.resolve(parties.responsible(doc, m.span[1]), role="actor")
        if m.actor is None and m.type == "strategic_developments" and m.subtype == "change_to_group_activity" \
                and movers:
            m.actor = parties.EventParty(lx.side_name(movers[0]), kind="side", country_code=movers[0])
    status.settle(doc, events, mentions, quotes)
    return [_event(m, text) for m in events]


def _follow_fights(events: list[Mention]) -> list[Mention]:
    """A battle's parties are the sides that fought, never the civilians caught in it; "during the fighting"
    with no place or parties of its own is the fight the article told before: its place and sides."""
    told = None
    for m in events:
        if m.type != "battles":
            continue
        if m.target is not None and m.target.kind == "civilians":
            m.target = None
        if told is not None and m.anaphoric and m.place is None and m.actor is None:
            m.place, m.geo_precision = told.place, told.geo_precision
            m.actor, m.target = told.actor, m.target or told.target
        if m.place is not None:
            told = m
    return events


def _pronoun_subject(tok: Token) -> bool:
    """"It was the third attack": the count is said of something told elsewhere."""
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None) if tok.dep_ == "attr" else None
    return subj is not None and subj.tag_ == "PRP"


def _same_day(mentions: list[Mention], text: str) -> None:
    """"Earlier in the day, a car bomb ...": a mention with no date of its own that says it happened the same
    day takes the date of the nearest dated mention before it in its paragraph or the one before (wire copy
    often gives each sentence a paragraph: "... on Monday.\n\nLater that evening, ..."). So does one that goes
    on with what the article just told ("Russia also destroyed ..."), from up to three paragraphs before."""
    rx = lx.phrase_rx("same_day_words")
    for i, m in enumerate(mentions):
        if m.date is not None:
            continue
        if rx.search(text[m.span[0]:m.span[1]]):
            reach = 1
        elif m.continued:
            reach = 3
        else:
            continue
        before = next((b for b in reversed(mentions[:i]) if b.date and 0 <= m.paragraph - b.paragraph <= reach),
                      None)
        if before is not None:
            m.date, m.time_precision = before.date, before.time_precision


def _article_sides(doc: Doc) -> list[str]:
    counts = collections.Counter(parties.side_of([t]) for t in tokens_with(doc, lx.side_words()))
    counts.pop(None, None)
    return [code for code, _ in counts.most_common()]


def _acting_sides(doc: Doc) -> list[str]:
    """The sides the article names as actors, most often first: a side word as a subject ("Russia has
    massed") or naming a force ("Russian troops", "Russia's fleet"), not as a place ("on Ukraine's border")."""
    forces = lx.word_set("force_words")
    counts = collections.Counter(parties.side_of([t]) for t in tokens_with(doc, lx.side_words()) if (
        t.dep_ == "nsubj" or (t.dep_ in ("amod", "compound", "poss", "nmod") and t.head.lower_ in forces)))
    counts.pop(None, None)
    return [code for code, _ in counts.most_common()]


# In one sentence, a trigger of the key class makes those of the listed classes part of its occurrence:
# police firing on protesters is the protest's, rioters setting fire is the riot's.
ABSORBS = {"protest": ("clash", "strike", "kill", "arrest", "destroy"), "protesters": ("clash", "kill", "arrest"),
           "riot": ("destroy", "clash", "arrest"), "mob": ("kill", "destroy", "clash")}


def _one_per_occurrence(trigs: list[Trigger]) -> list[Trigger]:
    """In one sentence, a weak trigger ("killing") beside a strong one, and the police fire or arson beside a
    protest or riot, report the same occurrence: keep the strong ones (the merge joins those of one occurrence)."""
    absorbed = {name for t in trigs for name in ABSORBS.get(t.cls.name, ())}
    if any(t.cls.name == "kill" and civilian_object(t) for t in trigs):
        absorbed.add("destroy")  # "killing residents and torching homes": one attack on civilians
    trigs = [t for t in trigs if t.cls.name not in absorbed]
    strong = [t for t in trigs if not t.cls.weak]
    kept = strong or trigs[:1]
    return [t for t in kept if not any(o is not t and o.cls.type == t.cls.type and _governs(o.token, t.token)
                                       for o in kept)]


def _governs(head: Token, tok: Token, depth: int = 4) -> bool:
    """``head`` is above ``tok`` in the parse, not through a coordination ("an air strike destroyed",
    "retook the town after a week of fighting"; but not "amassed troops ... but deployed others")."""
    for _ in range(depth):
        if tok.dep_ == "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == head.i:
            return True
    return False


def _evidence(trig: Trigger, sent: Span, trigs: list[Trigger]) -> tuple[int, int]:
    """The sentence, or the trigger's clause when the sentence reports several events or sets the event
    against something else ("the ministry calls the talks a success, yet shelling went on near X")."""
    start, end = sent.start_char, sent.end_char
    text = lx.doc_text(sent.doc)
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if len(trigs) < 2:
        contrast = _contrasted_clause(trig.token)
        if contrast is None:
            return start, end
        tokens = list(contrast.subtree)
        return max(start, tokens[0].idx), min(end, tokens[-1].idx + len(tokens[-1].text))
    verb = trig.token if trig.token.dep_ in ("conj", "appos") else _clause_verb(trig.token)
    others = {t.token.i for t in trigs if t is not trig}
    tokens = [t for t in verb.subtree if not _under_other(t, verb, others)]
    if not tokens:
        return start, end
    return max(start, tokens[0].idx), min(end, tokens[-1].idx + len(tokens[-1].text))


def _contrasted_clause(tok: Token) -> Token | None:
    """The verb of the trigger's clause when that clause is joined to the one before by "but" or "yet"."""
    for up in [tok, *tok.ancestors]:
        if up.dep_ == "conj" and up.tag_.startswith("VB") and up.head.tag_.startswith("VB") and any(
                c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in up.head.children if c.i < up.i):
            return up
    return None


def _trimmed(span: tuple[int, int], text: str) -> tuple[int, int]:
    start, end = span
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _clause_verb(tok: Token) -> Token:
    while not tok.tag_.startswith("VB") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _under_other(tok: Token, verb: Token, others: set[int]) -> bool:
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ == "conj" and tok.head is not None and any(
                o in {t.i for t in tok.subtree} for o in others):
            return True
        tok = tok.head
    return False


def _mention(trig: Trigger, span, index, paragraph, sides, text, published, quotes, claims, places,
             dates) -> Mention | None:
    spans = [span]
    sentence = (trig.sent.start_char, trig.sent.end_char)
    has_date = any(context.inside(sentence, d.start, d.end) and not context.statement_date(text, d)
                   for d in context.event_dates(text, dates))
    if generic(trig) and not has_date:
        return None
    type_, subtype = trig.cls.type, trig.cls.subtype
    head = parties.moved_side(trig) if trig.cls.name == "deploy" else None
    if _under(trig.token, lx.word_set("blame_verbs")):
        head = parties.blamed(trig)
    actor = parties.resolve(head or parties.actor_head(trig), role="actor",
                            prefer_named=trig.cls.name in ("arrest", "base", "destroy"))
    if head is not None and (actor is None or actor.kind == "forces"):
        actor = parties.side_in(head) or actor  # "a destroyer from Russia's Pacific fleet sailed": the fleet's side
    target = parties.resolve(parties.target_head(trig), role="target")
    if trig.cls.name == "agreement":
        actor, target = parties.parties_of_agreement(trig)
    actor, target = (None if _a_place(p, places) else p for p in (actor, target))
    avoid = [(p.start, p.end) for p in (actor,) if p is not None and p.start is not None
             and p.kind in ("side", "named")] + _described_places(trig.sent, places)
    own = span != _trimmed(sentence, text)  # the sentence reports several events: each reads its clause
    place, precision = context.pick_place(text, [span], places, trig.start, avoid)
    if place is None and not own:
        place, precision = context.pick_place(text, [sentence], places, trig.start, avoid)
    date, tprec = context.pick_date(text, [span], dates, trig.start, published)
    if date is None:
        date, tprec = context.pick_date(text, [sentence], dates, trig.start, published)
    if date is None and published is not None and _ongoing(trig.token):
        date, tprec = published.isoformat()[:7], 3  # "Russia is deploying ...": under way as the article appears
    toll, figures = context.pick_figures(text, [sentence], claims)
    status, source = context.pick_source(text, [sentence], trig.start, quotes, claims)
    m = Mention(type_, subtype, span, index, paragraph, (trig.start, trig.end, trig.text), actor, target, place,
                precision, date, tprec, toll, figures, status, source, weak=trig.cls.weak,
                noun=not trig.token.tag_.startswith("VB"),
                anaphoric=_anaphoric(trig.token), denied=_denied(trig.token),
                weapons=lx.weapon_kinds(text[span[0]:span[1]]), continued=_continued(trig.token))
    _settle_type(m, trig, sides, text)
    return m


def _described_places(sent: Span, places: list[Place]) -> list[tuple[int, int]]:
    """Places in a clause or apposition that tells where another place lies ("Belarus, whose border is a
    three-hour drive from Kyiv", "Baidoa, 250km from the capital, Mogadishu"), or a source ("according to
    Marlow"): not where it happened."""
    roots = {}
    for p in places:
        if sent.start_char <= p.start and p.end <= sent.end_char:
            span = sent.doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None:
                roots[span.root.i] = (p.start, p.end)
    out = []
    for i, where in roots.items():
        tok, crossed = sent.doc[i], False
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            out.append(where)  # "according to Janes": a source, never a scene
            continue
        for _ in range(6):
            crossed = crossed or tok.dep_ in ("relcl", "appos")
            if tok.head.i == tok.i:
                break
            tok = tok.head
            if crossed and tok.i in roots:
                out.append(where)
                break
    return out


def _ongoing(tok: Token) -> bool:
    """A trigger in the present progressive ("are massing", "is in the process of moving")."""
    if tok.tag_ != "VBG":
        return False
    if any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in tok.children):
        return True
    if not any(c.dep_ == "dobj" and c.tag_.startswith(("NN", "PRP", "CD")) for c in tok.children):
        return False  # a gerund used as a noun ("the pace of killing")
    below, noun = tok, False
    for up in list(tok.ancestors)[:4]:  # "is in the process of moving troops": a present "be" in a phrase
        if up.tag_.startswith("VB"):  # ... whose noun names the doing ("is like taking a town twice" is no report)
            return (up.tag_ in ("VBZ", "VBP") and lemma(up) == "be" and below.dep_ == "prep" and noun)
        noun = noun or up.tag_.startswith("NN")
        below = up
    return False


def _continued(tok: Token) -> bool:
    """"Russia also destroyed ...", "Meanwhile, drones hit ...": an adverb on the trigger's verb that goes on
    with what the article just told."""
    verb = tok if tok.tag_.startswith("VB") else next((a for a in tok.ancestors if a.tag_.startswith("VB")), tok)
    return any(c.dep_ == "advmod" and c.lower_ in lx.word_set("continuation_adverbs") for c in verb.children)


def _a_place(party: parties.EventParty | None, places: list[Place]) -> bool:
    """A name the parser took for a party that the places extractor read as a town where it happened ("struck
    Druzhkivka" with the name tagged an organisation); a town standing for its government, or a country, stays."""
    return party is not None and party.kind == "named" and party.start is not None and any(
        p.feature == "city" and not p.metonym and p.start <= party.start and party.end <= p.end for p in places)


def _under(tok: Token, verbs: frozenset[str]) -> bool:
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.tag_.startswith("VB") and lemma(tok).lower() in verbs:
            return True
    return False


def _fill_parties(m: Mention, trig: Trigger, companions: list[Trigger]) -> None:
    """Gaps filled from the sentence: the other triggers of the same occurrence ("killed" beside "attack"),
    the party the sentence blames; a force with no side named is the army of the event's country."""
    for other in companions:
        if m.actor is None:
            m.actor = parties.resolve(parties.actor_head(other), role="actor")
        if m.target is None and m.type in VIOLENT:
            m.target = parties.resolve(parties.target_head(other), role="target")
    if m.actor is None and m.type in VIOLENT:
        m.actor = parties.resolve(parties.blamed(trig), role="actor")
    country = m.place.country_code if m.place is not None else None
    for name in ("actor", "target"):
        party = getattr(m, name)
        if party is not None and party.kind == "forces":
            known = lx.side_name(country) is not None
            setattr(m, name, parties.EventParty(lx.side_name(country), party.start, party.end, party.text,
                                                kind="side", country_code=country) if known else None)
    if m.subtype == "excessive_force_against_protesters":
        force = next((t for t in trig.sent if t.lower_ in ("police", "policemen", "officers", "soldiers", "troops")),
                     None)
        m.actor = parties.resolve(force, role="actor") if force is not None else None
        m.target = parties.EventParty("protesters", kind="group")
    if trig.cls.name == "destroy" and m.target is not None and (m.target.kind != "civilians"
                                                                or parties.property_only(m.target)):
        m.target = None  # "looted homes": property alone has no target


def _anaphoric(tok: Token) -> bool:
    """"The strike", or "the shells struck": a definite mention of something the article already told."""
    if not tok.tag_.startswith("VB"):
        return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in subj.children) \
        and subj.lower_ not in lx.side_words()


def _denied(tok: Token) -> bool:
    return _under(tok, frozenset(lx.claim_words()["denial_verbs"]))


def _settle_type(m: Mention, trig: Trigger, sides: list[str], text: str) -> None:
    """Sub-types that depend on the parties, the weapon or the words around the trigger."""
    name = trig.cls.name
    sentence = span_text(trig.sent).lower()
    if name == "strike":
        m.subtype = weapon_subtype(trig)
        if m.target is None:  # "two police officers were wounded when a man threw a grenade"
            m.target = parties.resolve(parties.victims(trig), role="target")
        if m.target is None and _civilian_victims(trig):
            m.target = parties.EventParty("civilians", kind="civilians")
    elif name == "kill" and violence.by_mob(trig):
        m.type, m.subtype, m.weak = "riots", "mob_violence", False
        m.actor = parties.EventParty("rioters", kind="group")
        m.target = m.target or parties.EventParty("civilians", kind="civilians")
    elif name == "kill":
        _settle_kill(m, trig)
    elif name in ("capture", "retake"):
        code = m.actor.country_code if m.actor else None
        where = m.place.country_code if m.place else None
        if name == "retake" or (code and where and code == where):
            m.subtype = "government_regains_territory"
        if m.target is None or m.target.kind != "side":
            m.target = parties.taken_from(trig) or (
                parties.opponent(code, sides) if code else parties.holder(m.actor, where))
    elif name == "clash":
        if violence.one_sided(trig) and not violence.military_object(trig) and (
                (m.target is not None and m.target.kind == "civilians") or _civilian_victims(trig)
                or violence.civilians_hit(trig)):
            m.type, m.subtype = "violence_against_civilians", "attack"
            m.target = parties.EventParty("civilians", kind="civilians")
        elif m.target is None and m.actor is not None and m.actor.country_code:
            m.target = parties.opponent(m.actor.country_code, sides)
    elif name in ("riot", "mob"):
        m.actor = parties.EventParty("rioters", kind="group")
        if m.target is not None and m.target.kind != "civilians":
            m.target = None
        if name == "mob" and m.target is None and _civilian_victims(trig, injured=True):
            m.target = parties.EventParty("civilians", kind="civilians")
    elif name == "arrest" and m.target is not None and m.target.kind != "named":
        m.target = None
    elif name in ("protest", "protesters"):
        if lx.phrase_rx("excessive_force_words").search(sentence):
            m.subtype = "excessive_force_against_protesters"
        elif lx.phrase_rx("riot_words").search(sentence) or violence.violent_crowd(trig):
            m.type, m.subtype = "riots", "violent_demonstration"
            m.actor = parties.EventParty("rioters", kind="group")
        elif violence.intervened(trig):
            m.subtype = "protest_with_intervention"
        if m.actor is None or m.type == "protests" and m.subtype != "excessive_force_against_protesters":
            m.actor = parties.EventParty("protesters", kind="group")
        if m.subtype != "excessive_force_against_protesters":
            m.target = None  # a demonstration has no target ("to demand the release of their children")
    if m.type not in VIOLENT and name not in ("agreement", "arrest", "intercept") and m.type != "protests":
        m.target = None if name in ("deploy", "base", "handover") else m.target


def _civilian_victims(trig: Trigger, injured: bool = True) -> bool:
    """The sentence tells of civilians (or people) killed or hurt."""
    hurt = lx.word_set("kill_words") | (lx.word_set("injury_words") if injured else frozenset())
    return any(t.lower_ in lx.word_set("civilian_words") for t in trig.sent) and \
        any(lemma(t).lower() in hurt or t.lower_ in hurt for t in trig.sent)


def _settle_kill(m: Mention, trig: Trigger) -> None:
    word = lemma(trig.token).lower()
    weapon = weapon_subtype(trig)
    if weapon is not None and word not in DIRECT_VIOLENCE:  # "a missile slammed into ..., killing 11 people"
        m.type, m.subtype, m.weak = "explosions_remote_violence", weapon, False
        if _civilian_victims(trig):
            m.target = parties.EventParty("civilians", kind="civilians")
        return
    victims_civil = m.target is not None and m.target.kind == "civilians" or _civilian_victims(trig)
    if m.actor is not None and word not in DIRECT_VIOLENCE and violence.armed_victims(trig):
        m.type, m.subtype, m.weak = "battles", "armed_clash", False  # troops killing the attackers they pursued
        return
    direct = any(t.lower_ in lx.word_set("direct_violence_words") for t in trig.sent)  # "shot and killed"
    direct = direct or hands_on(trig)  # "gang members swept through the town, killing residents"
    if word in DIRECT_VIOLENCE or direct or (m.actor is not None and victims_civil):
        m.type, m.subtype = "violence_against_civilians", "attack"
        m.target = m.target or parties.EventParty("civilians", kind="civilians")
        m.weak = m.actor is None and word not in DIRECT_VIOLENCE
        return
    m.type, m.subtype = "explosions_remote_violence", None
    if victims_civil:
        m.target = parties.EventParty("civilians", kind="civilians")


def _mappable(m: Mention) -> bool:
    """The conventions' test: an event goes on a map or a timeline; with neither a place nor a date in any of
    its mentions it is talk about fighting, not a report of one occurrence."""
    return m.place is not None or m.date is not None


def _lone_weak(m: Mention) -> bool:
    """A bare report of deaths with nothing to place it is no event of its own."""
    return m.weak and m.place is None and m.date is None


def _event(m: Mention, text: str) -> Event:
    start, end = m.span
    mentions = tuple(sorted({m.span, *(o.span for o in m.others)}))
    toll = m.toll
    fatalities = int(toll.quantity.value) if toll is not None and toll.quantity.value is not None else None
    return Event(type=m.type, subtype=m.subtype, start=start, end=end, text=text[start:end],
                 trigger=m.trigger[2], trigger_start=m.trigger[0], trigger_end=m.trigger[1],
                 actor=m.actor, target=m.target, place=m.place, geo_precision=m.geo_precision, date=m.date,
                 time_precision=m.time_precision, fatalities=fatalities, fatalities_claim=toll,
                 figures=m.figures, status=m.status, source=m.source, mentions=mentions, weapons=m.weapons)
