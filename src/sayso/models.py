"""The records sayso produces: frozen dataclasses holding character offsets into the article text.

Every record with ``start``/``end`` can be checked against its article: ``article.text[start:end]``
is its evidence and equals the record's ``text``. No spaCy objects are kept here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
QuoteAct = Literal["statement", "stance", "directive", "refusal"]
Polarity = Literal["asserted", "denied", "called_false"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]
ClaimStatus = Literal["asserted", "claimed", "reported", "denied", "unverified"]
STATUSES: tuple[ClaimStatus, ...] = ("asserted", "reported", "claimed", "unverified", "denied")  # most factual first
OutcomeStatus = Literal["ok", "skipped", "failed"]
SpeakerKind = Literal["person", "organization", "media", "unnamed", "group", "place"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested, before any NLP."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to.

    ``name`` is the canonical name resolved within the article ("Oleksandr Syrskyi", not "he");
    ``start``/``end``/``text`` is the mention that introduces this statement ("he", "the general").
    ``kind`` says whether this is a named person, an organisation, media, or an unnamed source
    ("a senior official", "experts") kept as a typed speaker.
    """

    name: str
    start: int | None = None
    end: int | None = None
    text: str | None = None
    kind: SpeakerKind = "person"
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Proposition:
    """An act a quote speaks of, read off the parse (``data/stances_en.json`` lists the acts: ``attack``,
    ``withdraw``, ``reinforce``, ``capture``, ``ceasefire_violation``); ``start``/``end``/``text`` is the act
    as written.

    ``polarity`` is ``asserted``, ``denied`` (the quote's cue denies it: "denied planning to invade") or
    ``called_false`` (a falsity word judges its clause: "Russia's claim that it is pulling back is false").
    ``modal``: a modal, negation or word of possibility, plan, fear or demand governs it, or it is an
    infinitive nothing decided ("could invade", "no invasion", "plans to attack", "poised to strike");
    ``nominal``: a noun or adjective names it ("an invasion", "occupied areas") rather than saying it
    happens ("invaded", "under attack"); ``background``: it is said in an adverbial or relative clause or
    after a preposition ("when missiles struck"), not as the statement's point. Whose act it is: ``side``
    (a code such as ``RU``) when the parse names a side ("Russian troops captured ..."), else ``actor``, the
    actor as written ("Vladimir Putin", "some troops", at ``actor_start``/``actor_end``), or ``by_speaker``
    for the speaker's own act ("Kyiv denied taking any hostile action"); none of them when the actor is left
    unsaid ("they are being attacked"). ``theme``: its clause speaks of troops or
    forces; ``objects``: names it was done to ("captured the village of Loknia" -> ``("Loknia",)``).
    """

    act: str
    start: int
    end: int
    text: str
    polarity: Polarity = "asserted"
    modal: bool = False
    nominal: bool = False
    background: bool = False
    side: str | None = None
    actor: str | None = None
    actor_start: int | None = None
    actor_end: int | None = None
    by_speaker: bool = False
    theme: bool = False
    objects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct, indirect (reported) or mixed statement. The span covers the content only.

    ``act`` is ``statement`` in the default output; the broad mode (setting ``quote_stances``) adds
    ``stance`` ("condemned the strike"), ``directive`` ("urged allies to send jets") and ``refusal``
    ("declined to say what was hit"). ``propositions`` are the acts it asserts or denies (an attack, a
    withdrawal, a capture), for the stance conflicts of the corpus.
    """

    kind: QuoteKind
    start: int
    end: int
    text: str
    speaker: Speaker | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    act: QuoteAct = "statement"
    propositions: tuple[Proposition, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written, its value, unit and bounds.

    ``value`` is None for vague amounts ("dozens"); ``value_max`` is set for ranges.
    ``si_value``/``si_unit`` are normalised with pint (km, km2, day, percent, count, ...);
    money keeps its ISO currency code in ``currency`` and ``si_unit``.
    ``counted`` is the noun counted ("settlements", "drones").
    """

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    si_value: float | None = None
    si_unit: str | None = None
    qualifier: Qualifier = "exact"
    value_max: float | None = None
    counted: str | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """What a claimed figure measures, whose it is, where and when (``data/measures_en.json`` lists the concepts).

    ``concept`` is a measure of the vocabulary ("troops", "killed", "aid", "poll_share"); ``kind`` says
    how it moves in time (``stock``, ``cumulative``, ``event``, ``slow``). ``whose`` is the side the
    figure belongs to (an ISO country code such as ``RU``, or an organisation such as ``NATO``): the
    army that has the troops, the side of the dead, the donor of the aid, the population polled;
    ``whose_start``/``whose_end`` is the mention it was read from (None when it was inferred from the
    rest of the article). ``place`` is a resolved place the figure is about, ``when`` the date it refers
    to, ``since`` the start of a running total ("since February 2022"), ``scope`` what it counts within
    ("war" for the whole war, else the event noun: "strike"), ``stance`` a poll answer, ``increment``
    whether the figure is an addition ("an extra $25m", "7,000 more troops") rather than a level or total.
    """

    concept: str
    kind: str
    unit_kind: str
    whose: str | None = None
    whose_text: str | None = None
    whose_start: int | None = None
    whose_end: int | None = None
    place: str | None = None
    place_country: str | None = None
    when: str | None = None
    since: str | None = None
    scope: str | None = None
    stance: str | None = None
    increment: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantity stated by someone (or by the reporter), with the clause, its status and its frame."""

    quantity: Quantity
    status: ClaimStatus
    source: Speaker | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    cue: str | None = None
    frame: Frame | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place name resolved to a gazetteer entry and a point."""

    start: int
    end: int
    text: str
    name: str | None = None
    country_code: str | None = None
    feature: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    admin1: str | None = None
    metonym: bool = False


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression resolved to ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``reason`` says why not."""

    start: int
    end: int
    text: str
    value: str | None
    relative: bool = False
    reason: str | None = None


EventType = Literal["battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
                    "strategic_developments"]


@dataclass(frozen=True, slots=True)
class EventParty:
    """Who did it, or whom it was done to: a side ("Russian forces"), "civilians", or a named group.

    ``start``/``end``/``text`` is the phrase in the article that names the party (None when the party
    was inferred, e.g. the other side of a battle); ``country_code`` is the side's state.
    """

    name: str
    start: int | None = None
    end: int | None = None
    text: str | None = None
    kind: str = "side"
    country_code: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, in ACLED's types and sub-types (``docs/events.md``).

    ``start``/``end``/``text`` is the evidence: the most informative sentence reporting the event;
    ``mentions`` holds the spans of every sentence that reports it. ``place`` is the most specific
    place of the event with ``geo_precision`` (ACLED's 1 town, 2 near a town or part of a region,
    3 region or larger); ``date`` is when it happened with ``time_precision`` (1 day, 2 week,
    3 month or longer). ``fatalities`` is the death toll when a figure is linked, and
    ``fatalities_claim`` that figure with its qualifier and source; ``figures`` are the other figures
    of the event (wounded, drones launched). ``status`` and ``source`` say who reports it, as for claims.
    ``weapons`` are the kinds of weapon its reports name ("drone", "aircraft", "missile", "artillery").
    """

    type: EventType
    subtype: str | None
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int
    actor: EventParty | None = None
    target: EventParty | None = None
    place: Place | None = None
    geo_precision: int | None = None
    date: str | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    fatalities_claim: Claim | None = None
    figures: tuple[Claim, ...] = ()
    status: ClaimStatus = "asserted"
    source: Speaker | None = None
    mentions: tuple[tuple[int, int], ...] = ()
    weapons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    """Something an extractor skipped inside an article, with a reason ("unbalanced quotation mark")."""

    extractor: str
    reason: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input article: ``ok``, ``skipped`` (with a reason) or ``failed``."""

    article_id: str
    status: OutcomeStatus
    reason: str | None = None
    origin: str | None = None
    warnings: int = 0  # extractors that failed on this article; their records are dropped, the rest kept


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything sayso extracted from one article."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRef, ...] = ()
    notes: tuple[Note, ...] = field(default=())
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``../shared/eval/FORMAT.md`` plus the article's metadata."""
        art = self.article
        return {
            "id": art.id,
            "title": art.title,
            "url": art.url,
            "published": art.published.isoformat() if art.published else None,
            "source": art.source,
            "language": art.language,
            "text": art.text,
            "quotes": [to_dict(q) for q in self.quotes],
            "claims": [to_dict(c) for c in self.claims],
            "places": [to_dict(p) for p in self.places],
            "dates": [to_dict(d) for d in self.dates],
            "events": [to_dict(e) for e in self.events],
            "notes": [to_dict(n) for n in self.notes],
        }


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple of them) into plain JSON-ready data; dates become ISO strings."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(r) for r in record]
    if isinstance(record, (dt.date, dt.datetime)):
        return record.isoformat()
    return record


def from_dict(cls: type, data: dict[str, Any] | None) -> Any:
    """Rebuild a record of type ``cls`` from ``to_dict`` output (nested records included)."""
    if data is None:
        return None
    nested = {"speaker": Speaker, "source": Speaker, "quantity": Quantity, "frame": Frame}
    listed: dict[str, type | None] = {"propositions": Proposition, "objects": None}  # tuples (of records)
    kwargs = {}
    names = {f.name for f in dataclasses.fields(cls)}
    for key, value in data.items():
        if key not in names:
            continue
        if key in nested and isinstance(value, dict):
            value = from_dict(nested[key], value)
        if key in listed and isinstance(value, list):
            value = tuple(from_dict(listed[key], v) if listed[key] and isinstance(v, dict) else v for v in value)
        if key == "published" and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        kwargs[key] = value
    return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class Result:
    """One input's outcome in a batch, with its analysis when the outcome is ``ok``."""

    outcome: Outcome
    analysis: Analysis | None = None
