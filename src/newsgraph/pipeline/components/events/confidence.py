"""How likely a coded event is to be right: a logistic model over what the coder saw.

The features describe the trigger (which table it came from, whether its row named an
object, verb or noun, its type), the actors found, the modality and whether it sits in
the sentence's main clause. The weights live in resources/events/confidence.json;
``newsgraph eval events --fit-confidence`` refits them on the PLOVER dev half (the recipe),
and ``newsgraph eval events`` cross-validates the fit: weights and the keep threshold are
learned on k-1 folds and scored on the held-out fold.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.pipeline.components.events.features import FEATURES as CONTEXT_FEATURES
from newsgraph.pipeline.components.events.sense import FEATURES as SENSE_FEATURES

WEIGHTS = Path(__file__).resolve().parents[3] / "resources" / "events" / "confidence.json"
TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST",
    "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
)
FEATURES = (
    "bias", "cameo_row", "object_row", "noun", "source", "source_entity", "target", "target_entity",
    "modal_type", "negated", "hypothetical", "future", "reported", "main_clause", *(f"type_{t}" for t in TYPES),
    *CONTEXT_FEATURES, *SENSE_FEATURES,
)
# Not features, though they would score higher on the PLOVER dev half: the position of an
# event in its sentence and the number of rival events. The gold marks one event per
# sentence, so every second event there counts as wrong even when it is right; on news
# those features would drop real events ("as Russia's invasion of Ukraine closes in").


@dataclass(frozen=True)
class Model:
    """Weights per feature name and the threshold below which an event is not kept:
    ``threshold`` in world affairs (and where the article's topic is unknown),
    ``news_threshold`` in an article of ordinary news (the ``off_topic`` feature: sport,
    entertainment, technology, business, domestic politics), where CAMEO verbs are more often
    no event and the precision target is set (docs/events.md, "Confidence")."""

    weights: dict[str, float]
    threshold: float = 0.0
    news_threshold: float | None = None

    def score(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def threshold_for(self, features: dict[str, float]) -> float:
        if self.news_threshold is not None and features.get("off_topic", 0.0) > 0:
            return self.news_threshold
        return self.threshold

    def keeps(self, features: dict[str, float], score: float | None = None) -> bool:
        """Is an event with these features (and this score, else computed) kept?"""
        return (self.score(features) if score is None else score) >= self.threshold_for(features)


@cache
def load(path: str | None = None) -> Model:
    """The shipped model (or the one at ``path``); a missing or broken file fails at build time."""
    from newsgraph.errors import Code, ConfigError

    where = Path(path) if path else WEIGHTS
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
        news = data.get("news_threshold")
        return Model({str(k): float(v) for k, v in data["weights"].items()}, float(data.get("threshold", 0.0)),
                     None if news is None else float(news))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ConfigError(Code.BAD_CONFIG, f"event confidence weights {where}: {err}") from err


def fit(
    rows: list[dict[str, float]], labels: list[bool], l2: float = 1.0, steps: int = 60,
    weights: list[float] | None = None,
) -> dict[str, float]:
    """L2-regularised logistic regression by Newton steps (``weights``: one per row, default
    1); returns weights per feature."""
    import numpy as np

    x = np.array([[row.get(name, 0.0) for name in FEATURES] for row in rows], dtype=float)
    y = np.array(labels, dtype=float)
    s = np.ones(len(rows)) if weights is None else np.array(weights, dtype=float)
    w = np.zeros(len(FEATURES))
    penalty = np.full(len(FEATURES), l2)
    penalty[0] = 1e-6  # the bias is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (s * (p - y)) + penalty * w
        hess = (x * (s * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return {name: round(float(v), 6) for name, v in zip(FEATURES, w, strict=True)}


def save(weights: dict[str, float], threshold: float, note: str, path: Path = WEIGHTS,
         news_threshold: float | None = None) -> None:
    data = {"note": note, "threshold": threshold, "news_threshold": news_threshold, "weights": weights}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
