"""Troop movements nobody is said to own take the one side whose troops their article moves (hand-built
statements; the texts are only for the reader)."""

from __future__ import annotations

import datetime as dt

from sayso.corpus.records import StoredQuote
from sayso.corpus.stances import stance_conflicts
from sayso.models import Proposition


def move(name: str, **kw) -> Proposition:
    return Proposition(name, 0, 1, name, theme=True, **kw)


def q(article: str, text: str, speaker: str, *props: Proposition, day: int = 10) -> StoredQuote:
    return StoredQuote(article_id=article, published=dt.date(2025, 6, day), outlet=article, group=None,
                       kind="indirect", text=text, start=0, end=len(text), speaker=speaker, cue="said",
                       propositions=props)


OWNED_BACK = q("a", "Ruritania is pulling its brigades back from the frontier", "Ruritania's defence ministry",
               move("withdraw", side="RU"))
UNOWNED_BACK = q("a", "some units were leaving the frontier", "the army command", move("withdraw", actor="some units"))
UNOWNED_IN = q("b", "4,000 more troops have reached the frontier this week", "a NATO official",
                move("reinforce", actor="4,000 more troops"),
               day=11)
OWNED_IN = q("b", "Ruritanian reinforcements keep arriving", "a border guard", move("reinforce", side="RU"), day=11)


def test_unowned_movements_take_the_side_their_articles_move():
    found = list(stance_conflicts([OWNED_BACK, UNOWNED_BACK, OWNED_IN, UNOWNED_IN]))
    pairs = {(c.a.text, c.b.text) for c in found} | {(c.b.text, c.a.text) for c in found}
    assert (UNOWNED_BACK.text, UNOWNED_IN.text) in pairs


def test_unowned_movements_in_articles_that_move_no_one_stay_nobodys():
    assert not list(stance_conflicts([UNOWNED_BACK, UNOWNED_IN]))
