"""Cross-validation for the geo task: the place ranker and its confidence model are fit on
four folds of GeoWebNews articles and scored on the fifth (5 folds by article, fixed seed),
so the reported resolution figure is one no weight was fit on.

Recipe per fold (the same as ``scripts/train_place_ranker.py`` on all articles):
1. Candidate rows come from resolving the training articles with the hand-set weights
   (``rank.HAND_RANKER``), which gives the document context (countries, anchors) the
   candidates are compared in. A toponym teaches the ranker when it overlaps a gold toponym
   with coordinates and one of its candidates lies within 161 km of them (the nearest is
   the right one).
2. ``learn.fit_ranker`` fits the candidate weights on those rows.
3. The training articles are resolved again with the new weights; each resolved mention is
   right when it overlaps a gold toponym and (if the gold has coordinates) lies within
   161 km of it; ``learn.fit_calibration`` fits the confidence model on that.
4. The held-out articles are resolved with the fold's ranker and scored.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from newsgraph.resources.geonames import distance_km

FOLDS = 5
SEED = 17
KM_161 = 161.0
BUCKETS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)


@dataclass
class Outcome:
    """Held-out predictions per article (``(start, end, lat, lon)``), and per resolved mention
    its confidence and whether it was right."""

    preds: list[list[tuple]] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)


def folds(n: int, k: int = FOLDS, seed: int = SEED) -> list[list[int]]:
    """``k`` disjoint lists of article indices covering ``range(n)`` (shuffled, fixed seed)."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    k = max(1, min(k, n))
    return [sorted(order[i::k]) for i in range(k)]


def _gold_hits(article, top):
    return [g for g in article.toponyms if g.counts and g.start < top.end and top.start < g.end]


def _with_coords(hits):
    return next((g for g in hits if g.lat is not None and g.lon is not None), None)


def ranking_groups(article, resolved) -> list[tuple[list[list[float]], int]]:
    """(candidate rows, index of the right candidate) for each toponym of one article that
    overlaps a gold toponym with coordinates and has a candidate within 161 km of it."""
    groups = []
    for top, res in zip(*resolved, strict=True):
        gold = _with_coords(_gold_hits(article, top))
        if gold is None or not res.features or len(top.candidates) < 2:
            continue
        km = [distance_km(gold.lat, gold.lon, p.lat, p.lon) for p in top.candidates]
        right = min(range(len(km)), key=km.__getitem__)
        if km[right] <= KM_161:
            groups.append((res.features, right))
    return groups


def mention_right(article, top, place) -> bool:
    """A resolved mention is right when it overlaps a counted gold toponym and, if that gold
    has coordinates, lies within 161 km of them."""
    hits = _gold_hits(article, top)
    if not hits:
        return False
    gold = _with_coords(hits)
    return gold is None or distance_km(gold.lat, gold.lon, place.lat, place.lon) <= KM_161


def calibration_rows(article, resolved) -> tuple[list[list[float]], list[bool]]:
    rows, right = [], []
    for top, res in zip(*resolved, strict=True):
        if res.place is not None and res.facts is not None:
            rows.append(res.facts)
            right.append(mention_right(article, top, res.place))
    return rows, right


def train(articles, docs, hand_resolved, resolver):
    """A ranker with calibration fit on ``articles`` (their ``docs`` and the hand-set
    resolutions ``hand_resolved``), following the recipe in the module docstring."""
    from newsgraph.pipeline.components.places.learn import fit_calibration, fit_ranker
    from newsgraph.pipeline.components.places.rank import Ranker

    groups = [g for a, r in zip(articles, hand_resolved, strict=True) for g in ranking_groups(a, r)]
    ranker = Ranker(fit_ranker(groups))
    rows, right = [], []
    for article, doc in zip(articles, docs, strict=True):
        r, y = calibration_rows(article, resolver.resolve(doc, ranker=ranker))
        rows += r
        right += y
    return Ranker(ranker.weights, fit_calibration(rows, right))


def cross_validate(articles, docs, resolver, k: int = FOLDS) -> Outcome:
    """Held-out predictions for every article, each from a ranker fit on the other folds."""
    from newsgraph.pipeline.components.places.rank import HAND_RANKER

    hand = [resolver.resolve(doc, ranker=HAND_RANKER) for doc in docs]
    out = Outcome(preds=[[] for _ in articles])
    for held in folds(len(articles), k):
        rest = [i for i in range(len(articles)) if i not in set(held)] or held
        ranker = train(
            [articles[i] for i in rest], [docs[i] for i in rest], [hand[i] for i in rest], resolver
        )
        for i in held:
            toponyms, results = resolver.resolve(docs[i], ranker=ranker)
            out.preds[i] = predictions(toponyms, results)
            out.confidences += [
                (r.confidence, mention_right(articles[i], t, r.place))
                for t, r in zip(toponyms, results, strict=True)
                if r.place is not None
            ]
    return out


def predictions(toponyms, results) -> list[tuple]:
    """``(start, end, lat, lon)`` per toponym, as the scorer reads system output."""
    return [
        (t.start, t.end, r.place.lat if r.place else None, r.place.lon if r.place else None)
        for t, r in zip(toponyms, results, strict=True)
    ]


def reliability(confidences: list[tuple[float, bool]]) -> tuple[float, list[tuple[str, int, float, float]]]:
    """Expected calibration error and the table (bucket, mentions, mean confidence, share right)."""
    table, ece, n = [], 0.0, len(confidences)
    for lo, hi in zip(BUCKETS, BUCKETS[1:]):
        inside = [(c, ok) for c, ok in confidences if lo <= c < hi]
        if not inside:
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        acc = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / n * abs(acc - mean)
        table.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(inside), round(mean, 3), round(acc, 3)))
    return round(ece, 4), table
