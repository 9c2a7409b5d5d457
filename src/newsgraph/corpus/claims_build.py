"""Keep origins and claims current as articles arrive, in time proportional to the new ones.

``update`` (called by ``corpus.build.rebuild`` inside its transaction, after the
near-duplicate groups and event clusters are rebuilt):
1. reads only the articles not seen before, and stores their facts once: outlet and wire
   line (``doc_sources``), passage fingerprints (``doc_passages``), statements
   (``claim_statements``) and quotation fingerprints (``quote_grams``);
2. finds the links of the new articles (shared passages, wire lines: ``origin_links``),
   recomputes the components and rewrites ``documents.origin_id`` and ``origins`` only
   where an article's origin changed;
3. recomputes the quantity claims of the object keys those articles' statements have,
   and the quote claims their quotations reach (the claims of matching quotations, and
   their members); the rest of ``claims`` and ``claim_sources`` is left as it was;
4. refreshes the event claims from the event clusters (one SQL aggregation).
Grouping is order-free (connected components) and claim ids come from a claim's first
statement, so adding articles in chunks gives the same tables as adding them at once.
"""

from __future__ import annotations

from datetime import timedelta

import msgspec
import pyarrow as pa

from newsgraph.corpus import claims, origins, statements
from newsgraph.corpus.sqltemp import ids, table
from newsgraph.store import claim_index
from newsgraph.store.db import Store

_NEW_DOCS = """
SELECT d.id, d.text, d.url, d.source, d.published, d.record, m.hashes
FROM documents d JOIN _unseen u ON u.doc_id = d.id LEFT JOIN doc_minhash m ON m.doc_id = d.id
"""
_PASSAGE_LINKS = """
WITH fresh AS (SELECT p.doc_id, p.hash FROM doc_passages p JOIN _fresh USING (doc_id)),
     common AS (SELECT hash FROM doc_passages WHERE hash IN (SELECT hash FROM fresh)
                GROUP BY hash HAVING count(DISTINCT doc_id) <= ?)
SELECT f.doc_id AS a, p.doc_id AS b FROM fresh f JOIN common USING (hash)
JOIN doc_passages p ON p.hash = f.hash AND p.doc_id <> f.doc_id
GROUP BY 1, 2 HAVING count(DISTINCT f.hash) >= ?
"""
_WIRE_DOCS = """
SELECT s.doc_id, s.wire_line, d.published, m.hashes FROM doc_sources s JOIN documents d ON d.id = s.doc_id
JOIN doc_minhash m ON m.doc_id = s.doc_id WHERE s.wire_line IS NOT NULL AND list_contains(?, s.wire_line)
"""
_STATEMENT_COLS = """doc_id, kind, idx, start, "end", text, bucket, value, low, high, approx, unit, object, speaker,
attribution, credited, published, sentence_start, sentence_end, places, actors, names, event_types, norm, words"""
_EVENT_REPORTS = """
SELECT r.cluster_id, r.doc_id, r.idx, e.trigger_start AS start, e.trigger_end AS "end", e.trigger AS text,
       d.published, coalesce(s.speaker, e.source_name) AS speaker, coalesce(s.attribution, 'outlet') AS attribution,
       s.credited, coalesce(s.sentence_start, e.trigger_start) AS sentence_start,
       coalesce(s.sentence_end, e.trigger_end) AS sentence_end,
       c.type, c.source_name, c.target_name, c.place, c.date_first
FROM event_reports r JOIN event_clusters c USING (cluster_id) JOIN events e USING (doc_id, idx)
JOIN documents d ON d.id = r.doc_id
LEFT JOIN claim_statements s ON s.kind = 'event' AND s.doc_id = r.doc_id AND s.idx = r.idx
WHERE c.n_docs >= 2 {only}
"""


