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
   thousands of nodes). Only the rows that can have changed are linked: the new
   articles', every row of a surname whose context digest changed (``surname_context``,
   ``resolve.surname_contexts``), and those whose article names an entity new to the
   context of one of the surname's people; in a small store, every row (``RELINK_ALL_BELOW``).
"""

from __future__ import annotations

from contextlib import nullcontext

from newsgraph.corpus import resolve
from newsgraph.corpus.sqltemp import ids, table
from newsgraph.store.db import Store

_ROWS = "entity_nodes n JOIN _reached USING (fam, norm) JOIN entities e USING (doc_id, entity_id)"
# per node and name: mentions (``n_mentions or 1``) and first row; per node (name NULL): articles
_NAMES = f"""SELECT n.fam, n.norm, e.name, sum(CASE WHEN coalesce(e.n_mentions, 0) = 0 THEN 1 ELSE e.n_mentions END),
    min(e.doc_id || chr(1) || e.entity_id) AS first, count(DISTINCT e.doc_id), grouping(e.name) AS whole
    FROM {_ROWS} GROUP BY GROUPING SETS ((n.fam, n.norm, e.name), (n.fam, n.norm)) ORDER BY first"""
_EXTRA = f"""SELECT e.doc_id, e.entity_id, e.kb, e.roles, n.fam, n.norm FROM {_ROWS}
    WHERE coalesce(e.kb, '') NOT IN ('', '{{}}') OR coalesce(e.roles, '') NOT IN ('', '[]') ORDER BY e.doc_id, e.entity_id"""
# the rows themselves, with their links, when they are few (``SUMMARISE_IN_SQL_ABOVE``): one
# read instead of the two aggregations above and the comparison of links below (``_DIFF``)
_ROW_LEVEL = f"""SELECT n.fam, n.norm, e.doc_id, e.entity_id, e.name, e.n_mentions, e.kb, e.roles,
    o.gid AS old_gid, o.confidence AS old_confidence, o.evidence AS old_evidence
    FROM {_ROWS} LEFT JOIN entity_links o ON o.doc_id = e.doc_id AND o.entity_id = e.entity_id LIMIT ?"""
# Up to this many rows of the reached nodes, they are read and summarised in Python (30
# articles into 1,500: ~600 rows); above it, aggregated in SQL (a big chunk into a big store
# reaches entities named in thousands of articles).
SUMMARISE_IN_SQL_ABOVE = 5000
_NEAR = """SELECT a.fam, a.norm, b.fam, b.norm FROM node_keys a JOIN _reached USING (fam, norm)
    JOIN node_keys b ON b.key = a.key AND (b.fam <> a.fam OR b.norm <> a.norm) WHERE a.key LIKE 'spelling|%'"""
# surname-only rows with the full names of their surname their article gives (``fulls``)
_SURNAME_ROWS = """SELECT e.doc_id, e.entity_id, e.name, e.roles, n.fam, n.norm,
    (SELECT list(f.norm) FROM entity_nodes f WHERE f.doc_id = n.doc_id AND f.fam = 'PERSON'
     AND ends_with(f.norm, ' ' || n.norm)) AS fulls
    FROM entity_nodes n JOIN entities e USING (doc_id, entity_id) {join} WHERE {where}
    ORDER BY e.doc_id, e.entity_id"""
# those with roles (offices, organisations) and those of the new articles
_TITLED_OR_NEW = _SURNAME_ROWS.format(join="JOIN _single USING (fam, norm)", where="""
    (coalesce(e.roles, '') NOT IN ('', '[]') OR n.doc_id IN (SELECT doc_id FROM _new_docs))""")
# every row of the surnames ``_every``; the rows of the surnames of ``_hits`` (surname,
# person, entity of a new article naming the person in full) in articles naming an entity
# no stored article naming that person (``_members``: their full names) named before
_TO_RELINK = """WITH seen AS (SELECT DISTINCT m.root, y.fam, y.norm FROM entity_nodes n
        JOIN _members m USING (fam, norm) JOIN entity_nodes y ON y.doc_id = n.doc_id
        JOIN (SELECT DISTINCT fam, norm FROM _hits) c ON c.fam = y.fam AND c.norm = y.norm
        WHERE n.doc_id NOT IN (SELECT doc_id FROM _new_docs)),
    fresh AS (SELECT h.* FROM _hits h
              ANTI JOIN seen s ON s.root = h.root AND s.fam = h.fam AND s.norm = h.norm),
    hit AS (SELECT DISTINCT f.surname, y.doc_id FROM fresh f JOIN entity_nodes y USING (fam, norm))
