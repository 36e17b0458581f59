"""Quantity claims: a quantity, the clause stating it, its source and its status."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Sequence

from spacy.tokens import Doc, Span

from sayso.extract.claims.sources import Attribution, Attributor
from sayso.extract.claims.quantities import Found, find_quantities
from sayso.extract.claims.denials import denier_after, deny_elsewhere
from sayso.extract.claims.scope import paragraph_scope
from sayso.extract.claims.words import claim_data, tables
from sayso.extract.quotes.speaker_phrases import media
from sayso.models import Claim, Note, Quote, Speaker
from sayso.nlp.pipeline import doc_text, lemma_of, span_text

_ANAPHORIC_DETS = {"the", "these", "those", "both", "all", "its", "their", "his", "her", "our", "my", "your"}


def extract_claims(doc: Doc, quotes: Sequence[Quote] = (), notes: list[Note] | None = None) -> list[Claim]:
    """Every quantity claim in ``doc``; sources come from the enclosing ``quotes``.

    A number inside a Quote's span gets that quote's speaker; otherwise a light fallback looks
    for a reporting verb, "according to" or quotation marks around it. Status is ``claimed``
    when a source is found, ``reported`` when hedged ("reportedly", "sources say"), ``denied``
    under a denial verb, ``unverified`` when the article says it could not be verified, and
    ``asserted`` (the reporter's own voice) otherwise.
    """
    text = doc_text(doc)
    found = [f for f in find_quantities(doc, text) if is_claim(doc, f)]
    windows = _time_windows(doc, found)
    found = [f for k, f in enumerate(found) if k not in windows]
    if not found:
        return []
    data = claim_data()
    ordered = sorted(quotes, key=lambda q: q.start)
    quote_starts = [q.start for q in ordered]
    attributor = Attributor(doc, text)
    claims: list[Claim] = []
    for f in found:
        anchor = doc[f.num_last]
        start, end = clause_of(attributor, anchor)
        from_quote = _from_quotes(f, ordered, quote_starts)
        if from_quote is not None and from_quote.cue_lemma in data["verification_verbs"] \
                and data["verify_re"].search(text, start, end):
            from_quote = None  # "..., the agency could not independently confirm": the check, not a source
        if from_quote is not None and not _can_speak(from_quote.speaker, attributor):
            from_quote = None  # "X on Friday denied ...": a quote whose speaker the parse read as the time
        attr = denier_after(attributor, anchor) or _choose(
            from_quote, attributor.attribute(anchor), data, text, f.quantity.start)
        if attr is None or attr.cue_lemma not in data["denial_verbs"]:
            attr = _report_by(attributor, anchor, start) or attr or _agentless_estimate(anchor, data)
        if attr is not None and _correspondent(attributor, attr.speaker):
            attr = None  # "our correspondent, reporting from Kilis, said": the publisher's own reporting
        if attr is not None and attr.cue_lemma in data["denial_verbs"] and not _in_denied(anchor, attr, data):
            attr = None  # "Russia, which denied planning to invade despite having amassed 100,000 troops"
        status, source, cue = _status(attributor.text[start:end], attr, data, attributor)
        claims.append(Claim(f.quantity, status, source, start, end, attributor.text[start:end], cue))
    return deny_elsewhere(_refer_back(doc, paragraph_scope(claims, ordered, attributor), attributor, data), attributor)


def _report_by(attributor: Attributor, anchor, start: int) -> Attribution | None:
    """ "... had heard reports from two fishing cooperatives that at least 25 boats sank": the
    author of the reports the number's clause spells out, not the speaker who mentions them."""
    doc, data = attributor.doc, attributor.data
    sent = attributor.sent_of(anchor.i)
    for tok in doc[sent.start:anchor.i]:
        if tok.idx < start or tok.tag_ != "NNS" or tok.lower_ not in data["vague_sources"] | data["claim_nouns"]:
            continue
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
        author = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if author is None or author.right_edge.i + 1 >= anchor.i:
            continue
        after = doc[author.right_edge.i + 1]
        if after.lower_ == "that" and not any(t.text in (".", ";") for t in doc[after.i:anchor.i]):
            speaker = attributor.speaker_of(author)
            return Attribution(speaker, tok.text, "report") if speaker is not None else None
    return None


def _correspondent(attributor: Attributor, speaker: Speaker | None) -> bool:
    """A newsroom speaker "reporting from" a place: the outlet's correspondent, whose figures are the
    publisher's. The speaker must be one of the newsroom's by its phrase: a newsroom noun ("correspondent",
    ``newsroom_nouns``), "our ..." or an outlet's possessive ("the channel's ..."); anyone else reporting from
    a place ("residents reporting from the town") is a source like any other."""
    if speaker is None or speaker.start is None:
        return False
    k = bisect.bisect_left(attributor.starts, speaker.start)
    if k >= len(attributor.doc):
        return False
    tok = attributor.doc[k]
    while tok.dep_ in ("compound", "poss", "case", "det", "amod", "appos") and tok.head.i != tok.i:
        tok = tok.head
    near = list(tok.children)
    if tok.dep_ == "nsubj":  # "X, reporting from Y, said": the parse may hang the participle on the verb
        near += [c for c in tok.head.children if tok.i < c.i < tok.head.i]
    reporting = any(c.dep_ in ("acl", "advcl") and c.lower_ == "reporting"
                    and any(g.lower_ == "from" for g in c.children) for c in near)
    return reporting and _newsroom(tok, attributor.data)


def _newsroom(head, data) -> bool:
    """The speaker phrase headed by ``head`` names one of the outlet's own: a newsroom noun, "our", or an outlet
    (a word of ``media_words``) in a possessive or after "of"/"for"."""
    mods = [c for c in head.children if c.dep_ in ("compound", "poss", "amod", "appos", "nmod", "det")]
    phrase = [head] + [t for c in mods for t in c.subtree]
    if any(t.lower_ == "our" or lemma_of(t.text, t.tag_) in data["newsroom_nouns"] for t in phrase):
        return True
    return any(c.dep_ == "poss" and media(c.doc[c.left_edge.i:c.i + 1])  # "the network's Lina Sayegh"
               or c.dep_ == "prep" and c.lower_ in ("of", "for", "with") and media(c.doc[c.i + 1:c.right_edge.i + 1])
               for c in head.children)  # "Lina Sayegh of the network"


def _agentless_estimate(anchor, data) -> Attribution | None:
    """ "Estimates put the toll between 3,000 and 9,000": an estimate nobody is named for is a hedge."""
    subj = None
    for up in anchor.ancestors:  # the clause's verb and its subject; or, misparsed, the estimate noun itself
        if up.tag_.startswith("VB"):
            subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            break
        if up.lower_ in data["reporting_nouns"] and up.dep_ in ("ROOT", "nsubj", "nsubjpass"):
            subj = up
            break
    if subj is None or subj.lower_ not in data["reporting_nouns"]:
        return None
    if any(c.dep_ in ("poss", "compound", "amod") or (c.dep_ == "prep" and c.lower_ in ("by", "from") and any(
            g.dep_ == "pobj" and g.tag_ != "CD" for g in c.children)) for c in subj.children):
        return None  # "UN estimates", "Western estimates", "estimates by aid agencies": someone's
    return Attribution(None, subj.text, lemma_of(subj.text, "NNS"), vague=True)


def _in_denied(anchor, attr: Attribution, data) -> bool:
    """Whether the number is part of what the denial verb denies (its object or complement clause), not
    of a clause hung on it ("despite having amassed ..."): denying an accusation denies no figure beside it."""
    tok = anchor
    for _ in range(12):
        head = tok.head
        if head.i == tok.i:
            return True  # no denial verb above the number: the attribution came from elsewhere (a quote)
        if head.tag_.startswith("VB") and lemma_of(head.text, head.tag_) in data["denial_verbs"]:
            return tok.dep_ in ("ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "nsubjpass", "conj", "pcomp") \
                or (tok.dep_ == "prep" and tok.lower_ in ("of", "about", "that"))
        if tok.dep_ in ("advcl", "prep") and tok.lower_ in ("despite", "while", "although", "though", "as",
                                                             "after", "before", "since", "because"):
            return False
        tok = head
    return True


def clause_of(attributor: Attributor, anchor) -> tuple[int, int]:
    """The sentence holding the number, clipped to its paragraph (the parser sometimes runs across one)."""
    sent = attributor.sent_of(anchor.i)
    text = attributor.text
    start = max(sent.start_char, text.rfind("\n", 0, anchor.idx) + 1)
    nl = text.find("\n", anchor.idx)
    end = sent.end_char if nl < 0 else min(sent.end_char, nl)
    return start, end


def _choose(from_quote: Attribution | None, fallback: Attribution | None, data, text: str,
            at: int) -> Attribution | None:
    """The enclosing Quote's speaker, unless its cue is no verb of saying ("showed", "plans"), its
    speaker of reported speech sits in another paragraph, or the fallback resolves the same pronoun
    differently or names the speaker the quote left as a description ("the agency" -> "Janes")."""
    if from_quote is None:
        return fallback
    if fallback is not None and fallback.cue_lemma in data["denial_verbs"] \
            and from_quote.cue_lemma not in data["denial_verbs"]:
        return fallback  # "X dismissed Y's claim that ...": the quote is Y's, the figure stands denied by X
    cue = (from_quote.cue or "").strip().lower()
    if cue and cue[0].isalpha() and not cue.startswith("according") \
            and from_quote.cue_lemma not in data["reporting_verbs"] and from_quote.cue_lemma not in data["saying"]:
        return fallback
    said_by = from_quote.speaker
    if fallback is not None and fallback.speaker is not None and said_by is not None and said_by.start is not None:
        if from_quote.quote_kind == "indirect" and "\n" in text[min(said_by.start, at):max(said_by.start, at)]:
            return fallback
        pronouns = data["pronouns_person"] | data["pronouns_group"]
        if (said_by.text or "").lower() in pronouns and fallback.speaker.start == said_by.start:
            return Attribution(fallback.speaker, from_quote.cue, from_quote.cue_lemma, fallback.vague)
    if fallback is not None and fallback.speaker is not None and _described(from_quote.speaker) \
            and not _described(fallback.speaker):
        return Attribution(fallback.speaker, from_quote.cue, from_quote.cue_lemma, fallback.vague)
    return from_quote


def _can_speak(speaker: Speaker | None, attributor: Attributor) -> bool:
    """Whether a quote's speaker mention may be a source (not a time nor a dateline: ``Attributor.can_speak``)."""
    if speaker is None or speaker.start is None:
        return True
    k = bisect.bisect_right(attributor.starts, speaker.start) - 1
    return k < 0 or attributor.can_speak(attributor.doc[k])


def _described(speaker: Speaker | None) -> bool:
    """A speaker left as a description: its last word is lower case ("the agency", "US image company")."""
    if speaker is None or not speaker.name.split():
        return True
    return speaker.name.split()[-1][:1].islower()


# ------------------------------------------------------------------ which quantities are claims


def is_claim(doc: Doc, f: Found) -> bool:
    """False for numbers that describe rather than claim: ages, "the two leaders", "one of", a bare "one"."""
    q = f.quantity
    first_num = doc[f.num_first]
    prev = doc[f.num_first - 1] if f.num_first > 0 else None
    nxt = doc[f.num_last + 1] if f.num_last + 1 < len(doc) else None
    if f.kind == "count" and _is_age(doc, f):
        return False
    if prev is not None and prev.lower_ in ("aged", "ages") and f.first == f.num_first:
        return False  # "children aged 5 to 12"
    if prev is not None and prev.lower_ in _ANAPHORIC_DETS and f.first == f.num_first and f.kind == "count":
        if not first_num.text[:1].isdigit():
            return False  # "the two leaders", "both three"
        if nxt is not None and nxt.tag_ in ("NNP", "NNPS") and nxt.ent_type_ not in ("GPE", "NORP"):
            return False  # "the 82 Airborne soldiers": part of a name
    if first_num.lower_ in ("one", "a", "an") and q.value == 1 and q.qualifier == "exact" and f.kind == "count" \
            and (q.unit not in claim_data()["one_counts_nouns"] or (nxt is not None and nxt.lower_ == "of")):
        return False  # "one of the leaders", "one voice"; but "one civilian was killed" counts
    if first_num.lower_ == "one" and nxt is not None and nxt.text in ("-", "–") :
        return False  # "one-on-one"
    return True


def _time_windows(doc: Doc, found: list[Found]) -> set[int]:
    """Durations that only date an event, by position in ``found``: "for the second time in a month",
    "within a year or two", and "in the past 24 hours" when that window frames another number of the
    same clause ("the fires destroyed 31 homes in the past two days"). "A siege of 52 days", "lasted 45
    minutes" and a window standing alone ("tension rose in the past 48 hours") stay claims."""
    t = tables()
    window_words = claim_data()["time_window_words"]
    out: set[int] = set()
    for k, f in enumerate(found):
        prev = doc[f.first - 1].lower_ if f.first > 0 else ""
        before = doc[f.first - 2].lower_ if f.first > 1 else ""
        after = doc[f.last + 1].lower_ if f.last + 1 < len(doc) else ""
        if f.kind == "count" and f.counted is None and prev in ("or", "to") and before in t.units \
                and t.units[before].si_unit == "day":
            out.add(k)  # the "two" of "a year or two"
            continue
        if f.kind != "measure" or f.quantity.si_unit != "day":
            continue
        if (prev == "in" and before in ("time", "times")) or after == "or" or _then_time(doc, f.last):
            out.add(k)  # "for the second time in a month", "within a year or two"
        elif (prev in window_words or (prev == "in" and f.quantity.value == 1)) \
                and any(_same_clause(doc, f, g) for g in found if g is not f and g.quantity.si_unit != "day"):
            out.add(k)  # "31 homes burned in the past two days", "lost 600 horses in a month"
    return out


def _then_time(doc: Doc, last: int) -> bool:
    """ "in two weeks' time": a point in time, not a length."""
    words = [t.lower_ for t in doc[last + 1:last + 3]]
    return len(words) == 2 and words[0] in ("'", "’", "'s", "’s") and words[1] == "time"


def _same_clause(doc: Doc, f: Found, g: Found) -> bool:
    """Both numbers hang under the same verb."""
    def verb_of(i: int):
        return next((a for a in doc[i].ancestors if a.tag_.startswith("VB")), None)
    v = verb_of(f.num_last)
    return v is not None and v == verb_of(g.num_last)


def _is_age(doc: Doc, f: Found) -> bool:
    """ "Smith, 62, said" or "(62)" after a name, or "aged 62"."""
    if f.num_first != f.num_last or f.counted is not None:
        return False
    tok = doc[f.num_first]
    if not tok.text.isdigit() or not 1 <= int(tok.text) <= 110:
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and prev.lower_ in tables().name_prefix | {"aged", "age"}:
        return True
    if prev is not None and prev.lower_ in ("is", "was", "turned", "turns") and tok.i >= 2 \
            and doc[tok.i - 2].lower_ in ("who", "he", "she"):
        return True  # "Donald Trump, who is 70."
    if prev is None or nxt is None:
        return False
    before = doc[tok.i - 2] if tok.i >= 2 else None
    return (prev.text in (",", "(") and nxt.text in (",", ")", ".", "―", "—", "–", ";") and before is not None
            and (before.ent_type_ == "PERSON" or before.tag_ == "NNP"))


# ------------------------------------------------------------------ source and status


def _from_quotes(f: Found, quotes: list[Quote], starts: list[int]) -> Attribution | None:
    """The Quote whose span holds the number, when it has a speaker."""
    q_start, q_end = f.quantity.start, f.quantity.end
    k = bisect.bisect_right(starts, q_start) - 1
    while k >= 0:
        quote = quotes[k]
        if quote.start <= q_start and q_end <= quote.end + 1 and quote.act == "statement":
            if quote.speaker is None:
                return None
            cue_lemma = lemma_of_cue(quote.cue)
            return Attribution(quote.speaker, quote.cue, cue_lemma, quote_kind=quote.kind)
        if quote.end < q_start - 5000:
            break
        k -= 1
    return None


def lemma_of_cue(cue: str | None) -> str | None:
    """The lemma of a quote's cue word ("wrote" -> "write"), preferring a verb of saying."""
    if not cue or not cue.split():
        return None
    word = cue.split()[0].lower()
    forms = [lemma_of(word, tag) for tag in ("VBD", "VBZ", "VBN", "VBG")]
    verbs = claim_data()["reporting_verbs"]
    return next((f for f in forms if f in verbs), forms[0])


def _status(text: str, attr: Attribution | None, data,
            attributor: Attributor) -> tuple[str, Speaker | None, str | None]:
    """An unnamed source tied to one body ("a senior army officer, speaking on condition of anonymity")
    claims its figures under its description; a generic collective ("analysts", "witnesses") reports
    them under its description; a bare hedge ("sources say", "reportedly") has no source."""
    verify = data["verify_re"].search(text)
    if attr is not None and attr.cue_lemma in data["denial_verbs"]:
        return "denied", attr.speaker, attr.cue
    if verify:
        return "unverified", attr.speaker if attr else None, verify.group(0)
    hedge = data["hedge_re"].search(text) or data["anonymity_re"].search(text)
    if attr is not None and attr.speaker is not None and attributor.generic_speaker(attr.speaker):
        # "analysts", "villagers in X", "local media" keep their description; "sources", "the report" have none
        # (under the words of its mention: a collective is no one a name resolves to)
        said_by = attr.speaker
        if said_by.text and said_by.text != said_by.name:
            said_by = replace(said_by, name=said_by.text)
        attr = Attribution(said_by if attributor.collective(attr.speaker) else None, attr.cue, attr.cue_lemma,
                           vague=True)
    if attr is not None and attr.speaker is not None and not attr.vague:
        return "claimed", attr.speaker, attr.cue
    if hedge or (attr is not None and attr.vague):
        return "reported", attr.speaker if attr is not None else None, hedge.group(0) if hedge else attr.cue
    return "asserted", None, None


def _refer_back(doc: Doc, claims: list[Claim], attributor: Attributor, data) -> list[Claim]:
    """ "The general's claims could not be independently verified": mark that speaker's earlier claims."""
    verify_re = data["verify_re"]
    if not verify_re.search(attributor.text):
        return claims
    claim_sents = {c.start for c in claims}
    out = list(claims)
    for sent in attributor.sents:
        if sent.start_char in claim_sents or not verify_re.search(span_text(sent)):
            continue
        subj = _verification_subject(sent)
        name = _named_in(subj, attributor) if subj is not None else None
        about = _checked_run(out, sent, attributor) if name is None else set()
        for k, claim in enumerate(out):
            if claim.start is None or claim.start >= sent.start_char or claim.status in ("denied",):
                continue
            if name is not None:
                hit = claim.source is not None and _same_name(claim.source, name)
            else:
                hit = k in about
            if hit:
                out[k] = Claim(claim.quantity, "unverified", claim.source, claim.start, claim.end, claim.text,
                               claim.cue)
    return out


def _checked_run(claims: list[Claim], sent: Span, attributor: Attributor) -> set[int]:
    """The claims a verification sentence without a name is about ("The claims could not be verified"): those
    of the last source before it, back over the sentences of its paragraph (or the one before, when it opens
    a paragraph) that give figures to that source only."""
    text = attributor.text
    para = text.rfind("\n", 0, sent.start_char) + 1
    before = sorted((c.start, k) for k, c in enumerate(claims) if c.start is not None and para <= c.start < sent.start_char)
    if not before:
        # it opens its paragraph, or nothing before it in the paragraph has a figure ("The rebels denied
        # it. The toll could not be verified."): the paragraph before
        prev = text[:max(0, para - 1)].rstrip("\n")
        para = prev.rfind("\n") + 1
        before = sorted((c.start, k) for k, c in enumerate(claims)
                        if c.start is not None and para <= c.start < sent.start_char)
    run: set[int] = set()
    source = None
    for start in sorted({s for s, _ in before}, reverse=True):
        members = [k for s, k in before if s == start]
        speakers = [claims[k].source for k in members]
        if any(s is None for s in speakers):
            break
        source = source or speakers[0].name
        if not all(_same_name(s, source) for s in speakers):
            break
        run.update(members)
    return run


def _verification_subject(sent: Span):
    for tok in sent:
        if tok.dep_ in ("nsubjpass", "nsubj") and tok.head.lower_ in (
                "verified", "confirmed", "verify", "confirm", "be", "been"):
            return tok
    root = sent.root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _named_in(subj, attributor: Attributor) -> str | None:
    """The speaker a verification sentence's subject names ("Smirnov's figures", "the general's claims")."""
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.lower_ in ("his", "her", "its", "their", "these", "those", "this", "that"):
        return None
    speaker = attributor.speaker_of(owner)
    if owner.tag_ == "NN" and (speaker is None or speaker.name == speaker.text) \
            and any(c.dep_ == "det" and c.lower_ in ("the", "neither", "each", "either") for c in owner.children):
        # "the group's account", "neither side's claims": an anaphoric description no name resolves; the run
        # before it ("the rebels' statement" names a party of its own and stays unresolved)
        return None
    return speaker.name if speaker is not None else "\0unresolved"


def _same_name(speaker: Speaker, name: str) -> bool:
    """Same last word, or one name inside the other; a speaker's role or mention also counts."""
    def norm(text: str) -> str:
        return " ".join(re.sub(r"['’]s\b|[^\w\s-]", " ", text.lower()).split())

    a, b = norm(speaker.name), norm(name)
    if not a or not b:
        return False
    if a.split()[-1] == b.split()[-1] or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    return any(b == norm(extra) for extra in (speaker.role, speaker.text) if extra)
