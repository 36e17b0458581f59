"""Reporting cues in the parse: verbs and phrases that introduce reported speech, and their speakers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sayso.extract.quotes.acts import STANCE, STATEMENT, Act, clause_act, infinitive_act, object_act
from sayso.extract.quotes.datelines import DASH_TOKENS, is_dateline
from sayso.extract.quotes.frames import FINITE, appos_frame, fronted, only_condition, postposed
from sayso.extract.quotes.clauses import aside, as_aside, contrast, open_question, partitive, partitive_tail
from sayso.extract.quotes.misparses import apposed_to_fronted, own_predicate, tagged
from sayso.extract.quotes.words import CueWords, cue_words
from sayso.nlp.pipeline import lemma

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "prep", "acomp"})
_LOOSE_HEADS = frozenset({"ROOT", "npadvmod"})  # a named subject the parse left without its verb
_EDGE_PUNCT = frozenset(",;:—–-()")
_LOOSE_DEPS = frozenset({"dobj"})  # a noun phrase is reported speech only when it quotes
_COMPLEMENT_PREPS = frozenset({"as", "of"})
_FINITE_OR_GERUND = frozenset({"VBD", "VBZ", "VBP", "VBG"})
_QUOTED_REASON = -1  # _reason's answer when the "for ..." phrase is itself quoted


@dataclass(frozen=True, slots=True)
class Report:
    """Reported content (token bounds ``a``..``b``) introduced by ``cue`` (token bounds), said by ``subject``."""

    a: int
    b: int
    cue_a: int
    cue_b: int
    subject: Token | None
    needs_quote: bool = False
    clausal: bool = False  # the content is a clause (that-clause, infinitive), not a noun phrase
    act: Act = STATEMENT  # what the cue reports (``acts``): only statements are in the default output


def is_cue_verb(tok: Token) -> bool:
    """Whether ``tok`` is a verb that can introduce speech."""
    return tok.tag_[:2] == "VB" and lemma(tok) in cue_words().all_verbs


def subject_of(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, a passive's agent, or a governing verb's subject."""
    quoted_as = _quoted_as(verb)
    if quoted_as is not None:
        return quoted_as
    v, gerund = verb, False
    for _ in range(4):
        # two subjects are a misparse (a dateline's place read as one): the nearer is the verb's
        child = min((c for c in v.children if c.dep_ in _SUBJECT_DEPS or c.dep_ == "nsubjpass"),
                    key=lambda c: abs(c.i - v.i), default=None)
        if child is not None and child.dep_ == "nsubjpass":  # "was dismissed after insisting that ...",
            return _agent(v) or (child if gerund else None)
        if child is not None:
            return _same_paragraph(child, v)
        agent = _agent(v) or (apposed_to_fronted(v) if v.i == verb.i else None)
        if agent is not None:
            return agent
        if v.dep_ == "ccomp" and own_predicate(v, cue_words()):
            v = v.head  # "X — who said Y — described ...": the speaker of the verb the parse put it under
            continue
        if v.dep_ not in _CLIMB_DEPS or v.head.i == v.i:
            return None
        issuer = _issuer(v)
        if issuer is not None:  # "the ministry issued a statement saying ...": climb to "issued"
            v = issuer
            continue
        if v.dep_ in ("relcl", "acl") and v.head.tag_[:2] == "NN":  # "Brandt, ..., posted to say": the sentence's verb
            loose = v.head.dep_ in _LOOSE_HEADS and v.head.tag_ in ("NNP", "NNPS") or (
                v.tag_ in ("VBD", "VBN") and v.doc[v.i - 1].text == "," and (v.head.ent_type_ == "PERSON" or (
                    v.head.tag_ in ("NNP", "NNPS") and any(c.dep_ == "appos" for c in v.head.children))))
            return v.head if v.dep_ == "relcl" or loose else None
        gerund = gerund or (v.tag_ == "VBG" and v.dep_ in ("pcomp", "advcl", "xcomp")) or v.dep_ == "conj"
        v = _matrix_of(v) if v.dep_ in ("conj", "advcl") and _matrix_verb(v) else v.head
    return None


def _issuer(v: Token) -> Token | None:
    """The verb that put out the statement or video whose participle ``v`` reports ("issued a statement saying")."""
    noun = v.head
    if v.dep_ != "acl" or v.tag_ != "VBG" or noun.lower_ not in cue_words().channels:
        return None
    if noun.dep_ == "dobj" and noun.head.tag_[:2] == "VB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.tag_[:2] == "VB":
        return noun.head.head  # "hit back with a statement saying ..."
    return None


