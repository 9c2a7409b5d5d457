"""Does the shipped recogniser still read ordinary mixed-case news? Two checks against
stock en_core_web_sm, on data not used in training:

1. agreement (micro F1, exact spans, all 18 labels) with en_core_web_sm on PolNeAR dev
   articles (2016 US politics), names trimmed of "the"/"'s" as in training;
2. recall of GeoWebNews's gold literal toponyms (exact span) by GPE/LOC/FAC entities,
   for both models (gold from people, so this one can go either way).

    OMP_NUM_THREADS=1 python -m training.news_check --polnear DATA/quotes/polnear/dev/text \
        --geowebnews DATA/geo/geowebnews/GeoWebNews
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy

from newsgraph.pipeline.components.backbone import DEFAULT_MODEL, SHIPPED_NER
from training.convert import _name_core

PLACE_LABELS = ("GPE", "LOC", "FAC")
TOPONYM_TYPES = ("Literal", "Mixed")


def agreement(ours, stock, texts: list[str]) -> float:
    """Micro F1 of ``ours`` against ``stock`` (trimmed names), exact spans and labels."""
    tp = fp = fn = 0
    for a, b in zip(ours.pipe(texts), stock.pipe(texts), strict=True):
        mine = {(e.start_char, e.end_char, e.label_) for e in a.ents}
        ref = {_name_core(e) for e in b.ents}
        tp, fp, fn = tp + len(mine & ref), fp + len(mine - ref), fn + len(ref - mine)
    return round(2 * tp / (2 * tp + fp + fn), 4)


def toponyms(folder: Path) -> tuple[list[str], list[set[tuple[int, int]]]]:
    """Texts of GeoWebNews articles and their literal/mixed toponym spans."""
    texts, golds = [], []
    for ann in sorted(folder.glob("*.ann"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0):
        texts.append(ann.with_suffix(".txt").read_text(encoding="utf-8"))
        spans = set()
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 2:
                kind, *offsets = parts[1].split(" ")
                if kind in TOPONYM_TYPES and len(offsets) == 2:
                    spans.add((int(offsets[0]), int(offsets[1])))
        golds.append(spans)
    return texts, golds


def toponym_recall(nlp, texts: list[str], golds: list[set]) -> float:
    """Share of gold toponyms found exactly as a GPE/LOC/FAC entity."""
    found = total = 0
    for doc, gold in zip(nlp.pipe(texts), golds, strict=True):
        places = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS}
        found, total = found + len(gold & places), total + len(gold)
    return round(found / total, 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, required=True)
    parser.add_argument("--geowebnews", type=Path, required=True)
    args = parser.parse_args()
    stock = spacy.load(DEFAULT_MODEL, enable=["ner"])
    ours = spacy.load(SHIPPED_NER)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.polnear.glob("*.txt"))]
    print(f"PolNeAR dev ({len(texts)} articles): agreement with en_core_web_sm {agreement(ours, stock, texts)}")
    texts, golds = toponyms(args.geowebnews)
    n = sum(map(len, golds))
    for name, nlp in (("en_core_web_sm", stock), ("newsgraph", ours)):
        print(f"GeoWebNews ({len(texts)} articles, {n} toponyms): {name} recall {toponym_recall(nlp, texts, golds)}")


if __name__ == "__main__":
    main()
