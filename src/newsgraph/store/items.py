"""What workers hand the writer (kept free of heavy imports: workers load it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Analysed:
    """One analysed document: its id, the record JSON and the MinHash of its text."""

    id: str
    record_json: bytes
    minhash: list[int] | None = None
