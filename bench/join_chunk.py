"""The join of one chunk into a copy of a store: CPU seconds in all, and per step.

    .venv/bin/python bench/join_chunk.py --db /tmp/scale-keep/scale-50000.duckdb --start 50000
    .venv/bin/python bench/join_chunk.py --db STORE --start 12500 --n 2500 --steps

Copies ``--db`` (a store grown by ``bench/scale.py``, e.g. one kept with ``--keep``) to a
temporary file, writes the ``--n`` records ``bench/varied.py`` generates from index
``--start`` (the next ones for a store of that size), and times ``corpus.build.update`` in
CPU (all threads). ``--steps`` also times the join's steps (near-duplicate groups, entity
resolution and its parts, event clusters, origins and each kind of claim) and counts the
nodes reached and the surname-only rows linked. The copy is removed; the store is never
changed. docs/corpus.md ("To 100k") gives the figures.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
import tempfile
import time
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


def _time_steps(times: dict) -> None:
    """Wrap each step so its CPU seconds add up in ``times`` (``reached``: nodes reached)."""
    for module, names in _STEPS.items():
        for name in names:
            fn = getattr(module, name)

            @functools.wraps(fn)
            def timed(*args, _fn=fn, _name=name, _module=module, **kwargs):
                started = time.process_time()
                try:
                    out = _fn(*args, **kwargs)
                    if _name in ("_reachable", "_surname_links"):  # nodes reached, surname-only rows linked
                        count = "reached" if _name == "_reachable" else "surname_rows"
                        times[count] = times.get(count, 0) + len(out)
                    return out
                finally:
                    step = _name if _module not in (entity_index, claim_index) else f"{_module.__name__.rsplit('.', 1)[1]}.{_name}"
                    times[step] = round(times.get(step, 0) + time.process_time() - started, 3)

            setattr(module, name, timed)
    build.relink = relink  # build calls relink.relink through the module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--start", type=int, required=True, help="index of the first record (the store's size)")
    ap.add_argument("--n", type=int, default=2500)
    ap.add_argument("--steps", action="store_true")
    args = ap.parse_args()
    times: dict = {}
    if args.steps:
        _time_steps(times)
    items = list(varied.generate(varied.seeds(), args.n, start_index=args.start))
    with tempfile.TemporaryDirectory(prefix="join-chunk-") as tmp:
        copy = Path(tmp) / "store.duckdb"
        shutil.copyfile(args.db, copy)
        with Store(copy) as store:
            cpu = time.process_time()
            store.write(items)
            write_cpu = time.process_time() - cpu
            counts = build.update(store)
            join_cpu = time.process_time() - cpu - write_cpu
    print(json.dumps({"start": args.start, "n": len(items), "write_cpu_s": round(write_cpu, 2),
                      "join_cpu_s": round(join_cpu, 2), "steps": times, "counts": counts}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
