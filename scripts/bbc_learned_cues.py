"""The BBC quote records whose cue the learned cue model found, for reading and labelling.

The cue model (``quotes/cues.py``) was trained on PolNeAR, political news, alone, and in BBC
sport, business and entertainment stories it took narrative action verbs for cues ("Van
Persie blasted over a good opportunity"). This script lists the learned cues that became
quote records in the BBC News corpus, and draws a random sample of them for people to
label (is the cue word, in its sentence, an attribution cue?). The labels ship as
``training/quotes/bbc_cue_labels.jsonl`` (offsets, no text) and are read by
``scripts/train_quote_cues.py --bbc-labels``; a blind draw is the evaluation set
``eval/data/bbc_cues_checked.jsonl``.

    nice -n 10 .venv/bin/python scripts/bbc_learned_cues.py CORPUS_DIR /tmp/learned.jsonl [--cue-model FILE]
    .venv/bin/python scripts/bbc_learned_cues.py /tmp/learned.jsonl /tmp/items.jsonl --sample 480 --seed 1906 \\
        [--exclude-cues FILE ...] [--exclude-articles FILE ...]

The first form writes one line per learned-cue record (article, its sha1, cue and content
offsets, the model's score, the passage with the cue marked); the articles of the hand-
checked evaluation sets (``eval/data/bbc_quotes_checked.jsonl``,
``bbc_pronoun_speakers.jsonl``) are left out, so those sets stay a test. The second draws
at most ``--per-article`` records per article, ``--sample`` in all, leaving out the cues
of earlier draws (``--exclude-cues``) and the articles of the labels or of another
evaluation set (``--exclude-articles``). ``training/quotes/README.md`` gives the commands
of every draw made so far. The texts stay out of
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


def dump(corpus: str, out: str, cue_model: str | None = None) -> None:
    from newsgraph.eval.tasks.quantities import run_components
    from newsgraph.pipeline.components.quotes import component, cues

    found: dict[str, dict[int, tuple[int, float]]] = defaultdict(dict)  # text -> cue start -> (end, score)

    def recording(parse, cue_model, taken=frozenset()):
        learned = cues.find_learned(parse, cue_model, taken)
        for r in learned:
            found[parse.text][r.cue.start] = (r.cue.end, r.cue.score)
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
            settings = {"newsgraph.quotes.v1": {"cue_model": cue_model}} if cue_model else None
            for path, raw, doc in zip(chunk, raws, run_components(texts, COMPONENTS, settings=settings), strict=True):
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


def _keys(files: list[str], key) -> set:
    """``key(row)`` of every JSON line of ``files``."""
    found = set()
    for file in files:
        with open(file, encoding="utf-8") as rows:
            found |= {key(json.loads(line)) for line in rows if line.strip()}
    return found


def sample(source: str, out: str, n: int, seed: int, per_article: int,
           exclude_cues: list[str] = (), exclude_articles: list[str] = ()) -> None:  # fmt: skip
    """Draw ``n`` cues of the dump ``source`` into ``out``: the articles in a fixed shuffle
    (``seed``), at most ``per_article`` cues each, one record per cue; leaving out the cues
    (article, cue_start) of the files ``exclude_cues`` and every article named in the
    files ``exclude_articles`` (an earlier draw, the labels, an evaluation set)."""
    skip_cues = _keys(exclude_cues, lambda row: (row["article"], row["cue_start"]))
    skip_articles = _keys(exclude_articles, lambda row: row["article"])
    by_article: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    with open(source, encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            key = (row["article"], row["cue_start"])
            if key in seen or key in skip_cues or row["article"] in skip_articles:
                continue
            seen.add(key)
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
    parser.add_argument("--exclude-cues", nargs="+", default=[], help="JSON-lines files whose cues are not drawn")
    parser.add_argument("--cue-model", default=None, help="dump with this cue model file instead of the shipped one")
    parser.add_argument("--exclude-articles", nargs="+", default=[], help="JSON-lines files whose articles are not drawn")
    args = parser.parse_args()
    if args.sample:
        sample(args.first, args.second, args.sample, args.seed, args.per_article, args.exclude_cues, args.exclude_articles)
    else:
        dump(args.first, args.second, args.cue_model)
