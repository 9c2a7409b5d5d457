"""Would spaCy's PhraseMatcher find gazetteer names faster than newsgraph's own matcher?

Issue 12 asks to use spaCy's matchers where they make the code shorter and no slower. The
places component finds gazetteer names with a hand-written longest-match over capitalised
token runs (``places/recognize.py`` ``from_gazetteer``) against the gazetteer's key dict.
This script builds a ``PhraseMatcher`` (attr ``LOWER``) over the same keys and times, on the
same parsed BBC articles: building it (once per process) and matching (per article), beside
the current matcher's per-article time. Memory is the process's RSS growth while building.

    .venv/bin/python bench/phrase_matcher.py --n 100 [--keys 0]   # 0 = every key

The two do not find exactly the same spans (ours also needs capitalised tokens, skips
spans already taken, drops person names); the comparison is of cost, which decides.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared/data/corpora/bbc-news/dataset/data_files"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _articles(n: int) -> list[str]:
    topics = sorted(p for p in DATA.iterdir() if p.is_dir())
    files = [sorted(t.glob("*.txt")) for t in topics]
    out: list[str] = []
    for i in range(n):
        group = files[i % len(files)]
        out.append(group[i // len(files)].read_text(encoding="utf-8", errors="replace"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="BBC articles to match (default 100)")
    parser.add_argument("--keys", type=int, default=0, help="gazetteer keys in the matcher (0 = all)")
    args = parser.parse_args()

    from spacy.matcher import PhraseMatcher

    from newsgraph.pipeline.components.backbone import DEFAULT_MODEL, load_spacy
    from newsgraph.pipeline.components.places.recognize import from_gazetteer
    from newsgraph.resources.geonames import gazetteer

    nlp = load_spacy(DEFAULT_MODEL)
    gaz = gazetteer()
    docs = list(nlp.pipe(_articles(args.n)))
    keys = list(gaz._names)  # the normalised names the current matcher looks up
    if args.keys:
        keys = keys[: args.keys]

    rss0, t0 = _rss_mb(), time.process_time()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    batch: list = []
    for doc in nlp.tokenizer.pipe(keys, batch_size=4096):
        batch.append(doc)
        if len(batch) == 4096:
            matcher.add("PLACE", batch)
            batch = []
    if batch:
        matcher.add("PLACE", batch)
    build_s, build_mb = time.process_time() - t0, _rss_mb() - rss0

    t0 = time.process_time()
    n_phrase = sum(len(matcher(doc)) for doc in docs)
    phrase_ms = (time.process_time() - t0) * 1000 / len(docs)

    t0 = time.process_time()
    n_ours = sum(len(from_gazetteer(doc, gaz, [])) for doc in docs)
    ours_ms = (time.process_time() - t0) * 1000 / len(docs)

    print(json.dumps({
        "articles": len(docs), "keys": len(keys),
        "phrase_matcher": {"build_s": round(build_s, 1), "build_rss_mb": round(build_mb),
                           "ms_per_article": round(phrase_ms, 2), "matches": n_phrase},
        "newsgraph_from_gazetteer": {"build_s": 0.0, "ms_per_article": round(ours_ms, 2), "matches": n_ours},
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