def update(store: Store, *, regrouped: set[str] | None = None, clusters: set[str] | None = None) -> dict[str, int]:
    """Bring origins and claims up to date with the stored articles (inside the caller's
    transaction); returns the sizes of what was recomputed. ``corpus.build`` passes the
    documents whose near-duplicate group changed (``regrouped``) and the event clusters it
    rewrote (``clusters``): then only the origins those reach and the event claims of those
    clusters are recomputed; without them, every origin and event claim is."""
    new = _add_documents(store)
    if regrouped is None:
        changed = _update_origins(store, new)
    else:
        changed = _update_origins(store, new, reach={*new, *regrouped})
    out = _Rewrites()  # every kind's claims are deleted and written together, at the end
    n_quantity = _update_quantity_claims(store, new, changed, out)
    n_quote = _update_quote_claims(store, new, changed, out)
    _update_event_claims(store, None if clusters is None else (clusters, changed), out)
    out.write(store)
    return {"claims_new_documents": len(new), "origins_changed": len(changed),
            "quantity_claims_recomputed": n_quantity, "quote_claims_recomputed": n_quote}  # fmt: skip


def reset(store: Store) -> None:
    """Forget every origin and claim (the next ``update`` recomputes them all)."""
    for name in ("doc_sources", "doc_passages", "origin_links", "origins", "claim_statements", "quote_grams",
                 "claims", "claim_sources"):  # fmt: skip
        store.con.execute(f"DELETE FROM {name}")
    store.con.execute("UPDATE documents SET origin_id = NULL")


