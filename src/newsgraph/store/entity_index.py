"""The entity index: what an entity's page reads, one row per linked entity row, so the
page costs what the entity has, not what the store holds (store schema 9).

``entity_docs`` holds one row per ``entity_links`` row: the graph entity (``gid``, and
``gkey``, an integer hash of it that a scan filters on cheaply), the article (``doc_id``
and its integer ``doc_no``, its ``published`` date), the row's link ``confidence`` and
``evidence``, its ``n_mentions``, its ``roles`` (NULL when it holds none), its number of
mention spans (``n_spans``) and of quotes it speaks (``n_quotes``), and the hash of its
article's story (``story``: its near-duplicate group, else itself). The spans and quotes
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

import json
import re

import pyarrow as pa

# An integer key for a string (a gid, a lookup key): filtered on by scans and point lookups.
HASH = "md5_number_lower({})"

_ROWS_SQL = """
INSERT INTO entity_docs
SELECT md5_number_lower(l.gid), l.gid, d.doc_no, l.doc_id, l.entity_id, d.published, l.confidence, l.evidence,
       e.n_mentions, CASE WHEN e.roles <> '[]' THEN e.roles END, coalesce(m.n, 0), coalesce(q.n, 0),
       md5_number_lower(coalesce(g.group_id, l.doc_id))
FROM entity_links l {only}
JOIN entities e ON e.doc_id = l.doc_id AND e.entity_id = l.entity_id
JOIN documents d ON d.id = l.doc_id
LEFT JOIN doc_groups g ON g.doc_id = l.doc_id
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


def refresh(store, rows: list[dict], gids: set[str], new: list[str] = ()) -> None:
    """Bring the index up to date after a build wrote the links of ``rows`` (dicts with
    ``doc_id`` and ``entity_id``), computed the graph entities ``gids`` again (their keys
    may have changed, or they may be gone) and joined the articles ``new`` (their
    near-duplicate groups changed). Runs in the caller's transaction."""
    con = store.con
    lost: set[str] = set()  # the graph entities of the rows rewritten (they may have lost them)
    if rows:
        _register(con, "_ix_rows", {"doc_id": [r["doc_id"] for r in rows], "entity_id": [r["entity_id"] for r in rows]})
        try:
            lost = {g for (g,) in con.execute("""DELETE FROM entity_docs USING _ix_rows r
                WHERE entity_docs.doc_id = r.doc_id AND entity_docs.entity_id = r.entity_id RETURNING gid""").fetchall()}
            docs = "JOIN (SELECT DISTINCT doc_id FROM _ix_rows) USING (doc_id)"
            con.execute(_ROWS_SQL.format(only="JOIN _ix_rows r ON r.doc_id = l.doc_id AND r.entity_id = l.entity_id",
                                         only_m=docs, only_q=docs))  # fmt: skip
        finally:
            con.unregister("_ix_rows")
    # every entity named in an article whose links or group changed (or that lost rows):
    # its counts, evidence, offices and first mentions and quotes may have changed
    _register(con, "_ix_new", {"doc_id": sorted(new)})
    try:
        members = "SELECT g.doc_id FROM doc_groups g WHERE g.group_id IN (SELECT group_id FROM doc_groups JOIN _ix_new USING (doc_id))"
        # the articles grouped with new ones: their story may have changed (regrouped);
        # the new ones' rows were just written with theirs
        moved = con.execute(f"""SELECT g.doc_id, md5_number_lower(coalesce(g.group_id, g.doc_id)) FROM doc_groups g
            WHERE g.doc_id IN ({members}) AND g.doc_id NOT IN (SELECT doc_id FROM _ix_new)""").fetchall()  # fmt: skip
        if moved:
            con.register("_ix_story", pa.table({"doc_id": pa.array([d for d, _ in moved], pa.string()),
                                                "story": pa.array([k for _, k in moved], pa.uint64())}))  # fmt: skip
            try:
                con.execute("""UPDATE entity_docs SET story = s.story FROM _ix_story s
                    WHERE entity_docs.doc_id = s.doc_id AND entity_docs.story <> s.story""")  # fmt: skip
            finally:
                con.unregister("_ix_story")
        touched = _gids_of(con, f"SELECT doc_id FROM _ix_rows UNION {members}", rows)
    finally:
        con.unregister("_ix_new")
    summarise(con, lost | touched | set(gids))
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
    # the quotes' cue_confidence comes with migration 12, their withheld with migration 14
    summarise(con, None, with_confidence=False, with_withheld=False)


