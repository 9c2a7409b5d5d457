"""Service functions: the one layer the CLI, the HTTP API and the web UI all call.

Each function is a verb over plain arguments: the analysis verbs build or reuse a pipeline
and return records or failures; the store verbs take an open ``Store`` (the caller owns it)
and return plain data, delegating every query to the store or ``corpus.queries``: no SQL
here. Nothing here parses command lines or HTTP requests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.ingest.readers import make_input
from newsgraph.pipeline.cached import get_pipeline
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.record import Record


def analyze(
    text_or_html: str,
    published: str | None = None,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    clean: bool = True,
    html: bool | None = None,
    model: str | None = None,
    config: PipelineConfig | None = None,
) -> Record:
    """Analyse one article (plain text or HTML) and return its record.

    ``published`` (YYYY-MM-DD) anchors relative dates. ``clean=False`` analyses the text
    verbatim so offsets index the caller's own string. ``html``: the string is HTML
    (True), plain text (False) or sniffed (None). Raises ``InputError`` when the input
    cannot be analysed.
    """
    item = make_input(text_or_html, published, html=html, id=id, url=url, title=title, clean=clean)
    return get_pipeline(config, model)(item)


def analyze_inputs(
    items: Iterable[InputDoc | Failure],
    *,
    model: str | None = None,
    config: PipelineConfig | None = None,
) -> Iterator[Record | Failure]:
    """Analyse a stream of inputs, yielding one record or failure per input, in order."""
    return get_pipeline(config, model).pipe(items)


# ---------------------------------------------------------------------------------------
# Corpus: ingest articles into a store, and the analyst's queries over it.
# Each function takes an open ``Store`` (one writer per store: the caller owns it) and
# returns plain data; the CLI and the HTTP API render the same objects.
# ---------------------------------------------------------------------------------------


def open_store(path: str | None = None, *, read_only: bool = False, create: bool = True):
    """Open the DuckDB store at ``path`` (default ``newsgraph.duckdb``): read-only for
    real when ``read_only`` (nothing is written, not even a migration), otherwise
    creating it when missing (unless ``create=False``) and migrating it. Raises
    ``StoreError`` (missing, locked, not a store, permission, schema)."""
    from newsgraph.store import DEFAULT_DB, Store

    return Store(path or DEFAULT_DB, read_only=read_only, create=create)


def ingest(store, paths: list[str], *, joins: bool = True, **options) -> dict:
    """Ingest files and folders (text, HTML, JSONL, WARC, RSS/Atom) into ``store``; then
    rebuild the cross-article joins if documents were added (unless ``joins=False``).
    ``options`` are those of ``runners.ingest.ingest`` (workers, engine, batch_size,
    config, model, published, show_progress, ray_address, shard_dir). Returns the run's
    counts, its failures (the first 1,000), the joined tables' sizes (None when they
    were current) and the store's documents and errors."""
    from newsgraph.corpus.build import build_if_stale
    from newsgraph.runners.ingest import ingest as run

    stats = run(paths, store, **options).to_dict()
    if joins:
        stats["joins"] = build_if_stale(store)
    stats["store"] = {k: v for k, v in store.counts().items() if k in ("documents", "errors")}
    return stats


def watch(store, paths: list[str], *, every: float | str = "15m", cycles: int | None = None, on_cycle=None,
          **options):  # fmt: skip
    """Ingest ``paths`` into ``store`` every ``every`` (seconds, or ``15m``, ``30s``, ``1h``),
    joining after each cycle, ``cycles`` times or until interrupted (``runners.watch``);
    returns the cycles run. ``options`` are those of ``ingest``."""
    from newsgraph.runners.watch import watch as run

    seconds = watch_period(every) if isinstance(every, str) else every
    return run(store, paths, every=seconds, cycles=cycles, on_cycle=on_cycle or (lambda c: None), **options)


def watch_period(text: str) -> float:
    """Seconds in a period such as ``15m`` (``ConfigError`` for anything else)."""
    from newsgraph.runners.watch import parse_every

    return parse_every(text)


def build(store, *, full: bool = False) -> dict:
    """Join the documents of ``store`` (open for writing) added since the last build into
    the cross-article tables, or rebuild them all when ``full``; returns their row counts."""
    from newsgraph.corpus.build import update

    return update(store, full=full)


def corpus_status(store) -> dict:
    """Whether the cross-article tables are current: ``{current, documents, built_over}``."""
    from newsgraph.corpus.build import status

    return status(store)


def store_errors(store, *, limit: int | None = None) -> list[dict]:
    """The failures stored in ``store`` (key, doc_id, source, code, reason, seen_at)."""
    return store.errors(limit=limit)


