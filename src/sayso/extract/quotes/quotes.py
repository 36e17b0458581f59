"""Direct, indirect and mixed statements with their speakers resolved within the article.

Quoted passages are found over the raw text first (``marks``), since sentence splits break
quotes apart; reported speech comes from the parse (verb cues in ``cues``, "according to" and
reporting nouns, and the scan over all cues, in ``nouns``); speakers are resolved with
one article-wide table of people, roles and organisations (``speakers``). Span conventions:

- direct: the text inside the marks (a transcript label "NAME:" is left out);
- indirect: the reported clause, without a leading "that" and without the cue or the speaker;
- mixed: a reported clause that holds quoted words, or a short fragment with the phrase it
  completes ("called him a “liar”").

The cue (verb or phrase) is kept in ``cue``/``cue_start``/``cue_end``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from sayso.extract.quotes.acts import STANCE, STATEMENT, Act
from sayso.extract.quotes.cues import Report, is_cue_verb, subject_of
from sayso.extract.quotes.datelines import DASH_TOKENS, skip_dateline
from sayso.extract.quotes.headlines import headline_act, headline_reports
from sayso.extract.quotes.labels import label_lines, token_at
from sayso.extract.quotes.inherit import inherit_speakers, join_split
from sayso.extract.quotes.words import cue_words
from sayso.extract.quotes.nouns import find_reports
from sayso.extract.quotes.objects import object_reports
from sayso.extract.quotes.propositions import propositions
from sayso.extract.quotes.questions import outside_questions
from sayso.extract.quotes.marks import Passage, find_passages
from sayso.extract.quotes.speakers import ArticleSpeakers, is_age
from sayso.models import Note, Quote, Speaker
from sayso.nlp.pipeline import doc_text

_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "with", "in", "on", "for", "to", "at", "by"})
_INVERTED_DEPS = frozenset({"nsubj", "attr", "appos", "npadvmod", "oprd"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})
_SENT_END = frozenset({".", "!", "?"})
_INTRO = frozenset({":", "—", "–", "--"})
_MOSTLY_QUOTED = 0.6
_FRAGMENT_SHARE = 0.6
_DASH_AFTER = re.compile(r"[\s\xa0]*(?:―|—|–|--?)[\s\xa0]*(?=[A-Z])")
_LABEL = re.compile(r"([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}):\s+")
_TRIM = frozenset(" \t\n,;:—–-")


@dataclass(slots=True)
class _Direct:
    """A quoted passage on its way to becoming a Quote."""

    passage: Passage
    a: int  # first token of the passage, marks included
    b: int  # token after the passage, marks included
    cue: tuple[int, int] | None = None
    subject: Token | None = None
    absorbed: bool = False
    lent: bool = False  # the cue is a stance's or directive's: the passage is a direct fragment ("vowed to “crush them”")
    act: Act = STATEMENT  # the act of the cue's report, for a fragment read with its phrase (broad mode)


def extract_quotes(doc: Doc, notes: list[Note] | None = None, *, stances: bool = False,
                   learned: bool = True) -> list[Quote]:
    """Every statement in ``doc``, ordered by position. Skipped candidates go to ``notes``.

    ``stances=True`` is the broad mode: stances, directives and refusals (``acts``) are kept too,
    labelled in ``Quote.act``, with the broad attributions the learned model of ``objects`` keeps
    ("opposed the Iraq invasion", "is expected to endorse him") as stances. Without it, such a cue
    only lends its speaker to the quoted words inside it ("vowed to “crush the invaders”").
    ``learned=False`` leaves the learned model out of the broad mode (what its training reads as taken).
    """
    text = doc_text(doc)
    passages = find_passages(text, notes)
    directs, quoted = _locate(doc, passages)
    speakers = ArticleSpeakers(doc, [(p.open_at, _passage_end(p)) for p in passages])
    out: list[Quote] = []
    reports = [r for r in (_in_paragraph(doc, text, r) for r in find_reports(doc, quoted)) if r is not None]
    reports = outside_questions(doc, reports)
    for rep in _dedupe([r for r in reports if stances or r.act == STATEMENT]):
        quote = _place_report(doc, text, rep, directs, speakers, quoted)
        if quote is not None:
            out.append(quote)
    if not stances:
        for rep in reports:
            if rep.act != STATEMENT:
                _lend_cue(doc, rep, directs)
    for d in directs:
        if d.cue is None and not d.absorbed:
            _frame_cue(doc, d, quoted)
    out.extend(_direct_quotes(doc, text, directs, speakers, quoted))
    out = label_lines(doc, text, speakers, out)
    taken = [(q.start, q.end) for q in out]
    for kind, start, end, speaker, cue_a, cue_b in headline_reports(
            text, taken, lambda a, b: _headline_speaker(doc, speakers, a, b)):
        act = headline_act(text[cue_a:cue_b])
        if stances or act == STATEMENT:
            out.append(Quote(kind, start, end, text[start:end], speaker, text[cue_a:cue_b], cue_a, cue_b, act))
    if stances and learned:
        out.extend(_object_quotes(doc, text, speakers, quoted, [(q.start, q.end) for q in out]))
    out.sort(key=lambda q: (q.start, q.end))
    return [replace(q, propositions=propositions(doc, q)) for q in inherit_speakers(join_split(out, text), text)]


def _object_quotes(doc: Doc, text: str, speakers: ArticleSpeakers, quoted: list[int],
                   taken: list[tuple[int, int]]) -> list[Quote]:
    """The stances the learned model keeps, outside every statement already found."""
    out = []
    for cand in object_reports(doc, taken):
        verb = cand.verb
        subject = speaker_token(doc, subject_of(verb), verb.i, quoted)
        speaker = speakers.resolve(subject) if subject is not None else None
        kind = "mixed" if any(quoted[i] >= 0 for i in range(cand.a, cand.b)) else "indirect"
        out.append(_quote(doc, text, kind, doc[cand.a].idx, doc[cand.b - 1].idx + len(doc[cand.b - 1]),
                          speaker, verb.i, verb.i + 1, STANCE))
    return out


def _lend_cue(doc: Doc, rep: Report, directs: list[_Direct]) -> None:
    """Quoted words inside a stance or directive are a direct fragment of its speaker ("urged the West to
    “stop this massacre”", "accused him of “nuclear blackmail”"); the rest of the report is left out."""
    start, end = doc[rep.a].idx, doc[rep.b - 1].idx + len(doc[rep.b - 1])
    for d in directs:
        if d.cue is None and not d.absorbed and d.passage.start >= start and d.passage.end <= end + 1:
            d.cue, d.subject, d.lent = (rep.cue_a, rep.cue_b), rep.subject, True


def _locate(doc: Doc, passages: list[Passage]) -> tuple[list[_Direct], list[int]]:
    """Token bounds of each passage and, per token, the passage it lies in (-1 outside)."""
    quoted = [-1] * len(doc)
    directs: list[_Direct] = []
    if not passages:
        return directs, quoted
    idx = doc.to_array([IDX]).tolist()
    for k, p in enumerate(passages):
        a = bisect.bisect_left(idx, p.open_at)
        b = bisect.bisect_left(idx, _passage_end(p))
        if b > a:
            quoted[a:b] = [k] * (b - a)
            directs.append(_Direct(p, a, b))
    return directs, quoted


def _passage_end(p: Passage) -> int:
    return p.close_at + 1 if p.close_at is not None else p.end


def _in_paragraph(doc: Doc, text: str, rep: Report) -> Report | None:
    """The report cut to its cue's paragraph (the parse sometimes runs across a break)."""
    cue = doc[rep.cue_a].idx
    lo = text.rfind("\n", 0, cue) + 1
    hi = text.find("\n", cue)
    hi = len(text) if hi < 0 else hi
    a, b = rep.a, rep.b
    while a < b and doc[a].idx < lo:
        a += 1
    while b > a and doc[b - 1].idx >= hi:
        b -= 1
    if b - a < 1:
        return None
    return rep if (a, b) == (rep.a, rep.b) else replace(rep, a=a, b=b)


def _dedupe(reports: list[Report]) -> list[Report]:
    """One report per span; a report whose cue sits inside another's content is part of that one."""
    seen: set[tuple[int, int]] = set()
    out = []
    spans = sorted((r.a, r.b) for r in reports)
    for rep in reports:
        if any(a <= rep.cue_a < b and (a, b) != (rep.a, rep.b) and b - a > rep.b - rep.a for a, b in spans):
            continue
        if any(r.cue_a == rep.cue_a and r.a <= rep.a and rep.b <= r.b and (r.a, r.b) != (rep.a, rep.b)
               and (rep.needs_quote or not r.needs_quote) for r in reports):
            continue  # the same cue's longer report holds this one ("called on X to act" / "to act")
        if (rep.a, rep.b) not in seen:
            seen.add((rep.a, rep.b))
            out.append(rep)
    return out


def _place_report(doc: Doc, text: str, rep: Report, directs: list[_Direct],
                  speakers: ArticleSpeakers, quoted: list[int]) -> Quote | None:
    """An indirect or mixed Quote, or None when the report only attributes a direct quote."""
    start, end = _clip(text, doc[_past_that(doc, rep.a, rep.b)].idx, doc[rep.b - 1].idx + len(doc[rep.b - 1]),
                       doc[rep.cue_a].idx)
    if end - start < 3:
        return None
    inside = [d for d in directs if d.passage.start < end and d.passage.end > start]
    covered = sum(min(end, d.passage.end) - max(start, d.passage.start) for d in inside)
    if inside and ((len(inside) == 1 and covered >= _MOSTLY_QUOTED * (end - start))
                   or not _unquoted_words(text, start, end, inside, _frame_span(doc, rep))):
        for d in inside:
            if d.cue is None:
                d.cue, d.subject, d.act = (rep.cue_a, rep.cue_b), rep.subject, rep.act
        return None
    if rep.needs_quote and not inside:
        return None
    kind = "indirect"
    for d in inside:
        if d.passage.start >= start and d.passage.end <= end + 1:
            d.absorbed, kind = True, "mixed"
    if kind == "mixed":
        last = max(d.passage.close_at or d.passage.end for d in inside)
        end = max(end, min(last + 1, len(text))) if last >= end else end
    subject = speaker_token(doc, rep.subject, rep.cue_a, quoted)
    speaker = speakers.resolve(subject) if subject is not None else None
    return _quote(doc, text, kind, start, end, speaker, rep.cue_a, rep.cue_b, rep.act)


def _past_that(doc: Doc, a: int, b: int) -> int:
    """Skip a leading complementiser the parse did not mark ("yelling to them that [her son was unarmed]")."""
    tok = doc[a]
    if tok.lower_ == "that" and tok.tag_ in ("IN", "WDT") and tok.dep_ not in ("nsubj", "nsubjpass") and b - a > 2:
        return a + 1
    return a


def _frame_span(doc: Doc, rep: Report) -> tuple[int, int]:
    """Characters of "the commander said" (speaker and cue) inside a report."""
    first = rep.subject.left_edge if rep.subject is not None and rep.subject.i < rep.cue_a else doc[rep.cue_a]
    last = doc[rep.cue_b - 1]
    return first.idx, last.idx + len(last)


def _unquoted_words(text: str, start: int, end: int, inside: list[_Direct], frame: tuple[int, int]) -> bool:
    """Whether the content has words of its own outside the quotation marks and the speaker's frame
    ("“X,” the commander said, “Y”" has none)."""
    cuts = sorted([(d.passage.open_at, _passage_end(d.passage)) for d in inside] + [frame])
    pos = start
    for lo, hi in cuts:
        if any(c.isalnum() for c in text[pos:min(lo, end)]):
            return True
        pos = max(pos, hi)
    return any(c.isalnum() for c in text[pos:end])


def _clip(text: str, start: int, end: int, cue: int) -> tuple[int, int]:
    """Keep reported content inside the cue's paragraph (the parse sometimes runs across one)."""
    lo = text.rfind("\n", 0, cue) + 1
    hi = text.find("\n", cue)
    hi = len(text) if hi < 0 else hi
    start, end = max(start, lo), min(end, hi)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _quote(doc: Doc, text: str, kind: str, start: int, end: int, speaker: Speaker | None, cue_a: int | None,
           cue_b: int | None, act: Act = STATEMENT) -> Quote:
    cue = doc[cue_a:cue_b] if cue_a is not None and cue_b is not None else None
    return Quote(kind, start, end, text[start:end], speaker,
                 cue.text if cue is not None else None,
                 cue.start_char if cue is not None else None,
                 cue.end_char if cue is not None else None, act)


def _frame_cue(doc: Doc, d: _Direct, quoted: list[int]) -> None:
    """Find the speech verb around a passage: after the closing mark, else before the opening one."""
    verb = _after(doc, d, quoted) or _before(doc, d.a, quoted)
    if verb is None and d.passage.continued is False and _opens_paragraph(doc, d.a):
        verb = _colon_paragraph(doc, d.a, quoted)
    if verb is not None:
        d.cue, d.subject = (verb.i, verb.i + 1), subject_of(verb)


def _after(doc: Doc, d: _Direct, quoted: list[int]) -> Token | None:
    # a quote closed by a full stop ("... stays shut.” The crowd began ...") is followed by a new sentence
    # unless a speech verb comes at once ("... stays shut.” Ortiz said.")
    full_stop = doc_text(doc)[d.passage.end - 1] == "."
    for j in range(d.b, min(len(doc), d.b + 25)):
        tok = doc[j]
        if quoted[j] >= 0 or "\n" in tok.text:
            return None
        if tok.tag_[:2] == "VB" and full_stop and not (is_cue_verb(tok) and j - d.b < 4):
            return None
        if tok.tag_[:2] == "VB" and (is_cue_verb(tok) or j - d.b < 5) and subject_of(tok) is not None:
            return tok
        if tok.text in _SENT_END:
            return None
    return None


def _before(doc: Doc, a: int, quoted: list[int]) -> Token | None:
    intro = a > 0 and doc[a - 1].text in _INTRO
    for j in range(a - 1, max(-1, a - 40), -1):
        tok = doc[j]
        if quoted[j] >= 0 or "\n" in tok.text or tok.text in _SENT_END:
            return None
        if tok.tag_[:2] == "VB" and (((is_cue_verb(tok) or _puts_it(tok)) and subject_of(tok) is not None)
                                     or (intro and _named_subject(tok))):
            return tok
    return None


def _puts_it(verb: Token) -> bool:
    """"As one resident put it, “...”": the idiom introduces a quote."""
    return verb.lower_ in ("put", "puts") and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def _named_subject(verb: Token) -> bool:
    """"Caddell continued:" introduces a quote; "The message was clear:" does not."""
    subj = subject_of(verb)
    return subj is not None and (subj.tag_ in ("NNP", "NNPS", "PRP") or subj.ent_type_ == "PERSON")


def _opens_paragraph(doc: Doc, a: int) -> bool:
    return a == 0 or "\n" in doc[a - 1].text or doc[a - 1].text_with_ws.endswith("\n")


def _colon_paragraph(doc: Doc, a: int, quoted: list[int]) -> Token | None:
    """A paragraph-opening quote introduced by the previous paragraph's closing colon."""
    j = a - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text not in _INTRO:
        return None
    return _before(doc, j + 1, quoted)


def _direct_quotes(doc: Doc, text: str, directs: list[_Direct], speakers: ArticleSpeakers,
                   quoted: list[int]) -> list[Quote]:
    """Quotes for the passages not folded into mixed quotes; short unattributed ones are scare quotes."""
    out: list[Quote] = []
    min_words = cue_words().min_fragment_words
    for d in directs:
        if d.absorbed:
            continue
        p = d.passage
        start, speaker = _label(text, p.start, p.end)
        if speaker is None:
            speaker = _dash_speaker(doc, text, d, speakers)
        subject = speaker_token(doc, d.subject, d.cue[0], quoted) if d.cue is not None else None
        if speaker is None and subject is not None:
            speaker = speakers.resolve(subject)
        cue_a, cue_b = d.cue if d.cue is not None else (None, None)
        if d.lent:
            out.append(_quote(doc, text, "direct", start, p.end, speaker, cue_a, cue_b))
            continue
        words = text[start:p.end].split()
        if _title_like(words) and not (cue_a is not None and cue_a > d.a and _opens_sentence(text, d.passage)):
            continue
        utterance = text[p.end - 1] in ",.!?" and (text[start].isupper() or (cue_a is not None and cue_a > d.a))
        phrase = _fragment_phrase(doc, text, d) if cue_b is not None and cue_b <= d.a else None
        if phrase is not None and (len(words) < min_words or _mostly(p, phrase)) and not text[start].isupper():
            # a fragment after its cue ("called him a “liar”"): the phrase from the cue on is mixed
            out.append(_quote(doc, text, "mixed", phrase[0], phrase[1], speaker, cue_a, cue_b, d.act))
        elif len(words) >= min_words or (utterance and (cue_a is not None or _stands_alone(text, d.passage))):
            out.append(_quote(doc, text, "direct", start, p.end, speaker, cue_a, cue_b))
    return out


def _fragment_phrase(doc: Doc, text: str, d: _Direct) -> tuple[int, int] | None:
    """Characters from just after the cue to the closing mark of a quoted fragment."""
    if d.passage.close_at is None or d.cue is None:
        return None
    a = _skip_mark(doc, d.cue[1])
    while a < d.a and doc[a].is_punct:  # "he said, must “...”": not the comma after the cue
        a += 1
    between = text[doc[d.cue[1] - 1].idx + len(doc[d.cue[1] - 1]):d.passage.open_at].strip()
    if between and not any(c.isalnum() for c in between):
        return None  # "he said, “...”" / "she said: “...”" introduces a quote, it does not embed one
    return doc[a].idx, d.passage.close_at + 1


def _mostly(p: Passage, phrase: tuple[int, int]) -> bool:
    """The fragment is most of the phrase, so both readings of the span still agree."""
    return (p.end - p.start) >= _FRAGMENT_SHARE * (phrase[1] - phrase[0])


def _stands_alone(text: str, p: Passage) -> bool:
    """A quoted sentence of its own: after a sentence end or a paragraph break, ending a sentence."""
    return _opens_sentence(text, p) and text[p.end - 1] in ".!?"


def _opens_sentence(text: str, p: Passage) -> bool:
    before = text[max(0, p.open_at - 200):p.open_at].rstrip(" \t\xa0")
    return not before or before[-1] in "\n.!?:”\""


def _title_like(words: list[str]) -> bool:
    """“Morning Edition,” “Make America Great Again”: names of shows and slogans, not statements."""
    if len(words) > 4:
        return False
    content = [w for w in words if w.strip(",.!?:;").lower() not in _TITLE_SMALL_WORDS]
    return all(w[:1].isupper() or not w[:1].isalpha() for w in content) and \
        (len(words) > 1 or not words or words[0][-1:] not in ".!?")


def _skip_mark(doc: Doc, i: int) -> int:
    while i < len(doc) - 1 and (doc[i].is_space or (doc[i].dep_ == "mark" and doc[i].lower_ == "that")):
        i += 1
    return i


def speaker_token(doc: Doc, subject: Token | None, cue: int, quoted: list[int]) -> Token | None:
    """The cue's subject, unless the parse took it from inside a quotation: then the noun next to the cue
    ("..., added another Romanian farmer": right after the closing mark even an object is the speaker)."""
    if subject is not None and subject.ent_type_ in ("DATE", "TIME") and not is_age(subject):
        subject = None  # "Thursday morning" parsed as the subject
    if subject is not None and subject.text in DASH_TOKENS:
        subject = None  # a dash the tagger took for a noun
    opening = skip_dateline(doc, subject.sent.start, cue) if subject is not None else 0
    if subject is not None and subject.i < opening:
        subject = _after_dateline(doc, opening, cue)
    if subject is None:
        subject = _absorbed_subject(doc[cue])
    if subject is not None and subject.tag_ == "JJ":  # "The paramilitary Rapid Support Forces" parsed as an apposition
        subject = next((c for c in subject.children if c.dep_ == "appos" and c.tag_ in ("NNP", "NNPS")), subject)
    if subject is not None and (quoted[subject.i] < 0 or quoted[cue] >= 0):
        return subject
    for j in range(cue + 1, min(len(doc), cue + 8)):
        tok = doc[j]
        if quoted[j] >= 0 or tok.text in _SENT_END or "\n" in tok.text or tok.dep_ in ("mark", "aux"):
            break
        inverted = tok.dep_ in _INVERTED_DEPS or (tok.dep_ == "dobj" and cue > 0 and quoted[cue - 1] >= 0)
        if tok.tag_ in _NOUN_TAGS and inverted and tok.head.i == cue and tok.ent_type_ not in ("DATE", "TIME"):
            return tok
    j = cue - 1
    if j >= 0 and doc[j].tag_ in _NOUN_TAGS and quoted[j] < 0:
        return doc[j]
    for j in range(cue - 1, max(-1, cue - 15), -1):  # "...,'' Mr. Haddad, the aid worker, said, ''...''"
        tok = doc[j]
        if quoted[j] >= 0 or tok.text in _SENT_END or "\n" in tok.text:
            break
        if tok.dep_ == "nsubj" and tok.tag_ in _NOUN_TAGS and tok.head.i == cue:
            return tok
        if j > 0 and quoted[j - 1] >= 0:  # "...,” Flynn, a top adviser, said": the parse hung the name on the quote
            while tok.dep_ == "compound" and tok.i < tok.head.i < cue and quoted[tok.head.i] < 0:
                tok = tok.head  # "Representative Ann Cole": the name's head
            return tok if tok.ent_type_ == "PERSON" else None
    return None


def _absorbed_subject(verb: Token) -> Token | None:
    """"Speaking to the BBC, a drone operator who ... said": the parse hung the subject on the opening
    participle's object as an apposition; it is the noun after that phrase's comma."""
    for clause in verb.lefts:
        if clause.dep_ == "advcl" and clause.tag_ == "VBG":
            for tok in clause.subtree:
                if tok.dep_ == "appos" and tok.head.dep_ == "pobj" and tok.left_edge.i > 0 \
                        and verb.doc[tok.left_edge.i - 1].text == "," and tok.tag_[:2] == "NN":
                    return tok
    return None


def _after_dateline(doc: Doc, a: int, cue: int) -> Token | None:
    """"KHARTOUM, Sudan — The paramilitary Rapid Support Forces said": the parse made the dateline the
    subject; the speaker is the phrase between the dateline and the cue (its named apposition if any)."""
    root = next((t for t in doc[a:cue] if not a <= t.head.i < cue), None)
    if root is None or root.tag_[:2] not in ("NN", "JJ", "PR"):
        return None
    named = next((c for c in root.children if c.dep_ == "appos" and c.tag_ in ("NNP", "NNPS")), None)
    return named or root


def _headline_speaker(doc: Doc, speakers: ArticleSpeakers, a: int, b: int) -> Speaker | None:
    """The speaker named before a headline's verb ("Senator Ann Lee Urges ..."), by its last word."""
    k = token_at(doc, b - 1)
    speaker = speakers.resolve(doc[k]) if k is not None else None
    cue = doc_text(doc)[b:].split(maxsplit=1)[:1]
    if speaker is not None and not (cue and cue[0] in speaker.name.split()):
        return speaker
    return Speaker(doc_text(doc)[a:b], a, b, doc_text(doc)[a:b], "person")  # the tagger ran the name into the verb


def _label(text: str, start: int, end: int) -> tuple[int, Speaker | None]:
    """A transcript line "WALLACE: ..." names its speaker before a colon."""
    m = _LABEL.match(text, start, end)
    if m is None:
        return start, None
    name = m.group(1)
    body = m.end()
    return body, Speaker(name, m.start(1), m.end(1), name, "person")


def _dash_speaker(doc: Doc, text: str, d: _Direct, speakers: ArticleSpeakers) -> Speaker | None:
    """“...” ― Jane Doe: a name after a dash that follows the closing mark."""
    if d.passage.close_at is None:
        return None
    m = _DASH_AFTER.match(text, d.passage.close_at + 1)
    if m is None:
        return None
    k = d.b - 1
    while k < len(doc) and doc[k].idx < m.end():
        k += 1
    if k >= len(doc) or doc[k].tag_ not in ("NNP", "NNPS"):
        return None
    while k + 1 < len(doc) and doc[k + 1].tag_ in ("NNP", "NNPS") and doc[k + 1].is_alpha:
        k += 1
    return speakers.resolve(doc[k])
