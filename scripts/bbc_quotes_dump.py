"""Dump every quote newsgraph finds in the BBC News corpus, one JSON line per quote.

Runs the backbone, entities and quotes components (as the quotes evaluation does) over
the corpus in chunks and writes ``article, kind, start, end, text, cue, cue_lemma, speaker, speaker_type,
attribution, withheld, context`` per quote, so that a reader can count and read the classes
the extractor gets wrong. The texts stay out of the repository: write the dump to /tmp.

    nice -n 10 .venv/bin/python scripts/bbc_quotes_dump.py CORPUS_DIR /tmp/quotes.jsonl
    .venv/bin/python scripts/bbc_quotes_dump.py --diff /tmp/before.jsonl /tmp/after.jsonl [--sample 20] [--speakers 45] [--seed 7]
    .venv/bin/python scripts/bbc_quotes_dump.py --counts /tmp/quotes.jsonl
    .venv/bin/python scripts/bbc_quotes_dump.py --ledes /tmp/quotes.jsonl CORPUS_DIR

``--diff`` compares two dumps: the quotes only in the first (removed), only in the second
(added), and those whose speaker changed (its words, name or type), with counts by kind and cue word and every
removed or added quote's text and context, for a reader to judge. ``--counts`` counts, in
one dump, the content-edge classes of docs/quotes.md (twenty-seventh session).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from newsgraph.eval.tasks.quantities import run_components
from newsgraph.pipeline.components.quotes.indirect import REFLEXIVES
from newsgraph.pipeline.components.quotes.marks import DOUBLE_MARKS
from newsgraph.resources import words

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
            "start": quote.start,
            "end": quote.end,
            "text": text[quote.start : quote.end],
            "cue": cue,
            "cue_lemma": cue.lower().split()[-1] if cue else None,
            "speaker": speaker.name if speaker else None,
            "speaker_span": text[speaker.start : speaker.end] if speaker and speaker.start is not None else None,
            "speaker_type": entity.type if entity else (None if speaker is None else "none"),
            "attribution": quote.attribution,
            "withheld": quote.withheld,
            "context": text[lo:hi].replace("\n", " "),
        })
    return rows


def main(corpus: str, out: str) -> None:
    paths = sorted(Path(corpus).glob("*/*.txt"))
    if not paths:
        sys.exit(f"{corpus}: no articles (expected TOPIC/NNN.txt files, e.g. ../shared/data/corpora/bbc-news/dataset/data_files)")
    with open(out, "w", encoding="utf-8") as sink:
        for i in range(0, len(paths), CHUNK):
            chunk = paths[i : i + CHUNK]
            texts = [p.read_text(encoding="utf-8", errors="replace") for p in chunk]
            for path, doc in zip(chunk, run_components(texts, COMPONENTS), strict=True):
                name = f"{path.parent.name}/{path.name}"
                for row in _rows(name, doc):
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(f"{i + len(chunk)}/{len(paths)}", file=sys.stderr, flush=True)


def _load(path: str) -> dict[tuple, dict]:
    rows = {}
    with open(path, encoding="utf-8") as source:
        for line in source:
            row = json.loads(line)
            rows[(row["article"], row["kind"], row["text"], row["cue"])] = row
    return rows


# The linking words of the content-piece rule (``resources/quotes/connectives.txt``).
_CONNECTIVES = words("quotes/connectives.txt")


def counts(path: str) -> None:
    """Count, in a dump, the classes of docs/quotes.md's twenty-seventh session: indirect
    contents with an odd number of double quote marks (a fragment left open), ending in a
    dangling "and", "or" or "but", or made of a linking word alone ("But"); records whose
    cue runs over several words (a verb and its cue noun: "expressed doubts", besides
    "according to"); direct quotes with no speaker, and those of them with no cue."""
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    indirect = [r for r in rows if r["kind"] == "indirect"]
    direct = [r for r in rows if r["kind"] == "direct"]
    odd = sum(sum(r["text"].count(m) for m in DOUBLE_MARKS) % 2 for r in indirect)
    dangling = sum(r["text"].split()[-1].lower() in ("and", "or", "but") for r in indirect if r["text"].split())
    linking = sum(" ".join(r["text"].lower().split()) in _CONNECTIVES for r in indirect)
    several = Counter(r["cue"].lower() for r in rows if r["cue"] and " " in r["cue"].strip() and r["cue"].lower() != "according to")
    unnamed = [r for r in direct if not r["speaker"]]
    print(f"{len(rows)} records, {len(indirect)} indirect: {odd} with a fragment left open, {dangling} ending in a conjunction, {linking} a linking word alone")
    print(f"cues of several words (not 'according to'): {sum(several.values())}; {several.most_common(12)}")
    print(f"direct: {len(direct)}, {len(unnamed)} with no speaker ({sum(r['cue'] is None for r in unnamed)} of them with no cue)")
    # twenty-ninth session: contents opening with a reflexive pronoun, and speakers that
    # are a document of someone ("Mr Crosby's statement")
    reflexive = Counter(r["cue"] for r in rows if r["text"].split()[:1] and r["text"].split()[0].lower() in REFLEXIVES)
    print(f"contents opening with a reflexive pronoun: {sum(reflexive.values())}; {reflexive.most_common(12)}")
    # thirtieth session: "it" with no one behind it, and "they" given to a place
    it = Counter((r["cue"] or "").lower() for r in rows if (r["speaker_span"] or "") in ("It", "it") and r["speaker"] in ("It", "it"))
    they = [r for r in rows if (r["speaker_span"] or "").lower() == "they" and r["speaker_type"] == "GPE"]
    print(f"speakers 'it' left unresolved: {sum(it.values())}; {it.most_common(8)}; 'they' resolved to a place: {len(they)}")


def ledes(path: str, corpus: str) -> None:
    """Count the unresolved descriptions with a title word in an article's opening
    paragraph (the headline's and the lede's; docs/quotes.md, twenty-ninth session) and
    print them with the next paragraph's opening, for a reader to judge."""
    titles = words("quotes/title_words.txt") | {"head", "boss", "chief", "executive", "founder", "coach", "captain"}
    found = []
    for row in map(json.loads, open(path, encoding="utf-8")):
        span = row["speaker_span"] or ""
        if row["speaker_type"] not in ("none", None) or not set(span.lower().replace("'s", " ").split()) & titles:
            continue
        text = (Path(corpus) / row["article"]).read_text(encoding="utf-8", errors="replace")
        breaks = [i for i in range(len(text)) if text.startswith("\n\n", i)]
        lede_end = breaks[1] if len(breaks) > 1 else len(text)
        if row["start"] < lede_end:
            found.append((row["article"], span, " ".join(text[lede_end : lede_end + 120].split())))
    for article, span, after in found:
        print(f"{article:22} {span!r:50} :: {after}")
    print(f"{len(found)} unresolved descriptions in opening paragraphs")


