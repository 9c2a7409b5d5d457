"""The analyst's queries over a store, and the article list, links and map the web pages
need: plain data out (lists of dicts, or a dict), for the CLI's tables and JSON and the
HTTP API, through ``service``. This module and the store hold the SQL; nothing above them
does. They only read: the cross-article tables are the ones last built
(``corpus.build``), never rebuilt here.

Entities are graph entities (resolved across articles); counts of documents are also
given as counts of stories (near-duplicate groups), and events are deduplicated clusters
with their number of reports.
"""

from __future__ import annotations

import json
import re

from rapidfuzz import fuzz, process

from newsgraph.corpus.names import fold, name_key
from newsgraph.store.db import Store
from newsgraph.store.entity_index import HASH, TOP


def entities(store: Store, *, type: str | None = None, limit: int = 50, query: str | None = None) -> list[dict]:
    """Graph entities, most-reported (in stories) first, optionally of one ``type`` or
    whose name contains ``query``."""
    where, params = entity_where(type=type, query=query)
    sql = (f"SELECT gid, type, name, n_stories, n_docs, n_mentions, aliases FROM graph_entities "
           f"WHERE {where} ORDER BY n_stories DESC, n_mentions DESC, name LIMIT ?")  # fmt: skip
    return store.query(sql, params + [limit])


def entity_where(*, type: str | None = None, query: str | None = None) -> tuple[str, list]:
    """The WHERE clause over ``graph_entities`` for a ``type`` and a name containing ``query``."""
    where, params = ["TRUE"], []
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if query:
        # a key by its integer hash in the entity index, not by reading every entity's keys
        where.append(f"(name ILIKE ? OR gid IN (SELECT gid FROM entity_keys WHERE kkey = {HASH.format('?')} AND key = ?))")
        params += [f"%{query}%", fold(query), fold(query)]
    return " AND ".join(where), params


_ENTITY_COLUMNS = "gid, type, name, aliases, kb, n_stories, n_docs, n_mentions"


def entity_by_gid(store: Store, gid: str) -> dict | None:
    """The graph entity ``gid`` (as ``find_entity`` returns it), or None."""
    rows = store.query(f"SELECT {_ENTITY_COLUMNS} FROM graph_entities WHERE gid = ?", [gid])
    return rows[0] if rows else None


def find_entity(store: Store, name: str) -> dict | None:
    """The graph entity called ``name``: its canonical name or an alias, in any case,
    with or without a title or "the". None when no entity has that name: a different
    entity is never answered in its place (``suggest_entities`` lists the near ones)."""
    # the keys are looked up in the entity index by their integer hash (store.entity_index),
    # not by reading every graph entity's list of keys
    keys = _lookup_keys(name)
    gids = sorted({g for (g,) in store.con.execute(
        f"SELECT gid FROM entity_keys WHERE kkey IN ({_marks(keys, HASH.format('?'))}) AND list_contains(?, key)",
        [*keys, keys]).fetchall()})  # fmt: skip
    if not gids:
        return None
    # the few entities by their ids (an index lookup each), not by a join over every entity
    exact = store.query(f"""SELECT {_ENTITY_COLUMNS} FROM graph_entities WHERE gid IN ({_marks(gids)})
        ORDER BY (lower(name) = lower(?)) DESC, n_docs DESC, gid LIMIT 1""", [*gids, name])  # fmt: skip
    return exact[0] if exact else None


def _marks(values: list, mark: str = "?") -> str:
    """``?, ?, ...``: one placeholder (``mark``) per value, for an IN list a scan filters on."""
    return ", ".join(mark for _ in values) or "NULL"


def suggest_entities(store: Store, name: str, *, limit: int = 5, cutoff: float = 60) -> list[dict]:
    """Up to ``limit`` graph entities whose name is spelled close to ``name`` (a
    rapidfuzz score of at least ``cutoff`` out of 100), closest and most reported first:
    ``[{name, type, gid, score}]``."""
    rows = store.query("SELECT gid, name, type, n_docs FROM graph_entities")
    if not rows:
        return []
    by_gid = {r["gid"]: r for r in rows}
    matches = process.extract(fold(name), {r["gid"]: fold(r["name"]) for r in rows}, scorer=fuzz.WRatio,
                              score_cutoff=cutoff, limit=None)  # fmt: skip
    ranked = sorted(matches, key=lambda m: (-round(m[1]), -by_gid[m[2]]["n_docs"], by_gid[m[2]]["name"]))
    return [{"name": by_gid[gid]["name"], "type": by_gid[gid]["type"], "gid": gid, "score": round(score, 1)}
            for _, score, gid in ranked[:limit]]  # fmt: skip


