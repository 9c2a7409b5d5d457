"""The analyst's tables: every list the web UI pages through (articles, entities, quotes,
events, an entity's mentions, quantities, search results), each filtered, sorted and cut
into a page, with its total.

A table is a fixed SQL query; a page of it is ``{total, limit, offset, sort, items}``.
Sorting is by a key from the table's own whitelist (``Sort``), each mapped to a fixed SQL
expression: the caller's text never reaches the SQL, only its parameters do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.corpus.queries import (
    EVENT_COLUMNS, LABEL, MENTIONS_INNER, QUOTES_INNER, entity_by_gid, entity_where, event_where, find_entity,
    mention_contexts, with_modality,
)  # fmt: skip
from newsgraph.kinds import quantity_phrase
from newsgraph.store import search
from newsgraph.store.db import Store


@dataclass(frozen=True)
class Sort:
    """A table's sort keys -> fixed SQL expressions over its columns; ``default`` is a key
    (``-key``: descending); ``tiebreak`` makes the order total, so pages never overlap."""

    columns: dict[str, str]
    default: str
    tiebreak: str

    def check(self, value: str) -> str:
        """``value`` if it names a sort key (``key`` or ``-key``); else ``ValueError``."""
        if value.removeprefix("-") in self.columns:
            return value
        keys = ", ".join(self.columns)
        raise ValueError(f"expected a sort key ({keys}), '-' before it for descending, found {value!r}")

    def sql(self, value: str | None) -> str:
        key = self.check(value or self.default)
        direction = "DESC" if key.startswith("-") else "ASC"
        return f"{self.columns[key.removeprefix('-')]} {direction} NULLS LAST, {self.tiebreak}"


def page(store: Store, inner: str, params: list, sort: Sort, key: str | None, limit: int, offset: int,
         *, one_pass: bool = True) -> dict:  # fmt: skip
    """One page of the rows of the SELECT ``inner``: ``{total, limit, offset, sort, items}``.
    ``one_pass=False`` for an ``inner`` that only filters one table on its columns (no text
    read): the page and the total are then two queries."""
    if not one_pass:
        # the page alone is a top-N on the sort key, whose other columns are read for its
        # rows only (a total carried by every row makes DuckDB read every row's columns:
        # 100k articles, 84 -> 17 ms CPU); the total counts the filter's rows
        items = store.query(f"SELECT * FROM ({inner}) ORDER BY {sort.sql(key)} LIMIT ? OFFSET ?", [*params, limit, offset])
        total = store.query(f"SELECT count(*) AS n FROM ({inner})", params)[0]["n"]
        return {"total": total, "limit": limit, "offset": offset, "sort": key or sort.default, "items": items}
    # One pass over the rows gives the page and the total (a search scans every text once,
    # not twice); only a page past the end, which has no row to carry it, counts apart.
    items = store.query(f"SELECT *, count(*) OVER () AS _total FROM ({inner}) ORDER BY {sort.sql(key)} "
                        "LIMIT ? OFFSET ?", [*params, limit, offset])  # fmt: skip
    totals = [row.pop("_total") for row in items]
    total = totals[0] if totals else store.query(f"SELECT count(*) AS n FROM ({inner})", params)[0]["n"]
    return {"total": total, "limit": limit, "offset": offset, "sort": key or sort.default, "items": items}


def doc_where(alias: str = "d", *, since=None, until=None, source=None) -> tuple[list[str], list]:
    """Conditions on an article (``alias``): published in [since, until], source contains."""
    where, params = [], []
    if since:
        where.append(f"{alias}.published >= ?")
        params.append(since)
    if until:
        where.append(f"{alias}.published <= ?")
        params.append(until)
    if source:
        where.append(f"{alias}.source ILIKE ?")
        params.append(f"%{source}%")
    return where, params


def _and(conditions: list[str]) -> str:
    return " AND ".join(conditions) or "TRUE"


def _gid(store: Store, name_or_gid: str | None) -> str | None:
    """A graph entity id from an id or a name (``find_entity``); "" when neither matches."""
    if not name_or_gid:
        return None
    found = entity_by_gid(store, name_or_gid) or find_entity(store, name_or_gid)
    return found["gid"] if found else ""


# --- articles ------------------------------------------------------------------------

DOCUMENT_SORT = Sort({"published": "published", "title": "lower(label)", "source": "lower(source)",
                      "entities": "n_entities", "quotes": "n_quotes", "events": "n_events", "tone": "tone"},
                     "-published", "lower(label), id")  # fmt: skip
_DOCUMENTS = """
SELECT d.id, d.title, {label} AS label, d.published, d.url, d.source, d.dateline, d.n_chars, d.tone,
       d.n_entities, d.n_quotes, d.n_events{extra}
