"""Check that newsgraph's fast attribute ruler and lemmatizer (``fast_attributes.py``) give
spaCy's own output, token by token, on the evaluation texts in ``../shared/data``.

    .venv/bin/python scripts/check_fast_attributes.py [--data ../shared/data] [--limit N]

Runs the default model (without its recogniser) twice, once with spaCy's components and
once sped up, over the BBC corpus, PolNeAR dev, GeoWebNews, TBAQ and the sentences of
CoNLL eng.testa, and compares TAG, POS, MORPH, LEMMA, DEP and HEAD of every token. Prints
the documents per set and how many differ; exits 1 if any does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from newsgraph.pipeline.components.backbone import DEFAULT_MODEL
from newsgraph.pipeline.components.fast_attributes import speed_up

COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]
REPO = Path(__file__).resolve().parents[1]


def text_sets(data: Path, limit: int | None) -> dict[str, list[str]]:
    globs = {
        "bbc": "corpora/bbc-news/dataset/data_files/*/*.txt",
        "polnear-dev": "quotes/polnear/dev/text/*",
        "geowebnews": "geo/geowebnews/GeoWebNews/*.txt",
        "tbaq": "dates/tbaq/**/*.tml",
    }
    sets = {name: [p.read_text(errors="replace") for p in sorted(data.glob(pattern))[:limit]] for name, pattern in globs.items()}
    conll = data / "ner" / "conll2003" / "eng.testa"
    if conll.is_file():
        blocks = conll.read_text().split("\n\n")[:limit]
        sets["conll-testa"] = [
            " ".join(line.split(" ")[0] for line in block.splitlines() if line and not line.startswith("-DOCSTART-"))
            for block in blocks
        ]
    return sets


def differs(a, b) -> bool:
    x, y = a.to_array(COLUMNS), b.to_array(COLUMNS)
    return x.shape != y.shape or bool((x != y).any()) or [(str(t.morph), t.lemma_) for t in a] != [(str(t.morph), t.lemma_) for t in b]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="at most this many documents per set")
    args = parser.parse_args(argv)
    spacys = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    ours = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    print("sped up:", ", ".join(speed_up(ours)) or "nothing")
    total = bad = 0
    for name, texts in text_sets(args.data, args.limit).items():
        n_bad = sum(differs(a, b) for a, b in zip(spacys.pipe(texts), ours.pipe(texts), strict=True))
        print(f"{name}: {len(texts)} documents, {n_bad} differ", flush=True)
        total, bad = total + len(texts), bad + n_bad
    print(f"all: {total} documents, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
