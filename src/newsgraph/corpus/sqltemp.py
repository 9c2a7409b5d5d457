"""Python rows as a DuckDB view for one block, so a join step looks up only the rows it
names (a hash join against the view) instead of reading a whole table into Python."""

from __future__ import annotations

import pyarrow as pa

from newsgraph.store.db import Store

_TYPES = {"idx": pa.int32(), "band": pa.int32(), "hash": pa.int64(), "confidence": pa.float64()}  # every other column is a string


class table:
    """Register ``rows`` (dicts with ``columns``) as DuckDB view ``name`` for a block."""

    def __init__(self, store: Store, name: str, rows: list[dict], *columns: str):
        self.con, self.name = store.con, name
        schema = pa.schema([pa.field(c, _TYPES.get(c, pa.string())) for c in columns])
        self.table = pa.Table.from_pylist(rows, schema=schema)

    def __enter__(self):
        self.con.register(self.name, self.table)
        return self

    def __exit__(self, *exc):
        self.con.unregister(self.name)


def ids(store: Store, name: str, values, column: str = "doc_id") -> table:
    """``table`` of one string column ``column`` holding ``values``."""
    return table(store, name, [{column: v} for v in values], column)