FROM documents d WHERE {where}"""  # the counts are written with the document (store schema 5)


def documents(store: Store, *, query: str | None = None, entities: list[str] = (), since=None, until=None,
              source=None, sort: str | None = None, limit: int = 50, offset: int = 0) -> dict:  # fmt: skip
    """Stored articles whose title or text holds every word of ``query`` as a word, any
    case (``store.search``; a query without a word: contains it), that name every graph
    entity in ``entities`` (ids), published in [since, until], from a source containing
    ``source``; newest first by default. Items: ``{id, title, label, published, url,
    source, dateline, n_chars, tone, n_entities, n_quotes, n_events}`` (``label``: the
    title, else the opening words); with a ``query``, also ``snippet``; with ``entities``,
    ``named``: ``[{gid, name}]`` (name null for an unknown id)."""
    where, params = doc_where(since=since, until=until, source=source)
    for gid in entities:
        where.append("d.id IN (SELECT doc_id FROM entity_links WHERE gid = ?)")
        params.append(gid)
    if query:
        found = search.match(store.con, query)
        if found is None:  # no word in the query (punctuation only): every title and text is read
            where.append("(d.title ILIKE ? OR d.text ILIKE ?)")
            params += [f"%{query}%", f"%{query}%"]
        else:  # the articles holding every word of it, from the search index
            where.append(found[0])
            params += found[1]
    inner = _DOCUMENTS.format(label=LABEL, extra="", where=_and(where))
    # a query's rows (its postings' articles, or every text read) are found once for the page and its total
    result = page(store, inner, params, DOCUMENT_SORT, sort, limit, offset, one_pass=bool(query))
    if query:
        _snippets(store, result["items"], query)
    if entities:
        result["named"] = [{"gid": g, "name": (entity_by_gid(store, g) or {}).get("name")} for g in entities]
    return result


def _snippets(store: Store, items: list[dict], query: str) -> None:
    """Each of a page's articles (``items``, changed in place) with the ``snippet`` around
    the first occurrence of ``query`` in its text, else of the first of its words that
    occurs as a word; texts read by id for this page only."""
    words = search.terms(query)
    ids = [row["id"] for row in items]
    texts = dict(store.con.execute("SELECT id, text FROM documents WHERE id = ANY(?)", [ids]).fetchall()) if ids else {}
    for row in items:
        text = texts.get(row["id"]) or ""
        lowered, shown = text.lower(), query
        at = lowered.find(query.lower())
        for word in words if at < 0 else ():
            hit = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)
            if hit:
                at, shown = hit.start(), word
                break
        start = max(at - 100, 0)  # 100 characters before the match and what follows it
        row["snippet"] = snippet(text[start : start + 200 + len(shown)], shown)


def snippet(window: str, query: str, width: int = 90) -> dict | None:
    """``{before, match, after}``: the first match of ``query`` (any case) in ``window``
    with up to ``width`` characters each side, whitespace runs made single spaces; None
    when it does not occur (the title matched)."""
    found = re.search(re.escape(query), window, re.I)
    if not found:
        return None
    before, after = window[: found.start()][-width:], window[found.end() :][:width]
    return {"before": ("…" if len(window[: found.start()]) > width else "") + _squash(before).lstrip(),
            "match": found.group(0),
            "after": _squash(after).rstrip() + ("…" if len(window) - found.end() > width else "")}  # fmt: skip


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# --- entities ------------------------------------------------------------------------

ENTITY_SORT = Sort({"name": "lower(name)", "type": "type", "stories": "n_stories", "articles": "n_docs",
                    "mentions": "n_mentions"}, "-stories", "n_mentions DESC, name, gid")  # fmt: skip


def entities(store: Store, *, type: str | None = None, query: str | None = None, sort: str | None = None,
             limit: int = 50, offset: int = 0) -> dict:  # fmt: skip
    """Graph entities of a ``type`` whose name contains ``query``, most reported first."""
    where, params = entity_where(type=type, query=query)
    inner = f"SELECT gid, type, name, n_stories, n_docs, n_mentions, aliases FROM graph_entities WHERE {where}"
    return page(store, inner, params, ENTITY_SORT, sort, limit, offset)


MENTION_SORT = Sort({"published": "published", "article": "lower(label)", "confidence": "confidence"},
                    "published", "doc_id, start")  # fmt: skip


def mentions(store: Store, entity: str, *, since=None, until=None, source=None, sort: str | None = None,
             limit: int = 50, offset: int = 0) -> dict | None:  # fmt: skip
    """The mentions of a graph ``entity`` (its id or name) across articles, each with its
    context: a page plus ``entity`` ``{gid, name, type}``; None for no such entity."""
    gid = _gid(store, entity)
    if not gid:
        return None
    found = entity_by_gid(store, gid)
    where, params = doc_where(since=since, until=until, source=source)
    inner = MENTIONS_INNER.format(label=LABEL, where=_and(where))
    result = page(store, inner, [gid, *params], MENTION_SORT, sort, limit, offset)
    mention_contexts(store, result["items"])
    return {"entity": {k: found[k] for k in ("gid", "name", "type")}, **result}


# --- quotes --------------------------------------------------------------------------

QUOTE_SORT = Sort({"published": "published", "speaker": "lower(speaker)", "kind": "kind", "copies": "copies",
                   "article": "lower(label)"}, "published", "doc_id, start")  # fmt: skip


def quotes(store: Store, *, speaker: str | None = None, speaker_id: str | None = None, since=None, until=None,
           source=None, sort: str | None = None, limit: int = 50, offset: int = 0) -> dict:  # fmt: skip
    """Quotes (one per story), by the graph entity ``speaker_id``, or by ``speaker`` (the
    resolved entity of that name, or the name as written when it did not resolve), in
    articles published in [since, until] from a source containing ``source``."""
    where, params = doc_where(since=since, until=until, source=source)
    if speaker_id:
        where.append("l.gid = ?")
        params.append(speaker_id)
    elif speaker:
        found = find_entity(store, speaker)
        where.append("(l.gid = ? OR (l.gid IS NULL AND lower(q.speaker_name) = lower(?)))")
        params += [found["gid"] if found else None, speaker]
    inner = QUOTES_INNER.format(where=_and(where), label=LABEL)
    return page(store, inner, params, QUOTE_SORT, sort, limit, offset)


# --- events --------------------------------------------------------------------------

EVENT_SORT = Sort({"date": "date_first", "type": "type", "source": "lower(source_name)",
                   "target": "lower(target_name)", "reports": "n_reports", "place": "lower(place)"},
                  "date", "n_reports DESC, cluster_id")  # fmt: skip


def events(store: Store, *, source=None, sort: str | None = None, limit: int = 50, offset: int = 0,
           **filters) -> dict:  # fmt: skip
    """Deduplicated events (``queries.events``' filters: type, actor, country, since,
    until), reported in an article from a source containing ``source``, with their
    modality and first report (``queries.with_modality``) and that report's article (``report``)."""
    where, params = event_where(store, **filters)
    if source:
        where += (" AND cluster_id IN (SELECT r.cluster_id FROM event_reports r JOIN documents d ON d.id = r.doc_id"
                  " WHERE d.source ILIKE ?)")  # fmt: skip
        params.append(f"%{source}%")
    result = page(store, f"SELECT {EVENT_COLUMNS} FROM event_clusters WHERE {where}", params, EVENT_SORT, sort,
                  limit, offset)  # fmt: skip
    with_modality(store, result["items"])
    labels = _articles(store, [r["doc_id"] for r in result["items"] if r["doc_id"]])
    for row in result["items"]:
        row["report"] = labels.get(row["doc_id"])
    return result


