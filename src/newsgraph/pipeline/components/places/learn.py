"""Fitting the place ranker and its confidence model (training time only; needs numpy).

``fit_ranker`` fits the candidate weights as a conditional logit: for each toponym, the
candidates' feature rows and the index of the right one; the loss is the negative log
softmax share of the right candidate plus an L2 penalty, minimised by Newton's method (the
problem is convex and has ~20 weights). ``fit_calibration`` fits the confidence model as an
L2-penalised logistic regression of "the mention is right" on ``FACT_FEATURES``.
Both are used by ``scripts/train_place_ranker.py`` (all of GeoWebNews) and by
``newsgraph eval geo`` (on the training folds of each cross-validation split).
"""

from __future__ import annotations

from newsgraph.pipeline.components.places.rank import FACT_FEATURES, FEATURES, Ranker

L2_RANKER = 1.0
L2_CALIBRATION = 1.0
ITERATIONS = 40


def fit_ranker(groups: list[tuple[list[list[float]], int]], l2: float = L2_RANKER) -> tuple[float, ...]:
    """Candidate weights (``FEATURES`` order) from ``groups`` of (candidate rows, index of
    the right candidate); groups with one candidate carry no information and are skipped."""
    import numpy as np

    data = [(np.asarray(rows, dtype=float), right) for rows, right in groups if len(rows) > 1]
    w = np.zeros(len(FEATURES))
    for _ in range(ITERATIONS):
        grad = l2 * w
        hess = l2 * np.eye(len(w))
        for x, right in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            grad += x.T @ p - x[right]
            xp = x.T * p
            hess += xp @ x - np.outer(xp.sum(axis=1), xp.sum(axis=1))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return tuple(float(v) for v in w)


def fit_calibration(
    rows: list[list[float]], right: list[bool], l2: float = L2_CALIBRATION
) -> tuple[float, ...]:
    """Confidence weights (``FACT_FEATURES`` order, the first being the bias) from one row
    per resolved mention and whether it was right."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(right, dtype=float)
    w = np.zeros(len(FACT_FEATURES))
    penalty = l2 * np.eye(len(w))
    penalty[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x.T * (p * (1 - p))) @ x + penalty + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return tuple(float(v) for v in w)


def with_calibration(ranker: Ranker, calibration: tuple[float, ...]) -> Ranker:
    return Ranker(ranker.weights, calibration)
