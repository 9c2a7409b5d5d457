"""Build the cross-article tables from the per-document ones, incrementally.

``update`` joins the documents added since the last build: new articles are grouped with
the near-duplicates that share an LSH band with them (``lsh_bands``), their entities are
resolved together with the part of the entity graph they can affect (the nodes reachable
through shared knowledge-base ids, surnames, acronyms and near-identical spellings,
``node_keys``), and their event reports are clustered with the reports of the same key
(``event_keys``). Everything else is left as it is, so the cost follows what arrives, not
the size of the store. ``rebuild`` (``newsgraph build --full``) empties the tables and
joins every document as new: both paths run the same steps, and the incremental one gives
exactly what the full one gives (tests/test_corpus_incremental.py).

Building is a writer's step (the end of ``newsgraph ingest``, ``newsgraph build``, a
stored ``POST /analyze``), never a side effect of a query: queries read the tables as last
built, and ``status`` tells whether documents were added since. Each build is one
transaction.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date

from newsgraph.corpus import claims_build, dedup, events, relink, resolve
from newsgraph.corpus.sqltemp import table as _table
from newsgraph.store import entity_index
from newsgraph.store.db import Store
from newsgraph.store.schema import CORPUS_TABLES, JOIN_STATE_TABLES

_EVENTS_SQL = """
SELECT e.doc_id, e.idx, e.type, e.source_name, e.target_name, e.place, e.negated, e.date,
       d.published, ls.gid AS source_gid, lt.gid AS target_gid, g.group_id,
       coalesce(p.country, e.source_country, e.target_country) AS country,
       p.country AS place_country, e.source_country, e.target_country
FROM events e {only}
JOIN documents d ON d.id = e.doc_id
LEFT JOIN entity_links ls ON ls.doc_id = e.doc_id AND ls.entity_id = e.source_entity
LEFT JOIN entity_links lt ON lt.doc_id = e.doc_id AND lt.entity_id = e.target_entity
LEFT JOIN doc_groups g ON g.doc_id = e.doc_id
LEFT JOIN (SELECT doc_id, name, entity_id, any_value(country) AS country FROM places GROUP BY ALL) p
       ON p.doc_id = e.doc_id AND (p.name = e.place OR p.entity_id = e.place)
"""

# the reports to key again: of the documents ``_new`` and naming the entity rows ``_rows``
# (resolved again), each with the key it had
_AFFECTED_REPORTS = "SELECT q.*, k.key AS old_key FROM (" + _EVENTS_SQL.format(only="""JOIN (
    SELECT doc_id, idx FROM events JOIN _new USING (doc_id)
    UNION SELECT e.doc_id, e.idx FROM events e JOIN _rows r ON r.doc_id = e.doc_id AND r.entity_id = e.source_entity
    UNION SELECT e.doc_id, e.idx FROM events e JOIN _rows r ON r.doc_id = e.doc_id AND r.entity_id = e.target_entity
) a ON a.doc_id = e.doc_id AND a.idx = e.idx""") + ") q LEFT JOIN event_keys k ON k.doc_id = q.doc_id AND k.idx = q.idx"
# the reports of the clusters ``_c`` other than the affected ones ``_a``
_KEPT = """JOIN (SELECT r.doc_id, r.idx FROM event_reports r JOIN _c USING (cluster_id)
                 ANTI JOIN _a ON _a.doc_id = r.doc_id AND _a.idx = r.idx) k ON k.doc_id = e.doc_id AND k.idx = e.idx"""


def rebuild(store: Store) -> dict[str, int]:
    """Recompute every cross-article table from scratch; returns their row counts."""
    return update(store, full=True)


def update(store: Store, *, full: bool = False) -> dict[str, int]:
    """Join the documents not yet joined (all of them when ``full``, or when the store
    has no join state yet: one built before incremental builds). Returns the cross-article
    tables' row counts and ``joined``, the number of documents joined by this build."""
    started = time.monotonic()
    con = store.con
    full = full or not _has_join_state(store)
    con.execute("BEGIN TRANSACTION")
    try:
        if full:
            for table in (*CORPUS_TABLES, *JOIN_STATE_TABLES):
                con.execute(f"DELETE FROM {table}")
            claims_build.reset(store)
        new = [row[0] for row in con.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM corpus_docs) ORDER BY id").fetchall()]  # fmt: skip
        regrouped = join_groups(store, new)
        relinked = join_entities(store, new, regrouped, full=full)
        clusters = join_events(store, new, relinked, regrouped)
        store.insert_rows("corpus_docs", [{"doc_id": d} for d in new])
        # origins and claims, where new articles touch them
        claim_counts = claims_build.update(store, regrouped=regrouped, clusters=clusters)
        n_docs = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        con.execute("INSERT OR REPLACE INTO corpus_state VALUES ('documents', ?), ('seconds', ?), ('join_state', '1')",
                    [str(n_docs), f"{time.monotonic() - started:.2f}"])  # fmt: skip
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in CORPUS_TABLES}
    return {**counts, "joined": len(new), **claim_counts}


