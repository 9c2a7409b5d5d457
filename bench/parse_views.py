"""What the shared parse views and the spaCy-alone fix rest on, measured on BBC articles.

    .venv/bin/python bench/parse_views.py [--n 150] [--data PATH]

Prints, CPU ms per article:
1. spaCy's first and second pass over the same articles (articles ``n``..``2n`` of
   ``throughput.py``'s selection, a pipeline loaded for this run and warmed on 20 others):
   why spaCy alone needs its own pipeline object in ``throughput.py``;
2. the token columns read as the components read them before 2026-12-04 (ten
   ``Doc.to_array`` calls in five components, each with its own attribute list) against one
   ``parse.columns`` build;
3. ``find_numbers`` over the bodies (run it at two commits to compare code).
See bench/README.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from throughput import DEFAULT_DATA, select_articles  # noqa: E402

# The attribute lists the components passed to ``Doc.to_array`` before the shared columns:
# places' entity spans (three calls) and token arrays, quotes' table, events' opinion check,
# trigger candidates and topic counts, entities' tokens, tone.
BEFORE = [
    ["ENT_IOB", "ENT_TYPE"], ["ENT_IOB", "ENT_TYPE"], ["ENT_IOB", "ENT_TYPE"],
    ["IDX", "LENGTH", "IS_PUNCT", "IS_SPACE"],
    ["IDX", "LEMMA", "LOWER", "POS", "DEP", "HEAD"],
    ["LOWER"], ["LEMMA", "LOWER", "POS", "TAG"], ["LEMMA"],
    ["IDX", "LENGTH", "SENT_START", "IS_STOP", "TAG"],
    ["ORTH", "LEMMA", "POS", "ENT_IOB", "IDX", "SENT_START"],
]  # fmt: skip


def per_article(fn, items, repeat: int = 3) -> float:
    """The best of ``repeat`` runs of ``fn`` over ``items``, CPU ms per item."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for item in items:
            fn(item)
        best = min(best, time.process_time() - start)
    return 1000 * best / len(items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"BBC corpus not found at {args.data} (give --data PATH)", file=sys.stderr)
        return 2
    from newsgraph.pipeline.components.backbone import SpacyBackbone
    from newsgraph.pipeline.components.quantities.numbers import find_numbers
    from newsgraph.pipeline.shared.parse import ATTRS, Columns

    texts = [a.body for a in select_articles(args.data, 2 * args.n + 20)]
    nlp = SpacyBackbone.fresh_nlp()
    for _ in nlp.pipe(texts[-20:]):
        pass
    fresh = texts[args.n : 2 * args.n]
    passes = []
    for _ in range(2):
        start = time.process_time()
        docs = list(nlp.pipe(fresh, batch_size=32))
        passes.append(1000 * (time.process_time() - start) / len(fresh))
    print(f"spaCy, first pass {passes[0]:.1f}, second pass {passes[1]:.1f} ms per article")
    separate = per_article(lambda d: [d.to_array(attrs).tolist() for attrs in BEFORE], docs)

    def shared_read(doc) -> None:
        cols = Columns(doc)
        for attr in ATTRS:
            cols.list(attr)

    shared = per_article(shared_read, docs)
    print(f"token columns: ten to_array calls {separate:.2f}, one shared read {shared:.2f} ms per article")
    print(f"find_numbers: {per_article(find_numbers, texts[: args.n]):.2f} ms per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