def _articles(store: Store, ids: list[str]) -> dict[str, dict]:
    """Articles by id -> ``{label, title, source, published}``, to link them."""
    if not ids:
        return {}
    rows = store.query(f"SELECT d.id, {LABEL} AS label, d.title, d.source, d.published FROM documents d "
                       "WHERE list_contains(?, d.id)", [sorted(set(ids))])  # fmt: skip
    return {r.pop("id"): r for r in rows}


def event_group(store: Store, cluster_id: str) -> dict | None:
    """One deduplicated event and every report of it: the article (label, source, date),
    the trigger's span and the sentence-sized context around it, the actors as that
    report names them, its mode and modality. None for an unknown ``cluster_id``."""
    found = store.query(f"SELECT {EVENT_COLUMNS} FROM event_clusters WHERE cluster_id = ?", [cluster_id])
    if not found:
        return None
    reports = store.query(f"""
        SELECT r.doc_id, d.title, {LABEL} AS label, d.source, d.published, e.type, e.mode, e.trigger,
               e.trigger_start, e.trigger_end, e.source_name, e.target_name, e.date, e.place,
               e.negated, e.hypothetical, e.future, e.historical, e.reported,
               substr(d.text, greatest(e.trigger_start - 120, 0) + 1, e.trigger_start - greatest(e.trigger_start - 120, 0))
                   AS before,
               substr(d.text, e.trigger_end + 1, 120) AS after
        FROM event_reports r JOIN events e USING (doc_id, idx) JOIN documents d ON d.id = r.doc_id
        WHERE r.cluster_id = ? ORDER BY d.published NULLS LAST, r.doc_id, e.trigger_start""", [cluster_id])  # fmt: skip
    for row in reports:
        row["before"] = "…" + _squash(row["before"] or "")
        row["after"] = _squash(row["after"] or "") + "…"
    return {"event": with_modality(store, found)[0], "reports": reports}