def _has_join_state(store: Store) -> bool:
    return bool(store.con.execute("SELECT 1 FROM corpus_state WHERE key = 'join_state'").fetchall())


def join_groups(store: Store, new: list[str]) -> set[str]:
    """Near-duplicate groups: index the new documents' LSH bands, join each to the
    documents sharing a band and similar enough, and regroup the groups they reach.
    Returns the documents stored before whose group changed."""
    if not new:
        return set()
    published, signatures = _signatures(store, new)
    bands = [{"doc_id": d, "band": b, "bucket": k} for d in sorted(signatures) for b, k in dedup.bands(signatures[d])]
    store.insert_rows("lsh_bands", bands)
    with _table(store, "_new_bands", bands, "doc_id", "band", "bucket"):
        pairs = store.con.execute("""SELECT DISTINCT n.doc_id, l.doc_id FROM _new_bands n
            JOIN lsh_bands l ON l.band = n.band AND l.bucket = n.bucket AND l.doc_id <> n.doc_id""").fetchall()
    _add_signatures(store, {b for _, b in pairs} - signatures.keys(), published, signatures)
    edges = [(a, b) for a, b in pairs if dedup.jaccard(signatures[a], signatures[b]) >= dedup.THRESHOLD]
    reached = {b for _, b in edges} - set(new)
    with _table(store, "_reached", [{"doc_id": d} for d in reached], "doc_id"):
        old = dict(store.con.execute("""SELECT doc_id, group_id FROM doc_groups WHERE group_id IN
            (SELECT group_id FROM doc_groups JOIN _reached USING (doc_id))""").fetchall())  # fmt: skip
    _add_signatures(store, old.keys() - signatures.keys(), published, signatures)
    first = {}
    edges += [(d, first.setdefault(g, d)) for d, g in sorted(old.items())]  # old groups stay joined
    docs = sorted(set(new) & signatures.keys() | old.keys())
    rows = [row for group in dedup.components(docs, edges) for row in dedup.group_rows(group, published, signatures)]
    with _table(store, "_old", [{"doc_id": d} for d in old], "doc_id"):
        store.con.execute("DELETE FROM doc_groups WHERE doc_id IN (SELECT doc_id FROM _old)")
    store.insert_rows("doc_groups", rows)
    return {r["doc_id"] for r in rows if r["doc_id"] in old and old[r["doc_id"]] != r["group_id"]}


def _signatures(store: Store, ids: Iterable[str]) -> tuple[dict, dict]:
    published: dict[str, str | None] = {}
    signatures: dict[str, list[int]] = {}
    _add_signatures(store, ids, published, signatures)
    return published, signatures


def _add_signatures(store: Store, ids: Iterable[str], published: dict, signatures: dict) -> None:
    """Add the publication dates and MinHash signatures of documents ``ids`` (those with one)."""
    with _table(store, "_ids", [{"doc_id": d} for d in ids], "doc_id"):
        for doc_id, pub, sig in store.con.execute("""SELECT m.doc_id, d.published, m.hashes FROM doc_minhash m
                JOIN _ids USING (doc_id) JOIN documents d ON d.id = m.doc_id""").fetchall():  # fmt: skip
            published[doc_id], signatures[doc_id] = pub, sig


_ENTITY_COLUMNS = "e.doc_id, e.entity_id, e.type, e.name, e.kb, e.roles, e.n_mentions"


