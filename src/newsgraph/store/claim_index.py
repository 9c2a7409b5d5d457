"""The claims list's pages: each claim as the list gives it, in one row (store schema 10).

The list of claims gives each claim's fields and its first ``SHOWN`` statements in date
order (``corpus.claims_queries``). Read from ``claims`` and ``claim_sources``, a page of 100
much-reported claims costs a scan of every statement stored (their ids are strings, and a
claim's statements are found by comparing every row's id; at 100k articles 580k rows, 180
ms CPU). ``claim_pages`` keeps, per claim, an integer hash of its id (``ckey``, which a scan
filters on cheaply), its number of statements (``n_sources``), its fields (``claim``: a JSON
array in the order of ``CLAIM_COLS``) and its first ``SHOWN`` statements (``sources``: a JSON
array of arrays in the order of ``SOURCE_COLS``; by date, article, offset, statement), so a
page reads one short row per claim.

The claims build (``corpus.claims_build``) rewrites a claim by deleting its rows and writing
them again; it calls ``refresh`` with the ids it deleted and wrote, in its transaction. A full
rebuild empties the table first (join state, ``schema.JOIN_STATE_TABLES``). Migration 10
fills it for a store built before (``backfill``). The JSON keeps every value: DuckDB writes
doubles in their shortest round-tripping form.
"""

from __future__ import annotations

import pyarrow as pa

# How many statements a page row keeps per claim: the list's default (``--sources``); a
# list asking for more reads ``claim_sources``.
SHOWN = 20

# The claim's fields a row keeps, and each statement's (in ``claim_sources``' names).
CLAIM_COLS = ("claim_id", "kind", "summary", "entities", "n_docs", "independent_sources", "contested",
              "speaker_differs", "first_doc", "first_published", "object", "unit")  # fmt: skip
SOURCE_COLS = ("claim_id", "doc_id", "idx", "start", "end", "text", "origin_id", "speaker", "attribution", "published",
               "value", "low", "high", "approx", "similarity", "first", "sentence_start", "sentence_end")  # fmt: skip
# A claim's statements in the order the list and one claim give them (total: a statement
# is an article's ``idx``-th of the claim's kind).
SOURCE_ORDER = "published NULLS LAST, doc_id, start, idx"


def _columns(alias: str, cols) -> str:
    return ", ".join(f'{alias}."{c}"' for c in cols)


# A claim's count and its first ``shown`` statements: one grouping and a slice of the
# ordered list (two windows per statement cost more than the rest of a small refresh).
_PAGES_SQL = f"""
INSERT INTO claim_pages
SELECT md5_number_lower(c.claim_id), c.claim_id, c.kind, s.n, json_array({_columns("c", CLAIM_COLS)}), s.sources
FROM claims c {{only_c}}
JOIN (
    SELECT s.claim_id, count(*) AS n,
           '[' || array_to_string(list_slice(list(json_array({_columns("s", SOURCE_COLS[1:])})
                                                  ORDER BY {SOURCE_ORDER}), 1, {{shown}}), ',') || ']' AS sources
    FROM claim_sources s {{only_s}}
    GROUP BY s.claim_id) s ON s.claim_id = c.claim_id
"""


def refresh(con, claim_ids) -> None:
    """Write again the page rows of the claims ``claim_ids`` (ids the build deleted or
    wrote: a deleted claim's row goes, a written one's is computed from its rows now).
    Runs in the caller's transaction."""
    ids = sorted(set(claim_ids))
    if not ids:
        return
    con.register("_cp_ids", pa.table({"claim_id": pa.array(ids, pa.string())}))
    try:
        con.execute("DELETE FROM claim_pages WHERE claim_id IN (SELECT claim_id FROM _cp_ids)")
        con.execute(_PAGES_SQL.format(only_c="SEMI JOIN _cp_ids i ON i.claim_id = c.claim_id",
                                      only_s="SEMI JOIN _cp_ids i ON i.claim_id = s.claim_id", shown=SHOWN))  # fmt: skip
    finally:
        con.unregister("_cp_ids")


def refresh_kind(con, kind: str) -> None:
    """Write again the page rows of every claim of ``kind`` (the build rewrote them all)."""
    con.execute("DELETE FROM claim_pages WHERE kind = ?", [kind])
    refresh(con, [r[0] for r in con.execute("SELECT claim_id FROM claims WHERE kind = ?", [kind]).fetchall()])


def backfill(con) -> None:
    """Fill the page rows of every claim of a store built before schema 10 (migration 10's
    work, in its transaction)."""
    con.execute("DELETE FROM claim_pages")
    con.execute(_PAGES_SQL.format(only_c="", only_s="", shown=SHOWN))
