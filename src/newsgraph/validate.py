"""The contract every record must keep, checked before a record leaves the pipeline: its
fields have their declared types, each ``start``/``end`` indexes ``record.text`` and covers
exactly what the annotation claims, and every entity id it refers to is one of its
entities."""

from __future__ import annotations

import re
from collections.abc import Iterator

import msgspec

from newsgraph.kinds import KINDS
from newsgraph.record import Record


def spans(record: Record) -> Iterator[tuple[str, int, int, str | None]]:
    """Every span in ``record`` as ``(where, start, end, claimed)``; ``claimed`` is the
    exact text the span must cover, or None when the annotation does not state it.
    Each kind says where its spans are (``kinds.KINDS``)."""
    for kind in KINDS:
        if kind.spans is not None:
            yield from kind.spans(record)


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
    for kind in KINDS:
        if kind.references is not None:
            yield from kind.references(record)


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
