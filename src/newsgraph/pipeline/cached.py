"""One pipeline per process and configuration.

Building a pipeline loads spaCy and every lexicon (seconds), so the service layer and each
worker process keep the one they built and reuse it.
"""

from __future__ import annotations

from newsgraph.pipeline.config import BACKBONE, PipelineConfig
from newsgraph.pipeline.pipeline import Pipeline


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
