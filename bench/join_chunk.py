"""The join of one chunk into a copy of a store: CPU seconds in all, and per step.

    .venv/bin/python bench/join_chunk.py --db /tmp/scale-keep/scale-50000.duckdb --start 50000
    .venv/bin/python bench/join_chunk.py --db STORE --start 12500 --n 2500 --steps

Copies ``--db`` (a store grown by ``bench/scale.py``, e.g. one kept with ``--keep``) to a
temporary file, writes the ``--n`` records ``bench/varied.py`` generates from index
``--start`` (the next ones for a store of that size), and times ``corpus.build.update`` in
CPU (all threads). ``--steps`` also times the join's steps (near-duplicate groups, entity
resolution and its parts, event clusters, origins and each kind of claim) and counts the
nodes reached and the surname-only rows linked. ``--memory`` also samples the process's
resident memory every 20 ms (``/proc/self/status``) and reports the peak RSS of the write
and of the join (``peak_rss_mb``, the high-water mark reset after the copy), the peak
while each step runs, and DuckDB's own memory (``duckdb_memory()``) at the end of each step
(``duckdb_mb``); ``--python`` traces Python's heap too (slow); ``--set`` gives the copy's
connection DuckDB settings; ``--then K`` joins K more chunks in the same process, as a
growing run does. The copy is removed; the store is never changed. docs/corpus.md ("To
100k", "Peak RSS of a chunk's join") gives the figures.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import varied  # noqa: E402

from newsgraph.corpus import build, claims_build, relink  # noqa: E402
from newsgraph.store import Store, claim_index, entity_index  # noqa: E402

_STEPS = {
    build: ("join_groups", "join_entities", "join_events", "_index_nodes", "_reachable", "_relink_all",
            "_graph_entities", "_count_stories", "_quiet_links"),
    relink: ("relink", "_surname_links", "_rows_to_relink", "_count_context", "_write"),
    claims_build: ("_add_documents", "_update_origins", "_update_quantity_claims", "_update_quote_claims",
                   "_update_event_claims"),
    entity_index: ("refresh",),
    claim_index: ("refresh", "refresh_kind"),
}  # fmt: skip


def _rss_mb(field: str = "VmRSS") -> float:
    """The process's resident memory (``VmRSS``) or its high-water mark (``VmHWM``), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


class _Memory:
    """Samples RSS every ``every`` seconds in a thread; the peak while each named step
    runs (``peaks``), and DuckDB's memory at the end of each step (``duckdb``)."""

    def __init__(self, every: float = 0.02):
        self.every, self.running, self.peaks, self.duckdb, self.tags = every, [], {}, {}, {}
        self.python: dict = {}
        self.python_top: dict = {}
        self.con = None  # a cursor on the store: duckdb_memory() reports the whole database
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def start(self) -> None:
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM: the peak from here on
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        top = 0
        while not self._stop.wait(self.every):
            rss = _rss_mb()
            for name in list(self.running):
                self.peaks[name] = max(self.peaks.get(name, 0), rss)
            if tracemalloc.is_tracing():  # Python's own heap: its peak per step, and where it was
                heap = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
                for name in list(self.running):
                    self.python[name] = max(self.python.get(name, 0), heap)
                if heap > top + 32:
                    top = heap
                    stats = tracemalloc.take_snapshot().statistics("lineno")[:12]
                    lines = [f"{round(st.size / 2**20, 1)} MB {st.traceback}" for st in stats]
                    self.python_top = {"heap_mb": heap, "steps": list(self.running), "lines": lines}

    def enter(self, name: str) -> None:
        self.running.append(name)

    def leave(self, name: str) -> None:
        self.running.remove(name)
        if self.con is not None:
            tags = self.con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall()
            self.duckdb[name] = max(self.duckdb.get(name, 0), round(sum(b for _, b in tags) / 2**20, 1))
            self.tags[name] = {t: round(b / 2**20) for t, b in tags if b >= 2**24}  # 16 MB and more