def join_entities(store: Store, new: list[str], regrouped: set[str], *, full: bool = False) -> list[dict]:
    """Entity resolution: index the new documents' entity rows; resolve again every row of
    the nodes that rows changing the graph (new names, ids, spellings, people) can affect,
    and give a row that only adds to an existing node (``Warsaw`` once more) that node's
    link. Replaces the links and graph entities concerned. Returns the rows whose graph
    entity changed (event reports naming them are keyed again)."""
    with _table(store, "_new", [{"doc_id": d} for d in new], "doc_id"):
        rows = store.query(f"SELECT {_ENTITY_COLUMNS} FROM entities e JOIN _new USING (doc_id)")
    changed, quiet = _index_nodes(store, rows)
    if full:
        moved_rows, regraph, written = _relink_all(store)
    else:  # the reached part of the graph, resolved at the node level (``corpus.relink``)
        reached = _reachable(store, changed)
        quiet = [q for q in quiet if (q["fam"], q["norm"]) not in reached]
        moved_rows, regraph, written = relink.relink(store, reached, new)
    quiet_links = _quiet_links(store, quiet)
    store.insert_rows("entity_links", quiet_links)
    regraph |= {q["gid"] for q in quiet_links}
    with _table(store, "_gids", [{"gid": g} for g in regraph], "gid"):
        store.con.execute("DELETE FROM graph_entities WHERE gid IN (SELECT gid FROM _gids)")
    graph = _graph_entities(store, regraph)
    for entity in graph:
        entity["n_docs"] = len(entity.pop("docs"))
    store.insert_rows("graph_entities", graph)
    _count_stories(store, {e["gid"] for e in graph}, regrouped)
    entity_index.refresh(store, [*written, *quiet_links], regraph, new)  # what entity pages read (store schema 9)
    return moved_rows


def _relink_all(store: Store) -> tuple[list[dict], set[str], list[dict]]:
    """Resolve every entity row (``resolve.resolve``) and write the links that differ and
    the surnames' context digests (``corpus.relink``); returns the rows whose graph entity
    changed, the graph entities concerned and the rows whose link was rewritten."""
    rows = store.query(f"SELECT {_ENTITY_COLUMNS}, n.fam, n.norm FROM entities e "
                       "JOIN entity_nodes n USING (doc_id, entity_id) ORDER BY e.doc_id, e.entity_id")  # fmt: skip
    contexts: dict[str, str] = {}
    links = resolve.resolve(rows, None, graph=False, contexts=contexts)[1]
    store.insert_rows("surname_context", [{"surname": s, "digest": d} for s, d in sorted(contexts.items())])
    with _table(store, "_rows", [{"doc_id": r["doc_id"], "entity_id": r["entity_id"]} for r in rows],
                "doc_id", "entity_id"):  # fmt: skip
        old = {(d, e): (g, c, v) for d, e, g, c, v in store.con.execute(
            "SELECT doc_id, entity_id, gid, confidence, evidence FROM entity_links JOIN _rows USING (doc_id, entity_id)").fetchall()}  # fmt: skip
    # Only the links that differ are rewritten, and only graph entities that gain or lose a
    # row are computed again (a block resolved again mostly comes out as it was).
    links = [k for k in links if old.get((k.doc_id, k.entity_id)) != (k.gid, k.confidence, k.evidence)]
    moved = [k for k in links if (old.get((k.doc_id, k.entity_id)) or (None,))[0] != k.gid]
    relinked = [{"doc_id": k.doc_id, "entity_id": k.entity_id} for k in links]
    with _table(store, "_rows", relinked, "doc_id", "entity_id"):
        store.con.execute("DELETE FROM entity_links USING _rows r "
                          "WHERE entity_links.doc_id = r.doc_id AND entity_links.entity_id = r.entity_id")
    store.insert_rows("entity_links", [link.__dict__ for link in links])
    regraph = {k.gid for k in moved} | {old[(k.doc_id, k.entity_id)][0] for k in moved if (k.doc_id, k.entity_id) in old}
    return [{"doc_id": k.doc_id, "entity_id": k.entity_id} for k in moved], regraph, relinked


def _quiet_links(store: Store, quiet: list[dict]) -> list[dict]:
    """Links for rows that only add to an existing node: the node's link (every row of a
    node other than a surname-only person links alike), read by ``_index_nodes`` (``link``;
    relinking leaves a node it does not reach as it was)."""
    return [{"doc_id": q["doc_id"], "entity_id": q["entity_id"], **q["link"]} for q in quiet if q["link"]]