def _gids_of(con, docs_sql: str, rows: list[dict]) -> set[str]:
    """The graph entities of the index rows of the articles ``docs_sql`` selects (reading
    ``_ix_rows``, registered from ``rows`` here)."""
    _register(con, "_ix_rows", {"doc_id": [r["doc_id"] for r in rows], "entity_id": [r["entity_id"] for r in rows]})
    try:
        return {g for (g,) in con.execute(f"SELECT DISTINCT gid FROM entity_docs WHERE doc_id IN ({docs_sql})").fetchall()}
    finally:
        con.unregister("_ix_rows")


# How many first mentions and first quotes an entity's summary keeps:
# the API's largest page (a larger ``limit`` is answered from the entity's rows instead).
TOP = 500

# Sorts and windows are most of its cost (a 30-article build summarises the ~4,000 rows of
# the ~450 entities it names): the running count of mentions before each article is taken
# only for entities with more than ``TOP`` mentions (the others list every mentioning row),
# a quote's copies are one grouping (count and first copy) rather than two windows, and the
# first ``TOP`` quotes a slice of the ordered list rather than a third window.
_SUMMARY_SQL = """
INSERT INTO entity_summary
WITH r AS (SELECT x.* FROM entity_docs x {only}),
spans AS (SELECT gid, sum(n_spans) AS n_spans FROM r GROUP BY gid),
ev AS (SELECT gid, to_json(list({{'evidence': evidence, 'confidence': confidence, 'n': n}} ORDER BY n DESC, evidence))
              AS evidence
       FROM (SELECT gid, evidence, min(confidence) AS confidence, count(*) AS n FROM r GROUP BY gid, evidence)
       GROUP BY gid),
dt AS (SELECT gid, doc_id, published, sum(n_spans) AS n FROM r
       WHERE n_spans > 0 AND gid IN (SELECT gid FROM spans WHERE n_spans > {top}) GROUP BY ALL),
dc AS (SELECT gid, doc_id, coalesce(sum(n) OVER (PARTITION BY gid ORDER BY published NULLS LAST, doc_id
                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before FROM dt),
me AS (SELECT r.gid, to_json(list({{'doc_id': r.doc_id, 'entity_id': r.entity_id, 'published': r.published,
                                   'confidence': r.confidence, 'evidence': r.evidence, 'n_spans': r.n_spans}}
                                  ORDER BY r.published NULLS LAST, r.doc_id, r.entity_id)) AS mentions
       FROM r LEFT JOIN dc ON dc.gid = r.gid AND dc.doc_id = r.doc_id
       WHERE coalesce(dc.before, 0) < {top} AND r.n_spans > 0
       GROUP BY r.gid),
qu AS (SELECT gid, to_json(list_slice(list(struct_insert(quote, copies := copies)
                                           ORDER BY quote.published NULLS LAST, quote.doc_id, quote.start,
                                                    quote."end", quote.kind, quote.cue), 1, {top})) AS quotes
       FROM (SELECT m.gid, count(*) AS copies,
                    first({{'doc_id': q.doc_id, 'published': m.published, 'kind': q.kind, 'text': q.text,
                           'start': q.start, 'end': q."end", 'cue': q.cue, 'cue_confidence': {cue_confidence},
                           'withheld': {withheld}}}
                          ORDER BY dg.canonical DESC NULLS LAST, q.doc_id, q.start, q."end", q.kind, q.cue)
                        AS quote
             FROM (SELECT gid, doc_id, entity_id, published FROM r WHERE n_quotes > 0) m
             JOIN (SELECT * FROM quotes WHERE doc_id IN (SELECT doc_id FROM r WHERE n_quotes > 0)) q
                  ON q.doc_id = m.doc_id AND q.speaker_entity = m.entity_id
             LEFT JOIN doc_groups dg ON dg.doc_id = q.doc_id
             GROUP BY m.gid, coalesce(dg.group_id, q.doc_id), q.text)
       GROUP BY gid)
SELECT md5_number_lower(s.gid), s.gid, s.n_spans, NULL, ev.evidence, me.mentions, qu.quotes
FROM spans s LEFT JOIN ev USING (gid) LEFT JOIN me USING (gid) LEFT JOIN qu USING (gid)
"""