def _time_steps(times: dict, memory: _Memory | None = None) -> None:
    """Wrap each step so its CPU seconds add up in ``times`` (``reached``: nodes reached)
    and, with ``memory``, its peak RSS and DuckDB memory are recorded."""
    for module, names in _STEPS.items():
        for name in names:
            fn = getattr(module, name)

            @functools.wraps(fn)
            def timed(*args, _fn=fn, _name=name, _module=module, **kwargs):
                step = _name if _module not in (entity_index, claim_index) else f"{_module.__name__.rsplit('.', 1)[1]}.{_name}"
                started = time.process_time()
                if memory:
                    memory.enter(step)
                try:
                    out = _fn(*args, **kwargs)
                    if _name in ("_reachable", "_surname_links"):  # nodes reached, surname-only rows linked
                        count = "reached" if _name == "_reachable" else "surname_rows"
                        times[count] = times.get(count, 0) + len(out)
                    return out
                finally:
                    times[step] = round(times.get(step, 0) + time.process_time() - started, 3)
                    if memory:
                        memory.leave(step)

            setattr(module, name, timed)
    build.relink = relink  # build calls relink.relink through the module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--start", type=int, required=True, help="index of the first record (the store's size)")
    ap.add_argument("--n", type=int, default=2500)
    ap.add_argument("--steps", action="store_true")
    ap.add_argument("--memory", action="store_true", help="peak RSS of the write, the join and each step")
    ap.add_argument("--python", action="store_true",
                    help="with --memory: trace Python's heap too (tracemalloc: slow, its CPU not comparable)")
    ap.add_argument("--then", type=int, default=0, metavar="K",
                    help="then join K more chunks in the same process: CPU and peak RSS after each")
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                    help="DuckDB settings for the copy's connection (e.g. memory_limit=512MB threads=1)")
    args = ap.parse_args()
    times: dict = {}
    memory = _Memory() if args.memory else None
    if args.steps or memory:
        _time_steps(times, memory)
    seeds = varied.seeds()
    items = list(varied.generate(seeds, args.n, start_index=args.start))
    with tempfile.TemporaryDirectory(prefix="join-chunk-") as tmp:
        copy = Path(tmp) / "store.duckdb"
        shutil.copyfile(args.db, copy)
        with Store(copy) as store:
            for setting in args.set:
                name, value = setting.split("=", 1)
                store.con.execute(f"SET {name} = '{value}'")
            rss: dict = {}
            if memory:
                memory.con = store.con.cursor()
                rss["opened_mb"] = _rss_mb()
                if args.python:
                    tracemalloc.start()
                memory.start()
                memory.enter("write")
            cpu = time.process_time()
            store.write(items)
            write_cpu = time.process_time() - cpu
            if memory:
                memory.leave("write")
                rss["write_peak_mb"] = _rss_mb("VmHWM")
                memory.enter("update")
            counts = build.update(store)
            join_cpu = time.process_time() - cpu - write_cpu
            if memory:
                memory.leave("update")
                memory.stop()
                memory.con.close()
                memory.con = None  # the steps of later chunks (--then) are not recorded
                rss.update(peak_rss_mb=_rss_mb("VmHWM"), steps=memory.peaks, duckdb_mb=memory.duckdb,
                           duckdb_tags=memory.tags)
                if args.python:
                    rss.update(python_mb=memory.python, python_top=memory.python_top)
            out = {"start": args.start, "n": len(items), "settings": args.set,
                   "write_cpu_s": round(write_cpu, 2), "join_cpu_s": round(join_cpu, 2),
                   "steps": dict(times), "counts": counts}  # fmt: skip
            if memory:
                out["memory"] = rss
            for k in range(1, args.then + 1):  # as a growing run does: one process, chunk after chunk
                start = args.start + k * args.n
                cpu = time.process_time()
                store.write(list(varied.generate(seeds, args.n, start_index=start)))
                build.update(store)
                cpu = round(time.process_time() - cpu, 2)
                peak = _rss_mb("VmHWM")
                out.setdefault("then", []).append({"start": start, "cpu_s": cpu, "peak_rss_mb": peak})
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
