"""``Document.entity_at`` for the events component, answered from an index of the mentions.

Resolving actors asks for the entity at a token a dozen times or more per article;
``Document.entity_at`` reads every mention of every entity each time. ``coding(doc)`` indexes
the mentions once (sorted by start) for as long as the component codes ``doc``, and
``entity_at(doc, start, end)`` then looks only at the mentions that can overlap the range,
with the same answer: the longest overlap, the first entity and mention in the record's
order on a tie. Outside ``coding`` (or for another document) it is ``doc.entity_at``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from threading import local

from newsgraph.pipeline.document import Document
from newsgraph.record import Entity


class MentionIndex:
    """Every mention of ``entities``, sorted by start, with its rank in reading order."""

    def __init__(self, entities: list[Entity]):
        rows = sorted(
            (mention.start, rank, mention.end, entity)
            for rank, (entity, mention) in enumerate((e, m) for e in entities for m in e.mentions)
        )
        self.starts = [row[0] for row in rows]
        self.rows = rows
        self.longest = max((row[2] - row[0] for row in rows), default=0)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """What ``Document.entity_at(start, end)`` gives."""
        # A mention overlaps [start, end) only if it starts before ``end`` and ends after
        # ``start``, so it starts after ``start - longest``.
        lo = bisect_right(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        best, best_overlap, best_rank = None, 0, 0
        for m_start, rank, m_end, entity in self.rows[lo:hi]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap or (overlap == best_overlap and best is not None and rank < best_rank):
                best, best_overlap, best_rank = entity, overlap, rank
        return best


_current = local()


@contextmanager
def coding(doc: Document) -> Iterator[None]:
    """Index ``doc``'s mentions while the block codes it (this thread only)."""
    before = getattr(_current, "value", None)
    _current.value = (doc, MentionIndex(doc.entities))
    try:
        yield
    finally:
        _current.value = before


def entity_at(doc: Document, start: int, end: int) -> Entity | None:
    """``doc.entity_at(start, end)``, from the index while ``coding(doc)``."""
    current = getattr(_current, "value", None)
    if current is None or current[0] is not doc:
        return doc.entity_at(start, end)
    return current[1].entity_at(start, end)
