"""The article record: the contract every part of newsgraph shares.

One record per article. Every offset is a Python ``str`` index into ``Record.text``.
Field names are a public contract read by other tools (see docs/record.md): fields may be
added, never renamed or dropped. The JSON Schema in ``schema/record.schema.json`` is
generated from these structs by ``newsgraph schema`` and checked by the tests.
"""

from __future__ import annotations

from typing import Literal

import msgspec

# The record's schema (``Record.schema_version``); the store's tables have their own,
# ``store.schema.STORE_SCHEMA_VERSION`` (its latest migration).
RECORD_SCHEMA_VERSION = "1.5"  # 1.1 added `tone`, 1.2 `notes`, 1.3 `quotes[].attribution`, `dates[].duration|freq|quant`, `events[].source|target.code`, a title for plain text, 1.4 `quotes[].cue_confidence`, 1.5 `quotes[].withheld`; fields are only ever added
SCHEMA_VERSION = RECORD_SCHEMA_VERSION  # the old name, kept for code that imports it


class Struct(msgspec.Struct, kw_only=True, omit_defaults=False):
    """Base for every record type: keyword-only, JSON field names as written."""


class Span(Struct, frozen=True):
    """A half-open character range ``[start, end)`` into the record's text."""

    start: int
    end: int


class Caption(Struct, frozen=True):
    """A photo caption or credit cut from the article body, with its own date."""

    text: str
    date: str | None = None
    credit: str | None = None


class Metadata(Struct):
    title: str | None = None
    published: str | None = None
    published_source: str | None = None  # caller, html, dateline, or None
    dateline: str | None = None
    byline: str | None = None
    url: str | None = None
    language: str | None = None
    source: str | None = None
    captions: list[Caption] = msgspec.field(default_factory=list)


class Noise(Struct, frozen=True):
    """Scrape noise. ``start``/``end`` index ``text`` when the noise is still in it, or
    are null once removed; ``raw_start``/``raw_end`` always index the input as received."""

    kind: str
    text: str
    start: int | None
    end: int | None
    suggestion: str | None = None
    raw_start: int | None = None
    raw_end: int | None = None
    component: str | None = None


class Role(Struct, frozen=True):
    """An office held: ``title`` of ``of`` (an entity id when known, else a name)."""

    title: str
    of: str | None = None
    evidence: Span | None = None


class Entity(Struct):
    id: str
    type: str
    name: str
    mentions: list[Span]
    kb: dict[str, str | int] = msgspec.field(default_factory=dict)
    roles: list[Role] = msgspec.field(default_factory=list)
    aliases: list[str] = msgspec.field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-2 the entity belongs to (demonyms, cities)
    component: str | None = None


class Speaker(Struct, frozen=True):
    entity: str | None
    name: str | None
    start: int | None
    end: int | None


class Quote(Struct, frozen=True):
    start: int
    end: int
    kind: Literal["direct", "partial", "indirect"]
    speaker: Speaker | None
    cue: Span | None
    component: str | None = None
    # The attribution the quote belongs to ("a1", "a2", ... per record): the pieces of a
    # quote split around its cue, and the partial quote inside reported speech, share one.
    attribution: str | None = None
    # The cue model's probability that ``cue`` is a cue, when the model found it (a belief,
    # an intention, a noun, a verb outside the lexicon of reporting verbs); null when the
    # lexicon or the quote marks gave the cue. Read docs/quotes.md for what it is worth.
    cue_confidence: float | None = None
    # True when the speaker declined or failed to say it ("refused to comment on the
    # reports", "did not say whether he would stand"): the content names what was not said.
    withheld: bool = False


class Quantity(Struct, frozen=True):
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: bool = False
    unit: str | None = None
    object: str | None = None
    object_span: Span | None = None
    dimension: str | None = None  # count, currency, percent, length, mass, time, ...
    component: str | None = None


class DateExpr(Struct, frozen=True):
    start: int
    end: int
    value: str | None
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    reason: str | None = None  # why ``value`` is null, when it is
    caption: bool = False  # the expression lies in a photo caption or credit
    component: str | None = None
    # The measure inside an anchored expression ("a month earlier": P1M) or the length of a
    # split year ("1998-99": P1Y); null otherwise.
    duration: str | None = None
    # TIMEX3's attributes of a SET: how often in each period ("twice a week": "2X") and
    # its quantifier ("every Tuesday": "EVERY"); null otherwise.
    freq: str | None = None
    quant: str | None = None


