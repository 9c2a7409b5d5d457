"""Ingest benchmark: articles/second with 1 and 2 workers, the ratio to spaCy alone,
peak memory (the whole process tree), and query latencies, on the BBC corpus.

    .venv/bin/python bench/ingest.py                    # the whole corpus (2,225 articles)
    .venv/bin/python bench/ingest.py --limit 200        # a quick look
    .venv/bin/python bench/ingest.py --workers 1 2 --out bench/results/ingest.json

Each run is ``newsgraph ingest CORPUS --db <fresh file> --workers N`` in a subprocess, so
start-up (spawning workers, loading the pipeline) is included in the rate; the resident
memory and CPU time of the process and its workers are sampled every 0.2 s (on a shared
machine, articles per CPU-second compare better than wall-clock rates). Query latencies are the
median of 5 runs after one warm-up, on the store the last run built.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "corpora" / "bbc-news" / "dataset" / "data_files"
NEWSGRAPH = [str(Path(sys.executable).parent / "newsgraph")]


def corpus_files(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    return files[:limit] if limit else files


def staged(files: list[Path], folder: Path) -> Path:
    """A folder of symlinks to ``files`` (so a --limit run ingests exactly those)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(files):
        (folder / f"{i:05d}-{f.parent.name}-{f.name}").symlink_to(f)
    return folder


def tree_sample(proc: psutil.Process, cpu: dict[int, float]) -> int:
    """Resident memory of ``proc`` and its children; records each one's CPU seconds in ``cpu``."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
            times = p.cpu_times()
            cpu[p.pid] = max(cpu.get(p.pid, 0.0), times.user + times.system)
        except psutil.NoSuchProcess:
            continue
    return total


def run_ingest(folder: Path, db: Path, workers: int, extra: list[str]) -> dict:
    """One ``newsgraph ingest`` run; returns its stats, wall time and memory profile."""
    cmd = [*NEWSGRAPH, "ingest", str(folder), "--db", str(db), "--workers", str(workers), "--no-progress", *extra]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    samples: list[tuple[float, int]] = []
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        samples.append((time.monotonic() - started, tree_sample(ps, cpu)))
        time.sleep(0.2)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{err[-3000:]}")
    stats = json.loads(out)
    wall = time.monotonic() - started
    quarters = [max((rss for t, rss in samples if q * wall / 4 <= t < (q + 1) * wall / 4), default=0) for q in range(4)]
    return {
        "workers": workers,
        "documents": stats["written"],
        "failed": stats["failed"],
        "ingest_seconds": round(stats["seconds"], 2),
        "articles_per_second": round(stats["rate"], 2),
        "wall_seconds_with_joins": round(wall, 2),
        # CPU seconds of the writer and its workers (sampled): robust on a shared machine.
        "cpu_seconds": round(sum(cpu.values()), 1),
        "articles_per_cpu_second": round(stats["written"] / sum(cpu.values()), 2) if cpu else None,
        "peak_rss_mb": round(max(rss for _, rss in samples) / 2**20) if samples else None,
        "peak_rss_mb_by_quarter": [round(q / 2**20) for q in quarters],
        "joins": stats.get("joins"),
    }


def spacy_alone(files: list[Path]) -> dict:
    """The same texts through the default spaCy pipeline only (one process, nlp.pipe)."""
    code = (
        "import sys, time, json; from newsgraph.pipeline.components.backbone import load_spacy, DEFAULT_MODEL;"
        "texts=[open(p, encoding='utf-8', errors='replace').read() for p in sys.argv[1:]];"
        "t=time.monotonic(); c=time.process_time(); nlp=load_spacy(DEFAULT_MODEL);"
        "n=sum(1 for _ in nlp.pipe(texts, batch_size=32)); s=time.monotonic()-t; c=time.process_time()-c;"
        "print(json.dumps({'documents': n, 'seconds': round(s, 2), 'articles_per_second': round(n / s, 2),"
        " 'cpu_seconds': round(c, 1), 'articles_per_cpu_second': round(n / c, 2)}))"
    )
    out = subprocess.run([sys.executable, "-c", code, *map(str, files)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def query_latencies(db: Path) -> dict:
    """Median milliseconds (wall and CPU) of the corpus queries on the built store."""
    from newsgraph import service

    with service.open_store(str(db)) as store:
        top = service.corpus_entities(store, type="PERSON", limit=1)
        person = top[0]["name"] if top else "Nobody"
        cases = {
            "entities": lambda: service.corpus_entities(store, limit=50),
            "entities --type ORG": lambda: service.corpus_entities(store, type="ORG", limit=50),
            f"entity {person!r}": lambda: service.corpus_entity(store, person),
            "quotes --speaker": lambda: service.corpus_quotes(store, speaker=person),
            "events": lambda: service.corpus_events(store, limit=50),
            "events --country GB --since 2004-01-01": lambda: service.corpus_events(store, country="GB", since="2004-01-01"),
            "timeline --entity": lambda: service.corpus_timeline(store, entity=person),
        }
        result = {}
        for name, call in cases.items():
            call()
            wall, cpu = [], []
            for _ in range(5):
                t, c = time.perf_counter(), time.process_time()
                call()
                wall.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            # CPU ms (all DuckDB threads) next to wall ms: on a shared machine wall time
            # includes waiting for a core.
            result[name] = {"wall_ms": round(statistics.median(wall), 1), "cpu_ms": round(statistics.median(cpu), 1)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, help="Only the first N articles.")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-spacy", action="store_true", help="Skip the spaCy-alone baseline.")
    parser.add_argument("--out", type=Path, help="Also write the results here (JSON).")
    parser.add_argument("--config", help="A pipeline config (TOML) instead of the default pipeline.")
    parser.add_argument("--keep", type=Path, help="Copy the last run's store here (for profiling queries).")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found at {args.corpus}")
    files = corpus_files(args.corpus, args.limit)
    extra = ["--config", args.config] if args.config else []
    results: dict = {"corpus": str(args.corpus), "articles": len(files), "cpus": os.cpu_count(), "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = staged(files, Path(tmp) / "in")
        for workers in args.workers:
            db = Path(tmp) / f"w{workers}.duckdb"
            results["runs"].append(run_ingest(folder, db, workers, extra))
            print(json.dumps(results["runs"][-1]), flush=True)
        results["queries_ms"] = query_latencies(db)
        if args.keep:
            import shutil

            shutil.copy(db, args.keep)
    if not args.no_spacy:
        results["spacy_alone"] = spacy_alone(files)
    rates = {r["workers"]: r["articles_per_second"] for r in results["runs"]}
    if 1 in rates and 2 in rates:
        results["speedup_2_vs_1"] = round(rates[2] / rates[1], 2)
    if "spacy_alone" in results and 1 in rates:
        spacy = results["spacy_alone"]
        results["ratio_1_worker_to_spacy"] = round(rates[1] / spacy["articles_per_second"], 3)
        run1 = next(r for r in results["runs"] if r["workers"] == 1)
        if run1.get("articles_per_cpu_second"):
            results["ratio_to_spacy_per_cpu_second"] = round(run1["articles_per_cpu_second"] / spacy["articles_per_cpu_second"], 3)
    text = json.dumps(results, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
