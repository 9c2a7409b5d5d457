"""Reading claims back: the list (with filters) and one claim with its statements.

A claim as the CLI's ``--json``, the API and the exports give it: ``id``, ``kind``
(quantity, quote, event), ``summary``, ``values`` (quantities: ``{value, low, high,
approx, doc_id, origin}`` per statement), ``sources`` (``{doc_id, origin, start, end,
text, speaker, attribution, published, first, similarity}``), ``independent_sources``,
``contested``, ``speaker_differs``, ``n_docs``, ``first_doc``, ``first_published`` and
``entities`` (the names the statements' sentences give), ``n_sources`` (how many statements
the claim has) and ``sources_truncated``. The list gives each claim's first ``sources``
statements in date order (20 by default; the much-reported claims at the top of a big store
have thousands), and says so; one claim and the exports give them all.
"""

from __future__ import annotations

import json

from newsgraph.corpus.names import fold
from newsgraph.store import claim_index
from newsgraph.store.db import Store

KINDS = ("quantity", "event", "quote")
_CLAIM_COLS = ", ".join(claim_index.CLAIM_COLS)
SOURCES_SHOWN = claim_index.SHOWN  # statements per claim in the list
_SOURCE_COLS = ", ".join(f'"{c}"' for c in claim_index.SOURCE_COLS)
_SOURCE_ORDER = claim_index.SOURCE_ORDER


def _names_of(store: Store, entity: str) -> list[str]:
    """``entity`` and the names and aliases of the graph entities it names, folded."""
    wanted = fold(entity)
    rows = store.query("SELECT name, aliases FROM graph_entities")
    names = {wanted}
    for r in rows:
        alias = [r["name"], *(r["aliases"] or [])]
        if wanted in {fold(a) for a in alias if a}:
            names |= {fold(a) for a in alias if a}
    return sorted(names)


def _shape(claim: dict, sources: list[tuple], total: int | None = None) -> dict:
    out = {"id": claim["claim_id"], "kind": claim["kind"], "summary": claim["summary"],
           "independent_sources": claim["independent_sources"], "contested": bool(claim["contested"]),
           "speaker_differs": bool(claim["speaker_differs"]), "n_docs": claim["n_docs"],
           "first_doc": claim["first_doc"], "first_published": claim["first_published"],
           "entities": claim["entities"] or [], "object": claim["object"], "unit": claim["unit"]}  # fmt: skip
    # ``sources``: rows of ``_SOURCE_COLS`` as tuples (claim_id, doc_id, idx, start, end, text,
    # origin_id, speaker, attribution, published, value, low, high, approx, similarity, first,
    # sentence_start, sentence_end): one dict made per source, not two
    out["sources"] = [{"doc_id": s[1], "origin": s[6], "start": s[3], "end": s[4], "text": s[5], "speaker": s[7],
                       "attribution": s[8], "published": s[9], "first": bool(s[15]), "similarity": s[14],
                       "sentence_start": s[16], "sentence_end": s[17]}
                      for s in sources]  # fmt: skip
    out["values"] = [{"value": s[10], "low": s[11], "high": s[12], "approx": bool(s[13]), "doc_id": s[1], "origin": s[6]}
                     for s in sources] if claim["kind"] == "quantity" else []  # fmt: skip
    out["n_sources"] = len(sources) if total is None else total
    out["sources_truncated"] = out["n_sources"] > len(sources)
    return out


def _sources(store: Store, ids: list[str]) -> dict[str, list[tuple]]:
    # thousands of rows for a page of much-sourced claims: fetched as columns, which DuckDB
    # hands over faster than one tuple per row (the same values; NULL is None)
    # the claims' ids as one filter of the scan (``= ANY``), not searched for in a list per row
    cursor = store.con.execute(f"SELECT {_SOURCE_COLS} FROM claim_sources WHERE claim_id = ANY(?) "
                               f"ORDER BY {_SOURCE_ORDER}", [ids])  # fmt: skip
    return _grouped(cursor)


