"""Could a filter learned from TBAQ's tuning half lift its held-out value F1?

For every surface form newsgraph predicts on the 121 tuning documents, count how often its
prediction matches an annotated expression with the right value. Then drop, in both halves,
the predictions of forms seen at least ``min`` times in the tuning half that are right less
often than ``thr`` (a prediction right less often than about F1/2 lowers F1), and score.
A form whose annotation is a habit of the corpus ("last week" as ``1989-WXX``, ``now`` left
out) would pass from half to half; one that varies between documents would not. Prints the
value F1 of both halves for each setting (docs/dates.md, sixteenth session)::

    .venv/bin/python scripts/tbaq_form_filter.py ../shared/data/dates/tbaq
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from newsgraph.eval.tasks import dates as T


def right_predictions(doc, predicted) -> set[int]:
    """Indices of the predictions matched (as ``dates.score`` matches) with the right value."""
    free = list(range(len(predicted)))
    right = set()
    for g in doc.timexes:
        hit = next((k for k in free if predicted[k][:2] == g[:2]), None)
        if hit is None:
            hit = next((k for k in free if predicted[k][0] < g[1] and g[0] < predicted[k][1]), None)
        if hit is None:
            continue
        free.remove(hit)
        if T.canonical(predicted[hit][2]) == T.canonical(g[2]):
            right.add(hit)
    return right


def main(folder: str) -> int:
    docs = T.read_corpus(Path(folder))
    pred, _ = T.newsgraph_timexes(docs)
    seen: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, p_doc in zip(docs, pred, strict=True):
        if T.held_out(doc.name):
            continue
        right = right_predictions(doc, p_doc)
        for k, p in enumerate(p_doc):
            counts = seen[doc.text[p[0] : p[1]].lower()]
            counts[0] += k in right
            counts[1] += 1

    def scores(least: int, thr: float) -> tuple[float, float]:
        out = []
        for held in (False, True):
            gold, kept = [], []
            for doc, p_doc in zip(docs, pred, strict=True):
                if T.held_out(doc.name) != held:
                    continue
                gold.append(doc.timexes)
                kept.append([p for p in p_doc if not _dropped(seen.get(doc.text[p[0] : p[1]].lower()), least, thr)])
            out.append(T.score(gold, kept)["value_f1"])
        return out[0], out[1]

    print("setting\ttuning\theld-out")
    print("no filter\t%.4f\t%.4f" % scores(10**9, 0.0))
    for least in (2, 3, 5):
        for thr in (0.3, 0.4, 0.5):
            print(f"min {least}, right < {thr}\t%.4f\t%.4f" % scores(least, thr))
    return 0


def _dropped(counts: list[int] | None, least: int, thr: float) -> bool:
    return counts is not None and counts[1] >= least and counts[0] / counts[1] < thr


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/dates/tbaq"))
