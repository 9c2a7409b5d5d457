"""The date tagger alone: ``tag`` with its scanners (dates/scan.py) against the plain loop
(every pattern's ``finditer`` over the whole text), on the same BBC articles, with a check
that both give the same mentions.

    .venv/bin/python bench/date_tagger.py [--n 1000] [--repeat 3] [--data PATH]

Prints ms per article for each, the minimum over ``--repeat`` runs (the machine is shared).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_DATA, select_articles


def best_ms(texts: list[str], plain: bool, repeat: int) -> float:
    """The fastest of ``repeat`` passes of ``tag`` over ``texts``, in ms per text."""
    from newsgraph.pipeline.shared.temporal.engine import tag

    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            tag(text, plain=plain)
        best = min(best, time.process_time() - started)
    return 1000 * best / len(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        raise SystemExit(f"BBC News corpus not found at {args.data}")
    from newsgraph.pipeline.shared.temporal.engine import tag

    texts = [f"{a.title}\n{a.body}" for a in select_articles(args.data, args.n)]
    differ = sum(tag(t) != tag(t, plain=True) for t in texts)
    plain, scanned = best_ms(texts, True, args.repeat), best_ms(texts, False, args.repeat)
    print(f"{len(texts)} BBC articles, min of {args.repeat} runs, CPU ms per article")
    print(f"plain loop  {plain:6.2f}")
    print(f"scanners    {scanned:6.2f}   ({plain / scanned:.1f}x faster; outputs differ on {differ} articles)")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