def _add_documents(store: Store) -> list[str]:
    """Store the per-article facts of the articles not seen before; returns their ids."""
    unseen = [r[0] for r in store.con.execute(  # ids first: the texts and records of only these are read
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM doc_sources)").fetchall()]  # fmt: skip
    with ids(store, "_unseen", unseen):
        rows = store.query(_NEW_DOCS + " ORDER BY d.id")
    sources, passages, stmts, grams = [], [], [], []
    for row in rows:
        record = msgspec.json.decode(row["record"])
        src = origins.doc_source(row)
        sources.append(src)
        direct = [(q["start"], q["end"]) for q in record.get("quotes") or [] if q.get("kind") == "direct"]
        passages += [{"doc_id": row["id"], "hash": h} for h in origins.passages(row["text"] or "", direct)]
        for s in statements.of_record(record, src["outlet"]):
            grams += [{"doc_id": s["doc_id"], "idx": s["idx"], "gram": g} for g in s.pop("grams", ())]
            stmts.append(s)
    store.insert_rows("doc_sources", sources)
    store.insert_rows("doc_passages", passages)
    store.insert_rows("claim_statements", stmts)
    store.insert_rows("quote_grams", grams)
    new = [r["id"] for r in rows]
    with ids(store, "_fresh", new):
        found = store.con.execute(_PASSAGE_LINKS, [origins.MAX_DF, origins.MIN_SHARED]).fetchall()
    links = [origins._link(a, b, "shared passage") for a, b in found]
    wired = [dict(s, published=r["published"], hashes=r["hashes"] or []) for s, r in zip(sources, rows, strict=True)
             if s["wire_line"]]  # fmt: skip
    if wired:
        others = store.query(_WIRE_DOCS, [sorted({w["wire_line"] for w in wired})])
        links += origins.wire_links(wired, others)
    store.insert_rows("origin_links", list({(k["doc_a"], k["doc_b"], k["reason"]): k for k in links}.values()))
    return new


_REACH_DOCS = """
SELECT doc_id FROM _seeds
UNION SELECT doc_b FROM origin_links JOIN _seeds ON doc_a = doc_id
UNION SELECT doc_a FROM origin_links JOIN _seeds ON doc_b = doc_id
UNION SELECT g.doc_id FROM doc_groups g WHERE g.group_id IN (SELECT group_id FROM doc_groups JOIN _seeds USING (doc_id))
"""
_REACH_MEMBERS = """
WITH reach AS ({reach})
SELECT d.id, d.published, d.origin_id FROM documents d
WHERE d.id IN (SELECT doc_id FROM reach)
   OR d.origin_id IN (SELECT origin_id FROM documents JOIN reach ON id = doc_id WHERE origin_id IS NOT NULL)
"""


def _update_origins(store: Store, new: list[str], reach: set[str] | None = None) -> list[str]:
    """Recompute the origin components (of every article, or of those ``reach`` can
    change: the articles linked or grouped with them and every member of their origins;
    links only ever join components, so nothing else moves); write the changed ones;
    returns the ids of the articles whose origin changed (the new ones included)."""
    if reach is None:
        docs = store.con.execute("SELECT id, published, origin_id FROM documents").fetchall()
        edges = store.con.execute("SELECT doc_id, 'sha1:' || substr(group_id, 3) FROM doc_groups").fetchall()
        edges += store.con.execute("SELECT doc_a, doc_b FROM origin_links").fetchall()
    else:
        with ids(store, "_seeds", reach):
            docs = store.con.execute(_REACH_MEMBERS.format(reach=_REACH_DOCS)).fetchall()
        with ids(store, "_m", [d for d, _, _ in docs]):
            edges = store.con.execute("SELECT doc_id, 'sha1:' || substr(group_id, 3) FROM doc_groups "
                                      "JOIN _m USING (doc_id)").fetchall()  # fmt: skip
            edges += store.con.execute("SELECT doc_a, doc_b FROM origin_links WHERE doc_a IN (SELECT doc_id FROM _m) "
                                       "OR doc_b IN (SELECT doc_id FROM _m)").fetchall()  # fmt: skip
    origin_of = origins.components([(d, p) for d, p, _ in docs], edges)
    changed = [d for d, _, old in docs if origin_of[d] != old]
    if not changed:
        return []
    touched = {origin_of[d] for d in changed} | {old for d, _, old in docs if d in set(changed) and old}
    table = pa.table({"id": changed, "origin_id": [origin_of[d] for d in changed]})
    store.con.register("_origin_updates", table)
    try:
        store.con.execute("UPDATE documents SET origin_id = u.origin_id FROM _origin_updates u WHERE documents.id = u.id")
    finally:
        store.con.unregister("_origin_updates")
    with ids(store, "_touched", touched, "origin_id"):
        store.con.execute("DELETE FROM origins WHERE origin_id IN (SELECT origin_id FROM _touched)")
    members = {d: o for d, o in origin_of.items() if o in touched}
    with ids(store, "_members", members):
        info = {r["doc_id"]: r for r in store.query(
            "SELECT s.doc_id, s.outlet, s.wire, d.published FROM doc_sources s JOIN _members USING (doc_id) "
            "JOIN documents d ON d.id = s.doc_id")}  # fmt: skip
    store.insert_rows("origins", origins.origin_rows(members, info))
    return changed


def _statements(store: Store, where: str, params: list) -> list[dict]:
    return store.query(f"SELECT {_STATEMENT_COLS}, seed FROM claim_statements WHERE {where}", params)


def _context(store: Store, stmts: list[dict]) -> tuple[dict, dict]:
    with ids(store, "_ctx", {s["doc_id"] for s in stmts}):
        rows = store.con.execute("SELECT s.doc_id, d.origin_id, s.outlet FROM doc_sources s JOIN _ctx USING (doc_id) "
                                 "JOIN documents d ON d.id = s.doc_id").fetchall()  # fmt: skip
    return {d: o for d, o, _ in rows}, {d: out for d, _, out in rows}


class _Rewrites:
    """The claims an update deletes (``old``) and writes (``rows``, their ``sources``),
    deleted and written by ``write`` in one go for every kind (a claim id is of one kind,
    and no kind's build reads another's claims), with their list pages (schema 10);
    ``full``: the kinds rewritten whole (their pages all refreshed)."""

    def __init__(self) -> None:
        self.old: list[str] = []
        self.rows: list[dict] = []
        self.sources: list[dict] = []
        self.full: set[str] = set()

    def write(self, store: Store) -> None:
        if self.old:
            with ids(store, "_old_claims", sorted(set(self.old)), "claim_id"):
                store.con.execute("DELETE FROM claim_sources WHERE claim_id IN (SELECT claim_id FROM _old_claims)")
                store.con.execute("DELETE FROM claims WHERE claim_id IN (SELECT claim_id FROM _old_claims)")
        store.insert_rows("claims", self.rows)
        store.insert_rows("claim_sources", self.sources)
        for kind in sorted(self.full):
            claim_index.refresh_kind(store.con, kind)
        claim_index.refresh(store.con, [*self.old, *(r["claim_id"] for r in self.rows if r["kind"] not in self.full)])


def _replace(store: Store, kind: str, old_ids: list[str], groups: list[list[dict]], stmts: list[dict],
             out: _Rewrites | None = None) -> int:  # fmt: skip
    """Delete claims ``old_ids`` and write ``groups`` as claims of ``kind`` (now, or with
    ``out``'s when given); returns the number of claims written."""
    origin_of, outlet_of = _context(store, stmts)
    now = out is None
    out = _Rewrites() if now else out
    out.old += old_ids
    written = len(out.rows)
    for members in groups:
        built = claims.claim_rows(kind, members, origin_of, outlet_of)
        if built:
            out.rows.append(built[0])
            out.sources += built[1]
    if now:
        out.write(store)
    return len(out.rows) - written


# the statements of a bucket's window that can matter: those from the earliest new one on
# (a superset: ``w.first``, its date, NULL when undated) and the earlier ones that started a group
_WINDOW_STATEMENTS = """
SELECT {cols}, s.seed FROM claim_statements s JOIN _win w USING (bucket)
WHERE s.kind = 'quantity' AND (s.published IS NULL OR try_cast(left(s.published, 10) AS DATE) IS NULL
                               OR s.published >= w.since)
  AND (s.seed IS NULL OR s.seed = s.doc_id || chr(31) || s.idx::VARCHAR
       OR s.published IS NULL OR s.published >= w.first)
"""


# what grouping quantity statements reads (``claims.seeded``, ``claims.same_quantity``): the
# window's statements are only grouped (a group's claim reads its statements whole)
_GROUPING_COLS = ("doc_id", "idx", "start", "bucket", "value", "low", "high", "approx", "published", "places", "actors",
                  "event_types", "words")  # fmt: skip


def _key(s: dict) -> str:
    return f"{s['doc_id']}\x1f{s['idx']}"


def _update_quantity_claims(store: Store, new: list[str], changed: list[str], out: _Rewrites | None = None) -> int:
    """Regroup the quantity statements of each bucket the new articles add to, from the
    earliest new one on (``claims.seeded`` is in publication order: what comes before it
    keeps its group), against the groups started within ``claims.WINDOW_DAYS`` before it
    (no earlier one can take a later statement); then rewrite the claims of those groups
    and of the groups holding statements of the articles whose origin changed."""
    if not changed:
        return 0
    with ids(store, "_new", new):
        fresh = _statements(store, "kind = 'quantity' AND doc_id IN (SELECT doc_id FROM _new)", [])
    start: dict[str, tuple] = {}
    for s in fresh:
        start[s["bucket"]] = min(start.get(s["bucket"], claims._order(s)), claims._order(s))
    window = []
    for bucket, first in start.items():
        day = claims._day(first[1] or None)
        since = (day - timedelta(days=claims.WINDOW_DAYS)).isoformat() if day else (first[1] or "\uffff")
        window.append({"bucket": bucket, "since": since, "first": None if first[0] else first[1]})
    with table(store, "_win", window, "bucket", "since", "first"):
        loaded = store.query(_WINDOW_STATEMENTS.format(cols=", ".join(f"s.{c}" for c in _GROUPING_COLS)))
    by_bucket: dict[str, list[dict]] = {}
    for s in loaded:
        by_bucket.setdefault(s["bucket"], []).append(s)
    assigned, regrouped = [], set()
    for bucket, stmts in by_bucket.items():
        later = [s for s in stmts if claims._order(s) >= start[bucket]]
        earlier = sorted((s for s in stmts if claims._order(s) < start[bucket] and s["seed"] == _key(s)), key=claims._order)
        regrouping = {id(s) for s in later}
        for group in claims.seeded(later, claims.same_quantity, [[s] for s in earlier]):
            seed = _key(group[0])
            moved = [s for s in group if id(s) in regrouping and s["seed"] != seed]
            if moved:  # a group nothing joined or left is as it was
                regrouped.add(seed)
            assigned += [{"doc_id": s["doc_id"], "idx": s["idx"], "seed": seed} for s in moved]
            regrouped.update(s["seed"] for s in moved if s["seed"])  # the groups they left
    with table(store, "_seeds", assigned, "doc_id", "idx", "seed"):
        old = [r[0] for r in store.con.execute("""SELECT DISTINCT c.claim_id FROM claim_sources c JOIN _seeds USING (doc_id, idx)
            WHERE c.kind = 'quantity' AND c.first""").fetchall()]  # fmt: skip
        store.con.execute("""UPDATE claim_statements SET seed = a.seed FROM _seeds a WHERE claim_statements.kind = 'quantity'
            AND claim_statements.doc_id = a.doc_id AND claim_statements.idx = a.idx""")  # fmt: skip
    with ids(store, "_changed", changed):
        regrouped.update(r[0] for r in store.con.execute(
            "SELECT seed FROM claim_statements JOIN _changed USING (doc_id) WHERE kind = 'quantity'").fetchall())  # fmt: skip
    regrouped.discard(None)
    with ids(store, "_groups", regrouped, "seed"):
        stmts = _statements(store, "kind = 'quantity' AND seed IN (SELECT seed FROM _groups)", [])
        old += [r[0] for r in store.con.execute("""SELECT DISTINCT c.claim_id FROM claim_sources c
            JOIN _groups g ON g.seed = c.doc_id || chr(31) || c.idx::VARCHAR WHERE c.kind = 'quantity' AND c.first""").fetchall()]  # fmt: skip
    groups: dict[str, list[dict]] = {}
    for s in stmts:
        groups.setdefault(s.pop("seed"), []).append(s)
    return _replace(store, "quantity", sorted(set(old)), list(groups.values()), stmts, out)


_QUOTE_PAIRS = """
WITH n AS (SELECT g.doc_id, g.idx, g.gram FROM quote_grams g JOIN _new USING (doc_id))
SELECT DISTINCT n.doc_id, n.idx, g.doc_id, g.idx, g.doc_id IN (SELECT doc_id FROM _new) FROM n
JOIN quote_grams g ON g.gram = n.gram AND (g.doc_id <> n.doc_id OR g.idx <> n.idx)
"""
_QUOTE_CLAIMS = """
SELECT cs.claim_id, cs.doc_id, cs.idx FROM claim_sources cs WHERE cs.kind = 'quote' AND cs.claim_id IN
    (SELECT claim_id FROM claim_sources JOIN _keys USING (doc_id, idx) WHERE kind = 'quote')
"""
_SAME_DOC_PAIRS = """
WITH s AS (SELECT g.doc_id, g.idx, g.gram FROM quote_grams g JOIN _docs USING (doc_id))
SELECT DISTINCT a.doc_id, a.idx, b.idx FROM s a JOIN s b ON a.doc_id = b.doc_id AND a.gram = b.gram AND a.idx < b.idx
"""


def _update_quote_claims(store: Store, new: list[str], changed: list[str], out: _Rewrites | None = None) -> int:
    """Regroup the quotations the new articles' quotations reach, and rewrite the claims
    concerned (those and the claims of articles whose origin changed).

    A quote claim is a connected group of quotations (sharing a word gram and alike,
    ``claims.same_quote``) holding two articles or more. The groups of the stored
    quotations are known (their claims, or for a quotation in no claim, the quotations of
    its own article it is alike with), so only the pairs with a new quotation are tested:
    the cost follows the reuses of the new quotations, not the square of a group's size."""
    if not changed:
        return 0
    q = store.con.execute
    with ids(store, "_new", new):
        fresh, pairs = _quote_pairs(q(_QUOTE_PAIRS))
    with ids(store, "_new", new):
        fresh |= set(q("SELECT doc_id, idx FROM claim_statements JOIN _new USING (doc_id) WHERE kind = 'quote'").fetchall())
    with ids(store, "_changed", sorted(set(changed) - set(new))):  # their claims' origins may differ
        recount = set(q("SELECT doc_id, idx FROM claim_sources JOIN _changed USING (doc_id) WHERE kind = 'quote'").fetchall())
    reached = {b for _, b in pairs if b not in fresh} | recount
    with table(store, "_keys", [{"doc_id": d, "idx": i} for d, i in reached], "doc_id", "idx"):
        old_rows = q(_QUOTE_CLAIMS).fetchall()
    claimed = {(d, i) for _, d, i in old_rows}
    members: dict[str, list] = {}
    for claim_id, d, i in old_rows:
        members.setdefault(claim_id, []).append((d, i))
    alone = {d for d, i in reached if (d, i) not in claimed}  # their group lies in their own article
    with ids(store, "_docs", alone):
        same_doc = [((d, i), (d, j)) for d, i, j in q(_SAME_DOC_PAIRS).fetchall()]
        keys = fresh | claimed | {k for pair in same_doc for k in pair} | reached
    with table(store, "_keys", [{"doc_id": d, "idx": i} for d, i in keys], "doc_id", "idx"):  # wording only, first
        stmts = store.query("SELECT doc_id, idx, norm FROM claim_statements JOIN _keys USING (doc_id, idx) WHERE kind = 'quote'")
    index = {(s["doc_id"], s["idx"]): n for n, s in enumerate(stmts)}
    known = [(index[group[0]], index[k]) for group in members.values() for k in group[1:]]
    tested = [(index[a], index[b]) for a, b in [*same_doc, *pairs]]
    groups = claims.group(stmts, claims.same_quote, tested, joined=known)
    # rewritten: the groups a new quotation is in, and the claims of articles whose origin
    # changed; a stored group a new quotation only shares a gram with stays as it is
    touched = fresh | recount
    groups = [g for g in groups if any((s["doc_id"], s["idx"]) in touched for s in g)]
    in_groups = {(s["doc_id"], s["idx"]) for g in groups for s in g}
    old = sorted(c for c, group in members.items() if group[0] in in_groups)
    with table(store, "_keys", [{"doc_id": d, "idx": i} for d, i in in_groups], "doc_id", "idx"):
        full = {_key(s): s for s in _statements(store, "kind = 'quote' AND EXISTS (SELECT 1 FROM _keys k "
                                                        "WHERE k.doc_id = claim_statements.doc_id AND k.idx = claim_statements.idx)", [])}  # fmt: skip
    groups = [[full[_key(s)] for s in g] for g in groups]
    return _replace(store, "quote", old, groups, [s for g in groups for s in g], out)


_PAIR_BATCH = 50_000  # rows of quotation candidates read at once


def _quote_pairs(cursor) -> tuple[set, list]:
    """The new quotations with a candidate and the candidate pairs to test, from the rows of
    ``_QUOTE_PAIRS`` on ``cursor``: read in batches, each (doc_id, idx) key held once. The
    candidates grow with the store (some 500,000 rows per 2,500 articles at 100k), and read
    whole, with their strings copied per row, they held ~250 MB of Python objects there."""
    keys: dict = {}
    fresh, pairs = set(), []
    while batch := cursor.fetchmany(_PAIR_BATCH):
        for a, i, b, j, both in batch:
            key = keys.setdefault((a, i), (a, i))
            fresh.add(key)
            if not both or (a, i) < (b, j):
                pairs.append((key, keys.setdefault((b, j), (b, j))))
    return fresh, pairs


def _update_event_claims(store: Store, touched: tuple[set[str], list[str]] | None = None,
                         out: _Rewrites | None = None) -> int:  # fmt: skip
    """Rewrite the event claims from the event clusters: all of them, or (``touched``:
    clusters rewritten, articles whose origin changed) those of the clusters rewritten and
    of the clusters reporting those articles."""
    now = out is None
    out = _Rewrites() if now else out
    if touched is None:
        store.con.execute("DELETE FROM claim_sources WHERE kind = 'event'")
        store.con.execute("DELETE FROM claims WHERE kind = 'event'")
        reports = store.query(_EVENT_REPORTS.format(only=""))
        out.full.add("event")
    else:
        clusters, changed = touched
        with ids(store, "_changed", changed):
            clusters = set(clusters) | {r[0] for r in store.con.execute(
                "SELECT DISTINCT cluster_id FROM event_reports JOIN _changed USING (doc_id)").fetchall()}  # fmt: skip
        out.old += ["c:e:" + c.removeprefix("ev:") for c in clusters]
        with ids(store, "_clusters", clusters, "cluster_id"):
            reports = store.query(_EVENT_REPORTS.format(only="AND r.cluster_id IN (SELECT cluster_id FROM _clusters)"))
    by_cluster: dict[str, list[dict]] = {}
    for r in reports:
        by_cluster.setdefault(r["cluster_id"], []).append(r)
    stmts = [r for rows in by_cluster.values() for r in rows]
    origin_of, outlet_of = _context(store, stmts)
    for cluster_id, members in by_cluster.items():
        built = claims.event_claim_rows(cluster_id, members, origin_of, outlet_of)
        out.rows.append(built[0])
        out.sources += built[1]
    if now:
        out.write(store)
    return len(by_cluster)