def _graph_entities(store: Store, gids: set[str]) -> list[dict]:
    """The graph entities ``gids`` computed again from all their links, aggregated in SQL
    (an entity named in thousands of articles costs a scan, not thousands of Python rows).
    Matches ``resolve.graph_entities``: names weighted by mentions, types in order of their
    first row, each kb id from the last row (by doc_id, entity_id) that has it."""
    from collections import Counter

    with _table(store, "_g", [{"gid": g} for g in gids], "gid"):
        store.con.execute("""CREATE OR REPLACE TEMP TABLE _gl AS SELECT l.gid, e.doc_id, e.entity_id, e.name, e.type,
                e.kb, e.n_mentions, e.doc_id || chr(1) || e.entity_id AS pos
            FROM entity_links l JOIN _g USING (gid) JOIN entities e USING (doc_id, entity_id)""")  # fmt: skip
    try:
        q = store.con.execute
        names = q("SELECT gid, name, sum(CASE WHEN coalesce(n_mentions, 0) = 0 THEN 1 ELSE n_mentions END) "
                  "FROM _gl GROUP BY ALL").fetchall()  # as `n_mentions or 1`
        types = q("SELECT gid, type, count(*), min(pos) AS first FROM _gl GROUP BY ALL ORDER BY first").fetchall()
        kbs = q("""SELECT gid, kb, max(pos) AS last FROM _gl WHERE kb IS NOT NULL AND kb NOT IN ('', '{}')
                   GROUP BY ALL ORDER BY last""").fetchall()  # fmt: skip
        docs = q("SELECT gid, count(DISTINCT doc_id), sum(coalesce(n_mentions, 0)) FROM _gl GROUP BY ALL").fetchall()
    finally:
        store.con.execute("DROP TABLE IF EXISTS _gl")
    entries = {g: {"names": Counter(), "types": Counter(), "kb": {}} for g, *_ in docs}
    for gid, name, weight in names:
        entries[gid]["names"][name] += int(weight)
    for gid, etype, n, _ in types:
        entries[gid]["types"][etype] += n
    for gid, kb, _ in kbs:
        entries[gid]["kb"].update(resolve.row_kb({"kb": kb}))
    return [resolve.graph_entity(gid, e["names"], e["types"], e["kb"], range(n_docs), int(mentions))
            for (gid, n_docs, mentions), e in ((d, entries[d[0]]) for d in docs)]  # fmt: skip


def _index_nodes(store: Store, rows: list[dict]) -> tuple[set[tuple[str, str]], list[dict]]:
    """Record the new rows' nodes, what can join each node to others (``node_keys``), and
    near-identical spellings of new nodes (a ``spelling|`` key on both). Returns the nodes
    that changed (new ones, people, and those given a new name or key) and the rows that
    only add to a node (``quiet``)."""
    node_rows, keys, nodes = [], set(), {}
    for row in rows:
        key = resolve.node_key(row)
        if key is not None:
            nodes.setdefault(key, []).append(row)
            node_rows.append({"doc_id": row["doc_id"], "entity_id": row["entity_id"], "fam": key[0], "norm": key[1]})
            keys.update((key, k) for k in resolve.touch_keys(key, resolve.row_kb(row)))
    with _table(store, "_n", [{"fam": f, "norm": n} for f, n in nodes], "fam", "norm"):
        known_keys = store.con.execute("SELECT fam, norm, key FROM node_keys JOIN _n USING (fam, norm)").fetchall()
        known_names = store.con.execute("""SELECT DISTINCT n.fam, n.norm, e.name, l.gid, l.confidence, l.evidence
            FROM entity_nodes n JOIN _n USING (fam, norm) JOIN entities e USING (doc_id, entity_id)
            LEFT JOIN entity_links l USING (doc_id, entity_id)""").fetchall()  # fmt: skip
    old_keys = {((f, n), k) for f, n, k in known_keys}
    old_names = {((f, n), name) for f, n, name, *_ in known_names}
    node_link = {}  # a known node's link (every row of a node other than a surname-only person links alike)
    for f, n, _, gid, confidence, evidence in known_names:
        if gid is not None:
            node_link.setdefault((f, n), {"gid": gid, "confidence": confidence, "evidence": evidence})
    known = {node for node, _ in old_names}
    kb_names: dict[tuple[str, str], list[str]] = {}
    for node, k in old_keys | keys:
        if k.startswith("kb|"):
            kb_names.setdefault(node, []).append(k.rsplit("|", 1)[0])
    changed, quiet = set(), []
    for node, node_rows_here in nodes.items():
        # Rows disagreeing on a knowledge-base id: the last row decides the node's id.
        conflicting = len(set(kb_names.get(node, []))) != len(kb_names.get(node, []))
        if node not in known or node[0] == "PERSON" or conflicting:
            changed.add(node)
            continue
        for row in node_rows_here:
            if (node, row["name"]) in old_names and all((node, k) in old_keys for k in
                                                         resolve.touch_keys(node, resolve.row_kb(row))):  # fmt: skip
                quiet.append({"doc_id": row["doc_id"], "entity_id": row["entity_id"], "fam": node[0], "norm": node[1],
                              "link": node_link.get(node)})  # fmt: skip
            else:
                changed.add(node)
    quiet = [q for q in quiet if (q["fam"], q["norm"]) not in changed]
    fresh = {n: resolve.fuzzy_block(n) for n in set(nodes) - known if resolve.fuzzy_block(n)}
    with _table(store, "_b", [{"block": b} for b in set(fresh.values())], "block"):
        peers = store.con.execute("SELECT fam, norm, block FROM node_blocks JOIN _b USING (block)").fetchall()
    by_block: dict[str, list] = {}
    for fam, norm, block in [*peers, *((n[0], n[1], b) for n, b in sorted(fresh.items()))]:
        by_block.setdefault(block, []).append((fam, norm))
    for node, block in fresh.items():
        for other in by_block[block]:
            if other != node and resolve.fuzzy_score(node, other) is not None:
                pair = "spelling|" + "|".join(sorted(("/".join(node), "/".join(other))))
                keys.update({(node, pair), (other, pair)})
    store.insert_rows("entity_nodes", node_rows)
    store.insert_rows("node_blocks", [{"fam": n[0], "norm": n[1], "block": b} for n, b in fresh.items()])
    with _table(store, "_keys", [{"fam": n[0], "norm": n[1], "key": k} for n, k in keys], "fam", "norm", "key"):
        store.con.execute("INSERT INTO node_keys SELECT * FROM _keys EXCEPT SELECT * FROM node_keys")
    return changed, quiet


