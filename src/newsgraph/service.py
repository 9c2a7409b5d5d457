"""Service functions: the one layer the CLI, the HTTP API and the web UI all call.

Each function takes plain arguments, builds or reuses a pipeline, and returns records,
failures or plain data. Nothing here parses command lines or HTTP requests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from newsgraph.ingest.inputs import Failure, InputDoc, content_id
from newsgraph.pipeline.config import BACKBONE, PipelineConfig
from newsgraph.pipeline.pipeline import Pipeline
from newsgraph.record import Record

_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b|<article\b|<\?xml)", re.I)


def looks_like_html(content: str) -> bool:
    """True when ``content`` is an HTML page rather than plain text."""
    head = content[:2048]
    return bool(_HTML_SNIFF.match(head)) or head.count("</p>") + head.count("<div") >= 3


def build_config(config: PipelineConfig | None = None, model: str | None = None) -> PipelineConfig:
    """The default (or given) configuration, with the backbone's model overridden if set."""
    config = config or PipelineConfig.default()
    if model:
        # A chosen pipeline brings its own entity recogniser.
        config = config.with_settings(BACKBONE, model=model, ner="model")
    return config


_PIPELINES: dict[str, Pipeline] = {}


def get_pipeline(config: PipelineConfig | None = None, model: str | None = None) -> Pipeline:
    """A pipeline for ``config``; built once per process and configuration."""
    config = build_config(config, model)
    key = config.key()
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline.from_config(config)
    return _PIPELINES[key]


def make_input(
    text_or_html: str,
    published: str | None = None,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    clean: bool = True,
    source: str | None = None,
) -> InputDoc:
    """An ``InputDoc`` from a string, sniffing whether it is HTML or plain text."""
    is_html = looks_like_html(text_or_html)
    return InputDoc(
        id=id or content_id(text_or_html),
        text=None if is_html else text_or_html,
        html=text_or_html if is_html else None,
        published=published,
        url=url,
        title=title,
        clean=clean,
        source=source,
    )


def analyze(
    text_or_html: str,
    published: str | None = None,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    clean: bool = True,
    model: str | None = None,
    config: PipelineConfig | None = None,
) -> Record:
    """Analyse one article (plain text or HTML) and return its record.

    ``published`` (YYYY-MM-DD) anchors relative dates. ``clean=False`` analyses the text
    verbatim so offsets index the caller's own string. Raises ``InputError`` when the
    input cannot be analysed.
    """
    item = make_input(text_or_html, published, id=id, url=url, title=title, clean=clean)
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


def open_store(path: str | None = None, *, read_only: bool = False):
    """Open (creating and migrating if needed) the DuckDB store at ``path``
    (default ``newsgraph.duckdb``)."""
    from newsgraph.store import DEFAULT_DB, Store

    return Store(path or DEFAULT_DB, read_only=read_only)


def ingest(store, paths: list[str], *, joins: bool = True, **options) -> dict:
    """Ingest files and folders (text, HTML, JSONL, WARC, RSS/Atom) into ``store``; then
    rebuild the cross-article joins. ``options`` are those of ``runners.ingest.ingest``
    (workers, engine, batch_size, config, model, published, show_progress, ray_address,
    shard_dir). Returns the run's counts and the joined tables' sizes."""
    from newsgraph.corpus.build import rebuild
    from newsgraph.runners.ingest import ingest as run

    stats = run(paths, store, **options).to_dict()
    if joins:
        stats["joins"] = rebuild(store)
    stats["store"] = {k: v for k, v in store.counts().items() if k in ("documents", "errors")}
    return stats


def corpus_entities(store, *, type: str | None = None, query: str | None = None, limit: int = 50) -> list[dict]:
    """Graph entities (resolved across articles), most-reported first."""
    from newsgraph.corpus import queries

    return queries.entities(store, type=type, query=query, limit=limit)


def corpus_entity(store, name: str, *, limit: int = 20) -> dict | None:
    """One entity's offices, mentions, quotes, co-occurring entities and merge evidence."""
    from newsgraph.corpus import queries

    return queries.entity(store, name, limit=limit)


def corpus_quotes(store, *, speaker: str | None = None, limit: int = 50) -> list[dict]:
    """Quotes, optionally by one speaker (resolved across articles)."""
    from newsgraph.corpus import queries

    return queries.quotes(store, speaker=speaker, limit=limit)


def corpus_events(store, **filters) -> list[dict]:
    """Deduplicated events; ``filters``: type, actor, country, since, until, limit."""
    from newsgraph.corpus import queries

    return queries.events(store, **filters)


def corpus_timeline(store, *, entity: str | None = None, story: str | None = None) -> dict:
    """A dated timeline for an entity, a story (near-duplicate group), or the corpus."""
    from newsgraph.corpus import queries

    return queries.timeline(store, entity=entity, story=story)


def corpus_export(store, fmt: str, output: str) -> dict:
    """Export the store: ``parquet`` (a folder, one file per table), ``jsonl`` (records)
    or ``gkg`` (GDELT GKG 2.1 TSV). Returns what was written."""
    from newsgraph.store import export

    return export.export(store, fmt, output)