def clear_errors(store) -> int:
    """Delete every stored failure; returns how many there were."""
    return store.forget_errors()


def retry_errors(store, **options) -> dict:
    """Ingest again the files the stored failures came from (``options`` as ``ingest``):
    stored documents are skipped, failed inputs analysed again, and those that succeed
    leave the errors table. Returns ``ingest``'s counts plus ``files`` (read again) and
    ``not_retried`` (sources that cannot be read again: stdin, gone, none recorded)."""
    from newsgraph.runners.ingest import retry_paths

    files, lost = retry_paths(store)
    stats = ingest(store, files, **options) if files else {"written": 0, "skipped": 0, "failed": 0, "failures": []}
    return {**stats, "files": files, "not_retried": lost}


def corpus_entities(store, *, type: str | None = None, query: str | None = None, limit: int = 50) -> list[dict]:
    """Graph entities (resolved across articles), most-reported first."""
    from newsgraph.corpus import queries

    return queries.entities(store, type=type, query=query, limit=limit)


def corpus_entity(store, name: str | None, *, limit: int = 20, gid: str | None = None) -> dict | None:
    """One entity's offices, mentions, quotes, co-occurring entities and merge evidence,
    by ``name`` or, when given, by its graph entity id ``gid``."""
    from newsgraph.corpus import queries

    return queries.entity(store, name, limit=limit, gid=gid)


def entity_suggestions(store, name: str, *, limit: int = 5) -> list[dict]:
    """Entities spelled close to ``name`` (``[{name, type, gid, score}]``), for a name
    that matched none."""
    from newsgraph.corpus import queries

    return queries.suggest_entities(store, name, limit=limit)


def corpus_quotes(store, *, speaker: str | None = None, limit: int = 50) -> list[dict]:
    """Quotes, optionally by one speaker (resolved across articles)."""
    from newsgraph.corpus import queries

    return queries.quotes(store, speaker=speaker, limit=limit)


def corpus_events(store, **filters) -> list[dict]:
    """Deduplicated events; ``filters``: type, actor, country, since, until, limit, min_confidence."""
    from newsgraph.corpus import queries

    return queries.events(store, **filters)


def corpus_timeline(store, *, entity: str | None = None, story: str | None = None) -> dict:
    """A dated timeline for an entity, a story (near-duplicate group), or the corpus."""
    from newsgraph.corpus import queries

    return queries.timeline(store, entity=entity, story=story)


def corpus_claims(store, *, kind: str | None = None, contested: bool = False, entity: str | None = None,
                  min_sources: int = 1, doc_id: str | None = None, limit: int | None = 100,
                  sources: int | None = 20) -> list[dict]:  # fmt: skip
    """Claims (quantity, quote, event): statements from several articles about one thing,
    with their independent sources and, for figures, whether origins disagree. Filters:
    ``kind``, ``contested`` only, an ``entity`` their sentences name, at least
    ``min_sources`` independent sources, one article ``doc_id`` among their sources. Each
    claim carries its first ``sources`` statements (None: all), ``n_sources`` and
    ``sources_truncated``; ``corpus_claim`` gives one claim's every statement."""
    from newsgraph.corpus import claims_queries

    return claims_queries.claims(store, kind=kind, contested=contested, entity=entity, min_sources=min_sources,
                                 doc_id=doc_id, limit=limit, sources=sources)  # fmt: skip


def corpus_claim(store, claim_id: str) -> dict | None:
    """One claim with its statements (``sources``) and figures (``values``), or None."""
    from newsgraph.corpus import claims_queries

    return claims_queries.claim(store, claim_id)


def corpus_export(store, fmt: str, output: str) -> dict:
    """Export the store: ``parquet`` (a folder, one file per table), ``jsonl`` (records)
    or ``gkg`` (GDELT GKG 2.1 TSV). Returns what was written. With ``jsonl`` the claims
    go beside the records (``records.claims.jsonl``), one claim a line."""
    from newsgraph.store import export

    done = export.export(store, fmt, output)
    if fmt == "jsonl":
        from newsgraph.corpus.claims_queries import iter_claims

        path = export.claims_path(output)
        done["claims"] = {"output": path, "rows": export.write_jsonl(iter_claims(store), path)}
    return done


# ---------------------------------------------------------------------------------------
# Articles and pages: the reads the HTTP API and the web pages need beyond the corpus
# section above (a list of articles, one article's record, places for the map, search,
# an overview), and storing one ad-hoc analysis through the store's writer. The SQL is in
# the store (``Store``) and the corpus layer (``corpus.queries``); ``store`` is an open
# ``Store`` owned by the caller.
# ---------------------------------------------------------------------------------------


