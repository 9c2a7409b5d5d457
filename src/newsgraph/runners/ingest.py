"""Ingest: read inputs, analyse them on an engine, write them to the store, join.

``ingest`` is the one entry point the CLI (and later the HTTP API) calls. The store is
opened by the calling process only: engines return records, the caller writes them, one
transaction per chunk. A re-run skips what is stored, so an interrupted run (even by
SIGKILL) is resumed by running the same command again.
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass, field

from newsgraph.ingest.inputs import Failure
from newsgraph.ingest.readers import Skipped
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.runners.local import chunks, run_inline, run_local
from newsgraph.runners.progress import Progress
from newsgraph.runners.sources import count_inputs, iter_inputs
from newsgraph.store.db import Analysed, Store

ENGINES = ("local", "ray")


@dataclass
class IngestStats:
    """What one ingest run did, for the CLI and the benchmarks."""

    written: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    skipped_files: list[dict] = field(default_factory=list)  # found but not read: {source, reason}

    @property
    def rate(self) -> float:
        """Documents analysed per second over the whole run (start-up included)."""
        return (self.written + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "rate": round(self.rate, 2)}


def default_workers() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def ingest(
    paths: list[str],
    store: Store,
    *,
    workers: int | None = None,
    engine: str = "local",
    batch_size: int = 32,
    config: PipelineConfig | None = None,
    model: str | None = None,
    published: str | None = None,
    show_progress: bool = True,
    ray_address: str | None = None,
    shard_dir: str | None = None,
) -> IngestStats:
    """Ingest every input under ``paths`` into ``store``; returns the counts.

    ``workers``: analysis processes (default: the cores; 0 analyses in this process).
    ``engine``: ``local`` (processes on this machine) or ``ray`` (Ray Data tasks on the
    cluster at ``ray_address``, written as Parquet shards to ``shard_dir`` and loaded).
    """
    requested, workers = workers, default_workers() if workers is None else workers
    stats = IngestStats(engine=engine, workers=workers)
    started = time.monotonic()
    total = count_inputs(paths) if show_progress else None
    progress = Progress(total, enabled=show_progress)
    sink = _sink(store, progress)
    not_read: list[Skipped] = []
    try:
        if engine == "ray":
            from newsgraph.runners.ray_engine import run_ray

            run_ray(paths, sink, store=store, address=ray_address, shard_dir=shard_dir, workers=requested,
                    batch_size=batch_size, config=config, model=model, published=published,
                    on_skip=lambda n: progress.update(skipped=n), on_skip_file=not_read.append)  # fmt: skip
        else:
            items = iter_inputs(paths, published=published, on_skip=not_read.append)
            work = chunks(items, store, batch_size, lambda n: progress.update(skipped=n))
            if workers == 0:
                run_inline(work, sink, config=config, model=model)
            else:
                run_local(work, sink, workers=workers, config=config, model=model,
                          chunk_size=batch_size)  # fmt: skip
    finally:
        progress.close()
    stats.written, stats.skipped, stats.failed = progress.written, progress.skipped, progress.failed
    stats.skipped_files = [s.to_dict() for s in not_read]
    stats.seconds = time.monotonic() - started
    return stats


def _sink(store: Store, progress: Progress):
    """The writer: one transaction per result chunk, then the progress count."""

    def write(results: list[Analysed | Failure]) -> None:
        outcome = store.write(results)
        progress.update(written=outcome.written, skipped=outcome.skipped, failed=outcome.failed)

    return write
