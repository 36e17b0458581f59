"""Who states a number when no Quote record covers it: reporting verbs, "according to", quotation marks.

A light fallback for the attribution extractor: the subject of the nearest reporting verb above
the number in the parse, the object of "according to", or the speaker of the quotation the number
sits in. The subject found is read as a Speaker by ``speakers.py``, the base class, which resolves pronouns
and descriptions ("he", "the agency") to the latest fitting name.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sayso.extract.claims.speakers import SpeakerResolver
from sayso.extract.claims.subjects import subject_before, trailing_subject
from sayso.extract.claims.syntax import (
    ENTITY_KIND, Region, adjacent_name, agent_of, has_name, lemma, quote_regions, subject_of,
)
from sayso.models import Speaker
from sayso.nlp.pipeline import lemma_of

_SETTING_DEPS = {"advcl", "advmod", "npadvmod"}  # "Four years later, NATO declared ...": when, not what
_GLOSS_DEPS = {"advmod", "npadvmod", "appos"}  # "..., X said, close to half of ...": after the tag, the reporter's
_SETTING_PREPS = {"in", "during", "after", "before", "on", "since", "amid", "despite", "following", "throughout"}


@dataclass(slots=True)
class Attribution:
    """A source for a number: the speaker, the cue word and whether the source is only "sources"/"reports"."""

    speaker: Speaker | None
    cue: str | None = None
    cue_lemma: str | None = None
    vague: bool = False
    quote_kind: str | None = None  # set when the source is a Quote record


class Attributor(SpeakerResolver):
    """Finds the source of numbers in one Doc; build once per article."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        super().__init__(doc, text)
        self.regions = quote_regions(self.text)
        self.region_starts = [r.start for r in self.regions]
        self._region_attr: dict[int, Attribution | None] = {}

    # ------------------------------------------------------------ public

    def attribute(self, anchor: Token) -> Attribution | None:
        """The source of the number at ``anchor``, or None when the reporter states it."""
        region = self.region_at(anchor.idx)
        if region is not None:
            attr = self._attribution_of_region(region)
            if attr is not None:
                return attr
        sent = self.sent_of(anchor.i)
        attr = self._according_to(sent, anchor)
        if attr is not None:
            return attr
        return self._reporting_verb_above(anchor) or self._as_clause(anchor) or self._passive_source(sent, anchor)

    def region_at(self, char: int) -> int | None:
        k = bisect.bisect_right(self.region_starts, char) - 1
        if k >= 0 and self.regions[k].start <= char < self.regions[k].end:
            return k
        return None

    # ------------------------------------------------------------ the three ways to a source

    def _according_to(self, sent: Span, anchor: Token | None = None) -> Attribution | None:
        """ "..., according to X": X, unless the number is part of X itself ("according to three officials")."""
        for tok in sent:
            if tok.lower_ != "according":
                continue
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                to = self.doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is None:
                continue
            if anchor is not None and obj.left_edge.i <= anchor.i <= obj.right_edge.i:
                return None  # the reporter describing the source
            agent = agent_of(obj)
            if agent is not None:
                obj = agent
            if self._vague(obj):
                return self._unnamed(obj, "according to", "according")
            return Attribution(self.speaker_of(obj), "according to", "according")
        return None

    def _reporting_verb_above(self, anchor: Token) -> Attribution | None:
        """The subject of the nearest reporting verb above the number (or beside it, "..., the agency said")."""
        found: list[tuple[Token, Token]] = []
        cur = anchor
        while True:
            head = cur.head
            if head.i == cur.i:
                break
            if "\n" in self.text[min(head.idx, anchor.idx):max(head.idx, anchor.idx)]:
                break  # a parse that runs across paragraphs
            via = cur
            cur = head
            for cand in (cur, *[c for c in cur.children if c.dep_ in ("parataxis", "conj") and c.i > anchor.i]):
                if cand.dep_ == "conj" and cand.i != cur.i:
                    subj = trailing_subject(cand, anchor, self.can_speak)
                    if subj is not None and self._is_reporting(cand):
                        found.append((cand, subj))
                    continue
                if cand.i == cur.i and via.dep_ in ("dobj", "pobj") and lemma(cand) in self.data["object_not_reporting"]:
                    continue  # "could add 2 points": the number is what is added, not what is said
                if cand.i == cur.i and via.dep_ == "dobj" and lemma(via) in self.data["idioms"].get(lemma(cand), ()):
                    continue  # "the fighting has claimed 2,300 lives": an idiom, not speech
                if cand.i == cur.i and via.i < cand.i and (via.dep_ in _SETTING_DEPS
                                                           or (via.dep_ == "prep" and via.lower_ in _SETTING_PREPS)):
                    continue  # "In a meeting that lasted 45 minutes, Harris told ...": the setting, not the content
                if cand.i == cur.i and via.i > cand.i and via.dep_ in _GLOSS_DEPS \
                        and any(t.text == "," for t in self.doc[cand.i + 1:via.left_edge.i]):
                    continue  # "..., the government said on Wednesday, close to half of the population": the reporter's gloss
                if "\n" in self.text[min(cand.idx, anchor.idx):max(cand.idx, anchor.idx)]:
                    continue
                if self._is_reporting(cand):
                    subj = self._subject_of_reporting(cand) \
                        or trailing_subject(cand, anchor, self.can_speak, hung=False) \
                        or subject_before(cand, anchor, self.can_speak)
                    if subj is not None and (subj.i == anchor.i or any(a.i == subj.i for a in anchor.ancestors)):
                        continue  # "Twelve percent indicated ...": the number is in the subject itself
                    if subj is not None and "\n" not in self.text[min(subj.idx, cand.idx):max(subj.idx, cand.idx)]:
                        found.append((cand, subj))
        if not found:
            return None
        verb, subj = found[0]
        for cand_verb, cand_subj in found:
            if cand_subj.lower_ not in self.data["pronouns_person"] | self.data["pronouns_group"]:
                verb, subj = cand_verb, cand_subj
                break
        subj = self.author_of(subj) or subj  # "The report, compiled by X, documented ...": X
        if self._vague(subj):
            return self._unnamed(subj, verb.text, lemma(verb))
        speaker = self.speaker_of(subj)
        if speaker is None:
            return None
        return Attribution(speaker, verb.text, lemma(verb))

    def _as_clause(self, anchor: Token) -> Attribution | None:
        """ "As the agency notes, the floods have cut power to 40 villages" / "..., as the governor said.": a
        reporting clause opened by "as" at either end of the sentence, with no content of its own: the sentence is
        what it reports (wherever the parse hangs it)."""
        sent = self.sent_of(anchor.i)
        for clause in sent:
            if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ == "as" for m in clause.children) \
                    or any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in clause.children) \
                    or clause.left_edge.i <= anchor.i <= clause.right_edge.i:
                continue
            after = self.doc[clause.right_edge.i + 1:sent.end]
            if not (clause.left_edge.i == sent.start and len(after) and after[0].text == ",") \
                    and not all(t.is_punct or t.is_space for t in after):
                continue  # not a parenthetical at the start or the end of the sentence
            word = lemma(clause) if clause.tag_.startswith("VB") else lemma_of(clause.text, "VBZ")
            if word not in self.data["reporting_verbs"] or word in self.data["denial_verbs"] \
                    or word in self.data["verification_verbs"]:
                continue  # ("notes" read as a noun is still the verb of "As the ministry notes")
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is None or not self.can_speak(subj) or "\n" in self.text[min(subj.idx, anchor.idx):max(subj.idx, anchor.idx)]:
                continue
            if self._vague(subj):
                return self._unnamed(subj, clause.text, word)
            speaker = self.speaker_of(subj)
            if speaker is not None:
                return Attribution(speaker, clause.text, word)
        return None

    def _subject_of_reporting(self, verb: Token) -> Token | None:
        """ "The ministry denied that X happened and rejected claims ...": a reporting verb the parser
        joined to the verb of the that-clause belongs with the verb that governs the clause."""
        head = verb.head
        if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
                and head.dep_ == "ccomp" and any(c.dep_ == "mark" for c in head.children) \
                and not self._is_reporting(head) and self._is_reporting(head.head):
            return subject_of(head.head)
        subj = subject_of(verb)
        if subj is not None and (subj.i in self.dateline or subj.ent_type_ in ("DATE", "TIME")):
            # "KHARKIV, Ukraine — ... , Ukraine's air force said": the parse made the dateline a second subject;
            # "14:05 GMT — The agency says ...": the time stamp is the subject, its appositive speaks
            others = [c for c in verb.children if c.dep_ == "nsubj" and c.i not in self.dateline and c.i != subj.i]
            stamp = next((c for c in subj.children if c.dep_ == "appos" and self.can_speak(c)), None)
            subj = others[-1] if others else stamp if stamp is not None else None if subj.i in self.dateline else subj
        return subj

    def author_of(self, subj: Token) -> Token | None:
        """The author of a document subject: "a survey by X", "the report from X", "the report, compiled by X"."""
        if lemma(subj) not in self.data["document_nouns"]:
            return None
        for child in subj.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                return next((g for g in child.children if g.dep_ == "pobj"), None)
            if child.dep_ == "acl" and child.tag_ == "VBN":
                by = next((g for g in child.children if g.dep_ == "agent"), None)
                if by is not None:
                    return next((g for g in by.children if g.dep_ == "pobj"), None)
        return None

    def _passive_source(self, sent: Span, anchor: Token) -> Attribution | None:
        """ "..., which was confirmed in the budget papers" / "as reported by the ministry": a trailing source."""
        for verb in sent:
            if verb.i < anchor.i or verb.tag_ != "VBN" or lemma(verb) not in self.data["passive_source_verbs"] \
                    or self._verification(verb):
                continue
            if not any(c.dep_ == "auxpass" for c in verb.children) and verb.head.lower_ != "as":
                continue
            for prep in verb.children:
                if prep.dep_ not in ("agent", "prep") or prep.lower_ not in ("by", "in"):
                    continue
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None or "\n" in self.text[anchor.idx:obj.idx]:
                    continue
                if prep.lower_ == "by" or obj.lower_ in self.data["document_nouns"] or obj.ent_type_ == "ORG":
                    speaker = self.speaker_of(obj)
                    if speaker is not None:
                        return Attribution(speaker, verb.text, lemma(verb))
        return None

    def _attribution_of_region(self, k: int) -> Attribution | None:
        """Who speaks quoted region ``k``; an open-ended paragraph of a quote takes the next region's
        speaker (a loop over the run of open regions, not recursion: a long run cannot exhaust the stack)."""
        if k in self._region_attr:
            return self._region_attr[k]
        run: list[int] = []
        attr = None
        j = k
        while j < len(self.regions) and j not in self._region_attr:
            self._region_attr[j] = None
            run.append(j)
            region = self.regions[j]
            attr = self._verb_near(region.end, after=True) if not region.open_ended else None
            if attr is None:
                attr = self._verb_near(region.start, after=False)
            if attr is None and not region.open_ended:
                attr = self._scare_quote_subject(region)
            if attr is not None or not region.open_ended:
                break
            j += 1
        else:
            if j < len(self.regions):
                attr = self._region_attr[j]
        for i in run:
            self._region_attr[i] = attr
        return attr

    def _verb_near(self, char: int, after: bool) -> Attribution | None:
        """A reporting verb just after a closing mark (", he said") or before an opening one ("She said: ")."""
        text = self.text
        if after:
            stop = text.find("\n", char)
            stop = len(text) if stop < 0 else min(stop, char + 80)
            lo, hi = char, stop
        else:
            para = text.rfind("\n", 0, char) + 1
            lo, hi = max(para, char - 120), char
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi)
        toks = [self.doc[x] for x in range(i, j) if self.region_at(self.doc[x].idx) is None]
        if after:
            toks = toks[:8]
        for tok in (toks if after else reversed(toks)):
            if after and tok.tag_.startswith("VB") and lemma(tok) not in self.data["reporting_verbs"]:
                return None
            if tok.tag_.startswith("VB") and lemma(tok) in self.data["reporting_verbs"] - self.data["denial_verbs"] \
                    and not self._verification(tok):
                subj = subject_of(tok) or adjacent_name(tok)
                if subj is not None and self.region_at(subj.idx) is None:
                    speaker = self.speaker_of(subj)
                    if speaker is not None:
                        return Attribution(speaker, tok.text, lemma(tok))
        return None

    def _scare_quote_subject(self, region: Region) -> Attribution | None:
        """A quoted phrase inside the reporter's sentence belongs to that sentence's subject."""
        i = bisect.bisect_left(self.starts, region.start)
        if i >= len(self.doc):
            return None
        sent = self.sent_of(i)
        if region.start <= sent.start_char + 1:
            return None
        subj = subject_of(sent.root)
        if subj is None or subj.idx >= region.start:
            return None
        if not (subj.ent_type_ in ENTITY_KIND or subj.lower_ in self.data["pronouns_person"]):
            return None
        speaker = self.speaker_of(subj)
        return Attribution(speaker, None, None) if speaker is not None else None

    # ------------------------------------------------------------ names

    def _vague(self, subj: Token) -> bool:
        """ "sources", "reports", "Pentagon sources", "media reports", "analysts", "local residents": a hedge
        or a generic unnamed source, not an identifiable one."""
        low = subj.lower_
        if low in ("source", "sources"):
            return True
        return (low in self.data["vague_sources"] and not has_name(subj)) or self.generic(subj)

    def _unnamed(self, subj: Token, cue: str | None, cue_lemma: str | None) -> Attribution:
        """The attribution of a vague subject: a generic collective keeps its description ("analysts say"),
        a bare "sources" or "reports" has none."""
        speaker = self.speaker_of(subj) if self.generic(subj) else None
        return Attribution(speaker, cue, cue_lemma, vague=True)

    def _is_reporting(self, tok: Token) -> bool:
        if not tok.tag_.startswith("VB") or self._verification(tok):
            return False
        word = lemma(tok)
        if word in self.data["reporting_verbs"]:
            return True
        if word in self.data["finding_verbs"] and any(
                c.dep_ == "nsubj" and lemma(c) in self.data["document_nouns"] for c in tok.children):
            return True  # "the report documented 612 incidents": a document's finding, whatever its verb
        if word in self.data["put_at_verbs"] and any(
                c.lower_ == "at" or (c.dep_ == "dobj" and any(g.lower_ == "at" for g in c.children))
                for c in tok.children):
            return True  # "the ministry put Russian losses at 190,000"
        return any(c.dep_ == "dobj" and c.lower_ in self.data["reporting_nouns"] for c in tok.children)

    def _verification(self, tok: Token) -> bool:
        """ "could not (be independently) confirm(ed)", "unable to verify": the article's check, never a source's speech."""
        if lemma(tok) not in self.data["verification_verbs"]:
            return False
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        head = tok.head
        return tok.dep_ in ("xcomp", "acomp") and (
            head.lower_ in ("unable", "impossible") or any(c.dep_ == "neg" for c in head.children))
