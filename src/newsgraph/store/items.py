"""What workers hand the writer, and where the store lives by default (kept free of heavy
imports: workers and the CLI load it without DuckDB)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DB = "newsgraph.duckdb"


@dataclass(frozen=True, slots=True)
class Analysed:
    """One analysed document: its id, the record JSON and the MinHash of its text."""

    id: str
    record_json: bytes
    minhash: list[int] | None = None