# --- quantities ----------------------------------------------------------------------

QUANTITY_SORT = Sort({"published": "published", "value": "coalesce(value, high, low)", "unit": "unit",
                      "object": "lower(object)", "article": "lower(label)"}, "published", "doc_id, start")  # fmt: skip


def quantities(store: Store, *, object: str | None = None, unit: str | None = None, entity: str | None = None,
               place: str | None = None, since=None, until=None, source=None, sort: str | None = None,
               limit: int = 50, offset: int = 0) -> dict:  # fmt: skip
    """Quantities across articles: counted ``object`` contains, ``unit`` (its name or ISO
    code, any case; ``count`` for none), in articles naming ``entity`` (a graph entity id
    or name) or the place ``place`` (its name, any case), published in [since, until],
    from a source containing ``source``. Items keep the raw ``value``, ``low``, ``high``,
    ``approx``, ``unit`` and add ``phrase`` ("up to 40,000 troops")."""
    where, params = doc_where(since=since, until=until, source=source)
    if object:
        where.append("x.object ILIKE ?")
        params.append(f"%{object}%")
    if unit:
        where.append("x.unit IS NULL" if unit.lower() == "count" else "lower(x.unit) = lower(?)")
        params += [] if unit.lower() == "count" else [unit]
    gid = _gid(store, entity)
    if gid is not None:
        where.append("x.doc_id IN (SELECT doc_id FROM entity_links WHERE gid = ?)")
        params.append(gid)
    if place:
        where.append("x.doc_id IN (SELECT doc_id FROM places WHERE lower(name) = lower(?))")
        params.append(place)
    inner = f"""
        SELECT x.doc_id, d.title, {LABEL} AS label, d.source, d.published, x.start, x."end", x.text,
               x.value, x.low, x.high, x.approx, x.unit, x.object
        FROM quantities x JOIN documents d ON d.id = x.doc_id WHERE {_and(where)}"""  # fmt: skip
    result = page(store, inner, params, QUANTITY_SORT, sort, limit, offset)
    for row in result["items"]:
        row["phrase"] = quantity_phrase(row)
    return result