def claims(store: Store, *, kind: str | None = None, contested: bool = False, entity: str | None = None,
           min_sources: int = 1, doc_id: str | None = None, limit: int | None = 100,
           sources: int | None = SOURCES_SHOWN) -> list[dict]:  # fmt: skip
    """Claims, most independent sources first; filtered by ``kind``, ``contested`` only,
    an ``entity`` named in their sentences (any name or alias of it, any case), at least
    ``min_sources`` independent sources, or one article ``doc_id`` among their sources.
    Each claim carries its first ``sources`` statements (None: all) and ``n_sources``."""
    where, params = ["independent_sources >= ?"], [min_sources]
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if contested:
        where.append("contested")
    if entity:
        where.append("len(list_intersect(list_transform(entities, lambda x: "
                     "trim(regexp_replace(lower(strip_accents(x)), '[^a-z0-9]+', ' ', 'g'))), ?)) > 0")  # fmt: skip
        params.append(_names_of(store, entity))
    if doc_id:
        where.append("claim_id IN (SELECT claim_id FROM claim_sources WHERE doc_id = ?)")
        params.append(doc_id)
    ranked = f"FROM claims WHERE {' AND '.join(where)} ORDER BY independent_sources DESC, n_docs DESC, claim_id LIMIT ?"
    if sources is not None and sources <= SOURCES_SHOWN:
        # the page's ids (a scan of the sort keys), then one row per claim from its page row
        ids = [r[0] for r in store.con.execute(f"SELECT claim_id {ranked}", [*params, limit]).fetchall()]
        pages = _pages(store, ids)
        if len(pages) == len(ids):  # else a claim without its page row: read as below
            return [_shape(pages[i][0], pages[i][1][:sources], pages[i][2]) for i in ids]
    rows = store.query(f"SELECT {_CLAIM_COLS} {ranked}", [*params, limit])
    ids = [r["claim_id"] for r in rows]
    if sources is None:
        found = _sources(store, ids)
        return [_shape(r, found.get(r["claim_id"], [])) for r in rows]
    found, totals = _first_sources(store, ids, sources)
    return [_shape(r, found.get(r["claim_id"], []), totals.get(r["claim_id"], 0)) for r in rows]


def _pages(store: Store, ids: list[str]) -> dict[str, tuple[dict, list[tuple], int]]:
    """claim id -> (its fields, its first ``SOURCES_SHOWN`` statements as ``_sources`` rows,
    its number of statements), from the claims' page rows (``store.claim_index``), found by
    the integer hashes of their ids."""
    rows = store.con.execute("SELECT claim_id, claim, sources, n_sources FROM claim_pages "
                             "WHERE ckey IN (SELECT md5_number_lower(unnest(?)))", [ids]).fetchall()  # fmt: skip
    wanted = set(ids)
    return {claim_id: (dict(zip(claim_index.CLAIM_COLS, json.loads(claim), strict=True)),
                       [(claim_id, *s) for s in json.loads(sources)], n)
            for claim_id, claim, sources, n in rows if claim_id in wanted}  # fmt: skip


def _first_sources(store: Store, ids: list[str], n: int) -> tuple[dict[str, list[tuple]], dict[str, int]]:
    """The first ``n`` statements of each claim (the order of ``_sources``) and how many each has."""
    totals = dict(store.con.execute("SELECT claim_id, count(*) FROM claim_sources WHERE claim_id = ANY(?) GROUP BY claim_id",
                                    [ids]).fetchall())  # fmt: skip
    cursor = store.con.execute(f"""SELECT {_SOURCE_COLS} FROM claim_sources WHERE claim_id = ANY(?)
        QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY {_SOURCE_ORDER}) <= ?
        ORDER BY {_SOURCE_ORDER}""", [ids, n])  # fmt: skip
    return _grouped(cursor), totals


def _grouped(cursor) -> dict[str, list[tuple]]:
    columns = cursor.fetchnumpy()
    out: dict[str, list[tuple]] = {}
    for r in zip(*(c.tolist() for c in columns.values())):
        out.setdefault(r[0], []).append(r)
    return out


def claim(store: Store, claim_id: str) -> dict | None:
    """One claim by id, or None. Each source also carries its article's ``title`` and its
    sentence split around the statement (``before``, ``span``, ``after``) for display."""
    rows = store.query(f"SELECT {_CLAIM_COLS} FROM claims WHERE claim_id = ?", [claim_id])
    if not rows:
        return None
    out = _shape(rows[0], _sources(store, [claim_id]).get(claim_id, []))
    ids = sorted({s["doc_id"] for s in out["sources"]})  # looked up in the primary key's index, one by one
    docs = {r["id"]: r for r in store.query(f"SELECT id, title, text FROM documents WHERE id IN ({', '.join('?' * len(ids))})",
                                            ids)} if ids else {}  # fmt: skip
    for s in out["sources"]:
        doc = docs.get(s["doc_id"]) or {"text": "", "title": None}
        lo, hi = min(s["sentence_start"], s["start"]), max(s["sentence_end"], s["end"])
        text = doc["text"] or ""
        s.update(title=doc["title"], before=text[lo : s["start"]], span=text[s["start"] : s["end"]],
                 after=text[s["end"] : hi])  # fmt: skip
    return out


def iter_claims(store: Store, chunk: int = 500):
    """Every claim, shaped as ``claims`` returns them, fetched in chunks (for exports)."""
    ids = [r[0] for r in store.con.execute("SELECT claim_id FROM claims ORDER BY claim_id").fetchall()]
    for i in range(0, len(ids), chunk):
        part = ids[i : i + chunk]
        rows = store.query(f"SELECT {_CLAIM_COLS} FROM claims WHERE list_contains(?, claim_id) ORDER BY claim_id",
                           [part])  # fmt: skip
        sources = _sources(store, part)
        for r in rows:
            yield _shape(r, sources.get(r["claim_id"], []))
