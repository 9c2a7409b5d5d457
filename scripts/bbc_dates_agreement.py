"""How far two readers of the dates guideline agree, beside how far newsgraph agrees with each.

    .venv/bin/python scripts/bbc_dates_agreement.py \
        src/newsgraph/eval/data/bbc_dates7.jsonl src/newsgraph/eval/data/bbc_dates7_second.jsonl

Both files are gold files in the format of ``bbc_dates*.jsonl`` (article, dct, sha1, start, end,
type, value; or article and ``none``). On the articles the second file covers, it prints the
span and value F1 of the second annotator against the first (``eval/tasks/dates.score``, the
scorer ``newsgraph eval dates`` uses: overlap matching, values in canonical spelling), and
newsgraph's against each annotator; for all those articles and for those of the set's
held-out half alone (same SHA-1 parity as the evaluation). The articles are read from the BBC corpus under
``--data`` (``../shared/data`` beside the repository by default); nothing of them is copied.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.eval.tasks.dates import newsgraph_timexes, pair_scores, read_bbc_gold
from newsgraph.eval.tasks.quantities import BBC_CORPUS, bbc_half

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / BBC_CORPUS


def main(argv: list[str] | None = None) -> int:

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
    # All the articles, then the held-out half's alone (no rule was written from its errors;
    # the tuning half's were read, so newsgraph's figures on it flatter).
    for label, keep in (("all", lambda name: True), ("held-out half", lambda name: bbc_half(name) == "heldout")):
        idx = [i for i, d in enumerate(first) if keep(d.name)]
        a, b, o = [first[i].timexes for i in idx], [second[i].timexes for i in idx], [ours[i] for i in idx]
        print(f"{label}: {len(idx)} articles; {sum(map(len, a))} expressions (first), {sum(map(len, b))} (second)")
        print(f"  {'':36} {'relaxed F1':>10} {'strict F1':>10} {'value F1':>9}")
        rows = {
            "second annotator against the first": (a, b),
            "newsgraph against the first": (a, o),
            "newsgraph against the second": (b, o),
        }
        found = pair_scores(rows)
        for row in rows:
            print(f"  {row:36} {found[row + '_relaxed_f1']:>10.3f} {found[row + '_strict_f1']:>10.3f} {found[row + '_value_f1']:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
