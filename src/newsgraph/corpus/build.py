"""Rebuild the cross-article tables from the per-document ones.

``rebuild`` runs entity resolution, near-duplicate grouping and event deduplication over
the whole store and replaces ``graph_entities``, ``entity_links``, ``doc_groups``,
``event_clusters`` and ``event_reports`` in one transaction. Building is a writer's step
(the end of ``newsgraph ingest``, ``newsgraph build``, a stored ``POST /analyze``), never
a side effect of a query: queries read the tables as last built, and ``status`` tells
whether documents were added since.
"""

from __future__ import annotations

import time

from newsgraph.corpus import claims_build, dedup, events, resolve
from newsgraph.store.db import Store

_EVENTS_SQL = """
SELECT e.doc_id, e.idx, e.type, e.source_name, e.target_name, e.place, e.negated, e.date,
       d.published, ls.gid AS source_gid, lt.gid AS target_gid, g.group_id,
       coalesce(p.country, e.source_country, e.target_country) AS country,
       p.country AS place_country, e.source_country, e.target_country
FROM events e
JOIN documents d ON d.id = e.doc_id
LEFT JOIN entity_links ls ON ls.doc_id = e.doc_id AND ls.entity_id = e.source_entity
LEFT JOIN entity_links lt ON lt.doc_id = e.doc_id AND lt.entity_id = e.target_entity
LEFT JOIN doc_groups g ON g.doc_id = e.doc_id
LEFT JOIN (SELECT doc_id, name, entity_id, any_value(country) AS country FROM places GROUP BY ALL) p
       ON p.doc_id = e.doc_id AND (p.name = e.place OR p.entity_id = e.place)
"""


def rebuild(store: Store) -> dict[str, int]:
    """Recompute every cross-article table; returns their row counts."""
    started = time.monotonic()
    entity_rows = store.query("SELECT doc_id, entity_id, type, name, kb, roles, n_mentions FROM entities")
    graph, links = resolve.resolve(entity_rows)
    minhash_rows = store.con.execute(
        "SELECT m.doc_id, d.published, m.hashes FROM doc_minhash m JOIN documents d ON d.id = m.doc_id"
    ).fetchall()
    groups = dedup.group(minhash_rows)
    group_of = {g["doc_id"]: g["group_id"] for g in groups}
    for entity in graph:
        docs = entity.pop("docs")
        entity["n_docs"] = len(docs)
        entity["n_stories"] = len({group_of.get(d, d) for d in docs})
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("graph_entities", "entity_links", "doc_groups", "event_clusters", "event_reports"):
            con.execute(f"DELETE FROM {table}")
        store.insert_rows("graph_entities", graph)
        store.insert_rows("entity_links", [link.__dict__ for link in links])
        store.insert_rows("doc_groups", groups)
        clusters, members = events.cluster(store.query(_EVENTS_SQL))
        store.insert_rows("event_clusters", clusters)
        store.insert_rows("event_reports", members)
        claim_counts = claims_build.update(store)  # origins and claims, where new articles touch them
        n_docs = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        con.execute("INSERT OR REPLACE INTO corpus_state VALUES ('documents', ?), ('seconds', ?)",
                    [str(n_docs), f"{time.monotonic() - started:.2f}"])  # fmt: skip
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {"graph_entities": len(graph), "entity_links": len(links), "doc_groups": len(groups),
            "event_clusters": len(clusters), "event_reports": len(members), **claim_counts}  # fmt: skip


def status(store: Store) -> dict:
    """``{"current", "documents", "built_over"}``: whether the cross-article tables were
    built over the documents now stored (``built_over`` is None when never built)."""
    rows = store.con.execute("SELECT value FROM corpus_state WHERE key = 'documents'").fetchall()
    n_docs = store.con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
    built_over = int(rows[0][0]) if rows else None
    return {"current": built_over == n_docs, "documents": n_docs, "built_over": built_over}


def build_if_stale(store: Store) -> dict[str, int] | None:
    """Rebuild the cross-article tables when documents were added since the last build;
    returns their row counts, or None when they were current. Needs a writable store."""
    return None if status(store)["current"] else rebuild(store)