def _quoted_as(verb: Token) -> Token | None:
    """"The commander was quoted as saying ...": the one quoted is the passive subject of "quoted"."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or lemma(prep.head) != "quote":
        return None
    return next((c for c in prep.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)


def _matrix_of(v: Token) -> Token:
    """"said X and warned Y" parsed with "warned" under X: climb to the verb that reports X."""
    head = v.head
    noun = head.head
    if head.dep_ == "acl" and noun.lower_ in cue_words().channels and noun.dep_ == "pobj" \
            and noun.head.head.tag_[:2] == "VB" and lemma(noun.head.head) in cue_words().clause:
        return noun.head.head  # "said in a statement that X needed Y and urged Z": the one who said it
    if head.dep_ != "ccomp" or head.head.tag_[:2] != "VB" or lemma(head.head) not in cue_words().clause:
        return head
    for _ in range(3):  # "wrote that the strike showed X, calling it ...": the outermost speech verb
        if head.dep_ != "ccomp" or head.head.tag_[:2] != "VB" or lemma(head.head) not in cue_words().clause:
            break
        head = head.head
    return head


def _same_paragraph(subj: Token, verb: Token) -> Token:
    """A subject parsed across a paragraph break (a heading above) or a dateline ("KYIV (AP) —")
    is replaced by the noun after it."""
    doc = subj.doc
    if subj.i > verb.i:
        return subj
    breaks = [j for j in range(subj.i, verb.i)
              if "\n" in doc[j].text or (doc[j].text in DASH_TOKENS and is_dateline(doc, j))]
    if not breaks:
        return subj
    after = next((c for c in subj.children if c.dep_ == "appos" and c.i > breaks[-1]), None)
    if after is not None:  # "13:10 GMT — The ministry said": the time stamp took the subject's place
        return after
    for j in range(verb.i - 1, breaks[-1], -1):
        if doc[j].tag_[:2] in ("NN", "PR") and doc[j].dep_ not in ("compound", "poss"):
            return doc[j]
    return subj


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lower_ not in cue_words().means:
                    return obj
    return None


def _matrix_verb(clause: Token) -> bool:
    """"said X and warned Y", "said X, adding Y": a subjectless speech verb goes with the speaker."""
    words = cue_words()
    if clause.tag_ not in _FINITE_OR_GERUND or lemma(clause) not in words.all_verbs:
        return False
    if clause.tag_ == "VBG" and clause.doc[clause.left_edge.i - 1].text != ",":
        return False  # "is acting unlawfully and showing disregard": the content goes on
    deps = {c.dep_ for c in clause.children}
    if clause.tag_ == "VBG" and "dobj" in deps and not deps & {"ccomp", "xcomp", "oprd"} \
            and lemma(clause) not in words.objects:  # "calling the strikes “a war on heat”" names, so it speaks
        return False  # "avoid the strait, adding ten days to the voyage": a consequence, not a second speech verb
    return not any(c.dep_ in _SUBJECT_DEPS for c in clause.children)


def _bounds(tok: Token, skip_mark: bool = True) -> tuple[int, int]:
    """Token bounds of a reported clause, without a leading "that" or edge punctuation."""
    a, b = tok.left_edge.i, tok.right_edge.i + 1
    doc = tok.doc
    for child in tok.rights:
        if (child.dep_ in ("advcl", "conj") and (contrast(child) or _matrix_verb(child))) or aside(child) \
                or as_aside(child):
            b = min(b, child.left_edge.i)
            break
    for t in doc[a + 2:b]:  # "..., calling the strikes “a war on heat”" hung deeper: the speaker's own act
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.right_edge.i >= b - 2 and _matrix_verb(t):
            b = t.left_edge.i
            break
    for t in doc[a + 2:b]:  # "..., who has never faced a race": the reporter's aside on the last noun
        if (t.dep_ == "relcl" and t.left_edge.i > a + 1 and doc[t.left_edge.i - 1].text == ","
                and doc[t.left_edge.i].lower_ in ("who", "which") and t.right_edge.i >= b - 2):
            b = t.left_edge.i
            break
    for j in range(a + 1, b):  # a trailing ", according to ..." is the reporter's sourcing, not the content
        if doc[j].lower_ == "according" and doc[j - 1].text == "," and doc[j].right_edge.i >= b - 2:
            b = j
            break
    while b > a and (doc[b - 1].dep_ == "cc" or doc[b - 1].text in _EDGE_PUNCT):
        b -= 1
    first = doc[a]
    if first.dep_ == "prep" and first.head == tok and first.right_edge.i + 2 < b and all(
            t.ent_type_ in ("DATE", "TIME") for t in doc[a + 1:first.right_edge.i + 1]):
        a = first.right_edge.i + 1  # "said on Monday its troops had ...": when it was said, not what
    if skip_mark and doc[a].dep_ == "mark" and doc[a].lower_ in ("that", "whether", "if") and doc[a].head == tok:
        a += 1
    while a < b and (doc[a].text in _EDGE_PUNCT or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].text in _EDGE_PUNCT or doc[b - 1].is_space or doc[b - 1].text == "."):
        b -= 1
    return a, b


def _not_speech(verb: Token, lem: str, words: CueWords) -> bool:
    """"Donors are expected to pledge", "could not be independently verified", "Asked whether X, he said":
    an expectation, a verification or the reporter's question, not anyone's words."""
    if verb.i == verb.sent.start and verb.tag_ in ("VB", "VBP") and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return True  # "Thank you for reading": an imperative or a formula, said by nobody
    if any(c.dep_ in _SUBJECT_DEPS and _document(c, words) for c in verb.children):
        return True  # "Resolution 2334 demanded ...": a text, not a speaker
    if any(c.dep_ in _SUBJECT_DEPS and _publisher(c, words) for c in verb.children):
        return True  # "as we reported", "our correspondent reports": the publisher citing itself
    if verb.dep_ == "xcomp" and verb.head.i != verb.i and _not_speech(verb.head, lemma(verb.head), words):
        return True  # "are expected to pledge $5m"
    if verb.dep_ == "xcomp" and verb.head.tag_ == "VBN" and lemma(verb.head) in words.permission:
        return True  # "was not authorized to discuss the talks": the rule that keeps a source anonymous
    if lem not in words.passive_not_speech:
        return False
    if lem == "ask":
        return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "auxpass"
                                                                     for c in verb.children)
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and _agent(verb) is None


def _publisher(subj: Token, words: CueWords) -> bool:
    """"as we reported", "our correspondent", "this reporter" outside quotation marks: the outlet or its own
    staff ("our colleagues at the agency" are someone else). A bare "we" is the outlet only in an "as" clause
    citing its own reporting; elsewhere it is a speaker talking without quotation marks (a transcript)."""
    if subj.lower_ == "we":
        return any(c.dep_ == "mark" and c.lower_ == "as" for c in subj.head.children)
    return subj.lower_ in words.newsroom and any(
        c.dep_ in ("poss", "det") and c.lower_ in ("our", "this") for c in subj.children)


def _document(subj: Token, words: CueWords) -> bool:
    """Whether a subject is a resolution, decree or treaty (or a time stamp in apposition to one)."""
    return subj.lower_ in words.documents or any(c.dep_ == "appos" and c.lower_ in words.documents
                                                 for c in subj.children)


def _by_document(verb: Token, words: CueWords) -> bool:
    """"endorsed a road map in its resolution": a position taken by adopting a text."""
    return any(t.dep_ == "pobj" and t.lower_ in words.documents and t.head.lower_ in ("in", "through", "by")
               for t in verb.subtree)


def _verb_reports(verb: Token, words: CueWords) -> list[Report]:
    lem = lemma(verb)
    if _not_speech(verb, lem, words):
        return []
    out = _passive_reports(verb, lem, words)
    subject = None
    said = clause_act(verb, lem, words)
    if lem in words.clause and not any(c.dep_ == "ccomp" for c in verb.children):
        around = verb.dep_ == "parataxis" or _as_clause(verb)
        framed = appos_frame(verb) or (None if around else postposed(verb))
        if framed is not None:
            bounds, subject = framed
        else:
            bounds = _around(verb) if around else None
            subject = subject_of(verb) if bounds is not None else None
        if bounds is not None:
            out.extend(Report(a, b, verb.i, _cue_end(verb), subject, clausal=True, act=said)
                       for a, b in _split_at_cue(verb, bounds, subject))
    for child in verb.children:
        dep = child.dep_
        act = object_act(verb, words)
        if dep == "ccomp" and lem in words.clause and subject_of(verb) is None and tagged(child, words):
            continue  # "Among the 30 thefts reported, he said, most were of fuel": the parse took "reported" for the verb
        if dep == "ccomp" and lem in words.clause and own_predicate(child, words):
            continue  # "X — who said Y — described the camps as “desperate”": the speaker's verb, not content
        if dep == "ccomp" and lem in words.clause:
            act = STANCE if lem in words.deliberation and open_question(child) else said
            bounds = _bounds(child)
            if child.i < verb.i:
                bounds = fronted(verb, bounds)
                if only_condition(verb.doc[bounds[0]], bounds[1]):
                    continue
            elif not any(c.dep_ in _SUBJECT_DEPS for c in child.children) and any(
                    t.dep_ == "conj" and t.tag_[:2] == "VB" and lemma(t) in words.all_verbs
                    for t in verb.doc[verb.i + 1:child.left_edge.i]):
                continue  # "..., and accused X of helping “them” hold Y": the tail of the second verb's charge
            elif partitive(child, words) and any(c.dep_ == "ccomp" and c.i < child.i for c in verb.children):
                continue  # "..., many of them amputations" parsed as a second complement: the first one's tail
            else:
                bounds = (bounds[0], max(_second_that(verb, child, bounds[1]), _but_state(verb, child),
                                         _coordinated_clause(verb, child, words)))
                bounds = (bounds[0], max(bounds[1], partitive_tail(verb, bounds[1], words)))
        elif dep == "xcomp" and lem in words.xcomp and _infinitive(child) \
                and not (verb.tag_ == "VBN" and verb.dep_ == "acl"):  # "injections designed to calm her"
            if lemma(child) in words.anonymity and any(c.dep_ == "auxpass" for c in child.children):
                continue  # "an official who asked not to be named"
            bounds, act = _bounds(child, skip_mark=False), infinitive_act(verb, lem, words)
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)
            if obj is not None:  # "asked residents to stay indoors": who was asked is part of what was said
                bounds = (obj.left_edge.i, bounds[1])
        elif dep == "xcomp" and child.tag_ == "VBG" and lem in words.gerund_objects:
            bounds = _bounds(child, skip_mark=False)  # "denies arming the rebels"
            dep, act = "ccomp", infinitive_act(verb, lem, words)
        elif dep == "dobj" and lem in words.stance and (verb.dep_ in ("relcl", "acl") or _by_document(verb, words)):
            continue  # "Iran, which backs the militia", "endorsed a plan in its resolution": acts, not words
        elif dep == "dobj" and (lem in words.objects or lem in words.reason_verbs) \
                and child.tag_[:2] in ("NN", "PR", "WP") and not _negated(verb):
            charge = _charge(verb, child)
            if charge is not None:  # "accused the army of shelling the dam": the charge is stated
                out.append(Report(*charge, verb.i, _cue_end(verb), subject or subject_of(verb), clausal=True))
            bounds = _with_complement(verb, child)
            if any(c.dep_ == "xcomp" and c.i > child.i and _infinitive(c) for c in verb.children):
                act = infinitive_act(verb, lem, words)  # "urged allies to send jets": the object is who was asked
            reason = _reason(verb, child) if lem in words.reason_verbs else None
            if reason == _QUOTED_REASON:
                continue  # "praised the troops “for their courage”": the quoted words are what was said
            if reason is not None:  # "blamed the rebels for the blackout": what they are blamed for is said
                bounds, dep = (bounds[0], max(bounds[1], reason)), "reason"
            elif lem not in words.objects:
                continue
        elif dep == "advcl" and "for" in words.preps.get(lem, ()) and _for_clause(child):
            bounds = _bounds(child, skip_mark=False)  # "called for the army to withdraw"
            bounds = (bounds[0] + 1, bounds[1]) if verb.doc[bounds[0]].lower_ == "for" else bounds
            act = infinitive_act(verb, lem, words) if act == STANCE else act
        elif dep == "prep" and child.lower_ in words.preps.get(lem, ()):
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is None:
                continue
            bounds = _with_infinitive(verb, child, _bounds(obj))
            if act == STANCE and bounds[1] > obj.right_edge.i + 1:  # "called on Congress to act"
                act = infinitive_act(verb, lem, words)
        else:
            continue
        if bounds[1] - bounds[0] < 2 and not (dep == "dobj" and bounds[1] > bounds[0]):
            continue
        if subject is None:
            subject = subject_of(verb)
        loose = dep in _LOOSE_DEPS and lem not in words.content_objects
        parts = _split_at_cue(verb, bounds, subject) if dep == "ccomp" else [bounds]
        clausal = dep in ("ccomp", "xcomp")
        out.extend(Report(a, b, verb.i, _cue_end(verb), subject, loose, clausal, act) for a, b in parts)
    return out


def _charge(verb: Token, obj: Token) -> tuple[int, int] | None:
    """"accused the army of shelling the dam": the gerund clause after "of" (token bounds), else None."""
    for child in [*verb.rights, *obj.rights]:  # "of" on the verb, or on the object as the parse may hang it
        if child.i > obj.i and child.dep_ == "prep" and child.lower_ == "of":
            clause = next((c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
            if clause is not None:
                a, b = _bounds(clause, skip_mark=False)
                loose = [c for v in (verb, *verb.ancestors) for c in v.rights]
                run_on = next((c for c in loose if c.dep_ in ("conj", "ccomp") and c.left_edge.i >= b
                               and not any(g.dep_ in _SUBJECT_DEPS for g in c.children)
                               and all(t.is_punct for t in verb.doc[b:c.left_edge.i])), None)
                if run_on is not None and not any(c.dep_ == "cc" for c in verb.children):
                    b = _trim(verb.doc, a, run_on.right_edge.i + 1)[1]  # "to help “them” hold X": no "and", one clause
                return (a, b) if b - a >= 2 else None
    return None


def _passive_reports(verb: Token, lem: str, words: CueWords) -> list[Report]:
    """"The plan was criticized by the unions for its cost": what the agent spoke of (the passive
    subject) and, apart, what it is criticized for or described as."""
    if verb.tag_ != "VBN" or lem not in words.agent_passive:
        return []
    agent = _agent(verb)
    topic = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or topic is None or topic.tag_ in ("WDT", "WP", "EX"):
        return []
    a, b = _bounds(topic)
    out = [Report(a, b, verb.i, _cue_end(verb), agent, act=STANCE)] if b > a else []
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "as") and any(c.dep_ in ("pobj", "pcomp") for c in child.children):
            a, b = _bounds(child, skip_mark=False)
            out.append(Report(a, b, verb.i, _cue_end(verb), agent, act=STANCE))
    return out


def _second_that(verb: Token, clause: Token, end: int) -> int:
    """"said X and that Y": a second that-clause coordinated under the same verb extends the content."""
    for conj in verb.rights:
        if conj.i > clause.i and conj.dep_ == "conj" and \
                any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children):
            return max(end, _bounds(conj, skip_mark=False)[1])
    return end


def _coordinated_clause(verb: Token, clause: Token, words: CueWords) -> int:
    """"said the bridge was unsafe, and engineers had warned for years": a clause coordinated with
    the speech verb that is no speech verb itself goes on with what was said (0 when not)."""
    conj = next((c for c in verb.rights if c.i > clause.i and c.dep_ == "conj"), None)
    if conj is None or conj.tag_[:2] != "VB" or contrast(conj) \
            or (lemma(conj) in words.all_verbs and lemma(conj) not in words.cognition) \
            or conj.left_edge.i <= clause.right_edge.i:
        return 0
    doc = conj.doc
    if any(t.lower_ in ("but", "yet") for t in doc[clause.right_edge.i + 1:conj.left_edge.i + 1]):
        return 0  # "said X, but Y": _but_state decides
    return _bounds(conj, skip_mark=False)[1]


def _but_state(verb: Token, clause: Token) -> int:
    """"say a draft is being discussed, but no vote has been scheduled": a subjectless-agent passive
    after ", but", in the tense the reported clause is in, goes on with what was said (0 when not)."""
    conj = next((c for c in verb.rights if c.i > clause.i and c.dep_ == "conj"), None)
    if conj is None or "but" not in (conj.doc[conj.left_edge.i].lower_, conj.doc[conj.left_edge.i - 1].lower_) \
            or _agent(conj) is not None \
            or not any(c.dep_ == "nsubjpass" and c.tag_[:2] == "NN" for c in conj.children):
        return 0
    aux = {c.lower_ for c in conj.children if c.dep_ == "aux"}
    backshift = {"had"} if verb.tag_ == "VBD" else {"has", "have"}
    return _bounds(conj, skip_mark=False)[1] if aux & backshift else 0


def _as_clause(verb: Token) -> bool:
    """"As the paper observed, X" / "X, as the paper noted": the clause the as-clause hangs on is said."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
        and not any(c.dep_ in ("dobj", "xcomp", "prep") for c in verb.children)


