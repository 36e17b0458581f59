"""How far a source reaches over a paragraph: the figures of sentences that go on with a source's content.

The attribution of one sentence covers figures outside it (``../shared/eval/CONVENTIONS.md``):

- forward, over the next sentences of the paragraph that go on with a reported statement without a
  source of their own ("The agency said 40 drones were launched. Another 12 were decoys.");
- backward, when "according to X" closes the paragraph ("Exports fell by a third. That is according
  to customs data.");
- a document's findings ("Two-thirds of respondents backed ...", "It recorded 312 cases"), in the
  sentences after the one that introduces it, belong to its author.

A sentence with a source of its own (a quote, an attributed or hedged figure) ends the reach; so
does a direct quote, after which the reporter speaks again. Only figures the sentence-level rules
left in the reporter's voice (``asserted``) are given a source here.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Sequence

from spacy.tokens import Span, Token

from sayso.extract.claims.sources import Attribution, Attributor
from sayso.extract.claims.speakers import generic_name
from sayso.models import Claim, Quote, Speaker
from sayso.nlp.pipeline import lemma_of

_REPORTED = frozenset({"indirect", "mixed"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def paragraph_scope(claims: list[Claim], quotes: Sequence[Quote], attributor: Attributor) -> list[Claim]:
    """``claims`` with the asserted figures of sentences inside a source's reach given that source."""
    if not claims:
        return claims
    sents = attributor.sents
    starts = [s.start_char for s in sents]
    of_sent: dict[int, list[int]] = {}
    for k, claim in enumerate(claims):
        of_sent.setdefault(bisect.bisect_right(starts, claim.quantity.start) - 1, []).append(k)
    quoted: dict[int, list[Quote]] = {}
    for q in quotes:
        if q.act != "statement":
            continue
        first = bisect.bisect_right(starts, q.start) - 1
        last = bisect.bisect_right(starts, max(q.start, q.end - 1)) - 1
        for s in range(first, last + 1):
            quoted.setdefault(s, []).append(q)
    out = list(claims)
    for para in _paragraphs(attributor):
        _forward(para, out, of_sent, quoted, attributor)
        _backward(para, out, of_sent, quoted, attributor)
    return out


def _paragraphs(attributor: Attributor) -> list[list[int]]:
    """Sentence indices, grouped by paragraph (a sentence that starts after a line break opens one)."""
    text = attributor.text
    out: list[list[int]] = []
    last_break = -2
    for k, sent in enumerate(attributor.sents):
        brk = text.rfind("\n", 0, sent.start_char + 1)
        if not out or brk != last_break:
            out.append([])
            last_break = brk
        out[-1].append(k)
    return out


def _carries(q: Quote, attributor: Attributor) -> bool:
    """A reported clause can go on in the next sentences; a denial ("denied that ...") or an infinitive
    ("claimed to be under attack") cannot: neither states figures for the speaker beyond itself."""
    word = (q.cue or "").split()[:1]
    if word and any(lemma_of(word[0].lower(), tag) in attributor.data["denial_verbs"] for tag in ("VBD", "VBZ", "VBG")):
        return False
    doc = attributor.doc
    first = bisect.bisect_left(attributor.starts, q.start)
    last = bisect.bisect_left(attributor.starts, q.end)
    inside = range(first, last)
    # a finite verb, or a clause with a subject of its own ("that the majority ... support the war", its
    # verb tagged as a bare form): an infinitive has neither
    return any(t.tag_ in _FINITE or (t.dep_ in ("nsubj", "nsubjpass") and t.head.i in inside) for t in doc[first:last])


def _own_source(s: int, out: list[Claim], of_sent: dict[int, list[int]], quoted: dict[int, list[Quote]]) -> bool:
    return s in quoted or any(out[k].status != "asserted" for k in of_sent.get(s, ()))