def _lookup_keys(name: str) -> list[str]:
    """The keys a typed name may be stored under: folded, and without titles or "the"."""
    return sorted({fold(name), name_key(name, "PERSON"), name_key(name, "ORG")} - {""})


_ENTITY_ID = re.compile(r"e\d+")


def entity(store: Store, name: str | None, *, limit: int = 20, gid: str | None = None) -> dict | None:
    """Everything about one entity (by ``name``, or by its ``gid`` when given): offices
    held, mentions (with context), quotes by it, co-occurring entities (most shared
    articles, then mentions, first) and the evidence its mentions were merged on.

    Read from the entity index (``store.entity_index``, the entity's own rows found by the
    integer hash of its id), so the page costs what the entity has, not what the store holds."""
    found = entity_by_gid(store, gid) if gid else find_entity(store, name or "")
    if found is None:
        return None
    gid = found["gid"]
    found["kb"] = json.loads(found["kb"] or "{}")
    summary = store.query(f"SELECT * FROM entity_summary WHERE {_MINE}", [gid, gid]) if limit <= TOP else []
    if summary:  # kept by the join step: the page reads one row and the page's own articles
        row = summary[0]
        return {
            "entity": found,
            "offices": _summary_offices(store, json.loads(row["offices"] or "[]")),
            "mentions": _mention_page(store, json.loads(row["mentions"] or "[]"), row["n_spans"] or 0, limit),
            "quotes": _quote_page(store, found, json.loads(row["quotes"] or "[]")[:limit]),
            "cooccurring": _cooccurring(store, gid, limit),
            "evidence": json.loads(row["evidence"] or "[]"),
        }
    # a larger page than the summary keeps: from the entity's rows of the entity index
    mine = store.query(f"""SELECT doc_no, doc_id, entity_id, published, confidence, evidence, roles, n_spans, n_quotes
        FROM entity_docs WHERE {_MINE} ORDER BY published NULLS LAST, doc_id, entity_id""", [gid, gid])  # fmt: skip
    return {
        "entity": found,
        "offices": _offices(store, mine),
        "mentions": _mentions(store, mine, limit),
        "quotes": _entity_quotes(store, found, mine, limit),
        "cooccurring": _cooccurring(store, gid, limit),
        "evidence": _evidence(mine),
    }


def _names(store: Store, gids: list[str]) -> dict[str, dict]:
    """gid -> ``{name, type}`` of the graph entities ``gids`` (looked up in its index)."""
    gids = sorted(set(gids))
    if not gids:
        return {}
    # a few by the index, many by one join (an index fetch costs per row)
    where = f"gid IN ({_marks(gids)})" if len(gids) <= 64 else "gid IN (SELECT unnest(?))"
    rows = store.query(f"SELECT gid, name, type FROM graph_entities WHERE {where}", gids if len(gids) <= 64 else [gids])
    return {r.pop("gid"): r for r in rows}


def _summary_offices(store: Store, entries: list[dict]) -> list[dict]:
    """A summary's offices with their holders' names read now, ordered as ``_offices`` orders them."""
    names = _names(store, [e["of_gid"] for e in entries if e["of_gid"]])
    out = []
    for e in entries:
        linked = e["of_gid"] in names
        of = names[e["of_gid"]]["name"] if linked else (e["of"] if e["of"] is not None else e["name"])
        out.append({"title": e["title"], "of": of, "of_gid": e["of_gid"] if linked else None, "n_docs": e["n_docs"]})
    return sorted(out, key=lambda o: (-o["n_docs"], str((o["title"], o["of"], o["of_gid"]))))


def _evidence(mine: list[dict]) -> list[dict]:
    """Why the rows ``mine`` are one entity: each evidence, its lowest confidence and its
    number of rows, most rows (then the evidence's text) first."""
    seen: dict[str, dict] = {}
    for row in mine:
        entry = seen.setdefault(row["evidence"], {"evidence": row["evidence"], "confidence": row["confidence"], "n": 0})
        entry["n"] += 1
        if row["confidence"] is not None and (entry["confidence"] is None or row["confidence"] < entry["confidence"]):
            entry["confidence"] = row["confidence"]
    return sorted(seen.values(), key=lambda e: (-e["n"], e["evidence"] is None, e["evidence"] or ""))


