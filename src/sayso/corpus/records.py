"""Records of the corpus queries: stored quotes and claims with their article, and what linking makes of them."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any

from sayso.models import Frame, Proposition, from_dict


def _date(value: Any) -> dt.date | None:
    """An ISO day; a month ("2022-02") stands for its 15th and a year for 1 July, so coarse dates still
    sort and compare in time, conservatively (a day-paced figure is then rarely within reach)."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        if len(text) == 7:
            return dt.date.fromisoformat(text + "-15")
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 7, 1)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


# A stored row that does not hold what its record needs raises ValueError naming the column; the
# corpus queries skip such a row with a logged warning (see ``queries.records``).
def _number(value: Any, column: str) -> float | None:
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    raise ValueError(f"{column} is not a number: {value!r}")


def half_unit(value: float | None) -> float:
    """Half a unit of the last significant digit of a figure as written: 150,000 -> 5,000; 8,500 -> 50;
    2.5 -> 0.05. An exact figure stands for the interval ``value ± half_unit``."""
    if value is None or value == 0 or not math.isfinite(value):
        return 0.0
    if value != int(value):
        decimals = len(repr(float(value)).split(".")[1].rstrip("0"))
        return 0.5 * 10 ** -decimals
    n, zeros = int(abs(value)), 0
    while n % 10 == 0 and n:
        n //= 10
        zeros += 1
    return 0.5 * 10 ** zeros


def _needed(value: Any, column: str, kind: type = str) -> Any:
    if isinstance(value, kind) and not isinstance(value, bool):
        return value
    raise ValueError(f"{column} is missing" if value is None else f"{column} is not {kind.__name__}: {value!r}")


def _propositions(text: Any) -> tuple[Proposition, ...]:
    if text is None:
        return ()
    data = json.loads(_needed(text, "propositions"))
    if not isinstance(data, list):
        raise ValueError(f"propositions is not a list: {text!r:.60}")
    return tuple(from_dict(Proposition, d) for d in data)


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """A quote as stored, with its article, outlet, wire group and linked speaker entity."""

    article_id: str
    published: dt.date | None
    outlet: str | None
    group: int | None
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    entity: str | None = None
    title: str | None = None
    url: str | None = None
    cue: str | None = None
    speaker_role: str | None = None
    propositions: tuple[Proposition, ...] = ()  # the acts it asserts or denies, read at extraction

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "StoredQuote":
        return cls(article_id=_needed(r["article_id"], "article id"), published=_date(r["published"]),
                   outlet=r["outlet"], group=r["group_pk"], kind=_needed(r["kind"], "kind"),
                   text=_needed(r["text"], "text"), start=_needed(r["start_char"], "start_char", int),
                   end=_needed(r["end_char"], "end_char", int),
                   speaker=r["speaker"], entity=r["entity"], title=r["title"], url=r["url"],
                   cue=r.get("cue"), speaker_role=r.get("speaker_role"),
                   propositions=_propositions(r.get("propositions")))

    @property
    def date(self) -> dt.date | None:
        return self.published

    @property
    def source(self) -> str:
        """Who said it: the linked entity, else the speaker as written."""
        return self.entity or self.speaker or "(unattributed)"


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as stored: the quantity (SI value and unit), status, source, measure key and date."""

    article_id: str
    date: dt.date | None
    outlet: str | None
    group: int | None
    measure_key: str
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str
    status: str
    quantity: str
    text: str | None = None
    speaker: str | None = None
    entity: str | None = None
    entity_pk: int | None = None
    subject: str | None = None
    verb: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    pk: int | None = None
    q_start: int | None = None          # the figure's span in its article
    q_end: int | None = None
    start: int | None = None            # the claim's clause
    end: int | None = None
    half_unit: float = 0.0              # half a unit of the figure's last significant digit, in ``unit``
    frame: Frame | None = None
    cluster: str | None = None          # the claim cluster (set by linking: the measure, or an episode of it)
    noun: str | None = None             # the lemma of the counted noun ("civilian", "boat"), when a noun is counted

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "StoredClaim":
        value, value_max = _number(r["value"], "value"), _number(r["value_max"], "value_max")
        unit, si_value = r["si_unit"] or r["unit"], _number(r["si_value"], "si_value")
        factor = 1.0
        if si_value is not None:
            factor = (si_value / value) if value else 1.0
            half = half_unit(value) * factor
            value, value_max = si_value, (value_max * factor if value_max is not None else None)
        else:
            half = half_unit(value)
        frame = r.get("frame")
        return cls(article_id=_needed(r["article_id"], "article id"), date=_date(r["claim_date"] or r["published"]),
                   outlet=r["outlet"], group=r["group_pk"], measure_key=_needed(r["measure_key"], "measure_key"),
                   value=value, value_max=value_max, unit=unit, qualifier=_needed(r["qualifier"], "qualifier"),
                   status=_needed(r["status"], "status"), quantity=_needed(r["q_text"], "q_text"), text=r["text"],
                   speaker=r["speaker"], entity=r["entity"], entity_pk=r["entity_pk"], subject=r["subject"],
                   verb=r["verb"], published=_date(r["published"]), title=r["title"], url=r["url"],
                   pk=r.get("pk"), q_start=r.get("q_start"), q_end=r.get("q_end"), start=r.get("start_char"),
                   end=r.get("end_char"), half_unit=half,
                   frame=from_dict(Frame, json.loads(frame)) if frame else None,
                   noun=r["unit"] if r.get("counted") else None)

    @property
    def source(self) -> str:
        """Who stated it: the linked entity, else the speaker as written, else the outlet's reporter."""
        return self.entity or self.speaker or f"({self.outlet or 'reporter'})"


