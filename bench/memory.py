"""Memory benchmark: one long-lived pipeline over articles whose vocabulary keeps growing.

    nice -n 10 .venv/bin/python bench/memory.py [--n 6000] [--every 250] [--output FILE]

Reads the BBC articles in ``bench/throughput.py``'s order (all 2,225, then again), and from
the second pass on respells a share of every article's words by fresh random same-length
letter strings (``RESPELL``), so each article brings a few hundred words no article before
it had, as a long ``newsgraph watch`` or HTTP API run meets new names, typos and rare
words, only faster. All articles go through one pipeline (``service.get_pipeline().pipe``),
as in a long-lived process. Every ``--every`` articles it records the process's current
RSS, the size of spaCy's string store and vocabulary, of the spaCy lemmatizer's cache, and
of every word-keyed cache of newsgraph's components (``CACHES``). Prints the samples and
the RSS growth per 1,000 articles (a least-squares slope over the samples after the first
pass: the first pass also fills the caches with ordinary English, which every later pass
shares). Writes nothing unless ``--output`` is given. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_DATA, Article, select_articles  # noqa: E402

RESPELL = 0.3  # share of a respelt article's words (3+ letters) given a fresh spelling
_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def respelt(article: Article, rng: random.Random) -> Article:
    """``article`` with a ``RESPELL`` share of its words respelt: first and last letter and
    length kept, the middle letters drawn at random (so the spellings are new words)."""

    def spell(match: re.Match) -> str:
        word = match.group()
        if rng.random() >= RESPELL:
            return word
        middle = "".join(rng.choice(_LETTERS) for _ in word[1:-1])
        return word[0] + middle + word[-1]

    return Article(id=article.id, title=article.title, body=_WORD.sub(spell, article.body))


def articles(root: Path, n: int, seed: int = 1) -> list[Article]:
    """``n`` articles: the corpus in order, then again respelt, until ``n``."""
    corpus = select_articles(root, 10**9)
    rng = random.Random(seed)
    return [corpus[i] if i < len(corpus) else respelt(corpus[i % len(corpus)], rng) for i in range(n)]


def rss_mb() -> float:
    """This process's current resident set size, in MiB."""
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _size(getter) -> int | None:
    try:
        return getter()
    except (AttributeError, ImportError, KeyError, TypeError):
        return None  # a cache this version of the code does not have


def _lemmas_table(words) -> int:
    from newsgraph.pipeline.components.quotes import tokens

    found = tokens._LOOKUPS.get(words)
    return 0 if found is None else len(found.table[0])


def caches(pipeline, nlp) -> dict[str, int | None]:
    """The size of every cache that grows with the vocabulary met (None: not in this code)."""
    from newsgraph.pipeline.components.entities import consistency, context
    from newsgraph.pipeline.components.events import features
    from newsgraph.pipeline.components.places import recognize
    from newsgraph.pipeline.components.quotes import cues, tokens
    from newsgraph.pipeline.shared import parse

    tone = pipeline.get("newsgraph.tone.v1")
    events = pipeline.get("newsgraph.events.v1")
    memos = {
        "entities.consistency._zipf": consistency._zipf,
        "entities.consistency._common": consistency._common,
        "entities.consistency._major_place": consistency._major_place,
        "entities.context._division": context._division,
        "entities.context._populated_place": context._populated_place,
        "events.features._common": features._common,
        "places.recognize._zipf": recognize._zipf,
    }
    return {
        "spacy.strings": len(nlp.vocab.strings),
        # ``len(nlp.vocab)`` counts every lexeme ever added, also those a zone dropped
        "spacy.lexemes": sum(1 for _ in nlp.vocab),
        "spacy.lemmatizer": _size(lambda: len(nlp.get_pipe("lemmatizer").cache)),
        "fast_attributes lemma memo": _size(lambda: len(nlp.get_pipe("lemmatizer")._ng_memo)),
        "tone._words": _size(lambda: len(tone._words)),
        "tone._lemmas": _size(lambda: len(tone._lemmas)),
        "events._may_match": _size(lambda: len(events._may_match)),
        "events._lemma_types": _size(lambda: len(events._lemma_types)),
        "quotes.tokens._LOOKUPS (ids, all sets)": sum(len(v.table[0]) for v in tokens._LOOKUPS.values()),
        "quotes.cues._LOWER_IDS": len(cues._LOWER_IDS),
        "shared.parse._LOWER": len(parse._LOWER),
        **{name: memo.cache_info().currsize for name, memo in memos.items()},
    }


