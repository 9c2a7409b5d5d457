"""The document being analysed: text, metadata, the spaCy parse and every annotation.

Components read and extend one ``Document``; ``to_record`` freezes it into the public
``Record``. Offsets live once, on ``text``; annotations carry ``start``/``end`` into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsgraph.kinds import KINDS
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

    ``text`` is what is analysed (after HTML extraction); only components that run before
    the NLP backbone may replace it (the cleaner), recording what they removed as ``noise``.
    ``clean`` is False when the caller asked for verbatim analysis.
    ``ran`` lists the components that ran on it, ``notes`` those the pipeline skipped and why.
    ``extras`` is scratch space components use to hand intermediate results on
    (for example the entity id of each spaCy entity span); it is not serialised.
    """

    id: str
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
        """The public record: each kind's items in its order (``kinds.KINDS``), copied."""
        annotations = {}
        for kind in KINDS:
            value = getattr(self, kind.field)
            if kind.sort_key is not None:
                value = sorted(value, key=kind.sort_key)
            elif kind.many:
                value = list(value)
            annotations[kind.field] = value
        return Record(id=self.id, text=self.text, metadata=self.metadata, pipeline=list(self.ran), **annotations)
