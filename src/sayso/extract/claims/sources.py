"""Who states a number when no Quote record covers it: reporting verbs, "according to", quotation marks.

A light fallback for the attribution extractor: the subject of the nearest reporting verb above
the number in the parse, the object of "according to", or the speaker of the quotation the number
sits in. Pronouns and descriptions ("he", "the agency") are resolved to the latest fitting name.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from sayso.extract.claims.subjects import dateline_tokens, subject_before, trailing_subject
from sayso.extract.claims.syntax import (
    ENTITY_KIND, Region, adjacent_name, agent_of, appos_words, descriptors, full_names, has_name, lemma,
    np_tokens, quote_regions, speaker_kind, subject_of,
)
from sayso.extract.quotes.words import cue_words
from sayso.models import Speaker
from sayso.nlp.pipeline import lemma_of



_SETTING_DEPS = {"advcl", "advmod", "npadvmod"}  # "Four years later, NATO declared ...": when, not what
_GLOSS_DEPS = {"advmod", "npadvmod", "appos"}  # "..., X said, close to half of ...": after the tag, the reporter's
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around"}  # prepositions of place, before a name
_SETTING_PREPS = {"in", "during", "after", "before", "on", "since", "amid", "despite", "following", "throughout"}


@functools.lru_cache(maxsize=1)
def claim_data() -> dict[str, Any]:
    """The claim word tables (``sayso/data/claims_en.json``), read once, sets built."""
    text = resources.files("sayso").joinpath("data", "claims_en.json").read_text(encoding="utf-8")
    data = json.loads(text)
    for key in ("reporting_verbs", "reporting_nouns", "denial_verbs", "vague_sources", "pronouns_person",
                "pronouns_group", "title_nouns", "person_nouns", "put_at_verbs", "one_counts_nouns", "object_not_reporting", "document_nouns",
                "passive_source_verbs", "claim_nouns", "time_window_words", "verification_verbs", "generic_sources",
                "casualty_verbs", "anyone_nouns", "finding_verbs", "loss_verbs", "falsity_words", "describing_verbs",
                "single_claim_nouns"):
        data[key] = frozenset(data[key])
    words = cue_words()
    data["saying"] = words.clause - words.cognition  # the verbs of saying of quotes_en.json, read by both extractors
    hedges = sorted(data["hedges"], key=len, reverse=True)
    data["hedge_re"] = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in hedges) + r")\b", re.IGNORECASE)
    data["anonymity_re"] = re.compile("|".join(re.escape(a) for a in data["anonymity"]), re.IGNORECASE)
    data["verify_re"] = re.compile("|".join(f"(?:{p})" for p in data["verification_patterns"]), re.IGNORECASE)
    return data


def generic_name(name: str, data: dict[str, Any]) -> bool:
    """"local media", "Western intelligence sources", "analysts": a generic unnamed source (no name after
    its first word, which may be capitalised only because it opens the sentence or is an adjective)."""
    words = name.split()
    if not words or words[-1].lower() in data["vague_sources"]:
        return bool(words)
    return words[-1].lower() in data["generic_sources"] and not any(w[:1].isupper() for w in words[1:])


@dataclass(slots=True)
class Attribution:
    """A source for a number: the speaker, the cue word and whether the source is only "sources"/"reports"."""

    speaker: Speaker | None
    cue: str | None = None
    cue_lemma: str | None = None
    vague: bool = False
    quote_kind: str | None = None  # set when the source is a Quote record


@dataclass(slots=True)
class _Mention:
    pos: int
    name: str
    kind: str
    descriptors: frozenset[str] = field(default_factory=frozenset)


class Attributor:
    """Finds the source of numbers in one Doc; build once per article."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.data = claim_data()
        self.starts = [t.idx for t in doc]
        self.regions = quote_regions(self.text)
        self.region_starts = [r.start for r in self.regions]
        self._region_attr: dict[int, Attribution | None] = {}
        self.full_names = full_names(doc)
        self.dateline = dateline_tokens(self.doc, self.sents)
        self.mentions = self._mentions()
        self.mention_pos = [m.pos for m in self.mentions]

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

    def sent_of(self, i: int) -> Span:
        """The sentence holding token ``i`` (``Token.sent`` walks the whole Doc on every call)."""
        return self.sents[bisect.bisect_right(self.sent_starts, i) - 1]

    def region_at(self, char: int) -> int | None:
        k = bisect.bisect_right(self.region_starts, char) - 1
        if k >= 0 and self.regions[k].start <= char < self.regions[k].end:
            return k
        return None

    def speaker_of(self, subj: Token) -> Speaker | None:
        """The Speaker a subject token stands for, with pronouns and descriptions resolved; a time ("Friday",
        the parse's subject in "X on Friday denied") or a wire dateline ("MOSCOW —") is no one."""
        if not self.can_speak(subj):
            return None
        low = subj.lower_
        if low in self.data["pronouns_person"] or low in self.data["pronouns_group"]:
            mention = self._resolve_pronoun(subj)
            if mention is None:
                return None
            return Speaker(mention.name, subj.idx, subj.idx + len(subj), subj.text, speaker_kind(mention.kind))
        if low in ("i", "we", "you", "there", "this", "that", "which", "who", "what"):
            return None
        tokens = np_tokens(subj)
        para = self.text.rfind("\n", 0, subj.idx)
        tokens = [t for t in tokens if t.idx > para and not t.is_space] or [subj]
        person = self._entity_in(subj, "PERSON")
        first, last = tokens[0], tokens[-1]
        text = self.text[first.idx:last.idx + len(last)]
        if person is not None:
            return Speaker(self._person_name(subj, person), first.idx, last.idx + len(last), text, "person")
        # a name in the phrase itself, not in its possessor: "Ukraine's top commander" is a description
        own = [subj, *[c for c in subj.children if c.dep_ in ("compound", "appos", "conj")]]
        named = any(t.ent_type_ in ("ORG", "GPE", "FAC") or (t.tag_ in ("NNP", "NNPS") and t.ent_type_ != "NORP")
                    for t in own)
        if not named and subj.tag_ in ("NN", "NNS"):
            mention = self._resolve_description(subj)
            if mention is not None:
                return Speaker(mention.name, first.idx, last.idx + len(last), text, speaker_kind(mention.kind))
        sort = "organization" if named else ("group" if subj.tag_ == "NNS" else "unnamed")
        return Speaker(text, first.idx, last.idx + len(last), text, sort)

    def can_speak(self, tok: Token) -> bool:
        """Whether a token may stand for a source: not a time ("on Friday") nor part of a wire dateline."""
        return tok.ent_type_ not in ("DATE", "TIME") and tok.i not in self.dateline

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

    def generic(self, head: Token) -> bool:
        """ "analysts", "Western analysts", "villagers in Poonch": a generic unnamed collective, reported under
        its description; not when a name is its own modifier ("Capital Economics analysts": the firm's)."""
        if head.lower_ not in self.data["generic_sources"] and lemma(head) not in self.data["generic_sources"]:
            return False
        return not any(c.dep_ in ("compound", "poss", "nmod") and (c.ent_type_ in ("ORG", "PERSON", "FAC")
                                                                   or c.tag_ in ("NNP", "NNPS"))
                       for c in head.children)

    def generic_speaker(self, speaker: Speaker | None) -> bool:
        """Whether a speaker (of a quote or a claim) is unnamed and generic: a collective ("analysts") or a
        hedge ("Western intelligence sources", "media reports")."""
        return speaker is not None and (self.collective(speaker) or generic_name(speaker.name, self.data))

    def collective(self, speaker: Speaker) -> bool:
        """A generic collective that keeps its description as source: the head of its mention is one of
        ``generic_sources`` ("analysts", "villagers in X", "local media"), not a "source" or a "report"."""
        span = None
        if speaker.start is not None and speaker.end is not None:
            span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if span is None or not len(span):
            words = speaker.name.lower().split()
            return bool(words) and words[-1] in self.data["generic_sources"]
        return self.generic(span.root)

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

    def _mentions(self) -> list[_Mention]:
        """Named people and organisations in text order, with the words that describe them."""
        out = []
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            if ent.label_ == "PERSON" and ent.root.dep_ == "pobj" and ent.root.head.lower_ in _PLACE_PREPS:
                continue  # "a shelter in Delmas": a place the model took for a person, no one for "she" to find
            name = self._canonical(ent) if ent.label_ == "PERSON" else ent.text
            out.append(_Mention(ent.start_char, name, ent.label_, descriptors(ent)))
        seen = {m.pos for m in out}
        pronouns = self.data["pronouns_person"] | self.data["pronouns_group"]
        for tok in self.doc:
            if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 \
                    and self.doc[tok.head.i - 1].lower_ == "according" and tok.ent_type_ != "PERSON":
                tokens = np_tokens(tok)
                out.append(_Mention(tokens[0].idx, self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])],
                                    "SPEAKER", frozenset()))
                continue
            if tok.dep_ != "nsubj":
                continue
            verb, subj = tok.head, tok
            if not self.can_speak(tok):
                # "14:05 GMT — The health ministry says": the parse's subject is the time stamp, its appositive speaks
                subj = next((c for c in tok.children if c.dep_ == "appos" and self.can_speak(c)), None)
                if subj is None:
                    continue
            if subj.ent_type_ == "PERSON" or subj.lower_ in pronouns \
                    or subj.tag_ not in ("NN", "NNS", "NNP", "NNPS") or not verb.tag_.startswith("VB") \
                    or lemma(verb) not in self.data["reporting_verbs"] \
                    or "\n" in self.text[min(subj.idx, verb.idx):max(subj.idx, verb.idx)]:
                continue
            # "Ukraine's air force said ... It said": a body that speaks, for "it" to find
            tokens = np_tokens(subj)
            start = tokens[0].idx
            known = next((m for m in out if m.pos == start and m.kind != "PERSON"), None)
            if known is not None:
                known.kind = "SPEAKER"
                known.descriptors = known.descriptors | appos_words(subj)
            elif start not in seen:
                name = self.text[start:tokens[-1].idx + len(tokens[-1])]
                if "\n" not in name:
                    out.append(_Mention(start, name, "SPEAKER", appos_words(subj)))
                    seen.add(start)
        out.sort(key=lambda m: m.pos)
        return out

    def _canonical(self, ent: Span) -> str:
        text = ent.text
        for suffix in ("'s", "’s"):
            if text.endswith(suffix):
                text = text[: -len(suffix)]
        words = text.split()
        if len(words) == 1:
            return self.full_names.get(words[0], text)
        return text

    def _entity_in(self, subj: Token, label: str) -> Span | None:
        """An entity that is the subject itself or its apposition, not a modifier ("Biden administration officials")."""
        compounds = [c for c in subj.children if c.dep_ == "compound"] if subj.tag_ == "NNP" else []
        for tok in (subj, *[c for c in subj.children if c.dep_ == "appos"], *compounds):
            if tok.ent_type_ == label:
                return next(e for e in self.doc.ents if e.start <= tok.i < e.end)
        return None

    def _person_name(self, subj: Token, person: Span) -> str:
        """ "Gen. Oleksandr Syrskyi" where the model tagged only "Oleksandr": the proper nouns of the
        phrase without titles; otherwise the entity, lengthened to the article's full name."""
        if subj.tag_ != "NNP" or person.start <= subj.i < person.end:
            return self._canonical(person)
        words = [c for c in subj.lefts if c.dep_ == "compound" and c.tag_ == "NNP"] + [subj]
        words = [w for w in words if not (w.text.endswith(".") or w.lower_ in self.data["title_nouns"])]
        return " ".join(w.text for w in words) if len(words) > 1 else self._canonical(person)

    def _resolve_pronoun(self, tok: Token) -> _Mention | None:
        want_person = tok.lower_ in self.data["pronouns_person"]
        k = bisect.bisect_left(self.mention_pos, tok.idx) - 1
        fallback = None
        while k >= 0 and tok.idx - self.mentions[k].pos < 3000:
            mention = self.mentions[k]
            if want_person and mention.kind == "PERSON":
                subject = self._previous_subject(tok)
                if subject is None:
                    return mention
                # the subject beats a name before it, and one after it in its own sentence ("X told Y that ...")
                sent = self.sent_of(bisect.bisect_left(self.starts, subject.pos))
                return subject if mention.pos < sent.end_char else mention
            if not want_person and mention.kind == "SPEAKER" and tok.idx - mention.pos < 600:
                return mention  # "it" after "the air force said": the body that last spoke
            if not want_person and mention.kind == "ORG" and fallback is None:
                fallback = mention
            k -= 1
        return fallback

    def _previous_subject(self, tok: Token) -> _Mention | None:
        """The person subject of the sentence before the pronoun's (over sentences whose subject is the same
        pronoun): a described one ("The nurse in Port Sudan asked me ... She said") or a named one; None when
        that subject is no person."""
        k = bisect.bisect_right(self.sent_starts, tok.i) - 1
        for sent in reversed(self.sents[max(0, k - 3):k]):
            subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
            if subj is None:
                return None
            if subj.lower_ == tok.lower_:
                continue
            person = next((t for t in reversed(list(subj.subtree)) if t.ent_type_ == "PERSON"), None)
            if person is not None:  # "Oleksandra Yarema", "Spokesperson for the Southern Command Oleksandra Yarema"
                ent = next(e for e in self.doc.ents if e.start <= person.i < e.end)
                return next((m for m in self.mentions if m.kind == "PERSON" and ent.start_char <= m.pos < ent.end_char),
                            None)
            words = self.data["person_nouns"] | self.data["title_nouns"] | self.data["one_counts_nouns"]
            if subj.tag_ not in ("NN", "NNP") or subj.ent_type_ == "PERSON" or subj.lower_ not in words:
                return None
            speaker = self.speaker_of(subj)
            return _Mention(subj.idx, speaker.name, "PERSON") if speaker is not None else None
        return None

    def _resolve_description(self, subj: Token) -> _Mention | None:
        words = {lemma(subj)} | {c.lower_ for c in subj.children if c.dep_ in ("amod", "compound")}
        k = bisect.bisect_left(self.mention_pos, subj.idx) - 1
        while k >= 0:
            mention = self.mentions[k]
            if words <= mention.descriptors:
                return mention
            k -= 1
        head = lemma(subj)
        if head in self.data["title_nouns"]:
            nxt = self._named_next(subj)
            if nxt is not None:
                return nxt
            sent = self.sent_of(subj.i)
            if sent.end < len(self.doc):
                # "..., a military spokesman said." then "Lt. Col. Ivan Petrenko, a spokesman for ..."
                stop = self.sent_of(sent.end).end_char
                k = bisect.bisect_left(self.mention_pos, sent.end_char)
                while k < len(self.mentions) and self.mentions[k].pos < stop:
                    if self.mentions[k].kind == "PERSON" and head in self.mentions[k].descriptors:
                        return self.mentions[k]
                    k += 1
        has_of = any(c.dep_ == "prep" for c in subj.children)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children)
        if definite and not has_of and head in self.data["person_nouns"]:
            k = bisect.bisect_left(self.mention_pos, subj.idx) - 1
            while k >= 0 and subj.idx - self.mentions[k].pos < 1500:
                if self.mentions[k].kind == "PERSON":
                    return self.mentions[k]
                k -= 1
        return None

    def _named_next(self, subj: Token) -> _Mention | None:
        """ "Ukraine's top commander says ..." followed by "Gen. Oleksandr Syrskyi announced ...": the lede pattern."""
        sent = self.sent_of(subj.i)
        if sent.end >= len(self.doc):
            return None
        nxt = self.sent_of(sent.end)
        first_subj = subject_of(nxt.root)
        if first_subj is None or subj.tag_ != "NN":
            return None
        person = self._entity_in(first_subj, "PERSON")
        if person is None or person.start - nxt.start > 3:
            return None
        return _Mention(person.start_char, self._person_name(first_subj, person), "PERSON")
