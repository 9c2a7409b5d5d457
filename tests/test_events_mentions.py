"""The events component's mention index answers as ``Document.entity_at`` does."""

import random

from newsgraph.pipeline.components.events.mentions import MentionIndex, coding, entity_at
from newsgraph.pipeline.document import Document
from newsgraph.record import Entity, Metadata, Span


def _entities(rng: random.Random, count: int) -> list[Entity]:
    entities = []
    for n in range(count):
        spans = []
        for _ in range(rng.randint(1, 4)):
            start = rng.randint(0, 200)
            spans.append(Span(start=start, end=start + rng.randint(0, 25)))
        entities.append(Entity(id=f"e{n}", type="ORG", name=f"Name {n}", mentions=spans))
    return entities


def test_index_gives_entity_at_on_random_mentions():
    rng = random.Random(7)
    for _ in range(60):
        doc = Document(id="d", text="x" * 260, metadata=Metadata(), entities=_entities(rng, rng.randint(0, 12)))
        index = MentionIndex(doc.entities)
        for _ in range(80):
            start = rng.randint(0, 240)
            end = start + rng.randint(0, 20)
            assert index.entity_at(start, end) is doc.entity_at(start, end), (start, end)


def test_ties_go_to_the_first_entity_in_reading_order():
    # Both overlap [10, 14) by 4 characters; the second starts earlier.
    first = Entity(id="e1", type="ORG", name="A", mentions=[Span(start=10, end=20)])
    second = Entity(id="e2", type="ORG", name="B", mentions=[Span(start=5, end=14)])
    doc = Document(id="d", text="x" * 30, metadata=Metadata(), entities=[first, second])
    assert MentionIndex(doc.entities).entity_at(10, 14) is first
    assert MentionIndex(list(reversed(doc.entities))).entity_at(10, 14) is second


def test_entity_at_uses_the_index_only_for_the_document_being_coded():
    entity = Entity(id="e1", type="ORG", name="A", mentions=[Span(start=0, end=3)])
    doc = Document(id="d", text="abc def", metadata=Metadata(), entities=[entity])
    other = Document(id="o", text="abc def", metadata=Metadata(), entities=[])
    with coding(doc):
        assert entity_at(doc, 0, 2) is entity
        assert entity_at(other, 0, 2) is None  # not indexed: its own (empty) mentions
    assert entity_at(doc, 0, 2) is entity
