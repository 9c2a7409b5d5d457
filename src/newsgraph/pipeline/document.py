"""The document being analysed: text, metadata, the spaCy parse and every annotation.

Components read and extend one ``Document``; ``to_record`` freezes it into the public
``Record``. Offsets live once, on ``text``; annotations carry ``start``/``end`` into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsgraph.record import (
    DateExpr,
    Entity,
    Event,
    Metadata,
    Noise,
    Note,
    Place,
    Quantity,
    Quote,
    Record,
    Relation,
    Tone,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Document:
    """Mutable analysis state for one article.

    ``raw`` is the text as received (after HTML extraction); ``text`` is what is analysed.
    Only components that run before the NLP backbone may replace ``text``.
    ``clean`` is False when the caller asked for verbatim analysis.
    ``ran`` lists the components that ran on it, ``notes`` those the pipeline skipped and why.
    ``extras`` is scratch space components use to hand intermediate results on
    (for example the entity id of each spaCy entity span); it is not serialised.
    """

    id: str
    raw: str
    text: str
    metadata: Metadata
    clean: bool = True
    source: str | None = None
    spacy: Doc | None = None
    noise: list[Noise] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    tone: Tone | None = None
    ran: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)

    def entity_by_id(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)``, longest overlap first."""
        best, best_overlap = None, 0
        for entity in self.entities:
            for mention in entity.mentions:
                overlap = min(end, mention.end) - max(start, mention.start)
                if overlap > best_overlap:
                    best, best_overlap = entity, overlap
        return best

    def noise_at(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> Noise | None:
        """The noise still in the text (a caption, credit, dateline...) overlapping
        ``[start, end)``, optionally limited to ``kinds``; None when it is article body."""
        for noise in self.noise:
            if noise.start is None or noise.end is None:
                continue
            if kinds is not None and noise.kind not in kinds:
                continue
            if noise.start < end and start < noise.end:
                return noise
        return None

    def to_record(self) -> Record:
        return Record(
            id=self.id,
            text=self.text,
            metadata=self.metadata,
            noise=sorted(self.noise, key=_noise_key),
            entities=self.entities,
            quotes=sorted(self.quotes, key=lambda q: (q.start, q.end)),
            quantities=sorted(self.quantities, key=lambda q: (q.start, q.end)),
            dates=sorted(self.dates, key=lambda d: (d.start, d.end)),
            places=self.places,
            events=sorted(self.events, key=lambda e: (e.trigger.start, e.type)),
            relations=self.relations,
            pipeline=list(self.ran),
            tone=self.tone,
            notes=list(self.notes),
        )


def _noise_key(noise: Noise) -> tuple[int, int]:
    start = noise.start if noise.start is not None else -1
    raw = noise.raw_start if noise.raw_start is not None else -1
    return (start, raw)