def summarise(
    con, gids: set[str] | None, *, with_confidence: bool = True, with_withheld: bool = True
) -> None:
    """Compute again the summary rows (``entity_summary``) of the graph entities ``gids``
    (every one when None) from their index rows: the mention total, the merge evidence, the
    offices, the rows holding the first ``TOP`` mentions and the first ``TOP`` quotes (one per
    copy of a story). Not the co-occurring entities: counting them costs every article of
    every entity touched (2.9 s CPU for all of them at 5k articles, against 0.3 s for the
    rest), and keeping every pair's counts instead is ten times ``entity_links``; a page
    counts its entity's own (``corpus.queries``). ``with_confidence=False`` for a store whose
    quotes have no ``cue_confidence`` column yet (migration 9 on a store from before schema
    12; migration 13 summarises again once they have it); ``with_withheld=False`` for one
    whose quotes have no ``withheld`` column yet (migrations 9 and 13 on a store from before
    schema 14; migration 14 summarises again once they have it). A quote's ``withheld`` is
    a boolean: false for rows stored before the column (NULL)."""
    if gids is not None and not gids:
        return
    confidence = "q.cue_confidence" if with_confidence else "NULL::DOUBLE"
    withheld = "coalesce(q.withheld, false)" if with_withheld else "false"
    sql = _SUMMARY_SQL.replace("{cue_confidence}", confidence).replace("{withheld}", withheld)
    if gids is None:
        con.execute("DELETE FROM entity_summary")
        con.execute(sql.format(only="", top=TOP))
    else:
        _register(con, "_ix_sg", {"gid": sorted(gids)})
        try:
            con.execute("DELETE FROM entity_summary WHERE gid IN (SELECT gid FROM _ix_sg)")
            con.execute(sql.format(only="JOIN (SELECT md5_number_lower(gid) AS gkey, gid FROM _ix_sg) s "
                                                 "ON s.gkey = x.gkey AND s.gid = x.gid", top=TOP))  # fmt: skip
        finally:
            con.unregister("_ix_sg")
    _summarise_offices(con, gids)


_ENTITY_ID = re.compile(r"e\d+")


def _summarise_offices(con, gids: set[str] | None) -> None:
    """The offices of the graph entities ``gids`` (all when None): per role title and
    holder, the articles giving it. A holder named by an entity id of its article (``e2``)
    is kept as the graph entity that row links to (``of_gid``; its name is read when the
    page is), else by the article's own name for it; a plain name as written."""
    only = "" if gids is None else "AND gid IN (SELECT unnest(?))"
    rows = con.execute(f"SELECT gid, roles, doc_id FROM entity_docs WHERE roles IS NOT NULL {only} "
                       "ORDER BY gid, doc_id, entity_id",
                       [] if gids is None else [sorted(gids)]).fetchall()  # fmt: skip
    wanted = sorted({(d, role.get("of")) for _, roles, d in rows for role in json.loads(roles)
                     if role.get("of") and _ENTITY_ID.fullmatch(role.get("of"))})  # fmt: skip
    holders: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    if wanted:
        pairs = pa.table({"doc_id": [d for d, _ in wanted], "entity_id": [e for _, e in wanted]})
        con.register("_ix_of", pairs)
        try:
            for doc_id, entity_id, name, gid in con.execute("""
                    SELECT w.doc_id, w.entity_id, e.name, x.gid FROM _ix_of w
                    JOIN entities e ON e.doc_id = w.doc_id AND e.entity_id = w.entity_id
                    LEFT JOIN entity_docs x ON x.doc_id = w.doc_id AND x.entity_id = w.entity_id""").fetchall():  # fmt: skip
                holders[(doc_id, entity_id)] = (name, gid)
        finally:
            con.unregister("_ix_of")
    offices: dict[str, dict[tuple, set]] = {}
    for gid, roles, doc_id in rows:
        for role in json.loads(roles):
            of = role.get("of")
            name, of_gid = holders.get((doc_id, of), (of, None))
            key = (role.get("title"), None if of_gid else name, of_gid, name if of_gid else None)
            offices.setdefault(gid, {}).setdefault(key[:3], [set(), key[3]])[0].add(doc_id)
    values = {gid: json.dumps([{"title": t, "of": n, "of_gid": g, "name": fallback, "n_docs": len(docs)}
                               for (t, n, g), (docs, fallback) in sorted(entries.items(), key=lambda kv: str(kv[0]))])
              for gid, entries in offices.items()}  # fmt: skip
    if values:
        con.register("_ix_off", pa.table({"gid": list(values), "offices": list(values.values())}))
        try:
            con.execute("UPDATE entity_summary SET offices = o.offices FROM _ix_off o WHERE entity_summary.gid = o.gid")
        finally:
            con.unregister("_ix_off")


def _register(con, name: str, columns: dict[str, list]) -> None:
    con.register(name, pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()}))