class Place(Struct, frozen=True):
    entity: str | None
    name: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    country: str | None
    feature: str | None
    mentions: list[Span]
    confidence: float | None = None
    resolved: bool = True
    admin1: str | None = None  # GeoNames admin1 code of the resolved place ("05")
    focus: bool = False  # the story is about this place, not only mentioning it
    source: str | None = None  # how the toponym was found: "ner" or "gazetteer"
    component: str | None = None


class Actor(Struct, frozen=True):
    entity: str | None
    name: str | None
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # CAMEO actor code from the Phoenix dictionaries on the article's date ("GBRGOV")


class Event(Struct, frozen=True):
    type: str
    mode: str | None
    source: Actor | None
    target: Actor | None
    trigger: Span
    date: str | None = None
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    reported: bool = False
    sentence: Span | None = None
    cameo: str | None = None  # the CAMEO code, where the trigger maps one-to-one
    conditional: bool = False  # stated under a condition ("if ..."); implies hypothetical
    action: str | None = None  # for intents (AGREE, THREATEN) and refusals (REJECT): the act
    component: str | None = None
    confidence: float | None = None  # calibrated probability that the type is right (docs/events.md)


class ToneWord(Struct, frozen=True):
    """A word that carried tone: ``text[start:end] == text``; ``valence`` as counted
    (the lexicon's, -4..+4, scaled and flipped when ``negated``)."""

    start: int
    end: int
    text: str
    valence: float
    negated: bool = False


class Tone(Struct, frozen=True):
    """The article's tone, GDELT GKG V1.5TONE style: percentages of its ``word_count``
    words. ``tone`` = ``positive`` - ``negative``; ``polarity`` = ``positive`` +
    ``negative``; ``words`` are the evidence (see docs/tone.md)."""

    tone: float
    positive: float
    negative: float
    polarity: float
    activity_density: float
    self_group_density: float
    word_count: int
    words: list[ToneWord] = msgspec.field(default_factory=list)
    component: str | None = None


class Relation(Struct, frozen=True):
    type: str
    subject: str
    object: str
    evidence: Span
    component: str | None = None


class Note(Struct, frozen=True):
    """Something the reader of a record should know about how it was made. ``kind``
    ``skipped``: ``component`` did not run on this article, for ``reason`` (it handles
    English only and the article is in another language, or it needs what a skipped
    component would have produced)."""

    kind: Literal["skipped"]
    component: str
    reason: str


class Record(Struct):
    """One analysed article."""

    id: str
    text: str
    metadata: Metadata
    noise: list[Noise] = msgspec.field(default_factory=list)
    entities: list[Entity] = msgspec.field(default_factory=list)
    quotes: list[Quote] = msgspec.field(default_factory=list)
    quantities: list[Quantity] = msgspec.field(default_factory=list)
    dates: list[DateExpr] = msgspec.field(default_factory=list)
    places: list[Place] = msgspec.field(default_factory=list)
    events: list[Event] = msgspec.field(default_factory=list)
    relations: list[Relation] = msgspec.field(default_factory=list)
    schema_version: str = RECORD_SCHEMA_VERSION
    pipeline: list[str] = msgspec.field(default_factory=list)  # components that ran
    tone: Tone | None = None  # null when the tone component did not run
    notes: list[Note] = msgspec.field(default_factory=list)  # e.g. components skipped, and why


_encoder = msgspec.json.Encoder()


def to_json(record: Record) -> bytes:
    """Encode a record as compact UTF-8 JSON."""
    return _encoder.encode(record)


def to_dict(record: Record) -> dict:
    """The record as plain Python builtins (dicts, lists, str, numbers)."""
    return msgspec.to_builtins(record)


def from_json(data: bytes | str) -> Record:
    """Decode and validate a record from JSON."""
    return msgspec.json.decode(data, type=Record)


def json_schema() -> dict:
    """The record's JSON Schema (draft 2020-12), generated from the structs above."""
    schema = msgspec.json.schema(Record)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsgraph article record"
    return schema