def list_documents(store, *, query: str | None = None, limit: int = 50, offset: int = 0, **filters) -> dict:
    """Stored articles, newest first, optionally whose title or text holds every word of ``query``;
    ``filters``: entities (graph entity ids, all named), since, until, source, sort.
    Returns a page ``{"total", "limit", "offset", "sort", "items": [{id, title, label,
    published, url, source, n_entities, ...}]}``."""
    from newsgraph.corpus import tables

    return tables.documents(store, query=query, limit=limit, offset=offset, **filters)


def entities_page(store, **options) -> dict:
    """A page of graph entities (``corpus.tables.entities``: type, query, sort, limit, offset)."""
    from newsgraph.corpus import tables

    return tables.entities(store, **options)


def mentions_page(store, entity: str, **options) -> dict | None:
    """A page of one graph entity's mentions (``corpus.tables.mentions``), or None."""
    from newsgraph.corpus import tables

    return tables.mentions(store, entity, **options)


def quotes_page(store, **options) -> dict:
    """A page of quotes (``corpus.tables.quotes``: speaker, speaker_id, since, until,
    source, sort, limit, offset)."""
    from newsgraph.corpus import tables

    return tables.quotes(store, **options)


def events_page(store, **options) -> dict:
    """A page of deduplicated events with modality (``corpus.tables.events``)."""
    from newsgraph.corpus import tables

    return tables.events(store, **options)


def event_group(store, cluster_id: str) -> dict | None:
    """One deduplicated event and every report of it, or None."""
    from newsgraph.corpus import tables

    return tables.event_group(store, cluster_id)


def quantities_page(store, **options) -> dict:
    """A page of quantities across articles (``corpus.tables.quantities``)."""
    from newsgraph.corpus import tables

    return tables.quantities(store, **options)


def get_record(store, doc_id: str) -> dict | None:
    """The stored record of article ``doc_id`` as a dict, or None when it is not stored."""
    return store.record(doc_id)


def get_entity_links(store, doc_id: str) -> dict[str, dict]:
    """For one article: its entity ids -> the graph entity they resolved to (gid, name)."""
    from newsgraph.corpus import queries

    return queries.entity_links(store, doc_id)


def corpus_places(store, *, limit: int = 2000, min_confidence: float | None = None) -> list[dict]:
    """Resolved places across the corpus (one row per name and coordinates), with the
    number of articles naming them, most named first; ``min_confidence``: only
    resolutions at or above it."""
    from newsgraph.corpus import queries

    return queries.places(store, limit=limit, min_confidence=min_confidence)


def corpus_overview(store, *, top: int = 10) -> dict:
    """Counts, the most-reported entities and the articles and events per day."""
    from newsgraph.corpus import queries

    counts = queries.summary(store)
    timeline = queries.timeline(store)
    days = [{"day": d["day"], "n_docs": d["n_docs"], "n_stories": d["n_stories"], "n_events": len(d["events"])}
            for d in timeline["days"]]  # fmt: skip
    return {"counts": counts, "corpus": corpus_status(store), "top_entities": queries.entities(store, limit=top),
            "days": days}  # fmt: skip


def search(store, query: str, *, limit: int = 20, offset: int = 0, sort: str | None = None) -> dict:
    """Articles holding every word of ``query`` and entities whose name contains it (any case): ``{query,
    documents, entities}`` (the first ``limit`` of each) plus the articles' page
    (``total``, ``limit``, ``offset``, ``sort``; each article with its ``snippet``) and
    ``entities_total``."""
    from newsgraph.corpus import tables

    docs = tables.documents(store, query=query, limit=limit, offset=offset, sort=sort)
    ents = tables.entities(store, query=query, limit=limit)
    return {"query": query, "documents": docs.pop("items"), **docs, "entities": ents["items"],
            "entities_total": ents["total"]}  # fmt: skip


def store_record(store, record: Record) -> dict:
    """Store one analysed record through the store's writer (skipped when already stored)
    and join it into the cross-article tables. Returns the write counts."""
    from newsgraph.corpus.build import update
    from newsgraph.corpus.minhash import signature
    from newsgraph.record import to_json
    from newsgraph.store.items import Analysed

    result = store.write([Analysed(record.id, to_json(record), signature(record.text))])
    update(store)
    return {"written": result.written, "skipped": result.skipped, "failed": result.failed}


def corpus_place(store, geonames_id: int) -> dict | None:
    """One place by its GeoNames id: name, country, coordinates, the articles and entities
    naming it and its events (``corpus.place.place``); None when no article names it."""
    from newsgraph.corpus.place import place

    return place(store, geonames_id)
