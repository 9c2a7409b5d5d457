"""The Ray engine: the same pipeline as Ray Data tasks on a Ray cluster.

Read (one task per input file, with the same readers as the local engine), analyse in
batches (an actor pool, each actor loading the pipeline once); the calling process
streams the analysed batches back as they finish, saves each as a Parquet shard and
writes it into the store with the one writer, so progress shows while the cluster works.
Documents already in the store are skipped inside the actors, so a re-run only analyses
what is missing. A task that fails (its worker process dies, its node goes) is retried by
Ray (the analysis actors are restarted, their tasks retried); the writer skips an id it
has already stored, so a retry never duplicates rows.

On a real cluster every node needs newsgraph installed (same version) and the input paths
and the shard folder on storage every node can reach; see docs/corpus.md.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.ingest.readers import OnSkip
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.runners import lifeline
from newsgraph.runners.sources import expand
from newsgraph.store.db import Store
from newsgraph.store.items import Analysed

_INPUT_FIELDS = ("id", "text", "html", "published", "url", "title", "clean", "source", "default_published")


def _shard_schema():
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("record_json", pa.string()), ("minhash", pa.list_(pa.uint32())),
                      ("source", pa.string()), ("failure", pa.string()), ("reason", pa.string()),
                      ("skipped", pa.bool_())])  # fmt: skip


SHARD_SCHEMA = _shard_schema()
_LIGHT = 0.1  # CPU share of a read or write task


def read_file(row: dict, published: str | None = None) -> list[dict]:
    """Ray task: one input file -> one row per input (an InputDoc or a Failure)."""
    from newsgraph.runners.sources import iter_inputs

    rows = []
    for item in iter_inputs([row["path"]], published=published):
        if isinstance(item, Failure):
            rows.append(_failure_row(item))
        else:
            rows.append({**{f: getattr(item, f) for f in _INPUT_FIELDS}, "failure": None, "reason": None})
    return rows


class Analyse:
    """Ray actor: loads the pipeline once, analyses a batch of input rows, never writes."""

    def __init__(self, config: PipelineConfig | None, model: str | None, known: frozenset[str]):
        from newsgraph.runners import worker

        worker.init(config, model)
        self.known = known

    def __call__(self, batch):
        """``batch``: a pyarrow Table of input rows -> a Table of ``SHARD_SCHEMA`` rows."""
        from newsgraph.runners import worker

        rows = batch.to_pylist()
        fresh = [r for r in rows if r.get("failure") or r.get("id") not in self.known]
        out: dict[str, list] = {name: [] for name in SHARD_SCHEMA.names}
        for r in rows:
            if not r.get("failure") and r.get("id") in self.known:
                _append(out, id=r["id"], skipped=True)
        for result in worker.analyse([_to_item(r) for r in fresh]) if fresh else []:
            if isinstance(result, Failure):
                _append(out, **_failure_row(result))
            else:
                _append(out, id=result.id, record_json=result.record_json.decode("utf-8"), minhash=result.minhash)
        import pyarrow as pa

        # An explicit schema: a batch of only failures must not write a shard whose
        # record_json column is typed null, or the shards would not read back together.
        return pa.table(out, schema=SHARD_SCHEMA)


def _append(out: dict, **values) -> None:
    for name in out:
        out[name].append(values.get(name, False if name == "skipped" else None))


def _failure_row(failure: Failure) -> dict:
    """A failure as a row (read task output, shard row); ``_failure`` reads it back."""
    return {"id": failure.id, "source": failure.source, "failure": failure.code.value, "reason": failure.reason}


def _failure(row: dict) -> Failure:
    return Failure(row.get("id"), row.get("source"), Code(row["failure"]), row.get("reason") or "")


def _to_item(row: dict) -> InputDoc | Failure:
    if row.get("failure"):
        return _failure(row)
    return InputDoc(**{f: row.get(f) for f in _INPUT_FIELDS if f != "clean"}, clean=row.get("clean") is not False)


def run_ray(
    paths: list[str],
    sink: Callable[[list[Analysed | Failure]], None],
    *,
    store: Store,
    address: str | None = None,
    shard_dir: str | None = None,
    batch_size: int = 32,
    workers: int | None = None,
    config: PipelineConfig | None = None,
    model: str | None = None,
    published: str | None = None,
    on_skip: Callable[[int], None] | None = None,
    on_skip_file: OnSkip | None = None,
) -> None:
    """Analyse ``paths`` on Ray; each analysed batch, as it comes back, is saved as a
    Parquet shard and passed to ``sink`` (the one writer); files that are not articles go
    to ``on_skip_file``."""
    import ray

    if not ray.is_initialized():
        ray.init(address=address or os.environ.get("RAY_ADDRESS"), include_dashboard=False,
                 log_to_driver=False, configure_logging=False)  # fmt: skip
        # A local Ray this process started must not outlive it, even after a kill -9.
        lifeline.reap_ray_on_exit(os.path.dirname(ray.__file__))
    known = store.document_ids()  # failed ids are retried
    keep = shard_dir is not None
    shards = Path(shard_dir) if keep else Path(tempfile.mkdtemp(prefix="newsgraph-shards-"))
    run_dir = shards / f"run-{uuid.uuid4().hex[:8]}"
    try:
        files = [{"path": os.path.abspath(p)} for p in expand(paths, on_skip_file)]  # Ray workers run elsewhere
        with lifeline.sigterm_as_interrupt():  # then ray.shutdown at exit stops a local Ray
            for number, table in enumerate(_analysed(files, known, batch_size, workers, config, model, published)):
                run_dir.mkdir(parents=True, exist_ok=True)
                _write_shard(table, run_dir / f"part-{number:06d}.parquet")
                _load_rows(table.to_pylist(), sink, on_skip)
    finally:
        if not keep:
            shutil.rmtree(shards, ignore_errors=True)


def _analysed(files, known, batch_size, workers, config, model, published):
    """The analysed batches (``SHARD_SCHEMA`` tables) as the cluster finishes them."""
    import ray
    import ray.data

    if not files:
        return iter(())
    cpus = int(ray.cluster_resources().get("CPU", 1))
    pool = max(1, min(workers or cpus, cpus))
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    # Readers are light; analysis actors take most of a CPU each. The fraction leaves
    # room for a reader next to every actor, so even a one-CPU cluster cannot deadlock
    # (an actor holding the only CPU while the reader waits for one).
    dataset = (
        ray.data.from_items(files)
        .flat_map(read_file, fn_kwargs={"published": published}, num_cpus=_LIGHT)
        .map_batches(Analyse, fn_constructor_kwargs={"config": config, "model": model, "known": known},
                     batch_size=batch_size, compute=ray.data.ActorPoolStrategy(size=pool), num_cpus=1 - 2 * _LIGHT,
                     batch_format="pyarrow")  # fmt: skip
    )
    return dataset.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1)


def _write_shard(table, path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table.cast(SHARD_SCHEMA), str(path))


def load_shards(
    folder: Path, sink: Callable[[list[Analysed | Failure]], None], batch_size: int,
    on_skip: Callable[[int], None] | None = None,
) -> None:  # fmt: skip
    """Stream the Parquet shards in ``folder`` into ``sink`` (the one writer), in chunks."""
    import pyarrow.dataset as ds

    if not folder.exists():
        return
    dataset = ds.dataset(str(folder), format="parquet", schema=SHARD_SCHEMA)
    for batch in dataset.to_batches(batch_size=batch_size):
        _load_rows(batch.to_pylist(), sink, on_skip)


def _load_rows(rows: list[dict], sink: Callable[[list[Analysed | Failure]], None],
               on_skip: Callable[[int], None] | None) -> None:  # fmt: skip
    """Shard rows -> one ``sink`` call (analysed documents and failures) and the skip count."""
    chunk: list[Analysed | Failure] = []
    skipped = 0
    for row in rows:
        if row.get("skipped"):
            skipped += 1
        elif row.get("failure"):
            chunk.append(_failure(row))
        else:
            chunk.append(Analysed(row["id"], row["record_json"].encode("utf-8"), row.get("minhash")))
    if skipped and on_skip:
        on_skip(skipped)
    if chunk:
        sink(chunk)
