"""Offices read from a random sample of BBC articles, to count and read them by hand.

Runs the pipeline on ``--n`` articles drawn with ``random.seed(--seed)`` from the BBC
corpus and writes one JSON line per office held (article, person, title, what it is of,
the evidence text), then prints how many people hold an office. ``--diff A B`` lists the
offices one dump has and the other lacks (docs/entities.md, offices, thirty-first
session)::

    .venv/bin/python scripts/bbc_roles_sample.py --data ../shared/data/corpora/bbc-news/dataset/data_files \\
        --seed 2 --n 300 --out roles.jsonl
    .venv/bin/python scripts/bbc_roles_sample.py --diff before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path


def dump(data: Path, seed: int, n: int, out: Path) -> None:
    import newsgraph

    paths = sorted(str(p.relative_to(data)) for p in data.glob("*/*.txt"))
    random.seed(seed)
    people = held = 0
    with out.open("w", encoding="utf-8") as f:
        for article in random.sample(paths, n):
            text = (data / article).read_text(encoding="latin-1")
            record = newsgraph.analyze(text, published="2005-03-16")
            names = {e.id: e.name for e in record.entities}
            for entity in record.entities:
                if entity.type != "PERSON":
                    continue
                people += 1
                held += bool(entity.roles)
                for role in entity.roles:
                    evidence = record.text[role.evidence.start : role.evidence.end] if role.evidence else None
                    row = {"article": article, "person": entity.name, "title": role.title,
                           "of": names.get(role.of, role.of), "evidence": evidence}
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{people} people, {held} with an office; offices written to {out}")


def diff(before: Path, after: Path) -> None:
    def rows(path: Path) -> set[str]:
        return set(path.read_text(encoding="utf-8").splitlines())

    a, b = rows(before), rows(after)
    for sign, only in (("-", a - b), ("+", b - a)):
        for line in sorted(only):
            r = json.loads(line)
            print(f"{sign} {r['article']}  {r['person']} | {r['title']} | {r['of']} | {r['evidence']}")
    print(f"offices before {len(a)}, after {len(b)}: {len(a - b)} gone, {len(b - a)} new")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="the BBC corpus's data_files folder")
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.diff:
        diff(*args.diff)
    elif args.data and args.out:
        dump(args.data, args.seed, args.n, args.out)
    else:
        parser.error("give --data and --out, or --diff BEFORE AFTER")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