""" + _SURNAME_ROWS.format(join="LEFT JOIN hit h ON h.surname = n.norm AND h.doc_id = n.doc_id", where="""
    n.fam = 'PERSON' AND (n.norm IN (SELECT surname FROM _every) OR h.doc_id IS NOT NULL)
    AND n.doc_id NOT IN (SELECT doc_id FROM _new_docs)""")
_EVERY_ROW = _SURNAME_ROWS.format(join="JOIN _single USING (fam, norm)", where="TRUE")
_STORED_CONTEXT = "SELECT surname, digest FROM surname_context WHERE surname IN (SELECT norm FROM _single)"
# Below this many articles naming the reached surnames alone, every one of their rows is
# linked again (the digests written, not read): telling which rows can keep their link
# costs more statements than linking them (30 articles into 1,500: ~90 rows; bench/README.md).
RELINK_ALL_BELOW = 1000
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


def relink(store: Store, reached: set[tuple[str, str]],
           new: list[str] = ()) -> tuple[list[dict], set[str], list[dict]]:  # fmt: skip
    """Resolve the nodes ``reached`` (a part of the entity graph closed under shared keys)
    again and rewrite the links of their rows that changed. Returns the rows whose graph
    entity changed (``doc_id``, ``entity_id``) and the graph entities that gained or lost
    rows, and every row whose link was rewritten. ``new``: the articles being joined (their
    surname-only rows are linked; a stored one only where it can have changed)."""
    q = store.con.execute
    with table(store, "_reached", [{"fam": f, "norm": n} for f, n in reached], "fam", "norm"):
        nodes = {key: resolve.Node(key) for key in reached}
        rows, role_rows = _summarise(store, nodes)
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
    row_links = _surname_links(store, nodes, clusters, single, role_rows, new, rows)
    return _write(store, node_links, row_links, rows)


def _summarise(store: Store, nodes: dict) -> tuple[list[dict] | None, list[dict]]:
    """Fill the summaries of ``nodes`` (the nodes of ``_reached``) from their rows: names
    weighted by mentions in order of first row, number of articles, knowledge-base ids (the
    last row's win). Returns every row with its link (None when there are too many to read:
    then aggregated in SQL) and the rows with roles, in row order."""
    rows = store.query(_ROW_LEVEL, [SUMMARISE_IN_SQL_ABOVE + 1])  # unordered: the scan stops at the limit
    rows.sort(key=lambda row: (row["doc_id"], row["entity_id"]))  # as DuckDB orders strings (by code point)
    every: list[dict] | None = rows
    if len(rows) > SUMMARISE_IN_SQL_ABOVE:  # many: aggregated in SQL
        every = None
        for fam, norm, name, weight, _, n_docs, whole in store.con.execute(_NAMES).fetchall():
            if whole:
                nodes[(fam, norm)].docs = range(n_docs)  # only the number counts (``_merge_people``)
            else:
                nodes[(fam, norm)].names[name] += int(weight)
        rows = store.query(_EXTRA)  # knowledge-base ids and roles
    else:
        for row in rows:
            node = nodes[(row["fam"], row["norm"])]
            node.names[row["name"]] += row["n_mentions"] or 1
            node.docs.add(row["doc_id"])
    role_rows = []
    for row in rows:  # in row order
        if row["kb"] not in (None, "", "{}"):
            nodes[(row["fam"], row["norm"])].kb.update(resolve.row_kb(row))
        if row["roles"] not in (None, "", "[]"):
            role_rows.append(row)
    return every, role_rows


def _surname_links(store: Store, nodes: dict, clusters: resolve.Clusters, single: list, role_rows: list,
                   new: list[str] = (), every: list[dict] | None = None) -> list[dict]:  # fmt: skip
    """The links of the surname-only rows of nodes ``single`` that can have changed (see
    the module doc): those of the new articles ``new``, every row of a surname whose
    context digest changed (``resolve.surname_contexts``, kept in ``surname_context``), and
    the rows whose article names an entity that a new article naming one of the surname's
    people in full adds to that person's context. ``every``: every row of the reached
    nodes, when ``_summarise`` read them (the surname-only rows are taken from them)."""
    if not single:
        return []
    every_row = sum(len(nodes[k].docs) for k in single) < RELINK_ALL_BELOW
    stored: dict = {}
    if every is not None:
        rows = _single_rows(every, single, None if every_row else set(new))
    if every is None or not every_row:
        with table(store, "_single", [{"fam": f, "norm": n} for f, n in single], "fam", "norm"), \
                (nullcontext() if every_row else ids(store, "_new_docs", new)):  # fmt: skip
            if every is None:
                rows = store.query(_EVERY_ROW if every_row else _TITLED_OR_NEW)
            if not every_row:
                stored = dict(store.con.execute(_STORED_CONTEXT).fetchall())
    ctx = _Context(nodes, clusters, resolve._surname_index(nodes, clusters), {}, {})
    _add_fulls(ctx, rows)
    # organisations of roles: the role rows' articles (full names and surname-only rows)
    full_roles = [r for r in role_rows if len(nodes[(r["fam"], r["norm"])].tokens) >= 2 and r["fam"] == "PERSON"]
    with_roles = [r for r in rows if r["roles"] not in (None, "", "[]")]
    role_docs = {r["doc_id"] for r in [*full_roles, *with_roles]}
    ctx.doc_nodes = _doc_nodes(store, role_docs if every_row else role_docs | set(new))
    for row in full_roles:
        ctx.orgs_of.setdefault(clusters.find((row["fam"], row["norm"])), set()).update(resolve._role_orgs(row, ctx.doc_nodes))
    titled = [r for r in with_roles if resolve._titles(r)]
    ctx.offices, ctx.titles = resolve._offices(titled, {i: (r["fam"], r["norm"]) for i, r in enumerate(titled)}, ctx)
    digests = resolve.surname_contexts(ctx, single)
    changed = [s for s, digest in digests.items() if stored.get(s) != digest]
    if not every_row:
        rows = _rows_to_relink(store, ctx, rows, digests, changed, new)
    _count_context(store, ctx, rows)
    links = []
    for row in rows:
        node = nodes[(row["fam"], row["norm"])]
        root, confidence, evidence = resolve._surname_target(row, node, ctx)
        links.append({"doc_id": row["doc_id"], "entity_id": row["entity_id"], "gid": resolve.gid_for(root),
                      "confidence": confidence, "evidence": evidence})  # fmt: skip
    written = [{"surname": s, "digest": digests[s]} for s in sorted(changed)]
    store.insert_rows("surname_context", written, replace=True)
    return links


def _single_rows(every: list[dict], single: list, new: set[str] | None) -> list[dict]:
    """``_EVERY_ROW`` (``new`` None) or ``_TITLED_OR_NEW`` (``new``: the articles joined)
    over ``every``, the rows of the reached nodes (in row order): they hold every full name
    of a reached surname (a person's node shares a ``surname|`` key with the surname's)."""
    fulls: dict[tuple[str, str], list[str]] = {}
    for row in every:
        if row["fam"] == "PERSON" and " " in row["norm"]:
            fulls.setdefault((row["doc_id"], row["norm"].rsplit(" ", 1)[1]), []).append(row["norm"])
    wanted = set(single)
    return [dict(row, fulls=fulls.get((row["doc_id"], row["norm"]))) for row in every
            if (row["fam"], row["norm"]) in wanted
            and (new is None or row["roles"] not in (None, "", "[]") or row["doc_id"] in new)]  # fmt: skip


def _add_fulls(ctx: _Context, rows: list[dict]) -> None:
    """Record the full names of their surname the articles of surname-only ``rows`` give."""
    for row in rows:
        if row["fulls"]:
            here = ctx.full_in_doc.setdefault((row["doc_id"], row["norm"]), set())
            here.update(ctx.clusters.find(("PERSON", f)) for f in row["fulls"])


def _hits(ctx: _Context, digests: dict, changed: list[str], new: list[str]) -> tuple[list[dict], list[dict]]:
    """For each surname whose digest stayed the same, each of its people a new article names
    in full, and each entity of those articles (other than people of that surname): a
    stored row of that surname whose article names one of them counts one more shared
    entity now if no stored article naming that person named it (``_TO_RELINK``). Returns
    those (surname, root, fam, norm) and the full names (root, fam, norm) of the people."""
    naming: dict = {}  # person (root) -> new articles naming them in full
    for doc_id in new:
        for node in ctx.doc_nodes.get(doc_id, {}).values():
            if node[0] == "PERSON" and " " in node[1]:
                naming.setdefault(ctx.clusters.find(node), set()).add(doc_id)
    hits = set()
    for surname in digests.keys() - set(changed):
        for root, _ in ctx.surnames.get(surname, []):
            for doc_id in naming.get(root, ()):
                hits.update((surname, resolve.gid_for(root), n) for n in ctx.doc_nodes[doc_id].values()
                            if not (n[0] == "PERSON" and n[1].split()[-1] == surname))
    roots = {g for _, g, _ in hits}
    full = ((resolve.gid_for(ctx.clusters.find(k)), k) for k, node in ctx.nodes.items()
            if k[0] == "PERSON" and len(node.tokens) >= 2)  # fmt: skip
    members = sorted((g, k) for g, k in full if g in roots)
    return ([{"surname": s, "root": g, "fam": n[0], "norm": n[1]} for s, g, n in sorted(hits)],
            [{"root": g, "fam": k[0], "norm": k[1]} for g, k in members])  # fmt: skip


def _rows_to_relink(store: Store, ctx: _Context, rows: list[dict], digests: dict, changed: list[str],
                    new: list[str]) -> list[dict]:  # fmt: skip
    """The surname-only rows to link, of ``rows`` (those with roles and those of the new
    articles ``new``) and the stored ones: every row of a surname whose digest ``changed``
    (but one first seen in the new articles has none stored), and the rows ``_hits`` names."""
    fresh = set(new)
    rows = [r for r in rows if r["doc_id"] in fresh]
    in_new: dict = {}  # surname -> the new articles naming it alone
    for row in rows:
        in_new.setdefault(row["norm"], set()).add(row["doc_id"])
    every = sorted(s for s in changed if len(ctx.nodes[("PERSON", s)].docs) > len(in_new.get(s, ())))
    hits, members = _hits(ctx, digests, changed, new)
    if every or hits:
        with ids(store, "_every", every, "surname"), ids(store, "_new_docs", new), \
                table(store, "_hits", hits, "surname", "root", "fam", "norm"), \
                table(store, "_members", members, "root", "fam", "norm"):  # fmt: skip
            stored = store.query(_TO_RELINK)
        _add_fulls(ctx, stored)
        rows += stored
    return rows


def _count_context(store: Store, ctx: _Context, rows: list[dict]) -> None:
    """The context counts (``_SHARED``) of the ``rows`` whose article names no full name
    of their surname, into ``ctx.counted``."""
    need, full = set(), {}
    for row in rows:
        surname = row["norm"]
        if not ctx.full_in_doc.get((row["doc_id"], surname)):
            need.update((row["doc_id"], surname, root) for root, _ in ctx.surnames.get(surname, []))
    ctx.counted = {}
    if not need:
        return
    for key, node in ctx.nodes.items():
        if key[0] == "PERSON" and len(node.tokens) >= 2:
            full[key] = ctx.clusters.find(key)
    root_of = {resolve.gid_for(r): r for r in set(full.values())}
    needed = [{"doc_id": d, "surname": s, "root": resolve.gid_for(r)} for d, s, r in need]
    fulls = [{"fam": k[0], "norm": k[1], "root": resolve.gid_for(r)} for k, r in full.items()]
    with table(store, "_need", needed, "doc_id", "surname", "root"), \
            table(store, "_full", fulls, "fam", "norm", "root"):  # fmt: skip
        for doc_id, surname, root, count, named in store.con.execute(_SHARED).fetchall():
            ctx.counted.setdefault((doc_id, surname), {})[root_of[root]] = (count, named)


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


def _write(store: Store, node_links: list[dict], row_links: list[dict],
           rows: list[dict] | None = None) -> tuple[list[dict], set[str], list[dict]]:  # fmt: skip
    """Rewrite the links that differ (compared in Python when every row of the nodes and
    its link were read, ``rows``; else in SQL); returns the rows whose graph entity changed,
    the graph entities concerned (old and new) and the rows whose link was rewritten."""
    cols = ("gid", "confidence", "evidence")
    if rows is None:
        with table(store, "_node_links", node_links, "fam", "norm", *cols), \
                table(store, "_row_links", row_links, "doc_id", "entity_id", *cols):  # fmt: skip
            diff = store.query(_DIFF)
    else:
        diff = _diff(node_links, row_links, rows)
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


def _diff(node_links: list[dict], row_links: list[dict], rows: list[dict]) -> list[dict]:
    """``_DIFF`` over ``rows`` (every row of the nodes, with its link ``old_*``): the new
    links of the rows of ``node_links``' nodes and of ``row_links`` that differ from the
    stored ones (no link, another graph entity, or another confidence or evidence)."""
    by_node = {(k["fam"], k["norm"]): k for k in node_links}
    by_row = {(k["doc_id"], k["entity_id"]): k for k in row_links}
    diff = []
    for row in rows:
        link = by_node.get((row["fam"], row["norm"])) or by_row.get((row["doc_id"], row["entity_id"]))
        if link is None:
            continue
        old_gid, old_confidence, old_evidence = row["old_gid"], row["old_confidence"], row["old_evidence"]
        if (old_gid is None or old_gid != link["gid"]  # as SQL compares: a NULL on either side is no difference
                or (old_confidence is not None and link["confidence"] is not None and old_confidence != link["confidence"])
                or (old_evidence is not None and link["evidence"] is not None and old_evidence != link["evidence"])):  # fmt: skip
            diff.append({"doc_id": row["doc_id"], "entity_id": row["entity_id"], "gid": link["gid"],
                         "confidence": link["confidence"], "evidence": link["evidence"], "old_gid": old_gid})  # fmt: skip
    return diff