@dataclass(frozen=True, slots=True)
class ClaimCluster:
    """Claims about the same measure of the same subject, across articles and time."""

    measure_key: str
    claims: tuple[StoredClaim, ...]
    origins: int            # independent origins: wire groups, so copies of one story count once
    outlets: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims on one measure (or two statements on one act), close in time, that cannot both be true;
    ``reason`` says why. A stance conflict's sides are the statements (``StoredQuote``), not figures."""

    measure_key: str
    reason: str
    a: StoredClaim | StoredQuote
    b: StoredClaim | StoredQuote
    days_apart: int | None
    kind: str = "figures"   # 'figures': values that cannot both hold; 'denial': one side denies the other's figure;
    #                         'part_whole': a part exceeds its whole; 'complement': shares of answers add up past 100%;
    #                         'stance': one source asserts an act another denies or calls false
    strength: float = 0.0   # how far apart the two are, relative to the figures (ranks the list)
    copies: tuple[int, int] = (1, 1)  # wire copies and relays folded into each side


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One value of a measure at a date, with its source; ``copies`` counts the wire copies folded in."""

    date: dt.date | None
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str
    status: str
    source: str
    outlet: str | None
    article_id: str
    copies: int = 1


@dataclass(frozen=True, slots=True)
class Timeline:
    measure_key: str
    points: tuple[TimelinePoint, ...]


@dataclass(frozen=True, slots=True)
class WireGroup:
    """Articles that are copies of one story; ``origin`` is the earliest. ``copies`` are the ids of articles
    that ingest skipped as exact copies of a stored member (same text or URL under another id)."""

    group: int
    origin: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    first: dt.date | None
    copies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One speaker mention linked to an entity: its span in the article, and the name sayso resolved it to."""

    article_id: str
    start: int | None
    end: int | None
    text: str | None
    name: str


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One speaker entity across the corpus: the names and roles it was seen with, and every mention.

    ``entity`` is its id in the store; ``mentions`` the linked speaker mentions with their spans (the
    cross-article export contract of ``../shared/eval/FORMAT.md``), ``mention_count`` how many."""

    name: str
    kind: str
    names: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[EntityMention, ...]
    articles: int
    entity: int | None = None
    mention_count: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str               # 'article' or 'quote'
    article_id: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    snippet: str
    speaker: str | None = None