def diff(before: str, after: str, sample: int | None = None, seed: int = 7, speakers: int | None = None) -> None:
    """Print what changed between two dumps (quotes keyed by article, kind, text and cue);
    with ``sample``, only that many added and removed quotes, drawn at random (``seed``),
    and with ``speakers`` only that many speaker changes (drawn with their own generator of
    the same seed), for a reader to judge."""
    old, new = _load(before), _load(after)
    removed = [old[k] for k in old if k not in new]
    added = [new[k] for k in new if k not in old]
    changed = [(old[k], new[k]) for k in old if k in new and _speaker(old[k]) != _speaker(new[k])]
    print(f"{len(old)} -> {len(new)} quotes: {len(removed)} removed, {len(added)} added, {len(changed)} speakers changed")
    held = [[r for r in rows.values() if r.get("withheld")] for rows in (old, new)]  # dumps before 1.5 have none
    print(f"withheld: {len(held[0])} -> {len(held[1])}; by cue word after: {Counter(r['cue_lemma'] for r in held[1]).most_common(12)}")
    for name, rows in (("removed", removed), ("added", added)):
        if rows:
            kinds = Counter(r["kind"] for r in rows)
            cues = Counter(r["cue_lemma"] for r in rows)
            print(f"{name} by kind: {dict(kinds)}; by cue word: {cues.most_common(20)}")
    if sample is not None:
        rng = random.Random(seed)  # the added drawn first
        added = rng.sample(added, min(sample, len(added)))
        removed = rng.sample(removed, min(sample, len(removed)))
        print(f"a random {sample} of each (seed {seed}):")
    for name, rows in (("removed", removed), ("added", added)):
        if rows:
            for r in rows:
                print(f"  {name} [{r['kind']}] {r['article']} cue={r['cue']!r} speaker={r['speaker_span']!r}")
                print(f"      {r['text'][:100]!r}\n      ... {r['context'][:240]}")
    if changed:
        print(f"speakers changed by type: {dict(Counter((a['speaker_type'], b['speaker_type']) for a, b in changed))}")
    if speakers is not None:
        changed = random.Random(seed).sample(changed, min(speakers, len(changed)))
        print(f"a random {len(changed)} of the speaker changes (seed {seed}):")
    for a, b in changed:
        print(f"  speaker {a['article']} cue={a['cue']!r}: {_speaker(a)!r} -> {_speaker(b)!r}")


def _speaker(row: dict) -> tuple:
    """What a reader sees of a quote's speaker: the words, the name given and its type (a
    name can change while the words stay: "the study" named after a person, then not)."""
    return row["speaker_span"], row["speaker"], row["speaker_type"]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", help="the corpus folder (its */*.txt), with --diff the earlier dump, with --counts the dump")
    parser.add_argument("second", nargs="?", help="the dump to write, or with --diff the later dump")
    parser.add_argument("--counts", action="store_true", help="count the content-edge classes in the dump FIRST")
    parser.add_argument("--diff", action="store_true", help="compare two dumps instead of making one")
    parser.add_argument("--ledes", action="store_true", help="list the unresolved descriptions of opening paragraphs in the dump FIRST (corpus folder SECOND)")
    parser.add_argument("--sample", type=int, default=None, help="with --diff: list only this many added and removed quotes")
    parser.add_argument("--speakers", type=int, default=None, help="with --diff: list only this many speaker changes")
    parser.add_argument("--seed", type=int, default=7, help="with --sample or --speakers: the draw's seed")
    args = parser.parse_args()
    if args.counts:
        counts(args.first)
    elif args.ledes:
        ledes(args.first, args.second)
    elif args.second is None:
        parser.error("a second path is needed: the dump to write, or with --diff the later dump")
    elif args.diff:
        diff(args.first, args.second, args.sample, args.seed, args.speakers)
    else:
        main(args.first, args.second)
