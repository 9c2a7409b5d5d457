"""Incremental entity resolution at the node level: what ``corpus.build`` runs for the part
of the entity graph new articles reach, giving the links ``resolve.resolve`` gives over
those nodes' rows without reading the rows into Python.

Resolution merges *nodes* (one normalised name in one family), and every row of a node
links alike except surname-only people, which are linked per article. So:
1. each reached node's summary (its names weighted by mentions, in order of first row;
   its number of articles; its knowledge-base ids, the last row's winning; its office
   titles) is aggregated in SQL, and the nodes are clustered in Python as ``resolve``
   clusters them, near spellings scored only for the pairs ``corpus.build`` recorded
   (``spelling|`` keys), not for every pair of a block;
2. the link of every row of a node other than a surname-only person is the node's, so
   it is compared and rewritten in SQL, for the rows whose link differs;
3. surname-only rows are linked one by one (``resolve._surname_target``), with what that
   needs gathered in SQL: the full names of that surname in the row's article, the
   offices and organisations of the candidates, and, for rows with no full name of that
   surname in their article, the context counts (entities named both in the row's article
   and in an article naming the candidate in full), counted by DuckDB rather than as
   Python sets (a candidate named in thousands of articles is a scan, not a set of
   thousands of nodes).
"""

from __future__ import annotations

from newsgraph.corpus import resolve
from newsgraph.corpus.sqltemp import table
from newsgraph.store.db import Store

_ROWS = "entity_nodes n JOIN _reached USING (fam, norm) JOIN entities e USING (doc_id, entity_id)"
# per node and name: mentions (``n_mentions or 1``) and first row; per node (name NULL): articles
_NAMES = f"""SELECT n.fam, n.norm, e.name, sum(CASE WHEN coalesce(e.n_mentions, 0) = 0 THEN 1 ELSE e.n_mentions END),
    min(e.doc_id || chr(1) || e.entity_id) AS first, count(DISTINCT e.doc_id), grouping(e.name) AS whole
    FROM {_ROWS} GROUP BY GROUPING SETS ((n.fam, n.norm, e.name), (n.fam, n.norm)) ORDER BY first"""
_EXTRA = f"""SELECT e.doc_id, e.entity_id, e.kb, e.roles, n.fam, n.norm FROM {_ROWS}
    WHERE coalesce(e.kb, '') NOT IN ('', '{{}}') OR coalesce(e.roles, '') NOT IN ('', '[]') ORDER BY e.doc_id, e.entity_id"""
_NEAR = """SELECT a.fam, a.norm, b.fam, b.norm FROM node_keys a JOIN _reached USING (fam, norm)
    JOIN node_keys b ON b.key = a.key AND (b.fam <> a.fam OR b.norm <> a.norm) WHERE a.key LIKE 'spelling|%'"""
_SURNAME_ROWS = """SELECT e.doc_id, e.entity_id, e.name, e.roles, n.fam, n.norm FROM entity_nodes n
    JOIN _single USING (fam, norm) JOIN entities e USING (doc_id, entity_id) ORDER BY e.doc_id, e.entity_id"""
_FULL_IN_DOC = """SELECT DISTINCT q.doc_id, q.surname, f.fam, f.norm FROM (SELECT DISTINCT doc_id, norm AS surname
    FROM entity_nodes JOIN _single USING (fam, norm)) q JOIN entity_nodes f ON f.doc_id = q.doc_id
    WHERE f.fam = 'PERSON' AND ends_with(f.norm, ' ' || q.surname)"""
