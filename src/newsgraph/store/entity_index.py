"""The entity index: what an entity's page reads, one row per linked entity row, so the
page costs what the entity has, not what the store holds (store schema 9).

``entity_docs`` holds one row per ``entity_links`` row: the graph entity (``gid``, and
``gkey``, an integer hash of it that a scan filters on cheaply), the article (``doc_id``
and its integer ``doc_no``, its ``published`` date), the row's link ``confidence`` and
``evidence``, its ``n_mentions``, its ``roles`` (NULL when it holds none), its number of
mention spans (``n_spans``) and of quotes it speaks (``n_quotes``). The spans and quotes
themselves are read from ``mentions`` and ``quotes`` by article (indexed on ``doc_id``), for
the page's articles only.
``entity_keys`` holds every lookup key of every graph entity (``graph_entities.keys``),
with an integer hash ``kkey``, so a name is found without reading every entity's keys.

The join step (``corpus.build``) calls ``refresh`` with the link rows it wrote and the
graph entities it computed again, in its transaction; a full rebuild empties both tables
first (they are join state, ``schema.JOIN_STATE_TABLES``). Migration 9 fills them for a
store built before (``backfill``). The hashes are MD5's low 64 bits (``md5_number_lower``):
fixed, unlike DuckDB's ``hash``, so they stay valid across DuckDB versions.
"""

from __future__ import annotations

import pyarrow as pa

# An integer key for a string (a gid, a lookup key): filtered on by scans and point lookups.
HASH = "md5_number_lower({})"

_ROWS_SQL = """
INSERT INTO entity_docs
SELECT md5_number_lower(l.gid), l.gid, d.doc_no, l.doc_id, l.entity_id, d.published, l.confidence, l.evidence,
       e.n_mentions, CASE WHEN e.roles <> '[]' THEN e.roles END, coalesce(m.n, 0), coalesce(q.n, 0)
FROM entity_links l {only}
JOIN entities e ON e.doc_id = l.doc_id AND e.entity_id = l.entity_id
JOIN documents d ON d.id = l.doc_id
LEFT JOIN (SELECT m.doc_id, m.entity_id, count(*) AS n FROM mentions m {only_m} GROUP BY ALL) m
       ON m.doc_id = l.doc_id AND m.entity_id = l.entity_id
LEFT JOIN (SELECT q.doc_id, q.speaker_entity AS entity_id, count(*) AS n FROM quotes q {only_q}
           WHERE q.speaker_entity IS NOT NULL GROUP BY ALL) q ON q.doc_id = l.doc_id AND q.entity_id = l.entity_id
ORDER BY d.doc_no, l.entity_id
"""

_KEYS_SQL = """
INSERT INTO entity_keys
SELECT md5_number_lower(k.key), k.key, k.gid FROM (SELECT gid, unnest(keys) AS key FROM graph_entities g {only}) k
"""


def refresh(store, rows: list[dict], gids: set[str]) -> None:
    """Bring the index up to date after a build wrote the links of ``rows`` (dicts with
    ``doc_id`` and ``entity_id``) and computed the graph entities ``gids`` again (their keys
    may have changed, or they may be gone). Runs in the caller's transaction."""
    con = store.con
    if rows:
        _register(con, "_ix_rows", {"doc_id": [r["doc_id"] for r in rows], "entity_id": [r["entity_id"] for r in rows]})
        try:
            con.execute("DELETE FROM entity_docs USING _ix_rows r "
                        "WHERE entity_docs.doc_id = r.doc_id AND entity_docs.entity_id = r.entity_id")
            con.execute("CREATE OR REPLACE TEMP TABLE _ix_docs AS SELECT DISTINCT doc_id FROM _ix_rows")
            con.execute(_ROWS_SQL.format(
                only="JOIN _ix_rows r ON r.doc_id = l.doc_id AND r.entity_id = l.entity_id",
                only_m="JOIN _ix_docs USING (doc_id)", only_q="JOIN _ix_docs USING (doc_id)"))  # fmt: skip
        finally:
            con.execute("DROP TABLE IF EXISTS _ix_docs")
            con.unregister("_ix_rows")
    if gids:
        _register(con, "_ix_gids", {"gid": sorted(gids)})
        try:
            con.execute("DELETE FROM entity_keys WHERE gid IN (SELECT gid FROM _ix_gids)")
            con.execute(_KEYS_SQL.format(only="JOIN _ix_gids USING (gid)"))
        finally:
            con.unregister("_ix_gids")


def backfill(con) -> None:
    """Index every link and graph entity of a store built before schema 9 (migration 9's
    work, in its transaction)."""
    con.execute("DELETE FROM entity_docs")
    con.execute("DELETE FROM entity_keys")
    con.execute(_ROWS_SQL.format(only="", only_m="", only_q=""))
    con.execute(_KEYS_SQL.format(only=""))


def _register(con, name: str, columns: dict[str, list]) -> None:
    con.register(name, pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()}))
