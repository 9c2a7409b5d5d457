"""Draw BBC articles, code their events and sample events for a hand check (docs/events.md).

    .venv/bin/python scripts/bbc_event_sample.py --seed 31 --exclude-seed 17 --exclude-seed 2026 \
        --out /tmp/events.jsonl [--sample 100 --sample-seed 31]

Articles: the corpus's paths (topic/file.txt, sorted) shuffled with ``random.Random(seed)``;
the first ``--n`` of them that are not among the first ``--n`` of any ``--exclude-seed``
shuffle (earlier draws, used for tuning). Every kept event is written as one JSON line
(article, type, action, trigger, source, target, confidence, flags, sentence); with
``--sample`` a random draw of that many events (``--sample-seed``) is printed for reading.
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


def articles(root: Path, seed: int, n: int, exclude_seeds: list[int]) -> list[str]:
    paths = sorted(str(p.relative_to(root)) for p in root.glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no topic/*.txt files under {root}")
    used = {path for other in exclude_seeds for path in draw(paths, other, n)}
    return [path for path in draw(paths, seed, len(paths)) if path not in used][:n]


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--exclude-seed", type=int, action="append", default=[])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--sample-seed", type=int, default=0)
    args = parser.parse_args(argv)
    chosen = articles(args.data, args.seed, args.n, args.exclude_seed)
    rows = code(args.data, chosen)
    args.out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(chosen)} articles, {len(rows)} events, in {len({r['article'] for r in rows})} articles")
    if args.sample:
        picked = random.Random(args.sample_seed).sample(range(len(rows)), min(args.sample, len(rows)))
        for number, index in enumerate(picked):
            print(json.dumps({"#": number, **rows[index]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
