"""The contract every record must keep, checked before a record leaves the pipeline: its
fields have their declared types, each ``start``/``end`` indexes ``record.text`` and covers
exactly what the annotation claims, and every entity id it refers to is one of its
entities."""

from __future__ import annotations

import re
from collections.abc import Iterator

import msgspec

from newsgraph.record import Record


def spans(record: Record) -> Iterator[tuple[str, int, int, str | None]]:
    """Every span in ``record`` as ``(where, start, end, claimed)``; ``claimed`` is the
    exact text the span must cover, or None when the annotation does not state it."""
    for i, n in enumerate(record.noise):
        if n.start is not None and n.end is not None:
            # repaired mojibake holds its repair in the text, verbatim analysis the original;
            # a byte decoded as a guess (encoding) is always the character used
            repaired = n.kind == "encoding" or (n.kind == "mojibake" and record.text[n.start : n.end] == n.suggestion)
            yield f"noise[{i}] {n.kind}", n.start, n.end, n.suggestion if repaired else n.text
    for e in record.entities:
        for j, m in enumerate(e.mentions):
            yield f"entity {e.id} mention[{j}]", m.start, m.end, None
        for j, r in enumerate(e.roles):
            if r.evidence is not None:
                yield f"entity {e.id} role[{j}]", r.evidence.start, r.evidence.end, None
    for i, q in enumerate(record.quotes):
        yield f"quote[{i}]", q.start, q.end, None
        if q.cue is not None:
            yield f"quote[{i}] cue", q.cue.start, q.cue.end, None
        s = q.speaker
        if s is not None and s.start is not None and s.end is not None:
            yield f"quote[{i}] speaker", s.start, s.end, None
    for i, q in enumerate(record.quantities):
        yield f"quantity[{i}]", q.start, q.end, None
        if q.object_span is not None:
            yield f"quantity[{i}] object", q.object_span.start, q.object_span.end, q.object
    for i, d in enumerate(record.dates):
        yield f"date[{i}]", d.start, d.end, None
    for i, p in enumerate(record.places):
        for j, m in enumerate(p.mentions):
            yield f"place[{i}] mention[{j}]", m.start, m.end, None
    for i, ev in enumerate(record.events):
        yield f"event[{i}] trigger", ev.trigger.start, ev.trigger.end, None
        if ev.sentence is not None:
            yield f"event[{i}] sentence", ev.sentence.start, ev.sentence.end, None
    for i, r in enumerate(record.relations):
        yield f"relation[{i}]", r.evidence.start, r.evidence.end, None
    for i, w in enumerate(record.tone.words if record.tone is not None else ()):
        yield f"tone word[{i}]", w.start, w.end, w.text


def span_problems(record: Record) -> list[str]:
    """Human-readable violations of the span invariants (empty when the record is sound)."""
    problems = []
    size = len(record.text)
    for where, start, end, claimed in spans(record):
        if not (0 <= start <= end <= size):
            problems.append(f"{where}: [{start}, {end}) is outside the text (length {size})")
        elif claimed is not None and record.text[start:end] != claimed:
            problems.append(f"{where}: text[{start}:{end}] is {record.text[start:end]!r}, claims {claimed!r}")
        elif start == end:
            problems.append(f"{where}: empty span at {start}")
    return problems


_ENTITY_ID = re.compile(r"e\d+")


def references(record: Record) -> Iterator[tuple[str, str | None, bool]]:
    """Every entity id ``record`` refers to, as ``(where, id, must)``: ``must`` is False where
    the field holds an entity id when one is known and a plain name otherwise (relations,
    roles, event places), so only a value shaped like an id (``e12``) is checked there."""
    for e in record.entities:
        for j, r in enumerate(e.roles):
            yield f"entity {e.id} role[{j}] of", r.of, False
    for i, q in enumerate(record.quotes):
        if q.speaker is not None:
            yield f"quote[{i}] speaker", q.speaker.entity, True
    for i, p in enumerate(record.places):
        yield f"place[{i}] entity", p.entity, True
    for i, ev in enumerate(record.events):
        for side, actor in (("source", ev.source), ("target", ev.target)):
            if actor is not None:
                yield f"event[{i}] {side}", actor.entity, True
        yield f"event[{i}] place", ev.place, False
    for i, r in enumerate(record.relations):
        yield f"relation[{i}] subject", r.subject, False
        yield f"relation[{i}] object", r.object, False


def problems(record: Record) -> list[str]:
    """Every way ``record`` breaks the contract, empty when it keeps it: field types (the
    record re-read through its schema), span invariants and references to entities the
    record does not have."""
    try:
        msgspec.json.decode(msgspec.json.encode(record), type=Record)
    except (msgspec.ValidationError, msgspec.EncodeError, TypeError) as err:  # TypeError: not encodable
        return [f"wrong type: {err}"]
    found = span_problems(record)
    ids = {e.id for e in record.entities}
    for where, ref, must in references(record):
        if ref is not None and ref not in ids and (must or _ENTITY_ID.fullmatch(ref)):
            found.append(f"{where}: refers to entity {ref!r}, which the record does not have")
    return found