# One graph entity's rows of the entity index: the integer hash first, which a scan filters
# on cheaply, then the id itself (two ids sharing a hash stay apart) where the rows are few
# (the summary, by its index); a scan of ``entity_docs`` filters on the hash alone, as a
# string test there costs more than the rest of the scan (two of a million graph entities
# share a 64-bit hash with odds of about 3 in 100 million).
_MINE = f"gkey = {HASH.format('?')} AND gid = ?"
_HASHED = f"gkey = {HASH.format('?')}"


def _cooccurring(store: Store, gid: str, limit: int) -> list[dict]:
    """The graph entities named in the articles naming ``gid``: shared articles, stories and
    their mentions there, most shared articles (then mentions, then name) first. Counted
    from the entity index's rows of those articles, on integers (``doc_no``, the hashes of
    entities and stories); ids and names are read for the page's candidates only (those
    whose counts reach the ``limit``-th's)."""
    # integer columns only (hashes of ids and stories, article numbers): a scan reads no string
    rows = store.query(f"""
        WITH counted AS (
            SELECT gkey, count(DISTINCT doc_no) AS n_docs, count(DISTINCT story) AS n_stories, sum(n_mentions) AS n_mentions
            FROM entity_docs WHERE doc_no IN (SELECT doc_no FROM entity_docs WHERE {_HASHED}) AND gkey <> {HASH.format("?")}
            GROUP BY gkey)
        SELECT * FROM (SELECT *, rank() OVER (ORDER BY n_docs DESC, n_mentions DESC) AS rk FROM counted)
        WHERE rk <= ?""", [gid, gid, limit])  # fmt: skip
    keys = sorted({r["gkey"] for r in rows})
    # the hashes as one typed list: Python integers as ``?`` each are compared as HUGEINT,
    # which no scan filter takes (7 -> 3 ms CPU at 100k)
    gid_of = dict(store.con.execute("SELECT gkey, gid FROM entity_summary WHERE gkey IN (SELECT unnest(?::UBIGINT[]))",
                                    [keys]).fetchall()) if keys else {}  # fmt: skip
    rows = [{**r, "gid": gid_of[r["gkey"]]} for r in rows if r["gkey"] in gid_of]
    names = _names(store, [r["gid"] for r in rows])
    out = [{"gid": r["gid"], **names[r["gid"]], "n_docs": r["n_docs"], "n_stories": r["n_stories"],
            "n_mentions": r["n_mentions"]} for r in rows if r["gid"] in names]  # fmt: skip
    out.sort(key=lambda r: (-r["n_docs"], r["n_mentions"] is None, -(r["n_mentions"] or 0), r["name"]))
    return out[:limit]


