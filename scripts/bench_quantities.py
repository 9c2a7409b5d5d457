"""Milliseconds per article of the quantities component alone (spaCy parse excluded).

Parses the first ``--n`` BBC articles (bench/throughput.py's selection) once, then runs
``newsgraph.quantities.v1`` over them ``--repeat`` times and prints the best and median
ms per article. The date tagging it shares with the dates component is included (its memo
is cleared between repeats). Compare two versions of the code by running this script with
``PYTHONPATH`` pointing at each one's ``src``.

    .venv/bin/python scripts/bench_quantities.py --n 200
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from throughput import select_articles  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "corpora" / "bbc-news" / "dataset" / "data_files"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()

    from newsgraph.pipeline.components.backbone import load_spacy
    from newsgraph.pipeline.components.quantities import QuantityExtractor
    from newsgraph.pipeline.document import Document
    from newsgraph.pipeline.shared.temporal import engine
    from newsgraph.record import Metadata

    texts = [f"{a.title}\n\n{a.body}" for a in select_articles(args.data, args.n)]
    parsed = list(load_spacy().pipe(texts, batch_size=32))
    component = QuantityExtractor()
    timings = []
    found = 0
    for _ in range(args.repeat):
        cache_clear = getattr(engine.mentions, "cache_clear", None)
        if cache_clear:
            cache_clear()
        docs = [
            Document(id=str(i), text=t, metadata=Metadata(), spacy=s)
            for i, (t, s) in enumerate(zip(texts, parsed, strict=True))
        ]
        started = time.process_time()
        for doc in docs:
            component(doc)
        timings.append(1000 * (time.process_time() - started) / len(docs))
        found = sum(len(d.quantities) for d in docs)
    print(json.dumps({
        "articles": len(texts),
        "ms_per_article_best": round(min(timings), 3),
        "ms_per_article_median": round(statistics.median(timings), 3),
        "quantities": found,
        "src": str(Path(sys.modules["newsgraph"].__file__).parent),
    }))


if __name__ == "__main__":
    main()
