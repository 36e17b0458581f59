"""The last steps over an article's quotes: joining a statement the parse cut in two, carrying speakers over."""

from __future__ import annotations

from sayso.extract.quotes.inherit import inherit_speakers, join_split
from sayso.models import Quote, Speaker

TEXT = "The mayor said she believed the Ninth Bridge was safe to reopen by Friday. “We checked every bolt.”"
MAYOR = Speaker(name="Lena Ortiz", start=0, end=9)


def _quote(kind: str, a: str, b: str, cue: bool = True, speaker: Speaker | None = MAYOR) -> Quote:
    start = TEXT.index(a)
    end = TEXT.index(b) + len(b)
    return Quote(kind, start, end, TEXT[start:end], speaker, "said" if cue else None,
                 10 if cue else None, 14 if cue else None)


def test_two_reports_of_one_cue_that_abut_are_one_statement():
    first = _quote("indirect", "she believed", "the Ninth")
    second = _quote("mixed", "Bridge was", "by Friday")
    (joined,) = join_split([first, second], TEXT)
    assert joined.text == "she believed the Ninth Bridge was safe to reopen by Friday"
    assert joined.kind == "mixed" and joined.speaker == MAYOR and joined.cue_start == 10


def test_reports_of_different_cues_or_with_words_between_stay_apart():
    first = _quote("indirect", "she believed", "the Ninth")
    other_cue = Quote("indirect", first.end + 1, TEXT.index("by Friday") + 9,
                      TEXT[first.end + 1:TEXT.index("by Friday") + 9], MAYOR, "was", 50, 53)
    assert len(join_split([first, other_cue], TEXT)) == 2
    gap = _quote("indirect", "safe to", "by Friday")
    assert len(join_split([first, gap], TEXT)) == 2


def test_a_direct_quote_is_never_joined_to_a_report():
    report = _quote("indirect", "she believed", "by Friday")
    direct = _quote("direct", "We checked", "bolt.")
    assert len(join_split([report, direct], TEXT)) == 2


def test_a_quote_without_a_cue_takes_the_speaker_of_the_statement_before_it():
    report = _quote("indirect", "she believed", "by Friday")
    direct = _quote("direct", "We checked", "bolt.", cue=False, speaker=None)
    assert inherit_speakers([report, direct], TEXT)[1].speaker == MAYOR
