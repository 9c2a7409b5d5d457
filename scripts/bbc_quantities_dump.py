"""Every quantity newsgraph gives on every BBC article, one JSON line each (docs/quantities.md).

    .venv/bin/python scripts/bbc_quantities_dump.py --out /tmp/quantities-after.jsonl
    .venv/bin/python scripts/bbc_quantities_dump.py --out /tmp/q.jsonl --parses /tmp/bbc.spacy
    .venv/bin/python scripts/bbc_quantities_dump.py --classes /tmp/q.jsonl | head -60
    .venv/bin/python scripts/bbc_quantities_dump.py --diff /tmp/before.jsonl /tmp/after.jsonl

A line per quantity: article (topic/file.txt), start, end, surface (the mention's text),
value, low, high, unit, object, kind (the dimension) and context (60 characters before, 40
after, one line). Run at two commits and diff (``--diff``) to see what a change does to
the whole corpus; ``--classes`` counts the quantities by (unit or counted object's last
word, surface shape), most frequent first, the way a reader finds a wrong class. The
texts stay where the output is written (in /tmp), never in the repository.

``--parses FILE`` keeps the spaCy parses of the corpus in ``FILE`` (a spaCy DocBin; made on
the first run, about 3 minutes on two cores, read on later runs in seconds), so a rule
change is checked on all 2,225 articles without parsing them again. The parses must come
from the same spaCy pipeline the backbone loads (delete the file after changing it).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from bbc_quantities_sample import DEFAULT_DATA, read


def _parses(texts: list[str], cache: Path | None):
    """The backbone's spaCy parse of each text, read from or written to ``cache``."""
    from spacy.tokens import DocBin

    from newsgraph.pipeline.components.backbone import load_spacy

    nlp = load_spacy(ner="model")
    if cache is not None and cache.exists():
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
        print(f"{cache}: parses of other texts, parsing again")
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache is not None:
        cache.write_bytes(DocBin(store_user_data=False, docs=docs).to_bytes())
    return docs


def dump(data: Path, out: Path, cache: Path | None = None) -> int:
    """Every quantity of every article under ``data`` to ``out`` (JSON lines); the count."""
    from newsgraph.pipeline.components.quantities import QuantityExtractor
    from newsgraph.pipeline.document import Document
    from newsgraph.record import Metadata

    paths = sorted(str(p.relative_to(data)) for p in data.glob("*/*.txt"))
    texts = [read(data, path) for path in paths]
    extractor = QuantityExtractor()
    rows = []
    for path, text, sdoc in zip(paths, texts, _parses(texts, cache), strict=True):
        doc = extractor(Document(id=path, text=text, metadata=Metadata(), clean=False, spacy=sdoc))
        for q in doc.quantities:
            context = text[max(0, q.start - 60) : q.end + 40].replace("\n", " ")
            rows.append(
                {"article": path, "start": q.start, "end": q.end, "surface": text[q.start : q.end]}
                | {"value": q.value, "low": q.low, "high": q.high, "unit": q.unit, "object": q.object}
                | {"kind": q.dimension, "context": context}
            )
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def shape(surface: str) -> str:
    """The surface with digits as ``9`` and letters kept: ``£1.5bn`` -> ``£9.9bn``."""
    return re.sub(r"\d+", "9", surface)


def label(row: dict) -> str:
    """A quantity's class: its unit, or ``count:`` and the counted object's last word."""
    if row["unit"]:
        return row["unit"]
    if row["object"]:
        return "count:" + row["object"].split()[-1].lower()
    return "bare"


def classes(path: Path, top: int) -> None:
    """The ``top`` most frequent (class, surface shape) pairs of a dump, then its classes."""
    rows = _load(path)
    by_label = Counter(label(r) for r in rows)
    print(f"{len(rows)} quantities, {len(by_label)} classes")
    for (name, form), n in Counter((label(r), shape(r["surface"])) for r in rows).most_common(top):
        print(f"{n:6d}  {name:30s} {form}")
    print()
    for name, n in by_label.most_common(top):
        print(f"{n:6d}  {name}")


_KEY = ("value", "low", "high", "unit", "object", "kind")


def diff(before: Path, after: Path) -> None:
    """Quantities added, removed or changed between two dumps, keyed by article and span."""
    old = {(r["article"], r["start"], r["end"]): r for r in _load(before)}
    new = {(r["article"], r["start"], r["end"]): r for r in _load(after)}
    gone = sorted(old.keys() - new.keys())
    added = sorted(new.keys() - old.keys())
    changed = sorted(k for k in old.keys() & new.keys() if any(old[k][f] != new[k][f] for f in _KEY))
    print(f"before {len(old)}, after {len(new)}: ", end="")
    print(f"{len(gone)} removed, {len(added)} added, {len(changed)} changed")
    for tag, keys, rows in (("-", gone, old), ("+", added, new)):
        for k in keys:
            r = rows[k]
            print(f"{tag} {r['surface']!r} {r['value']} {r['unit']} {r['object']!r} | {r['context']}")
    for k in changed:
        a, b = old[k], new[k]
        was = {f: a[f] for f in _KEY if a[f] != b[f]}
        now = {f: b[f] for f in _KEY if a[f] != b[f]}
        print(f"~ {a['surface']!r} {was} -> {now} | {a['context']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, help="write the dump here")
    parser.add_argument("--parses", type=Path, help="spaCy parses of the corpus, made once, then read")
    parser.add_argument("--classes", type=Path, help="count the classes of this dump")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.out:
        print(f"{dump(args.data, args.out, args.parses)} quantities written to {args.out}")
    if args.classes:
        classes(args.classes, args.top)
    if args.diff:
        diff(*args.diff)
    if not (args.out or args.classes or args.diff):
        parser.error("give --out, --classes or --diff")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