def _forward(para: list[int], out: list[Claim], of_sent: dict[int, list[int]], quoted: dict[int, list[Quote]],
             attributor: Attributor) -> None:
    carry: Attribution | None = None
    past = False
    for s in para:
        said = [(q, _speaker_of(q, out, of_sent.get(s, ()))) for q in quoted.get(s, ())
                if q.kind in _REPORTED and _carries(q, attributor)]
        said = [(q, who) for q, who in said if who is not None and not generic_name(who.name, attributor.data)]
        if said:
            q, who = said[-1]
            carry, past = Attribution(who, q.cue), _past_cue(q, attributor)
            continue
        document = _document_source(attributor.sents[s], attributor)
        if document is not None:
            # "A survey by X polled 2,000 people." / "The report documented 612 incidents.": findings follow
            carry, past = document, False
            continue
        if _own_source(s, out, of_sent, quoted):
            carry = None
            continue
        if carry is not None:
            _give(s, carry, out, of_sent, attributor if past else None)


def _speaker_of(q: Quote, out: list[Claim], claims: Sequence[int]) -> Speaker | None:
    """The quote's speaker, or, where the quotes extractor found none, the source the claims rules gave the
    figures inside it ("several polls (A, B) have reported that ...": a subject the parse misplaced)."""
    if q.speaker is not None:
        return q.speaker
    return next((out[k].source for k in claims if out[k].status == "claimed" and out[k].source is not None
                 and q.start <= out[k].quantity.start < q.end), None)


def _backward(para: list[int], out: list[Claim], of_sent: dict[int, list[int]], quoted: dict[int, list[Quote]],
              attributor: Attributor) -> None:
    last = para[-1]
    attr = _closing_according(attributor.sents[last], attributor)
    if attr is None or len(para) < 2 or of_sent.get(last):
        return  # "X rose 8%, according to Y": the source of its own sentence only
    for s in reversed(para[:-1]):
        if _own_source(s, out, of_sent, quoted):
            break
        _give(s, attr, out, of_sent)


def _give(s: int, attr: Attribution, out: list[Claim], of_sent: dict[int, list[int]],
          past: Attributor | None = None) -> None:
    """Give the asserted figures of sentence ``s`` to ``attr``; after a report in the past tense (``past``
    holds the article's Attributor then), not those in a present-tense clause: "Gov. X said that ... .
    The depot lies 40 km from the border" is the reporter's background."""
    for k in of_sent.get(s, ()):
        claim = out[k]
        if past is not None and _present(claim, past):
            continue
        if claim.status == "asserted" and claim.source is None:
            status = "reported" if attr.vague else "claimed"
            out[k] = replace(claim, status=status, source=attr.speaker, cue=attr.cue)


def _past_cue(q: Quote, attributor: Attributor) -> bool:
    if q.cue_start is None:
        return False
    k = bisect.bisect_left(attributor.starts, q.cue_start)
    return k < len(attributor.doc) and attributor.doc[k].tag_ in ("VBD", "VBN")


def _present(claim: Claim, attributor: Attributor) -> bool:
    """Whether the verb of the figure's clause is in the present tense ("lies", "has", "are")."""
    k = min(bisect.bisect_left(attributor.starts, claim.quantity.start), len(attributor.doc) - 1)
    verb = next((a for a in attributor.doc[k].ancestors if a.tag_[:2] in ("VB", "MD")), None)
    if verb is None:
        return False
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "MD"}


def _closing_according(sent: Span, attributor: Attributor) -> Attribution | None:
    """"That is according to customs data." / "..., according to the ministry." closing a paragraph."""
    for tok in sent:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None or not _ends(to, sent):
            return None
        attr = attributor._according_to(sent)
        return attr if attr is not None and (attr.speaker is not None or attr.vague) else None
    return None


def _ends(tok: Token, sent: Span) -> bool:
    return all(t.is_punct or t.is_space for t in sent.doc[tok.right_edge.i + 1:sent.end])


def _document_source(sent: Span, attributor: Attributor) -> Attribution | None:
    """A sentence about a poll, survey or report ("A survey by the Kyiv Institute questioned 2,000 people"):
    the document, or its author after "by"/"from", as the source of the findings that follow."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in attributor.data["document_nouns"]:
        return None
    author = attributor.author_of(subj)
    speaker = attributor.speaker_of(author if author is not None else subj)
    return Attribution(speaker, root.text) if speaker is not None else None
