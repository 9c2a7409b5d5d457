"""The reference article: its quoted passages, their kinds and their speakers.

Asserts on structure and names only; the article's quote text stays out of the repo."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.config import PipelineConfig

COMPONENTS = ("newsgraph.clean.v1", "newsgraph.spacy.v1", "newsgraph.entities.v1", "newsgraph.quotes.v1")


@pytest.fixture(scope="module")
def record(example_text):
    from newsgraph.service import analyze

    config = PipelineConfig.from_dict({"component": [{"name": n} for n in COMPONENTS]})
    return analyze(example_text, published="2022-02-24", config=config)


def _marked(record):
    """Quotes whose content sat inside quote marks (direct and partial)."""
    return [q for q in record.quotes if q.kind in ("direct", "partial")]


def test_quotes_example_five_quotes_with_their_speakers(record):
    attributed = [q for q in _marked(record) if q.speaker is not None]
    names = [q.speaker.name for q in attributed]
    assert len(attributed) == 5
    assert sum("Stoltenberg" in n for n in names) == 2
    assert sum("Nauseda" in n for n in names) == 2
    assert sum(n.lower() == "the baltic members" for n in names) == 1


def test_quotes_example_kinds(record):
    kinds = [q.kind for q in _marked(record)]
    assert kinds.count("direct") == 4
    assert kinds.count("partial") == 2  # the Baltic members' words and the two-word phrase


def test_quotes_example_two_word_partial_has_no_speaker(record):
    short = [q for q in _marked(record) if q.kind == "partial" and len(record.text[q.start : q.end].split()) == 2]
    assert len(short) == 1
    assert short[0].speaker is None


def test_quotes_example_speakers_point_at_entities(record):
    ids = {e.id for e in record.entities}
    stoltenberg = [q for q in record.quotes if q.speaker and "Stoltenberg" in q.speaker.name]
    assert stoltenberg and all(q.speaker.entity in ids for q in stoltenberg)
    group = [q for q in record.quotes if q.speaker and q.speaker.name.lower() == "the baltic members"]
    assert group and all(q.speaker.entity is None for q in group)


def test_quotes_example_pentagon_reported_speech(record):
    pentagon = [q for q in record.quotes if q.kind == "indirect" and q.speaker and q.speaker.name == "Pentagon"]
    assert len(pentagon) == 1
    assert pentagon[0].speaker.entity is not None


def test_quotes_example_nothing_from_the_caption(record):
    for q in record.quotes:
        assert not any(
            n.start is not None and n.kind in ("caption", "credit") and n.start < q.end and q.start < n.end
            for n in record.noise
        )
