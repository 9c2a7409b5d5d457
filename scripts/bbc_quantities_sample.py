"""Draw BBC sentences with numbers for the blind quantities gold set (docs/quantities.md).

    .venv/bin/python scripts/bbc_quantities_sample.py --out /tmp/bbc_quantities_draw.jsonl

Articles: the corpus's paths (topic/file.txt, sorted) shuffled with ``random.Random(seed)``
(seed 1313), skipping the first 200 of the earlier event draws (seeds 17, 2026, 31); the
first ``--per-topic`` of each of the five topics in that order are kept. Sentences: each
line of the article (the title is the first line) is cut after ``.``, ``!`` or ``?`` followed
by a space and a capital, digit or quote; a sentence is a candidate when it has a digit or a
number word (``NUMBER_WORDS``); up to ``--per-article`` candidates per article are drawn
with ``random.Random(seed)`` in article order. Each drawn sentence is written as one JSON
line (article, start, end, text) for annotation: the text stays in /tmp, the gold file in
the repository holds offsets only.

A second set (``bbc_quantities2.jsonl``) was drawn the same way with ``--seed 2613
--per-topic 9 --exclude src/newsgraph/eval/data/bbc_quantities.jsonl``: ``--exclude`` skips
every article of an earlier gold file as well.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "corpora" / "bbc-news" / "dataset" / "data_files"
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens "
    "half third thirds quarter quarters"
).split()
_NUMBER = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_CUT = re.compile(r"[.!?][\"']?\s+(?=[A-Z0-9\"'])")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``: lines cut after sentence punctuation."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for cut in _CUT.finditer(line.group()):
            spans.append((start, line.start() + cut.start() + 1))
            start = line.start() + cut.end()
        spans.append((start, line.end()))
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def read(root: Path, path: str) -> str:
    """The article as the evaluation reads it (UTF-8, bad bytes replaced)."""
    return (root / path).read_bytes().decode("utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=1313)
    parser.add_argument("--per-topic", type=int, default=10)
    parser.add_argument("--per-article", type=int, default=4)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--exclude", type=Path, action="append", default=[], help="gold file whose articles are skipped"
    )
    args = parser.parse_args(argv)
    paths = sorted(str(p.relative_to(args.data)) for p in args.data.glob("*/*.txt"))
    used = set()
    for other in (17, 2026, 31):
        shuffled = list(paths)
        random.Random(other).shuffle(shuffled)
        used.update(shuffled[:200])
    for gold in args.exclude:
        lines = gold.read_text(encoding="utf-8").splitlines()
        used.update(json.loads(line)["article"] for line in lines if line)
    shuffled = list(paths)
    random.Random(args.seed).shuffle(shuffled)
    chosen: list[str] = []
    for topic in sorted({p.split("/")[0] for p in paths}):
        chosen += [p for p in shuffled if p.startswith(topic + "/") and p not in used][: args.per_topic]
    rng = random.Random(args.seed)
    rows = []
    for path in chosen:
        text = read(args.data, path)
        candidates = [(s, e) for s, e in sentences(text) if _NUMBER.search(text[s:e])]
        picked = sorted(rng.sample(candidates, min(args.per_article, len(candidates))))
        rows += [{"article": path, "start": s, "end": e, "text": text[s:e]} for s, e in picked]
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(chosen)} articles, {len(rows)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
