"""The local engine: worker processes analyse, the calling process writes.

Inputs are read and chunked in the calling process; chunks whose documents are already in
the store are dropped before any analysis (resume). At most ``2 * workers`` chunks are in
flight, so memory stays bounded whatever the corpus size. Workers are started with
``spawn`` and load the pipeline once each; they die with the calling process, and SIGTERM
stops a run the way Ctrl-C does (``lifeline``).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice

from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.runners import lifeline, worker
from newsgraph.store.db import Store
from newsgraph.store.items import Analysed

Sink = Callable[[list[Analysed | Failure]], None]
RECYCLE_DOCS = 2000


def chunks(
    items: Iterable[InputDoc | Failure], store: Store, size: int, on_skip: Callable[[int], None]
) -> Iterator[list[InputDoc | Failure]]:
    """Chunks of ``size`` inputs not yet in ``store``; ``on_skip(n)`` counts the others."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        known = store.known_ids([i.id for i in chunk if isinstance(i, InputDoc)])
        fresh = [i for i in chunk if not (isinstance(i, InputDoc) and i.id in known)]
        if len(fresh) < len(chunk):
            on_skip(len(chunk) - len(fresh))
        if fresh:
            yield fresh


def run_local(
    work: Iterator[list[InputDoc | Failure]],
    sink: Sink,
    *,
    workers: int,
    config: PipelineConfig | None = None,
    model: str | None = None,
    chunk_size: int = 32,
) -> None:
    """Analyse every chunk of ``work`` in ``workers`` processes; ``sink`` gets each result
    chunk in the calling process (the writer), in completion order."""
    # One thread per worker process: N processes each running N BLAS threads on N cores
    # would oversubscribe the machine. Spawned workers inherit this environment.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    context = mp.get_context("spawn")
    # A worker is replaced after about RECYCLE_DOCS documents: spaCy's string store (and
    # any cache a component keeps) grows with every new word seen, so a long-lived worker
    # would grow with the corpus. A fresh one reloads the pipeline (a few seconds).
    recycle = max(1, RECYCLE_DOCS // max(1, chunk_size))
    # Workers die with this process (lifeline): a kill -9 of the writer must not leave
    # them, ~370 MB each, to init. The pool is created, fed and shut down in this one
    # thread, which the kernel's parent-death signal depends on (see lifeline).
    with lifeline.sigterm_as_interrupt(), ProcessPoolExecutor(
        workers, mp_context=context, initializer=worker.init_process, initargs=(os.getpid(), config, model),
        max_tasks_per_child=recycle,
    ) as pool:  # fmt: skip
        inflight: set[Future] = set()
        try:
            for chunk in work:
                inflight.add(pool.submit(worker.analyse, chunk))
                if len(inflight) >= 2 * workers:
                    inflight = _drain(inflight, sink, FIRST_COMPLETED)
                    lifeline.raise_if_terminated()
            _drain(inflight, sink, None)
            lifeline.raise_if_terminated()
        except BaseException:
            _stop(pool)
            raise


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once (Ctrl-C, SIGTERM, a failing writer): drop the queued chunks and end
    the workers, which hold nothing to save (they never write), instead of letting each
    finish its chunk or its pipeline load first."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public handle before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def _drain(inflight: set[Future], sink: Sink, until) -> set[Future]:
    done, pending = wait(inflight, return_when=until or "ALL_COMPLETED")
    for future in done:
        sink(future.result())
    return set(pending)


def run_inline(work: Iterator[list[InputDoc | Failure]], sink: Sink, *, config=None, model=None) -> None:
    """The same, in this process (``--workers 0``): for debugging and tiny inputs."""
    worker.init(config, model)
    for chunk in work:
        sink(worker.analyse(chunk))
