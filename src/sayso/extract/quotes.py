"""Direct, indirect and mixed statements with their speakers resolved within the article."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sayso.extract.quote_cues import Report, cue_words, find_reports, is_cue_verb, subject_of
from sayso.extract.quote_marks import Passage, find_passages
from sayso.extract.speakers import ArticleSpeakers
from sayso.models import Note, Quote, Speaker

_SENT_END = frozenset({".", "!", "?"})
_INTRO = frozenset({":", "—", "–", "--"})
_MOSTLY_QUOTED = 0.6


@dataclass(slots=True)
class _Direct:
    """A quoted passage on its way to becoming a Quote."""

    passage: Passage
    a: int  # first token of the passage, marks included
    b: int  # token after the passage, marks included
    cue: tuple[int, int] | None = None
    subject: Token | None = None
    absorbed: bool = False
    inherited: Speaker | None = None


def extract_quotes(doc: Doc, notes: list[Note] | None = None) -> list[Quote]:
    """Every statement in ``doc``, ordered by position. Skipped candidates go to ``notes``."""
    passages = find_passages(doc.text, notes)
    directs, quoted = _locate(doc, passages)
    speakers = ArticleSpeakers(doc)
    out: list[Quote] = []
    for rep in _dedupe(find_reports(doc, quoted)):
        quote = _place_report(doc, rep, directs, quoted, speakers)
        if quote is not None:
            out.append(quote)
    for d in directs:
        if d.cue is None and not d.absorbed:
            _frame_cue(doc, d, quoted)
    out.extend(_direct_quotes(doc, directs, speakers))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _locate(doc: Doc, passages: list[Passage]) -> tuple[list[_Direct], list[int]]:
    """Token bounds of each passage and, per token, the passage it lies in (-1 outside)."""
    quoted = [-1] * len(doc)
    directs: list[_Direct] = []
    k = 0
    for tok in doc:
        while k < len(passages) and _passage_end(passages[k]) <= tok.idx:
            k += 1
        if k < len(passages) and passages[k].open_at <= tok.idx:
            quoted[tok.i] = k
    bounds: dict[int, list[int]] = {}
    for i, k in enumerate(quoted):
        if k >= 0:
            bounds.setdefault(k, [i, i + 1])[1] = i + 1
    for k, p in enumerate(passages):
        if k in bounds:
            directs.append(_Direct(p, *bounds[k]))
    return directs, quoted


def _passage_end(p: Passage) -> int:
    return p.close_at + 1 if p.close_at is not None else p.end


def _dedupe(reports: list[Report]) -> list[Report]:
    seen: set[tuple[int, int]] = set()
    out = []
    for rep in reports:
        if (rep.a, rep.b) not in seen:
            seen.add((rep.a, rep.b))
            out.append(rep)
    return out


def _place_report(doc: Doc, rep: Report, directs: list[_Direct], quoted: list[int],
                  speakers: ArticleSpeakers) -> Quote | None:
    """An indirect or mixed Quote, or None when the report only attributes a direct quote."""
    start, end = doc[rep.a].idx, doc[rep.b - 1].idx + len(doc[rep.b - 1])
    inside = [d for d in directs if d.passage.start < end and d.passage.end > start]
    covered = sum(min(end, d.passage.end) - max(start, d.passage.start) for d in inside)
    if inside and covered >= _MOSTLY_QUOTED * (end - start):
        for d in inside:
            if d.cue is None:
                d.cue, d.subject = (rep.cue_a, rep.cue_b), rep.subject
        return None
    kind = "indirect"
    for d in inside:
        if d.passage.start >= start and d.passage.end <= end + 1:
            d.absorbed, kind = True, "mixed"
    if kind == "mixed":
        last = max(d.passage.close_at or d.passage.end for d in inside)
        end = max(end, min(last + 1, len(doc.text))) if last >= end else end
    speaker = speakers.resolve(rep.subject) if rep.subject is not None else None
    return _quote(doc, kind, start, end, speaker, rep.cue_a, rep.cue_b)


def _quote(doc: Doc, kind: str, start: int, end: int, speaker: Speaker | None, cue_a: int | None,
           cue_b: int | None) -> Quote:
    cue = doc[cue_a:cue_b] if cue_a is not None and cue_b is not None else None
    return Quote(kind, start, end, doc.text[start:end], speaker,
                 cue.text if cue is not None else None,
                 cue.start_char if cue is not None else None,
                 cue.end_char if cue is not None else None)


def _frame_cue(doc: Doc, d: _Direct, quoted: list[int]) -> None:
    """Find the speech verb around a passage: after the closing mark, else before the opening one."""
    verb = _after(doc, d, quoted) or _before(doc, d.a, quoted)
    if verb is None and d.passage.continued is False and _opens_paragraph(doc, d.a):
        verb = _colon_paragraph(doc, d.a, quoted)
    if verb is not None:
        d.cue, d.subject = (verb.i, verb.i + 1), subject_of(verb)


def _after(doc: Doc, d: _Direct, quoted: list[int]) -> Token | None:
    for j in range(d.b, min(len(doc), d.b + 25)):
        tok = doc[j]
        if quoted[j] >= 0 or "\n" in tok.text:
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
        if tok.tag_[:2] == "VB" and (is_cue_verb(tok) or intro) and subject_of(tok) is not None:
            return tok
    return None


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


def _direct_quotes(doc: Doc, directs: list[_Direct], speakers: ArticleSpeakers) -> list[Quote]:
    """Quotes for the passages not folded into mixed quotes; speakerless ones inherit nearby."""
    out: list[Quote] = []
    min_words = cue_words().min_fragment_words
    prev: tuple[_Direct, Speaker | None] | None = None
    for d in directs:
        if d.absorbed:
            continue
        speaker = speakers.resolve(d.subject) if d.subject is not None else None
        if speaker is None and d.cue is None and prev is not None and _near(doc, prev[0], d):
            speaker = prev[1]
        p = d.passage
        if speaker is None and d.cue is None and len(doc.text[p.start:p.end].split()) < min_words:
            continue
        cue_a, cue_b = d.cue if d.cue is not None else (None, None)
        out.append(_quote(doc, "direct", p.start, p.end, speaker, cue_a, cue_b))
        prev = (d, speaker)
    return out


def _near(doc: Doc, prev: _Direct, d: _Direct) -> bool:
    """Whether ``d`` goes on from ``prev``: same paragraph, or the next one opening with the quote."""
    between = doc.text[prev.passage.end:d.passage.open_at]
    breaks = between.count("\n\n") + between.replace("\n\n", "").count("\n")
    if breaks == 0:
        return True
    return breaks == 1 and _opens_paragraph(doc, d.a)