_SHARED = """
WITH docs AS (SELECT DISTINCT f.root, n.doc_id FROM entity_nodes n JOIN _full f USING (fam, norm)
              WHERE f.root IN (SELECT root FROM _need)),
     around AS (SELECT DISTINCT docs.root, n.fam, n.norm FROM docs JOIN entity_nodes n USING (doc_id)),
     q AS (SELECT DISTINCT doc_id, surname FROM _need),
     mine AS (SELECT DISTINCT q.doc_id, q.surname, n.fam, n.norm FROM q JOIN entity_nodes n USING (doc_id)
              WHERE NOT (n.fam = 'PERSON' AND (n.norm = q.surname OR ends_with(n.norm, ' ' || q.surname))))
SELECT k.doc_id, k.surname, k.root, count(*), list_slice(list(m.norm ORDER BY m.norm), 1, 3)
FROM _need k JOIN mine m USING (doc_id, surname) JOIN around a ON a.root = k.root AND a.fam = m.fam AND a.norm = m.norm
GROUP BY ALL
"""
_DIFF = """
WITH fresh AS (SELECT n.doc_id, n.entity_id, k.gid, k.confidence, k.evidence
               FROM entity_nodes n JOIN _node_links k USING (fam, norm)
               UNION ALL SELECT doc_id, entity_id, gid, confidence, evidence FROM _row_links)
SELECT f.*, o.gid AS old_gid FROM fresh f LEFT JOIN entity_links o USING (doc_id, entity_id)
WHERE o.gid IS NULL OR o.gid <> f.gid OR o.confidence <> f.confidence OR o.evidence <> f.evidence
"""


class _Context(resolve._Context):
    """``resolve``'s surname context with the context counts computed in SQL."""

    counted: dict

    def shared(self, row, surname: str, roots: list) -> dict:
        here = self.counted.get((row["doc_id"], surname), {})
        return {root: here.get(root, (0, [])) for root in roots}


def relink(store: Store, reached: set[tuple[str, str]]) -> tuple[list[dict], set[str], list[dict]]:
    """Resolve the nodes ``reached`` (a part of the entity graph closed under shared keys)
    again and rewrite the links of their rows that changed. Returns the rows whose graph
    entity changed (``doc_id``, ``entity_id``) and the graph entities that gained or lost
    rows, and every row whose link was rewritten."""
    q = store.con.execute
    with table(store, "_reached", [{"fam": f, "norm": n} for f, n in reached], "fam", "norm"):
        nodes = {key: resolve.Node(key) for key in reached}
        for fam, norm, name, weight, _, n_docs, whole in q(_NAMES).fetchall():
            if whole:
                nodes[(fam, norm)].docs = range(n_docs)  # only the number counts (``_merge_people``)
            else:
                nodes[(fam, norm)].names[name] += int(weight)
        role_rows = []
        for row in store.query(_EXTRA):  # knowledge-base ids (the last row's win) and roles, in row order
            nodes[(row["fam"], row["norm"])].kb.update(resolve.row_kb(row))
            if row["roles"] not in (None, "", "[]"):
                role_rows.append(row)
        near: dict = {}
        for fam, norm, fam2, norm2 in q(_NEAR).fetchall():
            near.setdefault((fam, norm), set()).add((fam2, norm2))
    nodes = {k: v for k, v in nodes.items() if v.names}  # nodes with no rows left (none in practice)
    for row in role_rows:
        nodes[(row["fam"], row["norm"])].titles.update(resolve._titles(row))
    clusters = resolve.Clusters()
    resolve._merge_kb(nodes, clusters)
    resolve._merge_people(nodes, clusters, near)
    resolve._merge_orgs(nodes, clusters, near)
    single = [k for k in nodes if k[0] == "PERSON" and len(nodes[k].tokens) == 1]
    node_links = []
    for key, node in nodes.items():
        if key[0] == "PERSON" and len(node.tokens) == 1:
            continue
        confidence, evidence = clusters.why.get(key, resolve._exact_evidence(node))
        node_links.append({"fam": key[0], "norm": key[1], "gid": resolve.gid_for(clusters.find(key)),
                           "confidence": confidence, "evidence": evidence})  # fmt: skip
    row_links = _surname_links(store, nodes, clusters, single, role_rows)
    return _write(store, node_links, row_links)