_REACH = """
WITH RECURSIVE live AS MATERIALIZED (SELECT DISTINCT key FROM node_keys WHERE fam = 'ORG' AND key = 'acronym|' || norm),
    reach(fam, norm) AS (
        SELECT fam, norm FROM _start
        UNION SELECT b.fam, b.norm FROM reach r JOIN node_keys a ON a.fam = r.fam AND a.norm = r.norm
            JOIN node_keys b ON b.key = a.key
            WHERE NOT starts_with(a.key, 'acronym|') OR a.key IN (SELECT key FROM live))
SELECT fam, norm FROM reach
"""


def _reachable(store: Store, nodes: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Every node reachable from ``nodes`` through shared ``node_keys``: the part of the
    entity graph whose resolution the new rows can change (one recursive query). An
    acronym key joins only through a one-word organisation spelling it (``NATO``): full
    names sharing initials with no such word never affect each other
    (``resolve._merge_orgs``), so that key is not followed (it would reach most
    organisations of a big store)."""
    with _table(store, "_start", [{"fam": f, "norm": n} for f, n in nodes], "fam", "norm"):
        return set(store.con.execute(_REACH).fetchall())


def _count_stories(store: Store, gids: set[str], regrouped: set[str]) -> None:
    """Recount documents and stories (near-duplicate groups) of graph entities ``gids``
    and of those named in documents whose group changed."""
    with _table(store, "_regrouped", [{"doc_id": d} for d in regrouped], "doc_id"):
        gids |= {row[0] for row in store.con.execute(
            "SELECT DISTINCT gid FROM entity_links JOIN _regrouped USING (doc_id)").fetchall()}  # fmt: skip
    with _table(store, "_g", [{"gid": g} for g in gids], "gid"):
        store.con.execute("""UPDATE graph_entities SET n_docs = c.n_docs, n_stories = c.n_stories FROM (
            SELECT l.gid, count(DISTINCT l.doc_id) AS n_docs, count(DISTINCT coalesce(g.group_id, l.doc_id)) AS n_stories
            FROM entity_links l JOIN _g USING (gid) LEFT JOIN doc_groups g ON g.doc_id = l.doc_id GROUP BY l.gid) c
            WHERE graph_entities.gid = c.gid""")  # fmt: skip


def join_events(store: Store, new: list[str], relinked: list[dict], regrouped: set[str]) -> set[str]:
    """Event clusters: the reports of new documents, of entities resolved again and of
    regrouped documents get their key again; every key they had or have is clustered again
    from the cluster open at the earliest of those reports' days on (``_stale_clusters``).
    Returns the ids of the clusters removed or written."""
    with _table(store, "_new", [{"doc_id": d} for d in [*new, *regrouped]], "doc_id"), \
            _table(store, "_rows", relinked, "doc_id", "entity_id"):  # fmt: skip
        reports = store.query(_AFFECTED_REPORTS)  # with the key each had (``old_key``)
    old_keys = sorted({(r["doc_id"], r["idx"], r["old_key"]) for r in reports if r["old_key"] is not None})
    for r in reports:
        del r["old_key"]
    affected = sorted({(r["doc_id"], r["idx"]) for r in reports})
    with _table(store, "_a", [{"doc_id": d, "idx": i} for d, i in affected], "doc_id", "idx"):
        new_keys = [{"doc_id": r["doc_id"], "idx": r["idx"], "key": events.key_text(events.report_key(r))} for r in reports]
        stale = _stale_clusters(store, reports, old_keys, new_keys)
        store.con.execute("DELETE FROM event_keys USING _a WHERE event_keys.doc_id = _a.doc_id AND event_keys.idx = _a.idx")
    store.insert_rows("event_keys", new_keys)
    if stale:  # the unchanged reports of the clusters redone join the affected ones
        with _table(store, "_c", [{"cluster_id": c} for c in stale], "cluster_id"), \
                _table(store, "_a", [{"doc_id": d, "idx": i} for d, i in affected], "doc_id", "idx"):  # fmt: skip
            reports += store.query(_EVENTS_SQL.format(only=_KEPT))
            store.con.execute("DELETE FROM event_clusters WHERE cluster_id IN (SELECT cluster_id FROM _c)")
            store.con.execute("DELETE FROM event_reports WHERE cluster_id IN (SELECT cluster_id FROM _c)")
    clusters, members = events.cluster(reports)
    store.insert_rows("event_clusters", clusters)
    store.insert_rows("event_reports", members)
    return stale | {c["cluster_id"] for c in clusters}


def _stale_clusters(store: Store, reports: list[dict], old_keys: list[tuple], new_keys: list[dict]) -> set[str]:
    """The clusters to redo for the reports ``reports`` (keyed before ``old_keys``, now
    ``new_keys``). A key's reports are clustered in date order, each cluster starting at
    the first report past the window of the one before, so the clusters ending before the
    earliest changed report of a key stay as they are: per key, every cluster from the
    last one starting on or before that report's day is redone (with every report the
    changes add)."""
    never = date.max  # undated reports come last
    day = {(r["doc_id"], r["idx"]): events.report_day(r) or never for r in reports}
    earliest: dict[str, date] = {}
    for d, i, key in [*old_keys, *((k["doc_id"], k["idx"], k["key"]) for k in new_keys)]:
        earliest[key] = min(earliest.get(key, never), day[(d, i)])
    with _table(store, "_k", [{"key": k} for k in earliest], "key"):
        found = store.con.execute("""SELECT DISTINCT k.key, r.cluster_id, c.date_first FROM event_keys k JOIN _k USING (key)
            JOIN event_reports r USING (doc_id, idx) JOIN event_clusters c USING (cluster_id)""").fetchall()  # fmt: skip
    starts: dict[str, list] = {}
    for key, cluster_id, first in found:
        starts.setdefault(key, []).append((date.fromisoformat(first) if first else never, cluster_id))
    stale = set()
    for key, clusters in starts.items():
        before = [first for first, _ in clusters if first <= earliest[key] and first != never]
        since = max(before) if before else date.min
        stale |= {c for first, c in clusters if first >= since}
    return stale


def status(store: Store) -> dict:
    """``{"current", "documents", "built_over"}``: whether the cross-article tables were
    built over the documents now stored (``built_over`` is None when never built)."""
    rows = store.con.execute("SELECT value FROM corpus_state WHERE key = 'documents'").fetchall()
    n_docs = store.con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
    built_over = int(rows[0][0]) if rows else None
    return {"current": built_over == n_docs, "documents": n_docs, "built_over": built_over}


def build_if_stale(store: Store) -> dict[str, int] | None:
    """Join the documents added since the last build (incrementally); returns the
    cross-article tables' row counts, or None when they were current. Needs a writable store."""
    return None if status(store)["current"] else update(store)