def _for_clause(clause: Token) -> bool:
    """"for the army to withdraw": an infinitive with its own subject introduced by "for"."""
    return _infinitive(clause) and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def _reason(verb: Token, obj: Token) -> int | None:
    """The end of a "for ..." phrase after the object of a praise/blame verb, None without one, or
    _QUOTED_REASON when the phrase is quoted ("thanked them “for their courage”" is a direct quote)."""
    doc = verb.doc
    for child in verb.rights:
        if child.i > obj.i and child.dep_ == "prep" and child.lower_ == "for" \
                and any(c.dep_ in ("pobj", "pcomp") for c in child.children):
            end = _bounds(child, skip_mark=False)[1]
            quoted = any(doc[j].tag_ in ("``", "''") for j in range(max(0, child.i - 1), end))
            return _QUOTED_REASON if quoted else end
    return None


def _hedge(verb: Token, subject: Token | None, words: CueWords) -> bool:
    """"I think", "we guess": a first-person hedge outside quotation marks reports nothing."""
    return subject is not None and subject.lower_ in ("i", "we") and lemma(verb) in words.hedge_verbs


def _split_at_cue(verb: Token, bounds: tuple[int, int], subject: Token | None) -> list[tuple[int, int]]:
    """"X, Mr. Lund said, Y": content on both sides of the speaker and cue is two reports."""
    a, b = bounds
    if not a < verb.i < b:
        return [bounds] if b - a >= 2 else []
    doc = verb.doc
    lo = min(subject.left_edge.i, verb.i) if subject is not None and a <= subject.i < verb.i else verb.i
    hi = _cue_end(verb)
    comma = next((j for j in range(hi, min(b, hi + 6)) if doc[j].text == ","), None)
    hi = comma + 1 if comma is not None else hi
    after = _trim(doc, hi, b)
    if not (after[0] <= verb.head.i < after[1] or any(t.tag_ in FINITE for t in doc[after[0]:after[1]])):
        after = (b, b)  # "..., she said, mostly young men": a phrase the reporter adds, no clause of the speaker's
    parts = [_trim(doc, a, lo), after]
    return [(x, y) for x, y in parts if y - x >= 2]


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    while a < b and (doc[a].text in _EDGE_PUNCT or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].text in _EDGE_PUNCT or doc[b - 1].text == "." or doc[b - 1].is_space):
        b -= 1
    return a, b


