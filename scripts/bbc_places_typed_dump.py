"""Dump the BBC corpus's places whose mentions are mentions of an organisation or person of
the entities component (the places a reader most often sees wrong: "US publication Forbes"
as Forbes, New South Wales), and diff two dumps (docs/places.md, twenty-first session).

    .venv/bin/python scripts/bbc_places_typed_dump.py --out /tmp/after.jsonl
    .venv/bin/python scripts/bbc_places_typed_dump.py --diff /tmp/before.jsonl /tmp/after.jsonl

One JSON line per such place and article: ``a`` (article), ``place``, ``country``,
``feature``, ``source``, ``types`` (the entity type at each mention), ``conf`` and ``ctx``
(the text around the first mention). ``--all`` dumps every place; ``--countries`` the places that are not the country
their entity is linked to (docs/places.md, twenty-ninth session); ``--untyped`` the places with no
entity of their own (docs/places.md, twenty-fifth session); ``--glob '*.txt' --data
../shared/data/geo/geowebnews/GeoWebNews`` reads GeoWebNews' articles. Needs the corpus (``--data``, default
``../shared/data/corpora/bbc-news/dataset/data_files``); about four minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bbc_quantities_sample import DEFAULT_DATA, read

_CHUNK = 64


def dump(
    root: Path, out: Path, untyped: bool = False, pattern: str = "*/*.txt", countries: bool = False,
    every: bool = False,
) -> int:
    """Write the places of every article under ``root`` matching ``pattern``: those with a
    mention an organisation or person holds, or (``untyped``) those with no entity of
    their own (matches of the gazetteer pass alone: "the Bush administration" as Bush,
    Egypt), or (``countries``) those whose entity the entities component linked to a
    country they are not ("Colombia" as a town of Mexico; city-states are listed too), or
    (``every``) every place."""
    from newsgraph.eval.tasks.quantities import run_components

    paths = sorted(str(p.relative_to(root)) for p in root.glob(pattern))
    if not paths:
        raise SystemExit(f"no articles under {root}")
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for i in range(0, len(paths), _CHUNK):
            chunk = paths[i : i + _CHUNK]
            texts = [read(root, p) for p in chunk]
            docs = run_components(texts, ("newsgraph.entities.v1", "newsgraph.places.v1"), ["2005-03-16"] * len(texts))
            for path, text, doc in zip(chunk, texts, docs, strict=True):
                typed = {(m.start, m.end): e.type for e in doc.entities if e.type in ("ORG", "PERSON") for m in e.mentions}
                linked = {e.id: e.kb["iso3166"] for e in doc.entities if e.kb and "iso3166" in e.kb}
                kbs = {e.id: dict(e.kb) for e in doc.entities if e.kb}
                for p in doc.places:
                    types = [typed.get((m.start, m.end)) for m in p.mentions]
                    if every:
                        pass
                    elif countries:
                        iso = linked.get(p.entity)
                        if iso is None or (p.country == iso and (p.feature or "").startswith("A.PCL")):
                            continue
                    elif (p.entity is not None) if untyped else not any(types):
                        continue
                    m = p.mentions[0]
                    row = {"a": path, "place": p.name, "country": p.country, "feature": p.feature, "source": p.source,
                           "types": types, "conf": p.confidence, "kb": kbs.get(p.entity),
                           "ctx": text[max(0, m.start - 50) : m.end + 40].replace("\n", " ")}  # fmt: skip
                    f.write(json.dumps(row) + "\n")
                    n += 1
            print(f"{i + len(chunk)} articles", file=sys.stderr, flush=True)
    return n


def diff(before: Path, after: Path) -> None:
    """Print the (article, place, country, feature, kb) rows only one dump has."""
    def load(path: Path) -> dict:
        rows = map(json.loads, path.open(encoding="utf-8"))
        return {(r["a"], r["place"], r["country"], r["feature"], str(r.get("kb"))): r for r in rows}

    a, b = load(before), load(after)
    for sign, rows, other in (("-", a, b), ("+", b, a)):
        for key in sorted(rows.keys() - other.keys()):
            r = rows[key]
            print(
                f"{sign} {r['a']:24} {r['place']:24} {r['country'] or '-':3} {r['feature'] or '-':8}"
                f" {r.get('kb') or ''} :: {r['ctx']}"
            )
    print(f"{len(a)} -> {len(b)} places; {len(a.keys() - b.keys())} gone, {len(b.keys() - a.keys())} new")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the corpus's data_files folder")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the dump here")
    group.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"), help="compare two dumps")
    parser.add_argument("--untyped", action="store_true", help="dump the places with no entity of their own instead")
    parser.add_argument("--countries", action="store_true", help="dump the places that are not the country their entity is linked to")
    parser.add_argument("--all", action="store_true", help="dump every place, with its entity's kb ids")
    parser.add_argument(
        "--glob", default="*/*.txt", help="the articles under --data ('*.txt' for GeoWebNews' GeoWebNews folder)"
    )
    args = parser.parse_args()
    if args.diff:
        diff(*args.diff)
    else:
        n = dump(args.data, args.out, args.untyped, args.glob, args.countries, args.all)
        print(f"{n} places written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
