"""The BBC quote records whose cue the learned cue model found, for reading and labelling.

The cue model (``quotes/cues.py``) is trained on PolNeAR, political news, and in BBC sport,
business and entertainment stories it also takes narrative action verbs for cues ("Van
Persie blasted over a good opportunity"). This script lists the learned cues that became
quote records in the BBC News corpus, and draws a random sample of them for people to
label (is the cue word, in its sentence, an attribution cue?). The labels ship as
``resources/quotes/bbc_cue_labels.jsonl`` (offsets, no text) and are read by
``scripts/train_quote_cues.py --bbc-labels``.

    nice -n 10 .venv/bin/python scripts/bbc_learned_cues.py CORPUS_DIR /tmp/learned.jsonl
    .venv/bin/python scripts/bbc_learned_cues.py --sample 480 --seed 1906 /tmp/learned.jsonl /tmp/items.jsonl

The first form writes one line per learned-cue record (article, its sha1, cue and content
offsets, the model's score, the passage with the cue marked); the articles of the hand-
checked evaluation sets (``eval/data/bbc_quotes_checked.jsonl``,
``bbc_pronoun_speakers.jsonl``) are left out, so those sets stay a test. The second draws
at most ``--per-article`` records per article, ``--sample`` in all. The texts stay out of
the repository: write both files to /tmp.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

CHUNK = 200
COMPONENTS = ("newsgraph.entities.v1", "newsgraph.quotes.v1")
EVAL_DATA = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "eval" / "data"
HELD_BACK = ("bbc_quotes_checked.jsonl", "bbc_pronoun_speakers.jsonl")


def held_back_articles() -> set[str]:
    """The articles of the hand-checked quote evaluation sets."""
    names = set()
    for file in HELD_BACK:
        with open(EVAL_DATA / file, encoding="utf-8") as source:
            names |= {json.loads(line)["article"] for line in source if line.strip()}
    return names


def passage(text: str, start: int, end: int) -> str:
    """The paragraph around ``text[start:end]`` with that span marked ``[[...]]``."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]


def dump(corpus: str, out: str) -> None:
    from newsgraph.eval.tasks.quantities import run_components
    from newsgraph.pipeline.components.quotes import component, cues

    found: dict[str, dict[int, tuple[int, float]]] = defaultdict(dict)  # text -> cue start -> (end, score)
    model = cues.load_model()

    def recording(parse, cue_model, taken=frozenset()):
        learned = cues.find_learned(parse, cue_model, taken)
        for r in learned:
            found[parse.text][r.cue.start] = (r.cue.end, model.score(r.cue.verb))
        return learned

    component.find_learned = recording
    skip = held_back_articles()
    paths = [p for p in sorted(Path(corpus).glob("*/*.txt")) if f"{p.parent.name}/{p.name}" not in skip]
    written = 0
    with open(out, "w", encoding="utf-8") as sink:
        for i in range(0, len(paths), CHUNK):
            chunk = paths[i : i + CHUNK]
            raws = [p.read_bytes() for p in chunk]
            texts = [raw.decode("utf-8", errors="replace") for raw in raws]
            found.clear()
            for path, raw, doc in zip(chunk, raws, run_components(texts, COMPONENTS), strict=True):
                text, scores = doc.text, found.get(doc.text, {})
                for quote in doc.quotes:
                    if quote.cue is None or quote.cue.start not in scores:
                        continue
                    end, score = scores[quote.cue.start]
                    row = {
                        "article": f"{path.parent.name}/{path.name}",
                        "sha1": hashlib.sha1(text.encode()).hexdigest()[:12],
                        "cue_start": quote.cue.start,
                        "cue_end": end,
                        "start": quote.start,
                        "end": quote.end,
                        "score": round(score, 3),
                        "cue": text[quote.cue.start : end],
                        "passage": passage(text, quote.cue.start, end),
                        "content": text[quote.start : quote.end],
                    }
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
                    written += 1
            print(f"{i + len(chunk)}/{len(paths)} articles, {written} learned-cue records", file=sys.stderr, flush=True)


def sample(source: str, out: str, n: int, seed: int, per_article: int) -> None:
    by_article = defaultdict(list)
    with open(source, encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            key = (row["article"], row["cue_start"])
            if key not in {(r["article"], r["cue_start"]) for r in by_article[row["article"]]}:
                by_article[row["article"]].append(row)  # one record per cue
    rng = random.Random(seed)
    articles = sorted(by_article)
    rng.shuffle(articles)
    picked = []
    for name in articles:
        rows = by_article[name]
        picked += rng.sample(rows, min(per_article, len(rows)))
        if len(picked) >= n:
            break
    with open(out, "w", encoding="utf-8") as sink:
        for i, row in enumerate(picked[:n]):
            sink.write(json.dumps({"id": i, **row}, ensure_ascii=False) + "\n")
    print(f"{min(n, len(picked))} records from {len({r['article'] for r in picked[:n]})} articles", file=sys.stderr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", help="the corpus folder (its */*.txt), or with --sample the dump")
    parser.add_argument("second", help="the dump to write, or with --sample the items to write")
    parser.add_argument("--sample", type=int, default=None, help="draw this many records from a dump")
    parser.add_argument("--seed", type=int, default=1906)
    parser.add_argument("--per-article", type=int, default=2)
    args = parser.parse_args()
    if args.sample:
        sample(args.first, args.second, args.sample, args.seed, args.per_article)
    else:
        dump(args.first, args.second)