def _around(verb: Token) -> tuple[int, int]:
    """"X, he said, Y" / "X, he said": the clause a parenthetical speech verb hangs on, minus the cue."""
    head = verb.head
    a, b = head.left_edge.i, head.right_edge.i + 1
    top = head.head
    if head.dep_ == "ccomp" and top.dep_ == "ROOT" and top.i >= b and lemma(top) not in cue_words().all_verbs:
        b = top.right_edge.i + 1  # "X, she added, is cut, so Y": the parse hung the clause on Y's verb
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    if lo <= a + 1:
        a = hi
    elif hi >= b - 1:
        b = lo
    doc = verb.doc
    while a < b and (doc[a].text in _EDGE_PUNCT or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].text in _EDGE_PUNCT or doc[b - 1].text == "." or doc[b - 1].is_space):
        b -= 1
    return a, b


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _with_infinitive(verb: Token, prep: Token, bounds: tuple[int, int]) -> tuple[int, int]:
    """"called on Congress to act": the object and the infinitive that says what was asked."""
    a, b = bounds
    for child in verb.rights:
        if child.i > prep.i and child.dep_ in ("xcomp", "ccomp", "advcl") and _infinitive(child):
            b = max(b, _bounds(child, skip_mark=False)[1])
    return a, b


def _infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _with_complement(verb: Token, obj: Token) -> tuple[int, int]:
    """"called Trump a “liar”", "described her as “a disgrace”": the object and what it is called."""
    a, b = _bounds(obj)
    preps = _COMPLEMENT_PREPS | {"for"} if lemma(verb) in cue_words().for_complement else _COMPLEMENT_PREPS
    for child in verb.rights:
        if child.i > obj.i and (child.dep_ in ("oprd", "xcomp", "ccomp")
                                or (child.dep_ == "prep" and child.lower_ in preps)):
            b = max(b, _bounds(child, skip_mark=False)[1])
    return a, b


def _cue_end(verb: Token) -> int:
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return end
