"""Dump every quote newsgraph finds in the BBC News corpus, one JSON line per quote.

Runs the backbone, entities and quotes components (as the quotes evaluation does) over
the corpus in chunks and writes ``article, kind, text, cue, cue_lemma, speaker, speaker_type,
context`` per quote, so that a reader can count and read the classes the extractor gets
wrong. The texts stay out of the repository: write the dump to /tmp.

    nice -n 10 .venv/bin/python scripts/bbc_quotes_dump.py CORPUS_DIR /tmp/quotes.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsgraph.eval.tasks.quantities import run_components

CHUNK = 200
COMPONENTS = ("newsgraph.entities.v1", "newsgraph.quotes.v1")


def _rows(name: str, doc) -> list[dict]:
    text = doc.text
    rows = []
    for quote in doc.quotes:
        speaker = quote.speaker
        entity = doc.entity_by_id(speaker.entity) if speaker and speaker.entity else None
        cue = text[quote.cue.start : quote.cue.end] if quote.cue else None
        lo = max(0, min(quote.start, quote.cue.start if quote.cue else quote.start) - 80)
        hi = min(len(text), max(quote.end, quote.cue.end if quote.cue else quote.end) + 80)
        rows.append({
            "article": name,
            "kind": quote.kind,
            "text": text[quote.start : quote.end],
            "cue": cue,
            "cue_lemma": cue.lower().split()[-1] if cue else None,
            "speaker": speaker.name if speaker else None,
            "speaker_span": text[speaker.start : speaker.end] if speaker and speaker.start is not None else None,
            "speaker_type": entity.type if entity else (None if speaker is None else "none"),
            "attribution": quote.attribution,
            "context": text[lo:hi].replace("\n", " "),
        })
    return rows


def main(corpus: str, out: str) -> None:
    paths = sorted(Path(corpus).glob("*/*.txt"))
    with open(out, "w", encoding="utf-8") as sink:
        for i in range(0, len(paths), CHUNK):
            chunk = paths[i : i + CHUNK]
            texts = [p.read_text(encoding="utf-8", errors="replace") for p in chunk]
            for path, doc in zip(chunk, run_components(texts, COMPONENTS), strict=True):
                name = f"{path.parent.name}/{path.name}"
                for row in _rows(name, doc):
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(f"{i + len(chunk)}/{len(paths)}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
