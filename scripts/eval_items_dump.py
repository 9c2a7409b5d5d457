"""Dump one evaluation item by item, and diff two dumps: which gold records or toponyms a
change moved, behind a score that moved by one or two (docs/events.md and docs/places.md,
eleventh session).

    .venv/bin/python scripts/eval_items_dump.py events --out /tmp/events-before.json
    .venv/bin/python scripts/eval_items_dump.py geo --out /tmp/geo-before.json
    .venv/bin/python scripts/eval_items_dump.py ner --conll ../shared/data/ner/conll2003/eng.train --limit 500 --out /tmp/ner-before.json
    .venv/bin/python scripts/eval_items_dump.py quotes --out /tmp/quotes-before.json
    .venv/bin/python scripts/eval_items_dump.py --diff /tmp/geo-before.json /tmp/geo-after.json

``events``: each PLOVER record of ``newsgraph eval events``, run through the same
cross-validation (the confidence model of each fold fit on the other folds and the
hand-checked BBC events): its gold type, the types of its candidate events and the kept
ones with their confidence. ``geo``: each gold toponym with coordinates of ``newsgraph eval
geo`` that newsgraph found, under the same 5-fold cross-validation: its text, offset and
error in km (null when found but not resolved). ``ner``: each entity (character span) that
the CoNLL-2003 gold or newsgraph has in the first ``--limit`` documents of ``--conll`` (by
default eng.train, the check set; the gated eng.testa is scored, never read), with its
text, gold type and predicted type (CoNLL types; null when absent). ``quotes``: each gold
attribution of PolNeAR dev (``newsgraph eval quotes``): its source, the words and entity
name of the speaker matched to it, and whether the score counts the speaker right
(docs/quotes.md, seventeenth session). Run ``--out`` at each commit, then
``--diff``: it prints every item whose entry differs. The data stay in ``--data``; nothing
of them is copied into the repository beyond what ``--out`` writes where it points.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def events_items(data: Path) -> dict[str, dict]:
    from newsgraph.eval.tasks import events as task
    from newsgraph.eval.tasks import events_gate
    from newsgraph.eval.tasks.events_coding import gold_type

    path = data / "events" / "plover_gsr_dev.json"
    coded = task.code_candidates(task.load_gold(path))
    bbc = task._bbc_rows(path)
    items = {}
    for fold in range(task.FOLDS):  # the folds of task.run
        train = [c for i, c in enumerate(coded) if i % task.FOLDS != fold]
        model = events_gate.fit(train, bbc).model
        for i, (record, _, candidates) in enumerate(coded):
            if i % task.FOLDS != fold:
                continue
            scored = [(e, f, model.score(f)) for e, f in candidates]
            items[f"record {i}"] = {
                "gold": gold_type(record),
                "candidates": sorted(e.type for e, _ in candidates),
                "kept": sorted((e.type, round(p, 3)) for e, f, p in scored if model.keeps(f, p)),
            }
    return items


def geo_items(data: Path) -> dict[str, dict]:
    from newsgraph.eval.tasks import geo as task
    from newsgraph.eval.tasks.geo_cv import cross_validate
    from newsgraph.pipeline.components.places import PlaceResolver
    from newsgraph.resources.geonames import distance_km

    articles = task.read_gwn(data / "geo" / "geowebnews")
    docs, _ = task.analyse([a.text for a in articles])
    held_out = cross_validate(articles, docs, PlaceResolver())
    items = {}
    for n, (article, preds) in enumerate(zip(articles, held_out.preds, strict=True)):
        for g in article.toponyms:
            hits = [p for p in preds if task._overlap(g.start, g.end, p)]
            if not g.counts or g.lat is None or g.lon is None or not hits:
                continue
            best = next((p for p in hits if p[2] is not None), None)
            km = None if best is None else round(distance_km(g.lat, g.lon, best[2], best[3]))
            items[f"article {n} @{g.start}"] = {"text": article.text[g.start : g.end], "km": km}
    return items


def ner_items(path: Path, limit: int | None) -> dict[str, dict]:
    from newsgraph.eval.tasks import ner as task

    docs = task.read_conll(path)[:limit]
    predicted = task.newsgraph_entities([d.text for d in docs], ner="newsgraph")[task.ENTITIES]
    items = {}
    for n, (doc, pred) in enumerate(zip(docs, predicted, strict=True)):
        gold = {(s, e): t for s, e, t in doc.entities}
        ours = {(s, e): t for s, e, t in pred}
        for s, e in gold.keys() | ours.keys():
            items[f"doc {n} @{s}-{e}"] = {"text": doc.text[s:e], "gold": gold.get((s, e)), "ours": ours.get((s, e))}
    return items


def quotes_items(data: Path) -> dict[str, dict]:
    """Each PolNeAR dev attribution: its gold source, the speaker matched to it (its words and
    the name of its entity, what a reader sees) and whether the score counts it right."""
    from newsgraph.eval.tasks import quotes as task

    gold_docs, _ = task.load_polnear(data / "quotes" / "polnear" / "dev")
    analysed, _ = task.analyse(gold_docs, task.quote_components())
    items = {}
    for k, (gold, doc) in enumerate(analysed):
        preds = task.group_record(doc.to_record())
        entity_at = task._entity_lookup(doc)
        names = {e.id: e.name for e in doc.entities}
        matched = task.match(gold, preds)
        for gi, g in enumerate(gold.attributions):
            p = preds[matched[gi]] if gi in matched else None
            items[f"text {k} attribution {gi}"] = {
                "source": " | ".join(gold.text[s:e] for s, e in g.source),
                "speaker": gold.text[p.speaker[0] : p.speaker[1]] if p and p.speaker else None,
                "name": names.get(p.entity) if p and p.entity else None,
                "right": task.speaker_correct(g, p, entity_at) if p else None,
            }
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", nargs="?", choices=("events", "geo", "ner", "quotes"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the annotated data's root")
    parser.add_argument("--conll", type=Path, help="ner: the CoNLL-2003 file (default: eng.train under --data)")
    parser.add_argument("--limit", type=int, default=500, help="ner: the first N documents (default 500)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--out", type=Path, help="write the task's items here")
    mode.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"), help="compare two dumps")
    args = parser.parse_args(argv)
    if args.diff:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.diff)
        changed = [k for k in sorted(before.keys() | after.keys()) if before.get(k) != after.get(k)]
        for key in changed:
            print(f"{key}: {before.get(key)} -> {after.get(key)}")
        print(f"{len(changed)} of {len(before.keys() | after.keys())} items differ", file=sys.stderr)
        return 0
    if args.task is None:
        parser.error("--out needs a task: events, geo, ner or quotes")
    if args.task == "ner":
        items = ner_items(args.conll or args.data / "ner" / "conll2003" / "eng.train", args.limit)
    else:
        items = {"events": events_items, "geo": geo_items, "quotes": quotes_items}[args.task](args.data)
    args.out.write_text(json.dumps(items, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(items)} items written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
