"""What runs inside a worker (a local process or a Ray task): analyse, never write.

Each worker loads the pipeline once (``pipeline.cached.get_pipeline`` caches it per process) and
turns a chunk of inputs into ``Analysed`` items (record JSON + MinHash) or ``Failure``s,
which go back to the one writer.
"""

from __future__ import annotations

import logging

from newsgraph.corpus.minhash import signature
from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.pipeline.cached import get_pipeline
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.record import to_json
from newsgraph.runners import lifeline
from newsgraph.store.items import Analysed

log = logging.getLogger(__name__)

_SETTINGS: dict = {}


def init(config: PipelineConfig | None, model: str | None) -> None:
    """Worker initialiser: remember the settings and load the pipeline now, once."""
    _SETTINGS.update(config=config, model=model)
    get_pipeline(config, model)


def init_process(parent_pid: int, config: PipelineConfig | None, model: str | None) -> None:
    """Initialiser of a local worker process: die with ``parent_pid`` (the writer), then
    ``init``. A worker the writer no longer waits for must not hold its memory forever."""
    lifeline.die_with_parent(parent_pid)
    init(config, model)


def analyse(items: list[InputDoc | Failure]) -> list[Analysed | Failure]:
    """Analyse one chunk; a failure of the whole chunk becomes one failure per input."""
    pipeline = get_pipeline(_SETTINGS.get("config"), _SETTINGS.get("model"))
    try:
        results = list(pipeline.pipe(items))
    except Exception as err:  # noqa: BLE001 - reported per input, never swallowed
        log.exception("chunk failed")
        return [Failure(i.id, i.source, Code.COMPONENT_FAILED, f"internal error: {err!r}") for i in items]
    out: list[Analysed | Failure] = []
    for result in results:
        if isinstance(result, Failure):
            out.append(result)
        else:
            out.append(Analysed(result.id, to_json(result), signature(result.text)))
    return out
