"""Lines labelled with their speaker: "Zelensky: Kyiv will not trade land for peace" (a headline),
"PETROV: Well, ..." (a transcript without quotation marks), "Continued Brandt: “...”"."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from sayso.extract.quotes.headlines import HEADLINE_CHARS
from sayso.extract.quotes.words import cue_words
from sayso.extract.quotes.speakers import ArticleSpeakers
from sayso.models import Quote, Speaker
from sayso.nlp.pipeline import doc_text, lemma_of

_LABEL_LINE = re.compile(r"^[ \t]*([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3}):[ \t]+([^\n]+)", re.MULTILINE)
_NOT_LABEL_ENTS = frozenset({"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT", "WORK_OF_ART"})
_HEADLINE_NOT_SPEAKERS = frozenset({"Note", "Source", "Sources", "Photo", "Photos", "Related", "Read", "Listen", "Correction",
                                    "Editor", "Transcript", "Q", "Question", "Answer", "Caption", "Credit", "Image",
                                    "Warning", "Tags", "Topics", "Share", "Email", "Contact", "Follow", "Subscribe",
                                    "Advertisement", "See", "More", "Also", "Why", "What", "How", "When", "Where",
                                    "Who", "Part", "Chapter", "Step", "Tip", "Fact", "Verdict", "Result", "Results",
                                    "Latest", "Timeline", "Background", "Context", "Summary", "Quote", "Quotes",
                                    "Bottom", "Day", "Round", "Map", "Clarification", "Corrections", "Disclosure",
                                    "Disclaimer", "Editors", "Author", "Dateline", "Programming", "Sponsored", "Chart", "Graphic", "Trending",
                                    "The", "A", "An", "Update", "Analysis", "Watch", "Video", "Exclusive", "Opinion",
                                    "Breaking", "Editorial", "Live", "Explainer", "Review", "Delegate", "Photos"})
_MARK_CHARS = " “”\"‘’'«»"


def label_lines(doc: Doc, text: str, speakers: ArticleSpeakers, found: list[Quote]) -> list[Quote]:
    """``found`` with each line "Zelensky: Kyiv will not trade land for peace" (a headline) or
    "PETROV: Well, ..." (a transcript without quotation marks) as its speaker's statement; quotes
    and reports found inside such a line are part of it."""
    for m in _LABEL_LINE.finditer(text):
        label, start, end = m.group(1), m.start(2), m.end(2)
        while end > start and text[end - 1] in " \t.":
            end -= 1
        transcript = label.isupper() and len(label) > 1
        words = label.split()
        inside = [q for q in found if q.start < end and q.end > start]
        if words[0].strip(".").title() in _HEADLINE_NOT_SPEAKERS or (not transcript and end - start > HEADLINE_CHARS) \
                or end - start < 8 or any(q.start < start or q.end > end for q in inside):
            continue
        speaker = _label_speaker(doc, speakers, m, transcript)
        if speaker is None:
            continue
        if len(inside) == 1 and inside[0].kind == "direct" and not text[start:end].strip(_MARK_CHARS).replace(
                inside[0].text.strip(_MARK_CHARS), "").strip():  # 'Jones: “...”': the quote is the whole line
            found = [q for q in found if q not in inside] + [replace(inside[0], speaker=speaker)]
            continue
        kind = "mixed" if any(q.kind != "indirect" for q in inside) else "indirect"
        found = [q for q in found if q not in inside] + [Quote(kind, start, end, text[start:end], speaker)]
    return found


def _label_speaker(doc: Doc, speakers: ArticleSpeakers, m: re.Match, transcript: bool) -> Speaker | None:
    label = m.group(1)
    surname = label.split()[-1].lower()
    if transcript:  # capitals fool the tagger: the label is the name, or a surname named before
        return Speaker(speakers.by_surname.get(surname, label), m.start(1), m.end(1), label, "person")
    k = token_at(doc, m.end(1) - 1)
    if k is None or (doc[k].tag_ not in ("NNP", "NNPS", "NN", "NNS") and doc[k].ent_type_ not in ("PERSON", "ORG")) \
            or doc[k].ent_type_ in _NOT_LABEL_ENTS:  # "Issa: ..." with the name tagged as an adjective
        return None
    speaker = speakers.resolve(doc[k])
    if speaker is not None and surname in speakers.by_surname:  # "Sanders" tagged as a plural noun
        speaker = replace(speaker, name=speakers.by_surname[surname], kind="person")
    verb, _, rest = label.partition(" ")
    if speaker is not None and rest and lemma_of(verb, "VBD") in cue_words().all_verbs:  # "Continued Stone: ..."
        start = m.start(1) + len(verb) + 1
        name = speaker.name[len(verb) + 1:] if speaker.name.startswith(verb + " ") else speaker.name
        speaker = replace(speaker, name=name, start=max(start, speaker.start or 0), text=doc_text(doc)[start:m.end(1)])
    return speaker


def token_at(doc: Doc, char: int) -> int | None:
    """The token holding character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else None
