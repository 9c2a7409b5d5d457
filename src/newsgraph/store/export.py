"""Exports: Parquet (one file per table), JSONL (one record per line), GDELT GKG 2.1 TSV.

All three stream from DuckDB in chunks, so memory stays bounded whatever the store size.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.store.db import Store
from newsgraph.store.schema import CLAIM_TABLES, CORPUS_TABLES, DOC_TABLES

FORMATS = ("parquet", "jsonl", "gkg")
_CHUNK = 500


def export(store: Store, fmt: str, output: str) -> dict:
    """Write the store to ``output`` in ``fmt``; returns ``{"format", "output", "rows"}``."""
    if fmt == "parquet":
        rows = export_parquet(store, output)
    elif fmt == "jsonl":
        rows = export_jsonl(store, output)
    elif fmt == "gkg":
        from newsgraph.store.gkg import export_gkg

        return {"format": fmt, "output": output, **export_gkg(store, output)}
    else:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, found {fmt!r}")
    return {"format": fmt, "output": output, "rows": rows}


def export_parquet(store: Store, folder: str) -> dict[str, int]:
    """One Parquet file per table in ``folder`` (the cross-article ones as last built);
    returns rows per table."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in ("documents", *DOC_TABLES, "errors", *CORPUS_TABLES, *CLAIM_TABLES):
        target = str(out / f"{table}.parquet").replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT parquet)")
        counts[table] = store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    return counts


def iter_records(store: Store):
    """Every stored record's JSON text, in id order, fetched in chunks."""
    cursor = store.con.execute("SELECT record FROM documents ORDER BY id")
    while chunk := cursor.fetchmany(_CHUNK):
        for (record,) in chunk:
            yield record


def export_jsonl(store: Store, path: str) -> int:
    """The full records, one JSON object a line (the ``analyze`` output format)."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for record in iter_records(store):
            fh.write(record + "\n")
            n += 1
    return n


def claims_path(path: str) -> str:
    """Where ``export --format jsonl -o PATH`` writes the claims: ``records.jsonl`` ->
    ``records.claims.jsonl`` (the records file keeps records only)."""
    p = Path(path)
    return str(p.with_name(p.name.removesuffix(".jsonl") + ".claims.jsonl"))


def write_jsonl(rows, path: str) -> int:
    """Write ``rows`` (JSON-able dicts) one a line to ``path``; returns how many."""
    import json

    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n
