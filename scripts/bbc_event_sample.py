"""Draw BBC articles, code their events and sample events for a hand check (docs/events.md).

    .venv/bin/python scripts/bbc_event_sample.py --seed 31 --exclude-seed 17 --exclude-seed 2026 \
        --out /tmp/events.jsonl [--sample 100 --sample-seed 31]
    .venv/bin/python scripts/bbc_event_sample.py --seed 211 \
        --exclude-articles src/newsgraph/resources/events/bbc_articles_read.txt \
        --out /tmp/events.jsonl --sample 100 --sample-seed 211
    .venv/bin/python scripts/bbc_event_sample.py --all --out /tmp/events-all.jsonl

Articles: the corpus's paths (topic/file.txt, sorted) shuffled with ``random.Random(seed)``;
the first ``--n`` of them that are not among the first ``--n`` of any ``--exclude-seed``
shuffle (earlier draws, used for tuning), nor in an ``--exclude-articles`` list (nor of the
same text as one: the corpus holds some stories twice). Every kept event is written as one JSON line
(article, type, action, trigger, source, target, confidence, flags, sentence); with
``--sample`` a random draw of that many events (``--sample-seed``) is printed for reading;
with ``--candidates`` every candidate before the confidence threshold is written, with its
offsets and whether the shipped thresholds keep it (how the labels were drawn).
With ``--all`` every article of the corpus is coded (no draw; ``--seed`` and the exclusions
are ignored): how kept events are counted by trigger and type over the whole corpus
(docs/events.md, "Reading every kept event of the 2,225 BBC articles").
The sentences stay in /tmp: nothing of the corpus is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "corpora" / "bbc-news" / "dataset" / "data_files"


def draw(paths: list[str], seed: int, n: int) -> list[str]:
    """The first ``n`` of ``paths`` shuffled with ``seed`` (how the earlier draws were made)."""
    shuffled = list(paths)
    random.Random(seed).shuffle(shuffled)
    return shuffled[:n]


def articles(root: Path, seed: int, n: int, exclude_seeds: list[int], exclude_n: int | None = None) -> list[str]:
    """The first ``n`` of the ``seed`` shuffle not among the first ``exclude_n`` (default ``n``)
    of any ``exclude_seeds`` shuffle."""
    paths = sorted(str(p.relative_to(root)) for p in root.glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no topic/*.txt files under {root}")
    used = {path for other in exclude_seeds for path in draw(paths, other, n if exclude_n is None else exclude_n)}
    return [path for path in draw(paths, seed, len(paths)) if path not in used][:n]


def same_text(root: Path, read: set[str]) -> set[str]:
    """Articles whose text is that of a read one (the corpus holds some stories twice)."""
    if not read:
        return set()
    texts: dict[str, list[str]] = {}
    for path in root.glob("*/*.txt"):
        texts.setdefault(" ".join(path.read_bytes().decode("utf-8", errors="replace").split()), []).append(
            str(path.relative_to(root)))
    return {other for paths in texts.values() if read.intersection(paths) for other in paths}


def code(root: Path, chosen: list[str]) -> list[dict]:
    from newsgraph import service
    from newsgraph.ingest.inputs import Failure, InputDoc

    inputs = []
    for path in chosen:
        text = (root / path).read_bytes().decode("utf-8", errors="replace")
        title, _, body = text.partition("\n")
        inputs.append(InputDoc(id=path, text=body.strip(), title=title.strip(), source=path))
    rows = []
    for record in service.get_pipeline().pipe(inputs):
        if isinstance(record, Failure):
            print(f"failed: {record}", file=sys.stderr)
            continue
        for event in record.events:
            sentence = record.text[event.sentence.start : event.sentence.end] if event.sentence else ""
            rows.append(
                {
                    "article": record.id,
                    "type": event.type,
                    "action": event.action,
                    "trigger": record.text[event.trigger.start : event.trigger.end],
                    "source": event.source.name if event.source else None,
                    "target": event.target.name if event.target else None,
                    "confidence": event.confidence,
                    "flags": [f for f in ("negated", "hypothetical", "conditional", "future", "reported")
                              if getattr(event, f)],
                    "sentence": " ".join(sentence.split()),
                }
            )
    return rows


def code_candidates(root: Path, chosen: list[str]) -> list[dict]:
    """Every candidate event of the coder, before the confidence threshold (for labelling):
    the row of ``code`` plus the trigger's offsets in the body and whether the shipped
    thresholds keep it."""
    from newsgraph.eval.tasks.events_coding import code_inputs
    from newsgraph.eval.tasks.events_gate import bbc_input
    from newsgraph.pipeline.components.events import confidence

    model = confidence.load()
    rows = []
    for path, (record, candidates) in zip(chosen, code_inputs(bbc_input(root, p) for p in chosen), strict=True):
        if record is None:
            print(f"failed: {path}", file=sys.stderr)
            continue
        text = record["text"] if isinstance(record, dict) else record.text
        for event, values in candidates:
            sentence = text[event.sentence.start : event.sentence.end] if event.sentence else ""
            rows.append(
                {
                    "article": path,
                    "start": event.trigger.start,
                    "end": event.trigger.end,
                    "type": event.type,
                    "action": event.action,
                    "trigger": text[event.trigger.start : event.trigger.end],
                    "source": event.source.name if event.source else None,
                    "target": event.target.name if event.target else None,
                    "confidence": event.confidence,
                    "kept": model.keeps(values),
                    "flags": [f for f in ("negated", "hypothetical", "conditional", "future", "reported")
                              if getattr(event, f)],
                    "sentence": " ".join(sentence.split()),
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=None, help="the draw's shuffle (required unless --all)")
    parser.add_argument("--all", action="store_true", help="code every article of the corpus (no draw)")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--exclude-seed", type=int, action="append", default=[])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--sample-seed", type=int, default=0)
    parser.add_argument("--exclude-n", type=int, default=None,
                        help="how many of each --exclude-seed shuffle to leave out (default: --n)")
    parser.add_argument("--exclude-articles", type=Path, action="append", default=[],
                        help="a file of article paths (one a line, or a labels TSV) to leave out")
    parser.add_argument("--candidates", action="store_true",
                        help="every candidate before the confidence threshold, with offsets (for labelling)")
    args = parser.parse_args(argv)
    if args.seed is None and not args.all:
        parser.error("--seed is required unless --all")
    read = {part for path in args.exclude_articles for line in path.read_text(encoding="utf-8").splitlines()
            for part in line.split("\t") if part.endswith(".txt") and not line.startswith("#")}
    read |= same_text(args.data, read)
    if args.all:
        chosen = sorted(str(p.relative_to(args.data)) for p in args.data.glob("*/*.txt"))
    else:
        chosen = [path for path in articles(args.data, args.seed, args.n + len(read), args.exclude_seed,
                                            args.exclude_n or args.n) if path not in read][: args.n]
    rows = (code_candidates if args.candidates else code)(args.data, chosen)
    args.out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(chosen)} articles, {len(rows)} events, in {len({r['article'] for r in rows})} articles")
    if args.sample:
        picked = random.Random(args.sample_seed).sample(range(len(rows)), min(args.sample, len(rows)))
        for number, index in enumerate(picked):
            print(json.dumps({"#": number, **rows[index]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
