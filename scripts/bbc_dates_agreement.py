"""How far two readers of the dates guideline agree, beside how far newsgraph agrees with each.

    .venv/bin/python scripts/bbc_dates_agreement.py \
        src/newsgraph/eval/data/bbc_dates7.jsonl src/newsgraph/eval/data/bbc_dates7_second.jsonl

Both files are gold files in the format of ``bbc_dates*.jsonl`` (article, dct, sha1, start, end,
type, value; or article and ``none``). On the articles the second file covers, it prints the
span and value F1 of the second annotator against the first (``eval/tasks/dates.score``, the
scorer ``newsgraph eval dates`` uses: overlap matching, values in canonical spelling), and
newsgraph's against each annotator. The articles are read from the BBC corpus under
``--data`` (``../shared/data`` beside the repository by default); nothing of them is copied.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "corpora" / "bbc-news" / "dataset" / "data_files"


def main(argv: list[str] | None = None) -> int:
    from newsgraph.eval.tasks.dates import newsgraph_timexes, read_bbc_gold, score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="the first annotator's gold file")
    parser.add_argument("second", type=Path, help="the second annotator's gold file (a subset of the articles)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    second = read_bbc_gold(args.data, args.second)
    names = {d.name for d in second}
    first = [d for d in read_bbc_gold(args.data, args.first) if d.name in names]
    if [d.name for d in first] != [d.name for d in second]:
        print(f"{args.first} lacks some of the articles of {args.second}", file=sys.stderr)
        return 1
    ours, _ = newsgraph_timexes(first)
    a, b = [d.timexes for d in first], [d.timexes for d in second]
    rows = [
        ("second annotator against the first", score(a, b)),
        ("newsgraph against the first", score(a, ours)),
        ("newsgraph against the second", score(b, ours)),
    ]
    print(f"{len(first)} articles; {sum(map(len, a))} expressions (first), {sum(map(len, b))} (second)")
    print(f"{'':38} {'relaxed F1':>10} {'strict F1':>10} {'value F1':>9}")
    for label, s in rows:
        print(f"{label:38} {s['relaxed_f1']:>10.3f} {s['strict_f1']:>10.3f} {s['value_f1']:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