def measure(items: list[Article], every: int, records: Path | None = None) -> dict:
    from newsgraph import service
    from newsgraph.ingest.inputs import Failure, InputDoc
    from newsgraph.pipeline.components.backbone import load_spacy
    from newsgraph.record import to_json

    pipeline = service.get_pipeline()
    nlp = load_spacy()
    samples = [{"articles": 0, "rss_mb": round(rss_mb(), 1), "cpu_s": 0.0, **caches(pipeline, nlp)}]
    started = time.process_time()
    failures = 0
    out = records.open("wb") if records else None
    for at in range(0, len(items), every):
        chunk = items[at : at + every]
        inputs = [InputDoc(id=f"{i}-{a.id}", text=a.body, title=a.title, source=a.id)
                  for i, a in enumerate(chunk, at)]  # fmt: skip
        for result in pipeline.pipe(inputs):
            failures += isinstance(result, Failure)
            if out:
                out.write((repr(result).encode() if isinstance(result, Failure) else to_json(result)) + b"\n")
        cpu = round(time.process_time() - started, 1)
        samples.append({"articles": at + len(chunk), "rss_mb": round(rss_mb(), 1), "cpu_s": cpu,
                        **caches(pipeline, nlp)})  # fmt: skip
        print(json.dumps(samples[-1]), file=sys.stderr, flush=True)
    if out:
        out.close()
    return {"samples": samples, "failures": failures}


def _set_limits(warm_docs: int | None, cap: int | None) -> None:
    """Override the backbone's warm-up and the memos' cap (before the pipeline is built),
    to check that forgetting changes no record."""
    if cap is not None:
        from newsgraph.pipeline import bounded

        bounded.WORDS = cap  # the lru_cache memos read it when their module is imported
        bounded.BoundedCache.__init__.__defaults__ = (cap,)
        from newsgraph.pipeline.components.quotes import tokens

        tokens._Lemmas.__init__.__defaults__ = (cap,)
    if warm_docs is not None:
        from newsgraph.pipeline.components import backbone

        backbone.WARM_DOCS = warm_docs


def growth_per_1000(samples: list[dict], after: int) -> float:
    """Least-squares slope of RSS (MiB) per 1,000 articles over the samples past ``after``."""
    points = [(s["articles"], s["rss_mb"]) for s in samples if s["articles"] > after]
    if len(points) < 2:
        return float("nan")
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    return round(slope * 1000, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=6000, help="articles (default 6000)")
    parser.add_argument("--every", type=int, default=250, help="articles between samples (default 250)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the BBC data_files folder")
    parser.add_argument("--output", help="also write the JSON result here")
    parser.add_argument("--start", type=int, default=0, help="skip this many articles of the sequence first")
    parser.add_argument("--records", type=Path, help="write every record (JSON line) or failure here")
    parser.add_argument("--warm-docs", type=int, help="documents parsed before the first memory zone")
    parser.add_argument("--cap", type=int, help="cap of every word-keyed memo (default: bounded.WORDS)")
    args = parser.parse_args(argv)
    _set_limits(args.warm_docs, args.cap)
    items = articles(args.data, args.start + args.n)[args.start :]
    first_pass = max(0, min(args.n, len(select_articles(args.data, 10**9)) - args.start))
    result = measure(items, args.every, args.records)
    from newsgraph.pipeline.components import backbone

    result.update(
        articles=args.n, start=args.start, every=args.every, respell=RESPELL, first_pass=first_pass,
        warm_docs=getattr(backbone, "WARM_DOCS", None), cap=args.cap,
        rss_growth_mb_per_1000=growth_per_1000(result["samples"], first_pass),
        python=platform.python_version(),
    )
    text = json.dumps(result, indent=1)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
