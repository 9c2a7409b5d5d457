"""What loading the shipped gazetteer costs: CPU and wall time, memory held, resident size.

    .venv/bin/python bench/gazetteer.py [--repeat 3]

Each repeat loads ``resources/geonames/gazetteer.tsv.gz`` afresh in this process; the
report gives the best CPU and wall times, the memory the loaded gazetteer holds and the
peak while reading (tracemalloc, on a separate load), and the process's resident size
before and after. docs/places.md quotes its figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import tracemalloc


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="loads to time (default 3)")
    args = parser.parse_args()

    from newsgraph.resources.geonames import GAZETTEER_FILE, Gazetteer

    rss_before = _rss_mb()
    cpu, wall = [], []
    for _ in range(args.repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        gaz = Gazetteer.load()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    rss_after = _rss_mb()
    del gaz
    tracemalloc.start()
    gaz = Gazetteer.load()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({
        "file_mb": round(GAZETTEER_FILE.stat().st_size / 1e6, 1), "places": len(gaz),
        "load_cpu_s": round(min(cpu), 2), "load_wall_s": round(min(wall), 2),
        "held_mb": round(held / 2**20), "peak_mb": round(peak / 2**20),
        "rss_before_mb": round(rss_before), "rss_after_mb": round(rss_after),
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
