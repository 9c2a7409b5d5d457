"""Incremental joins: what adding a few articles costs in a big store against an empty one.

    .venv/bin/python bench/incremental.py                       # 30 articles into 1,500
    .venv/bin/python bench/incremental.py --base 1500 --new 30 --repeat 3 --whole \\
        --output bench/results/incremental-1500.json

The corpus is ``bench/varied.py``'s: analysed seed records (the bundled examples, and 300
BBC articles when ../shared/data is present, analysed once and cached in /tmp) re-dated and
varied, written through the store's writer. The base store holds the first ``--base``
generated records, joined; the ``--new`` next ones are then written and joined into (a)
an empty store and (b) a copy of the base store, ``--repeat`` times each. Reported: the
join (``corpus.build.update``) and the write, in wall and CPU seconds, and their ratio big
over empty (target <= 1.5). With ``--whole``, also the whole ingest (``service.ingest``
of ``--new`` article files: NLP, write, joins) into each store, in-process (the pipeline
loaded once before timing).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import varied  # noqa: E402

from newsgraph import service  # noqa: E402
from newsgraph.corpus.build import update  # noqa: E402
from newsgraph.store import Store  # noqa: E402


def _timed(fn) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def add(db: Path, items) -> dict:
    """Write ``items`` into the store at ``db`` and join them; the seconds of each."""
    with Store(db) as store:
        write = _timed(lambda: store.write(items))
        join = _timed(lambda: update(store))
    assert join[2]["joined"] == len(items), join[2]
    return {"write_s": write[0], "write_cpu_s": write[1], "join_s": join[0], "join_cpu_s": join[1]}


def whole(db: Path, folder: Path) -> dict:
    with Store(db) as store:
        wall, cpu, stats = _timed(lambda: service.ingest(store, [str(folder)], workers=0, show_progress=False))
    assert stats["written"] > 0, stats
    return {"ingest_s": wall, "ingest_cpu_s": cpu, "written": stats["written"]}


def new_articles(folder: Path, n: int) -> Path:
    """``n`` article files the seeds do not contain: BBC articles past the seeds, else synthetic."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = set(varied.seed_files())
    pool = [p for p in sorted(varied.BBC.rglob("*.txt")) if p not in seeds][::7] if varied.BBC.is_dir() else []
    for i in range(n):
        text = pool[i].read_text(encoding="utf-8", errors="replace") if i < len(pool) else _synthetic(i)
        (folder / f"new-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _synthetic(i: int) -> str:
    return (f"Officials in Tallinn said on Monday that talks number {i} on the ferry route would resume. "
            f"\"We expect an agreement within weeks,\" Minister Kaja Tamm told reporters after meeting {i}.\n")  # fmt: skip


def _median(runs: list[dict], key: str) -> float:
    return round(statistics.median(r[key] for r in runs), 3)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=int, default=1500)
    ap.add_argument("--new", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--whole", action="store_true", help="also time the whole ingest (NLP included)")
    ap.add_argument("--seeds", type=Path, default=varied.SEEDS_CACHE, help="the cached seed records (made if missing)")
    ap.add_argument("--output")
    args = ap.parse_args()
    seeds = varied.seeds(args.seeds)
    items = list(varied.generate(seeds, args.base + args.new))
    base, new = items[: args.base], items[args.base :]
    work = Path(tempfile.mkdtemp(prefix="bench-incremental-"))
    try:
        with Store(work / "base.duckdb") as store:
            for i in range(0, len(base), 250):
                store.write(base[i : i + 250])
            base_join = _timed(lambda: update(store))[0]
        runs: dict[str, list[dict]] = {"empty": [], "base": []}
        for r in range(args.repeat):
            for name in ("empty", "base"):
                db = work / f"{name}-{r}.duckdb"
                if name == "base":
                    shutil.copy(work / "base.duckdb", db)
                runs[name].append(add(db, new))
                db.unlink()
        result = {
            "corpus": f"bench/varied.py: {len(seeds)} analysed seed records (examples + BBC when present), "
                      f"{args.base} + {args.new} generated",
            "base_documents": args.base, "new_documents": args.new, "repeat": args.repeat,
            "base_full_join_s": round(base_join, 2),
            "runs": runs,
            "median": {name: {k: _median(rs, k) for k in rs[0]} for name, rs in runs.items()},
        }  # fmt: skip
        m = result["median"]
        result["join_ratio"] = round(m["base"]["join_s"] / m["empty"]["join_s"], 2)
        result["join_cpu_ratio"] = round(m["base"]["join_cpu_s"] / m["empty"]["join_cpu_s"], 2)
        result["write_and_join_ratio"] = round((m["base"]["join_s"] + m["base"]["write_s"])
                                               / (m["empty"]["join_s"] + m["empty"]["write_s"]), 2)  # fmt: skip
        if args.whole:
            folder = new_articles(work / "new", args.new)
            whole(work / "warm.duckdb", folder)  # loads the pipeline once
            shutil.copy(work / "base.duckdb", work / "whole-base.duckdb")
            result["whole"] = {"empty": whole(work / "whole-empty.duckdb", folder),
                               "base": whole(work / "whole-base.duckdb", folder)}  # fmt: skip
            w = result["whole"]
            result["whole_ratio"] = round(w["base"]["ingest_s"] / w["empty"]["ingest_s"], 2)
            result["whole_cpu_ratio"] = round(w["base"]["ingest_cpu_s"] / w["empty"]["ingest_cpu_s"], 2)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    varied.report(result, args.output)


if __name__ == "__main__":
    main()
