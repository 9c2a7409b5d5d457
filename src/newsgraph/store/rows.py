"""Flatten one record (as plain JSON builtins) into rows for each store table.

Rows are built with ``dict.get`` so a record written by an older or newer pipeline (a
missing or an added field) still flattens; the full record JSON is kept on the document
row, so nothing the typed columns do not cover is lost.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from newsgraph.kinds import KINDS

try:
    PACKAGE_VERSION = version("newsgraph")
except PackageNotFoundError:  # running from a source tree that is not installed
    PACKAGE_VERSION = "0+unknown"


def flatten(record: dict[str, Any], record_json: str, minhash: list[int] | None = None) -> dict[str, list[dict]]:
    """Rows per table for one record: ``{"documents": [row], "entities": [...], ...}``.

    ``record`` is the record as builtins, ``record_json`` its JSON text (stored verbatim),
    ``minhash`` the document's MinHash signature when the worker computed one. Each kind's
    rows are built by its own row builder (``kinds.KINDS``).
    """
    doc_id = record["id"]
    text = record.get("text") or ""
    meta = record.get("metadata") or {}
    document = {
        "id": doc_id,
        "title": meta.get("title"),
        "published": meta.get("published"),
        "url": meta.get("url"),
        "source": meta.get("source"),
        "dateline": meta.get("dateline"),
        "byline": meta.get("byline"),
        "language": meta.get("language"),
        "text": text,
        "n_chars": len(text),
    }
    for kind in KINDS:
        if kind.document_columns is not None:
            document.update(kind.document_columns(record.get(kind.field)))
    document.update(
        schema_version=record.get("schema_version"),
        pipeline=list(record.get("pipeline") or []),
        record=record_json,
    )
    rows: dict[str, list[dict]] = {"documents": [document]}
    for kind in KINDS:
        if kind.rows is not None:
            value = record.get(kind.field)
            rows.update(kind.rows(doc_id, (value or []) if kind.many else value, text))
    # the article list's counts (store schema 5), one per row of each table
    document.update(n_entities=len(rows.get("entities", [])), n_quotes=len(rows.get("quotes", [])),
                    n_events=len(rows.get("events", [])))  # fmt: skip
    rows["provenance"] = [_provenance(doc_id, name) for name in record.get("pipeline") or []]
    rows["doc_minhash"] = [{"doc_id": doc_id, "hashes": minhash}] if minhash else []
    return rows


def _provenance(doc_id: str, name: str) -> dict:
    """``newsgraph.quotes.v1`` -> component ``newsgraph.quotes``, version ``v1``."""
    base, _, ver = name.rpartition(".")
    if not (ver.startswith("v") and ver[1:].isdigit()):
        base, ver = name, None
    return {"doc_id": doc_id, "component": base, "version": ver, "package_version": PACKAGE_VERSION}
