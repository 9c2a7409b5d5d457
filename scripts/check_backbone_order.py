"""Check the backbone's order on BBC articles (docs/ner.md, "Order").

    .venv/bin/python scripts/check_backbone_order.py [--n 400] [--data PATH] [--show]

Prints, for ``--n`` articles drawn at random (seed 5) from the BBC News corpus:

- in how many the recogniser's entities differ between the shipped order (``ner`` before
  the parser, no boundary binding it) and ``ner`` after the parser (as until 2026-12-06,
  bound by the parser's sentences); ``--show`` lists the spans that differ;
- how long the blank-line component (``backbone._paragraph_breaks``) takes per article.

Both pipelines are spaCy's own components with newsgraph's recogniser
(``SpacyBackbone.fresh_nlp(fast=False)``, no blank-line component), so the comparison
isolates the recogniser's place. The texts stay in ``--data``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from newsgraph.pipeline.components.backbone import SpacyBackbone, _paragraph_breaks, load_spacy

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "bbc-news" / "dataset" / "data_files"


def _articles(root: Path, n: int) -> list[str]:
    files = sorted(f"{d}/{f}" for d in os.listdir(root) if (root / d).is_dir() for f in os.listdir(root / d))
    random.seed(5)
    return [(root / f).read_bytes().decode("utf-8", errors="replace") for f in random.sample(files, n)]


def _ner_last(nlp):
    """``nlp`` with its ``ner`` moved after the parser, as it was appended until 2026-12-06."""
    nlp.add_pipe("ner", name="ner_last", source=nlp, last=True)
    nlp.remove_pipe("ner")
    nlp.rename_pipe("ner_last", "ner")
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=400, help="articles (default 400)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the BBC data_files folder")
    parser.add_argument("--show", action="store_true", help="list the spans that differ")
    args = parser.parse_args()
    texts = _articles(args.data, args.n)

    before = SpacyBackbone.fresh_nlp(fast=False)
    after = _ner_last(SpacyBackbone.fresh_nlp(fast=False))
    differ = 0
    for text, a, b in zip(texts, before.pipe(texts), after.pipe(texts), strict=True):
        first = {(e.start_char, e.end_char, e.label_) for e in a.ents}
        last = {(e.start_char, e.end_char, e.label_) for e in b.ents}
        if first != last:
            differ += 1
            if args.show:
                print("  after the parser:", [(text[s:e], lab) for s, e, lab in sorted(last - first)])
                print("  before the parser:", [(text[s:e], lab) for s, e, lab in sorted(first - last)])
    print(f"recogniser before vs after the parser: entities differ in {differ} of {len(texts)} articles")

    tokenizer = load_spacy().tokenizer
    docs = [tokenizer(t) for t in texts]
    start = time.perf_counter()
    for doc in docs:
        _paragraph_breaks(doc)
    print(f"blank-line component: {(time.perf_counter() - start) * 1000 / len(docs):.2f} ms per article")


if __name__ == "__main__":
    main()