def _offices(store: Store, mine: list[dict]) -> list[dict]:
    rows = [(r["roles"], r["doc_id"], r["doc_no"]) for r in mine if r["roles"] is not None]
    docs: dict[tuple, set] = {}
    numbers = {doc_id: doc_no for _, doc_id, doc_no in rows}
    holders = _office_holders(store, [(doc_id, role.get("of")) for roles, doc_id, _ in rows for role in json.loads(roles)],
                              numbers)  # fmt: skip
    for roles, doc_id, _ in rows:
        for role in json.loads(roles):
            of = role.get("of")
            name, of_gid = holders.get((doc_id, of), (of, None))
            docs.setdefault((role.get("title"), name, of_gid), set()).add(doc_id)
    ranked = sorted(docs.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
    return [{"title": title, "of": of, "of_gid": of_gid, "n_docs": len(d)} for (title, of, of_gid), d in ranked]


def _office_holders(store: Store, pairs: list[tuple[str, str | None]], numbers: dict[str, int]
                    ) -> dict[tuple[str, str], tuple[str, str | None]]:  # fmt: skip
    """A role's ``of`` is an entity id of its own article (``e2``) or a plain name: the ids
    -> (the name of the graph entity they resolved to, else the article's own name for it;
    that graph entity's id, else None), so an office reads "President of Ukraine", never
    "President of e2", and links to exactly that entity. ``numbers``: the articles' doc_no."""
    wanted = sorted({(d, of) for d, of in pairs if of and _ENTITY_ID.fullmatch(of)})
    if not wanted:
        return {}
    nos = sorted({numbers[d] for d, _ in wanted})
    linked = {(d, e): g for d, e, g in store.con.execute(
        f"SELECT doc_id, entity_id, gid FROM entity_docs WHERE doc_no IN ({_marks(nos)})", nos).fetchall()}  # fmt: skip
    gids = sorted({linked[w] for w in wanted if w in linked})
    names = dict(store.con.execute(f"SELECT gid, name FROM graph_entities WHERE gid IN ({_marks(gids)})",
                                   gids).fetchall()) if gids else {}  # fmt: skip
    out = {w: (names[linked[w]], linked[w]) for w in wanted if linked.get(w) in names}
    rest = [w for w in wanted if w not in out]  # not linked (or no graph entity): the article's own name
    if rest:
        docs = sorted({d for d, _ in rest})
        for doc_id, entity_id, name in store.con.execute(
                f"SELECT doc_id, entity_id, name FROM entities WHERE doc_id IN ({_marks(docs)})", docs).fetchall():  # fmt: skip
            if (doc_id, entity_id) in rest:
                out[(doc_id, entity_id)] = (name, None)
    return out


MENTIONS_INNER = """
SELECT l.doc_id, d.title, {label} AS label, d.source, d.published, m.start, m."end", m.text,
       NULL AS context, l.confidence, l.evidence
FROM entity_links l JOIN mentions m USING (doc_id, entity_id) JOIN documents d ON d.id = l.doc_id
WHERE l.gid = ? AND {where}"""


def mention_contexts(store: Store, rows: list[dict]) -> list[dict]:
    """``rows`` of ``MENTIONS_INNER`` with their ``context`` (60 characters each side of
    the mention, on one line), read from the texts of these rows' articles only."""
    ids = sorted({row["doc_id"] for row in rows})
    texts = {r["id"]: r["text"] or "" for r in store.query("SELECT id, text FROM documents WHERE list_contains(?, id)",
                                                           [ids])} if ids else {}  # fmt: skip
    for row in rows:
        text = texts.get(row["doc_id"], "")
        row["context"] = " ".join(text[max(row["start"] - 60, 0) : row["end"] + 60].split())
    return rows


def _mentions(store: Store, mine: list[dict], limit: int) -> dict:
    """The first ``limit`` mentions of an entity (by date, article, offset) and their
    total, from its index rows ``mine`` (in date, article order)."""
    rows = [r for r in mine if r["n_spans"]]
    return _mention_page(store, rows, sum(r["n_spans"] for r in rows), limit)


def _mention_page(store: Store, rows: list[dict], total: int, limit: int) -> dict:
    """The first ``limit`` mentions held by the index ``rows`` (with spans, in date and
    article order): only the mentions of the first articles holding ``limit`` of them are
    read (by article)."""
    page, held = [], 0
    for row in rows:  # whole articles (an article's rows share a date), until they hold the page
        if held >= limit and row["doc_id"] != page[-1]["doc_id"]:
            break
        page.append(row)
        held += row["n_spans"]
    link = {(r["doc_id"], r["entity_id"]): r for r in page}
    ids = sorted({r["doc_id"] for r in page})
    spans = store.query(f"""SELECT doc_id, entity_id, start, "end", text FROM mentions WHERE doc_id IN ({_marks(ids)})""",
                        ids) if ids else []  # fmt: skip
    spans = sorted((m for m in spans if (m["doc_id"], m["entity_id"]) in link),
                   key=lambda m: (link[(m["doc_id"], m["entity_id"])]["published"] is None,
                                  link[(m["doc_id"], m["entity_id"])]["published"] or "", m["doc_id"], m["start"]))[:limit]  # fmt: skip
    docs = _documents_by_id(store, {r["doc_id"] for r in page}, "text")
    items = []
    for m in spans:
        row = link[(m["doc_id"], m["entity_id"])]
        doc = docs.get(row["doc_id"], {})
        text = doc.get("text") or ""
        items.append({"doc_id": m["doc_id"], "title": doc.get("title"), "label": doc.get("label"),
                      "source": doc.get("source"), "published": row["published"], "start": m["start"],
                      "end": m["end"], "text": m["text"],
                      "context": " ".join(text[max(m["start"] - 60, 0) : m["end"] + 60].split()),
                      "confidence": row["confidence"], "evidence": row["evidence"]})  # fmt: skip
    return {"total": total, "items": items}


def _documents_by_id(store: Store, ids: set[str], *extra: str) -> dict[str, dict]:
    """Title, label and source (and the ``extra`` columns) of the articles ``ids``, looked
    up in the primary key's index: the other articles (and their texts) are never read."""
    if not ids:
        return {}
    ids = sorted(ids)
    rows = store.query(f"SELECT id, title, label, source{''.join(', ' + c for c in extra)} FROM documents "
                       f"WHERE id IN ({_marks(ids)})", ids)  # fmt: skip
    return {row.pop("id"): row for row in rows}


def _entity_quotes(store: Store, found: dict, mine: list[dict], limit: int) -> list[dict]:
    """The quotes ``found`` (a graph entity) speaks, as ``_quotes`` gives them for ``l.gid
    = ?``: one per copy of a story, from its canonical article, with its number of
    ``copies``; by date, article, offset. Read from the articles where the entity index
    says it speaks (quotes by article), not from every quote stored."""
    mine = [r for r in mine if r["n_quotes"]]
    if not mine:
        return []
    ids = sorted({r["doc_id"] for r in mine})
    rows = store.query(f"""
        WITH mine AS (SELECT unnest(?) AS doc_no, unnest(?) AS doc_id, unnest(?) AS entity_id, unnest(?) AS published),
        y AS (SELECT m.doc_no, q.doc_id, m.published, q.kind, q.text, q.start, q."end", q.cue, q.cue_confidence,
                     coalesce(q.withheld, false) AS withheld, dg.group_id, dg.canonical
              FROM (SELECT * FROM quotes WHERE doc_id IN ({_marks(ids)})) q
              JOIN mine m ON m.doc_id = q.doc_id AND m.entity_id = q.speaker_entity
              LEFT JOIN doc_groups dg ON dg.doc_id = q.doc_id)
        SELECT * EXCLUDE (rn) FROM (
            SELECT doc_no, doc_id, published, kind, text, start, "end", cue, cue_confidence, withheld,
                   count(*) OVER (PARTITION BY coalesce(group_id, doc_id), text) AS copies,
                   row_number() OVER (PARTITION BY coalesce(group_id, doc_id), text
                                      ORDER BY canonical DESC NULLS LAST, doc_id, start, "end", kind, cue) AS rn
            FROM y) WHERE rn = 1
        ORDER BY published NULLS LAST, doc_id, start, "end", kind, cue LIMIT ?""",
        [[r["doc_no"] for r in mine], [r["doc_id"] for r in mine], [r["entity_id"] for r in mine],
         [r["published"] for r in mine], *ids, limit])  # fmt: skip
    return _quote_page(store, found, rows)


def _quote_page(store: Store, found: dict, rows: list[dict]) -> list[dict]:
    """Quote ``rows`` (doc_id, published, kind, text, start, end, cue, copies) as ``_quotes``
    gives them: with their article's title, label and source, and ``found`` as the speaker."""
    docs = _documents_by_id(store, {row["doc_id"] for row in rows})
    out = []
    for row in rows:
        doc = docs.get(row["doc_id"], {})
        out.append({"doc_id": row["doc_id"], "title": doc.get("title"), "label": doc.get("label"),
                    "source": doc.get("source"), "published": row["published"], "kind": row["kind"],
                    "text": row["text"], "start": row["start"], "end": row["end"], "speaker": found["name"],
                    "speaker_gid": found["gid"], "cue": row["cue"], "cue_confidence": row.get("cue_confidence"),
                    "withheld": bool(row.get("withheld")), "copies": row["copies"]})  # fmt: skip
    return out


# An article's title, else its opening words (plain-text articles stored before titles):
# a column written at store time (store.schema.LABEL_SQL), so no query reads every text for it.
LABEL = "d.label"

QUOTES_INNER = """
SELECT * EXCLUDE (rn) FROM (
    SELECT q.doc_id, d.title, {label} AS label, d.source, d.published, q.kind, q.text, q.start, q."end",
           coalesce(g.name, q.speaker_name) AS speaker, g.gid AS speaker_gid, q.cue, q.cue_confidence,
           coalesce(q.withheld, false) AS withheld,
           count(*) OVER (PARTITION BY coalesce(dg.group_id, q.doc_id), q.text) AS copies,
           row_number() OVER (PARTITION BY coalesce(dg.group_id, q.doc_id), q.text
                              ORDER BY dg.canonical DESC NULLS LAST, q.doc_id, q.start, q."end", q.kind, q.cue) AS rn
    FROM quotes q JOIN documents d ON d.id = q.doc_id
    LEFT JOIN entity_links l ON l.doc_id = q.doc_id AND l.entity_id = q.speaker_entity
    LEFT JOIN graph_entities g ON g.gid = l.gid
    LEFT JOIN doc_groups dg ON dg.doc_id = q.doc_id
    WHERE {where}
) WHERE rn = 1"""
_QUOTES_SQL = QUOTES_INNER + ' ORDER BY published NULLS LAST, doc_id, start, "end", kind, cue LIMIT ?'


def _quotes(store: Store, where: str, params: list, limit: int) -> list[dict]:
    """Quotes matching ``where``; a quote repeated in near-duplicate copies of one story
    is listed once (from the canonical copy) with its number of ``copies``."""
    return store.query(_QUOTES_SQL.format(where=where, label=LABEL), [*params, limit])


def quotes(store: Store, *, speaker: str | None = None, limit: int = 50) -> list[dict]:
    """Quotes, by a speaker when given (the resolved entity, or the speaker's name as
    written when it did not resolve), in date order."""
    if speaker is None:
        return _quotes(store, "TRUE", [], limit)
    found = find_entity(store, speaker)
    gid = found["gid"] if found else None
    return _quotes(store, "l.gid = ? OR (l.gid IS NULL AND lower(q.speaker_name) = lower(?))", [gid, speaker], limit)


def events(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    min_confidence: float | None = None,
) -> list[dict]:
    """Deduplicated events (one row per event, with its number of reports), filtered by
    PLOVER ``type``, an ``actor`` (source or target), a ``country`` (ISO alpha-2 of the
    place or an actor), a date range (YYYY-MM-DD, inclusive) and ``min_confidence`` (some
    report's event confidence at or above it; events stored without one are left out)."""
    where, params = event_where(store, type=type, actor=actor, country=country, since=since, until=until,
                                min_confidence=min_confidence)  # fmt: skip
    sql = (f"SELECT {EVENT_COLUMNS} FROM event_clusters WHERE {where} "
           f"ORDER BY date_first NULLS LAST, n_reports DESC, cluster_id LIMIT ?")  # fmt: skip
    return store.query(sql, params + [limit])


EVENT_COLUMNS = ("cluster_id, type, date_first, date_last, source_gid, source_name, target_gid, target_name, "
                 "place, countries, n_reports, n_docs, n_stories")  # fmt: skip


def event_where(
    store: Store, *, type=None, actor=None, country=None, since=None, until=None, min_confidence=None
) -> tuple[str, list]:
    """The WHERE clause over ``event_clusters`` for ``events``' filters."""
    where, params = ["TRUE"], []
    if min_confidence is not None:
        where.append(f"cluster_id IN (SELECT r.cluster_id FROM event_reports r {_EVENT_CONFIDENCE_JOIN} "
                     f"WHERE {_EVENT_CONFIDENCE} >= ?)")  # fmt: skip
        params.append(min_confidence)
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if actor:
        found = find_entity(store, actor)
        where.append("(source_gid = ? OR target_gid = ? OR lower(source_name) = lower(?) OR lower(target_name) = lower(?))")
        params += [found["gid"] if found else None, found["gid"] if found else None, actor, actor]
    if country:
        where.append("list_contains(countries, ?)")
        params.append(country.upper())
    if since:
        where.append("coalesce(date_last, date_first) >= ?")
        params.append(since)
    if until:
        where.append("date_first <= ?")
        params.append(until)
    return " AND ".join(where), params


# An event report's confidence, read from its record (the events table has no column for it).
_EVENT_CONFIDENCE_JOIN = "JOIN documents d ON d.id = r.doc_id"
_EVENT_CONFIDENCE = "TRY_CAST(json_extract(d.record, '$.events[' || r.idx || '].confidence') AS DOUBLE)"

_EVENT_MODALITY_SQL = f"""
SELECT r.cluster_id, list(DISTINCT e.mode) FILTER (WHERE e.mode IS NOT NULL) AS modes,
       bool_or(e.negated) AS negated, bool_or(e.hypothetical) AS hypothetical,
       bool_or(e.future) AS future, bool_or(e.historical) AS historical,
       bool_or(e.reported) AS reported,
       arg_min([r.doc_id, e.trigger, e.trigger_start::VARCHAR, e.trigger_end::VARCHAR], (r.doc_id, e.trigger_start)) AS first,
       max({_EVENT_CONFIDENCE}) AS confidence
FROM event_reports r JOIN events e USING (doc_id, idx) {_EVENT_CONFIDENCE_JOIN}
WHERE list_contains(?, r.cluster_id) GROUP BY r.cluster_id"""

MODALITY_FLAGS = ("negated", "hypothetical", "future", "historical", "reported")


def with_modality(store: Store, rows: list[dict]) -> list[dict]:
    """Event cluster ``rows`` (changed in place and returned) with, per event, its modality
    across reports (``modes``; ``modality``: which of negated, hypothetical, future,
    historical, reported any report is) and its first report (``doc_id``, ``trigger``,
    ``trigger_start``, ``trigger_end``) so a page can link to the trigger's span."""
    if not rows:
        return rows
    extra = store.query(_EVENT_MODALITY_SQL, [[r["cluster_id"] for r in rows]])
    by_id = {x.pop("cluster_id"): x for x in extra}
    for row in rows:
        x = by_id.get(row["cluster_id"], {})
        row["modes"] = x.get("modes") or []
        row["modality"] = [f for f in MODALITY_FLAGS if x.get(f)]
        doc_id, trigger, start, end = x.get("first") or [None] * 4
        row["doc_id"], row["trigger"] = doc_id, trigger
        row["trigger_start"], row["trigger_end"] = _int(start), _int(end)
        row["confidence"] = x.get("confidence")
    return rows


def _int(value: str | None) -> int | None:
    return int(value) if value is not None else None


def event_reports(store: Store, cluster_id: str) -> list[dict]:
    """The reports (article, trigger) of one deduplicated event."""
    return store.query("""
        SELECT r.doc_id, d.title, d.published, e.trigger, e.trigger_start, e.trigger_end
        FROM event_reports r JOIN events e USING (doc_id, idx) JOIN documents d ON d.id = r.doc_id
        WHERE r.cluster_id = ? ORDER BY d.published, r.doc_id""", [cluster_id])  # fmt: skip


def timeline(store: Store, *, entity: str | None = None, story: str | None = None) -> dict:
    """A dated sequence for an entity (its stories and events per day) or a story (its
    articles and the events they report); with neither, for the whole corpus."""
    if story:
        return _story_timeline(store, story)
    gid = None
    if entity:
        found = find_entity(store, entity)
        if found is None:
            return {"entity": None, "days": []}
        gid = found["gid"]
    # tone: an exact sum (fsum), so the average does not depend on the order rows arrive in
    day = ("d.published AS day, count(*) AS n_docs, count(DISTINCT {story}) AS n_stories, "
           "round(fsum(d.tone) / count(d.tone), 2) AS tone, list(DISTINCT d.title ORDER BY d.title)[1:3] AS titles")  # fmt: skip
    if gid:  # an entity's articles and their stories (hashed) from its rows of the entity index
        docs = store.query(f"""WITH mine AS (SELECT DISTINCT doc_no, story FROM entity_docs WHERE {_HASHED})
            SELECT {day.format(story="m.story")} FROM mine m JOIN documents d ON d.doc_no = m.doc_no
            GROUP BY 1 ORDER BY 1 NULLS LAST""", [gid])  # fmt: skip
    else:
        docs = store.query(f"""SELECT {day.format(story="coalesce(g.group_id, d.id)")}
            FROM documents d LEFT JOIN doc_groups g ON g.doc_id = d.id GROUP BY 1 ORDER BY 1 NULLS LAST""")  # fmt: skip
    evs = store.query(f"""
        SELECT date_first AS day, type, source_name, target_name, n_reports, cluster_id FROM event_clusters
        {"WHERE source_gid = ? OR target_gid = ?" if gid else ""} ORDER BY date_first NULLS LAST, n_reports DESC""",
        [gid, gid] if gid else [])  # fmt: skip
    return {"entity": entity, "gid": gid, "days": _merge_days(docs, evs)}


def _merge_days(docs: list[dict], evs: list[dict]) -> list[dict]:
    days: dict = {}
    for row in docs:
        days[row["day"]] = {"day": row["day"], "n_docs": row["n_docs"], "n_stories": row["n_stories"],
                            "tone": row["tone"], "titles": row["titles"], "events": []}  # fmt: skip
    for ev in evs:
        empty = {"day": ev["day"], "n_docs": 0, "n_stories": 0, "tone": None, "titles": [], "events": []}
        entry = days.setdefault(ev["day"], empty)
        entry["events"].append({k: ev[k] for k in ("type", "source_name", "target_name", "n_reports", "cluster_id")})
    return sorted(days.values(), key=lambda d: (d["day"] is None, d["day"] or ""))


def _story_timeline(store: Store, story: str) -> dict:
    """A story is a near-duplicate group: given its id or one of its documents' ids."""
    rows = store.con.execute(
        "SELECT group_id FROM doc_groups WHERE group_id = ? OR doc_id = ? LIMIT 1", [story, story]
    ).fetchall()
    if not rows:
        return {"story": story, "articles": [], "events": []}
    group_id = rows[0][0]
    articles = store.query("""
        SELECT d.id, d.published, d.title, d.url, g.canonical, round(g.similarity, 3) AS similarity
        FROM doc_groups g JOIN documents d ON d.id = g.doc_id WHERE g.group_id = ?
        ORDER BY d.published NULLS LAST, d.id""", [group_id])  # fmt: skip
    evs = store.query("""
        SELECT DISTINCT c.cluster_id, c.date_first, c.type, c.source_name, c.target_name, c.n_reports
        FROM event_clusters c JOIN event_reports r USING (cluster_id) JOIN doc_groups g ON g.doc_id = r.doc_id
        WHERE g.group_id = ? ORDER BY c.date_first NULLS LAST, c.cluster_id""", [group_id])  # fmt: skip
    return {"story": group_id, "articles": articles, "events": evs}


def entity_links(store: Store, doc_id: str) -> dict[str, dict]:
    """For one article: its entity ids -> the graph entity they resolved to (gid, name)."""
    rows = store.query("""
        SELECT l.entity_id, g.gid, g.name FROM entity_links l JOIN graph_entities g USING (gid)
        WHERE l.doc_id = ?""", [doc_id])  # fmt: skip
    return {r["entity_id"]: {"gid": r["gid"], "name": r["name"]} for r in rows}


def places(store: Store, *, limit: int = 2000, min_confidence: float | None = None) -> list[dict]:
    """Resolved places across the corpus that belong on a map (one row per name and
    coordinates), with the number of articles naming them and the highest resolution
    ``confidence``, most named first; ``min_confidence`` keeps resolutions at or above it
    (none without one). Only countries and their divisions, populated places and spots
    (GeoNames feature classes ``A.PCL*``/``A.ADM*``, ``P``, ``S``): a continent, an ocean
    or a region is no dot."""
    floor = "AND confidence >= ?" if min_confidence is not None else ""
    params = [min_confidence, limit] if min_confidence is not None else [limit]
    return store.query(f"""
        SELECT name, lat, lon, country, any_value(feature) AS feature, min(geonames_id) AS geonames_id,
               count(DISTINCT doc_id) AS n_docs,
               sum(n_mentions) AS n_mentions, list(DISTINCT doc_id ORDER BY doc_id)[1:5] AS doc_ids,
               max(confidence) AS confidence
        FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL AND {MAPPABLE} {floor}
        GROUP BY name, lat, lon, country ORDER BY n_docs DESC, name LIMIT ?""", params)  # fmt: skip


# The GeoNames feature codes a map shows (see ``places``).
MAPPABLE = "(feature LIKE 'A.PCL%' OR feature LIKE 'A.ADM%' OR feature LIKE 'P.%' OR feature LIKE 'S.%')"


def summary(store: Store) -> dict:
    """Counts of the store's tables and of what the joins made of them."""
    counts = store.counts()
    counts["stories"] = store.con.execute("SELECT count(DISTINCT group_id) FROM doc_groups").fetchall()[0][0]
    counts["schema_version"] = store.schema_version
    return counts
