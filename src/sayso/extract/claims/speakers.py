"""Who a subject token stands for: a name, or a pronoun or description resolved to the article's mentions.

The base of the source finder (``sources.Attributor``): the named people, organisations and bodies that
speak, in text order, with the words that describe them; "he", "it", "the agency" and "the governor"
resolved to the latest fitting one (a pronoun to the person subject of the sentence before, a title to
the name in the next sentence); and whether a speaker is a generic unnamed collective ("analysts").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from sayso.extract.claims.subjects import dateline_tokens
from sayso.extract.claims.syntax import appos_words, descriptors, full_names, lemma, np_tokens, speaker_kind, subject_of
from sayso.extract.claims.words import claim_data
from sayso.models import Speaker
from sayso.nlp.pipeline import column, doc_text, tokens_with

_MENTION_DEPS = frozenset({"pobj", "nsubj"})  # "according to X" and a subject that speaks
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around"}  # prepositions of place, before a name


def generic_name(name: str, data: dict[str, Any]) -> bool:
    """"local media", "Western intelligence sources", "analysts": a generic unnamed source (no name after
    its first word, which may be capitalised only because it opens the sentence or is an adjective)."""
    words = name.split()
    if not words or words[-1].lower() in data["vague_sources"]:
        return bool(words)
    return words[-1].lower() in data["generic_sources"] and not any(w[:1].isupper() for w in words[1:])


@dataclass(slots=True)
class _Mention:
    pos: int
    name: str
    kind: str
    descriptors: frozenset[str] = field(default_factory=frozenset)


class SpeakerResolver:
    """The speakers of one Doc: its mentions, and the Speaker each subject token stands for; build once per article."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc) if text is None else text
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.data = claim_data()
        self.starts = column(doc, IDX)
        self.full_names = full_names(doc)
        self.dateline = dateline_tokens(self.doc, self.sents)
        self.mentions = self._mentions()
        self.mention_pos = [m.pos for m in self.mentions]

    def sent_of(self, i: int) -> Span:
        """The sentence holding token ``i`` (``Token.sent`` walks the whole Doc on every call)."""
        return self.sents[bisect.bisect_right(self.sent_starts, i) - 1]

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
    # ------------------------------------------------------------ generic speakers

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
    # ------------------------------------------------------------ mentions and their resolution

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
        for tok in tokens_with(self.doc, deps=_MENTION_DEPS):
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
