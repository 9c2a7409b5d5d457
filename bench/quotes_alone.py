"""The quotes component alone, on BBC articles already parsed and run through the
entities component: CPU ms per article, the minimum over ``--repeat`` passes (the machine
is shared). Run it with ``PYTHONPATH`` at another tree's ``src`` to compare two versions of
the code on the same articles (README, Speed, twenty-fifth session).

    .venv/bin/python bench/quotes_alone.py [--n 300] [--repeat 8] [--data PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_DATA, select_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="articles")
    parser.add_argument("--repeat", type=int, default=8, help="passes; the fastest is reported")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the BBC data_files folder")
    args = parser.parse_args()

    from newsgraph.eval.tasks.quantities import run_components
    from newsgraph.pipeline.components.quotes.component import QuoteExtractor

    texts = [f"{a.title}\n\n{a.body}" for a in select_articles(args.data, args.n)]
    docs = run_components(texts, ("newsgraph.entities.v1",), ["2005-03-16"] * len(texts))
    extractor = QuoteExtractor()
    best = float("inf")
    for _ in range(args.repeat):
        for doc in docs:
            doc.quotes.clear()
        started = time.process_time()
        for doc in docs:
            extractor(doc)
        best = min(best, time.process_time() - started)
    quotes = sum(len(doc.quotes) for doc in docs)
    print(f"quotes component: {1000 * best / len(docs):.2f} CPU ms per article ({len(docs)} articles, {quotes} quotes)")


if __name__ == "__main__":
    main()
