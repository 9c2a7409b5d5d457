"""Ingest: read inputs, analyse them on an engine, write them to the store.

``ingest`` is the one way articles go into a store in bulk: ``service.ingest`` and
``service.retry_errors`` call it (the CLI's ``ingest`` and ``errors --retry``; the HTTP
API stores single records through ``service.store_record`` instead). The store is opened
by the calling process only: an engine (inline, local worker processes, or Ray, whose
workers hand back Parquet shards) passes each batch of analysed documents and failures to
a sink in this process, which writes it through ``Store.write``, one transaction per batch. A re-run skips what is stored, so an interrupted run (even by
SIGKILL) is resumed by running the same command again. Inputs that failed are not
"stored": the next run tries them again, and an input that then succeeds takes its rows out
of the ``errors`` table.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path

from newsgraph.errors import Code, ConfigError
from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.ingest.readers import Skipped
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.runners.local import chunks, run_inline, run_local
from newsgraph.runners.progress import Progress
from newsgraph.runners.sources import count_inputs, iter_inputs
from newsgraph.store.db import Analysed, Store

ENGINES = ("local", "ray")
MAX_REPORTED = 1000  # failures kept for the end-of-run report; the errors table has them all


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
    failures: list[Failure] = field(default_factory=list)  # the first MAX_REPORTED of this run

    @property
    def rate(self) -> float:
        """Documents analysed per second over the whole run (start-up included)."""
        return (self.written + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        """The counts as plain data (the failures as ``{id, source, code, reason}``)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["failures"] = [f.to_dict() for f in self.failures]
        return {**data, "rate": round(self.rate, 2)}


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
    _check_options(engine=engine, workers=workers, batch_size=batch_size, published=published)
    requested, workers = workers, default_workers() if workers is None else workers
    stats = IngestStats(engine=engine, workers=workers)
    started = time.monotonic()
    total = count_inputs(paths) if show_progress else None
    progress = Progress(total, enabled=show_progress)
    read_ok: deque[str] = deque()
    sink = _sink(store, progress, stats, read_ok)
    not_read: list[Skipped] = []
    try:
        if engine == "ray":
            from newsgraph.runners.ray_engine import run_ray

            run_ray(paths, sink, store=store, address=ray_address, shard_dir=shard_dir, workers=requested,
                    batch_size=batch_size, config=config, model=model, published=published,
                    on_skip=lambda n: progress.update(skipped=n), on_skip_file=not_read.append)  # fmt: skip
        else:
            items = _note_read(iter_inputs(paths, published=published, on_skip=not_read.append), read_ok)
            work = chunks(items, store, batch_size, lambda n: progress.update(skipped=n))
            if workers == 0:
                run_inline(work, sink, config=config, model=model)
            else:
                run_local(work, sink, workers=workers, config=config, model=model,
                          chunk_size=batch_size)  # fmt: skip
            if read_ok:  # sources read after the last write (their inputs were all stored)
                sink([])
    finally:
        progress.close()
    stats.written, stats.skipped, stats.failed = progress.written, progress.skipped, progress.failed
    stats.skipped_files = [s.to_dict() for s in not_read]
    stats.seconds = time.monotonic() - started
    return stats


def _check_options(*, engine: str, workers: int | None, batch_size: int, published: str | None) -> None:
    """Refuse bad option values before any input is read (``ConfigError``, BAD_CONFIG)."""
    from newsgraph.corpus.filters import check_date

    problems = []
    if engine not in ENGINES:
        problems.append(f"engine must be one of {', '.join(ENGINES)}, found {engine!r}")
    if workers is not None and workers < 0:
        problems.append(f"workers must be 0 (in this process) or more, found {workers}")
    if batch_size < 1:
        problems.append(f"batch_size must be 1 or more, found {batch_size}")
    if published is not None:
        try:
            check_date(published)
        except ValueError as err:
            problems.append(f"published: {err}")
    if problems:
        raise ConfigError(Code.BAD_CONFIG, "; ".join(problems))


def _note_read(items: Iterable[InputDoc | Failure], read_ok: deque[str]) -> Iterator[InputDoc | Failure]:
    """Pass ``items`` on, noting in ``read_ok`` the source of each input read."""
    for item in items:
        if isinstance(item, InputDoc) and item.source:
            read_ok.append(item.source)
        yield item


def _sink(store: Store, progress: Progress, stats: IngestStats, read_ok: deque[str]):
    """The writer: one transaction per result chunk, then the progress count. Each write
    also deletes the error rows of the sources read since the last one (``read_ok``,
    filled by the reading side): a source is read before its outcome is written, so its
    new outcome (stored, or failed again) replaces them, and a file fixed since (new
    content, so a new id) does not leave its old failure behind."""

    def write(results: list[Analysed | Failure]) -> None:
        outcome = store.write(results, sources=[read_ok.popleft() for _ in range(len(read_ok))])
        room = MAX_REPORTED - len(stats.failures)
        stats.failures.extend(outcome.failures[: max(room, 0)])
        progress.update(written=outcome.written, skipped=outcome.skipped, failed=outcome.failed)

    return write


def retry_paths(store: Store) -> tuple[list[str], list[str]]:
    """The files to read again to retry the failures stored in ``store``, and the sources
    that cannot be retried (stdin, a file that is gone, no source recorded)."""
    files, lost = set(), set()
    for source in store.error_sources():
        path = _file_of(source)
        if path:
            files.add(path)
        else:
            lost.add(source)
    return sorted(files), sorted(lost)


def _file_of(source: str) -> str | None:
    """The file a failure's source names: ``a.txt``, ``in.jsonl:12``, ``crawl.warc#3``."""
    candidates = [source, source.rsplit(":", 1)[0], source.rsplit("#", 1)[0]]
    return next((c for c in candidates if c != "stdin" and Path(c).is_file()), None)