def _surname_links(store: Store, nodes: dict, clusters: resolve.Clusters, single: list, role_rows: list) -> list[dict]:
    """The links of the surname-only rows of nodes ``single`` (see the module doc)."""
    if not single:
        return []
    q = store.con.execute
    with table(store, "_single", [{"fam": f, "norm": n} for f, n in single], "fam", "norm"):
        rows = store.query(_SURNAME_ROWS)
        full_in_doc: dict = {}
        for doc_id, surname, fam, norm in q(_FULL_IN_DOC).fetchall():
            full_in_doc.setdefault((doc_id, surname), set()).add(clusters.find((fam, norm)))
    ctx = _Context(nodes, clusters, resolve._surname_index(nodes, clusters), full_in_doc, {})
    # organisations of roles: the role rows' articles (full names and surname-only rows)
    full_roles = [r for r in role_rows if len(nodes[(r["fam"], r["norm"])].tokens) >= 2 and r["fam"] == "PERSON"]
    with_roles = [r for r in rows if r["roles"] not in (None, "", "[]")]
    ctx.doc_nodes = _doc_nodes(store, {r["doc_id"] for r in [*full_roles, *with_roles]})
    for row in full_roles:
        ctx.orgs_of.setdefault(clusters.find((row["fam"], row["norm"])), set()).update(resolve._role_orgs(row, ctx.doc_nodes))
    titled = [r for r in with_roles if resolve._titles(r)]
    ctx.offices, ctx.titles = resolve._offices(titled, {i: (r["fam"], r["norm"]) for i, r in enumerate(titled)}, ctx)
    # context counts for the rows whose article names no full name of their surname
    need, full = set(), {}
    for row in rows:
        surname = row["norm"]
        if not full_in_doc.get((row["doc_id"], surname)):
            need.update((row["doc_id"], surname, root) for root, _ in ctx.surnames.get(surname, []))
    for key, node in nodes.items():
        if key[0] == "PERSON" and len(node.tokens) >= 2:
            full[key] = clusters.find(key)
    ctx.counted = {}
    if need:
        root_of = {resolve.gid_for(r): r for r in set(full.values())}
        with table(store, "_need", [{"doc_id": d, "surname": s, "root": resolve.gid_for(r)} for d, s, r in need],
                   "doc_id", "surname", "root"), \
                table(store, "_full", [{"fam": k[0], "norm": k[1], "root": resolve.gid_for(r)} for k, r in full.items()],
                      "fam", "norm", "root"):  # fmt: skip
            for doc_id, surname, root, count, named in q(_SHARED).fetchall():
                ctx.counted.setdefault((doc_id, surname), {})[root_of[root]] = (count, named)
    links = []
    for row in rows:
        node = nodes[(row["fam"], row["norm"])]
        root, confidence, evidence = resolve._surname_target(row, node, ctx)
        links.append({"doc_id": row["doc_id"], "entity_id": row["entity_id"], "gid": resolve.gid_for(root),
                      "confidence": confidence, "evidence": evidence})  # fmt: skip
    return links


def _doc_nodes(store: Store, docs: set[str]) -> dict:
    """Article -> its entity ids -> nodes, for the articles ``docs``."""
    out: dict[str, dict] = {}
    if not docs:
        return out
    with table(store, "_docs", [{"doc_id": d} for d in docs], "doc_id"):
        for doc_id, entity_id, fam, norm in store.con.execute(
                "SELECT doc_id, entity_id, fam, norm FROM entity_nodes JOIN _docs USING (doc_id)").fetchall():  # fmt: skip
            out.setdefault(doc_id, {})[entity_id] = (fam, norm)
    return out


def _write(store: Store, node_links: list[dict], row_links: list[dict]) -> tuple[list[dict], set[str], list[dict]]:
    """Rewrite the links that differ; returns the rows whose graph entity changed, the
    graph entities concerned (old and new) and the rows whose link was rewritten."""
    cols = ("gid", "confidence", "evidence")
    with table(store, "_node_links", node_links, "fam", "norm", *cols), \
            table(store, "_row_links", row_links, "doc_id", "entity_id", *cols):  # fmt: skip
        diff = store.query(_DIFF)
    if diff:
        with table(store, "_link_diff", diff, "doc_id", "entity_id", *cols):
            if any(d["old_gid"] is not None for d in diff):  # else only rows never linked
                store.con.execute("""DELETE FROM entity_links USING _link_diff d
                    WHERE entity_links.doc_id = d.doc_id AND entity_links.entity_id = d.entity_id""")  # fmt: skip
            store.con.execute("INSERT INTO entity_links SELECT doc_id, entity_id, gid, confidence, evidence FROM _link_diff")
    moved = sorted((d["doc_id"], d["entity_id"], d["gid"], d["old_gid"]) for d in diff if d["old_gid"] != d["gid"])
    gids = {g for _, _, g, _ in moved} | {o for _, _, _, o in moved if o}
    written = [{"doc_id": d["doc_id"], "entity_id": d["entity_id"]} for d in diff]
    return [{"doc_id": d, "entity_id": e} for d, e, _, _ in moved], gids, written
