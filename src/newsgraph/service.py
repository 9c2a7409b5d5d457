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
