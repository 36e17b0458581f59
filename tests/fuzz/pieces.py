"""Hypothesis strategies that build article-like texts from pieces we wrote: names, roles, pronouns, speech
cues, quotation marks (balanced or not, nested, curly and straight mixed), numbers and ranges, dates, places,
datelines, newlines and very long sentences. People and statements are invented."""

from __future__ import annotations

from hypothesis import strategies as st

NAMES = ["Olena Marchuk", "Taras Vell", "Amina Daud", "Pieter Kolb", "Ivan Rudko", "Maria Lopes-Ferreira",
         "Col. Anton Brisk", "Gen. Sofia Darre", "Yusuf al-Hadi", "Jean-Marc Ollier", "Kim", "O'Neill"]
ROLES = ["the governor", "the regional governor", "army spokesman Lt. Col. Ivan Rudko", "Foreign Minister Amina Daud",
         "a senior official who asked not to be named", "the ministry", "the Kremlin", "Ukraine's air force",
         "the mayor of the city", "local officials", "witnesses", "the army's General Staff", "a nurse, 34,"]
PRONOUNS = ["he", "she", "they", "it", "I", "we", "He", "She", "They", "We", "him", "her"]
CUES = ["said", "told reporters", "added", "claimed", "denied", "insisted", "wrote on Telegram", "said on Monday",
        "told the BBC", "warned", "stated", "said in a statement", "asserted", "was quoted as saying"]
SPEECH = ["We will not give up the city", "The situation is difficult but under control", "I did",
          "Nobody has told us anything", "At least 40 drones were shot down overnight", "We are ready to talk",
          "This was a home, not a barracks", "They lied about the 300 prisoners", "It is over",
          "Between 10 and 15 people are missing", "We need more time, more shells and more men", ""]
