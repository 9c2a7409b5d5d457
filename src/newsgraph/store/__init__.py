"""The store: an embedded DuckDB file (``newsgraph.duckdb`` by default), one writer,
a versioned schema, and exports (Parquet, JSONL, GDELT GKG 2.1).

Names are imported lazily so worker processes that only need ``Analysed`` do not load
DuckDB."""

from newsgraph.store.items import DEFAULT_DB, Analysed


def __getattr__(name: str):
    if name in ("Store", "WriteResult"):
        from newsgraph.store import db

        return getattr(db, name)
    raise AttributeError(name)


__all__ = ["DEFAULT_DB", "Analysed", "Store", "WriteResult"]
