"""Value F1 of some of the blind BBC dates sets pooled, by half (docs/dates.md): the figure
`newsgraph eval dates` gives for all of them (``bbcall_*``), for a chosen few, or without an
article that holds many of a set's expressions.

    .venv/bin/python scripts/bbc_dates_pool.py --sets bbc,bbc2,bbc3,bbc4,bbc5
    .venv/bin/python scripts/bbc_dates_pool.py --skip entertainment/253.txt
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.eval.tasks import dates as task

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data root (holds the BBC corpus)")
    parser.add_argument("--sets", default=",".join(p for p, _ in task.BBC_SETS), help="set prefixes, comma-separated")
    parser.add_argument("--skip", action="append", default=[], help="an article path to leave out")
    args = parser.parse_args(argv)
    chosen = dict(task.BBC_SETS)
    docs = []
    for prefix in args.sets.split(","):
        docs += [d for d in task.read_bbc_gold(args.data / task.BBC_CORPUS, chosen[prefix]) if d.name not in args.skip]
    ours, _ = task.newsgraph_timexes(docs)
    scores, _ = task.bbc_scores(docs, ours, "pool", "sets pooled")
    for half in ("", "tune_", "heldout_"):
        keys = [f"pool_{half}value_{m}" for m in ("f1", "precision", "recall")]
        print(f"{half.rstrip('_') or 'all':8}", "  ".join(f"{k.split('_')[-1]} {scores[k]:.4f}" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