MARKS = [("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("'", "'"), ("\u00ab", "\u00bb"), ("\u201c", '"'),
         ('"', "\u201d"), ("\u201c", ""), ("", "\u201d"), ("\u201e", "\u201c"), ('"', ""), ("", '"'),
         ("\u201c\u2018", "\u2019\u201d"), ("``", "''")]
PLACES = ["Kharkiv", "Kursk", "Bakhmut", "El Fasher", "Khan Younis", "Bamako", "Odesa", "the Donetsk region",
          "Zaporizhzhia", "Goma", "Belgorod", "Sumy", "Springfield", "Paris"]
DATES = ["on Monday", "last week", "on March 3", "on 5 June 2025", "in February 2022", "on 2024-08-12",
         "Sunday night", "yesterday", "on 31 February", "in the 1990s", "today", "on Tuesday morning",
         "between March 3 and March 9", "in 2023", "earlier this month", "on Dec. 25"]
NOUNS = ["people", "civilians", "drones", "missiles", "soldiers", "settlements", "square kilometres", "buildings",
         "residents", "tanks", "families", "km", "percent of the power grid"]
QUALIFIERS = ["", "at least ", "more than ", "nearly ", "about ", "up to ", "as many as ", "fewer than ", "some "]
VERBS = ["killed", "wounded", "destroyed", "shot down", "evacuated", "captured", "damaged", "reported"]
DATELINES = ["KYIV, Ukraine (AP) \u2014 ", "KHARKIV \u2014 ", "Bamako (Reuters) - ", "GOMA, Congo -- ",
             "EL FASHER, Sudan (Northern Wire) \u2013 ", "ODESA:\n", "BELGOROD, Russia, June 5 \u2014 "]
SEPARATORS = [" ", "  ", "\n", "\n\n", "\n \n", "\t", " \u2014 ", "\r\n"]
NOISE = (" .,;:!?'\"\u201c\u201d\u2018\u2019\u00ab\u00bb()[]\u2014-\u2013/%$\u20ac\n"
         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
         "\u00a0\u200b\u2028\u2029\u00ad\u0301\u2026\ufeff\u05d0\u0627\u0416\U0001F600\x0b\x0c")
# Paragraph shapes: a quote running over paragraphs (the next one reopens it), a label line, an aside.
PARAGRAPHS = ["\u201cWe held the bridge for three days.\n\n\u201cThen the shelling started,\u201d Ivan Rudko said.",
              "Q: How many were hurt?\nA: At least 12, said the nurse.", "Kim: \u201cIt is over.\u201d",
              "(Reporting by Olena Marchuk; editing by Taras Vell)", "\u2014 Amina Daud, speaking by phone",
              "\"We are ready,\" said Kim.\"Are you?\"", "He said:\n\n\u201c\n\u201d",
              "\u2026 \u2026 \u201c\u2026\u201d"]


_CLOSE = str.maketrans({"\u201c": "\u201d", "\u2018": "\u2019", "(": ")", "\u00ab": "\u00bb", "[": "]"})


def _pick(options: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(options)


def _count() -> st.SearchStrategy[str]:
    """A number as reporters write it: plain, with commas, decimal, in words, a range, money, a share."""
    n = st.integers(min_value=0, max_value=9_999_999)
    small = st.integers(min_value=1, max_value=999)
    return st.one_of(
        n.map(str), n.map("{:,}".format), small.map(lambda v: f"{v / 10:.1f} million"),
        _pick(["dozens of", "hundreds of", "zero", "one", "three", "a dozen", "two thousand", "half a million"]),
        st.tuples(small, small).map(lambda p: f"between {min(p)} and {max(p)}"),
        st.tuples(small, small).map(lambda p: f"{min(p)}-{max(p)}"),
        st.tuples(small, small).map(lambda p: f"{min(p)} to {max(p)}"),
        small.map(lambda v: f"${v} billion"), small.map(lambda v: f"{v}%"), small.map(lambda v: f"\u20ac{v}m"),
        st.integers(min_value=10**15, max_value=10**40).map(str), st.integers(min_value=10**15).map("{:,}".format),
        _pick(["0.000001", ".5", "5.", "1,2,3", "1e308", "10^9", "-40", "\u00bd", "3\u00bd", "twenty-five",
               "1.2 billion trillion", "4,5", "007", "1 000 000", "hundreds of thousands of"]))


def _who() -> st.SearchStrategy[str]:
    return st.one_of(_pick(NAMES), _pick(ROLES), _pick(PRONOUNS))


def _quoted() -> st.SearchStrategy[str]:
    """Speech between marks that may not match, may be missing, or may hold another quote."""
    inner = st.tuples(_pick(MARKS), _pick(SPEECH)).map(lambda t: f"{t[0][0]}{t[1]}{t[0][1]}")
    speech = st.one_of(_pick(SPEECH), st.tuples(_pick(SPEECH), inner, _pick(SPEECH)).map(" ".join))
    return st.tuples(_pick(MARKS), speech, _pick(["", ",", ".", "!", "?", ", he said."])).map(
        lambda t: f"{t[0][0]}{t[1]}{t[2]}{t[0][1]}")


def _figure() -> st.SearchStrategy[str]:
    return st.tuples(_pick(QUALIFIERS), _count(), _pick(NOUNS)).map(lambda t: f"{t[0]}{t[1]} {t[2]}")


def sentence() -> st.SearchStrategy[str]:
    """One sentence of one of the shapes news copy is made of, or a hostile fragment."""
    who, cue, date, place = _who(), _pick(CUES), _pick(DATES), _pick(PLACES)
    return st.one_of(
        st.tuples(_figure(), _pick(VERBS), place, date).map(lambda t: f"{t[0]} were {t[1]} in {t[2]} {t[3]}."),
        st.tuples(_quoted(), who, cue).map(lambda t: f"{t[0]} {t[1]} {t[2]}."),
        st.tuples(who, cue, _quoted()).map(lambda t: f"{t[0]} {t[1]}: {t[2]}"),
        st.tuples(who, cue, _figure(), _pick(VERBS), date).map(
            lambda t: f"{t[0]} {t[1]} that {t[2]} had been {t[3]} {t[4]}."),
        st.tuples(who, _figure(), place).map(lambda t: f"According to {t[0]}, {t[1]} remain in {t[2]}."),
        st.tuples(_pick(NAMES), _pick(NAMES)).map(
            lambda t: f"{t[0]} said he called {t[1]} to talk to him about the issue."),
        _pick(NAMES).map(lambda n: f"Asked in an interview who lobbied for the issue, {n} said, \u201cI did.\u201d"),
        st.lists(st.tuples(who, cue, _figure(), place), min_size=5, max_size=40).map(
            lambda parts: ", ".join(f"{w} {c} {f} in {p}" for w, c, f, p in parts) + "."),
        st.text(alphabet=NOISE, max_size=80),
        _pick(PARAGRAPHS),
        st.tuples(st.integers(min_value=1, max_value=60), _pick(["\u201c\u2018", "(", "\u00ab", "\"'", "[(",
                                                               "\u2014 "])).map(
            lambda t: t[1] * t[0] + "the mayor said 40 people died" + t[1][::-1].translate(_CLOSE) * t[0]),
        st.tuples(_pick(NAMES), _quoted(), cue).map(lambda t: f"{t[0]}{t[1]}{t[2]}"),  # no spaces around marks
    )


@st.composite
def articles(draw) -> str:
    """An article: an optional dateline, then sentences joined by spaces, newlines or blank lines."""
    text = draw(st.sampled_from(["", *DATELINES]))
    for part in draw(st.lists(sentence(), min_size=1, max_size=10)):
        text += part + draw(st.sampled_from(SEPARATORS))
    return text
