"""The shape every evaluation task shares: a task definition and the report it returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class EvalTask:
    """One evaluation: ``name`` (``ner``), the CLI option naming its data (``--conll``),
    the default data path relative to the data root (``ner/conll2003/eng.testa``), and
    ``run(path, limit=None) -> EvalReport``."""

    name: str
    description: str
    option: str
    default_path: str
    run: Callable[..., EvalReport]


@dataclass
class EvalReport:
    """Scores for newsgraph (``scores``, gated by the baseline file) and, side by side,
    the same metrics for each comparison system (``baselines``: system -> metric -> value).
    ``data_hash`` fingerprints the evaluation data so a changed file cannot silently
    change a score. ``notes`` are lines printed under the table. ``gated`` names the
    scores that get a floor in the baseline file; the others are shown but never fail a
    check. Floors suit higher-is-better scores, so with ``gated=None`` every score is gated
    except those whose name contains ``error`` (``median_error_km``: lower is better)."""

    task: str
    data: str
    data_hash: str
    scores: dict[str, float]
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    gated: tuple[str, ...] | None = None

    def gated_scores(self) -> dict[str, float]:
        """The scores that carry a floor: those named in ``gated``, else every score whose
        name does not contain ``error``."""
        if self.gated is None:
            return {metric: value for metric, value in self.scores.items() if "error" not in metric}
        return {metric: self.scores[metric] for metric in self.gated if metric in self.scores}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """``(precision, recall, F1)`` of ``tp`` correct predictions out of ``n_pred``
    predicted and ``n_gold`` annotated; a ratio with nothing to divide by is 0.0."""
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return precision, recall, f1(precision, recall)


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall`` (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def data_fingerprint(paths: list[Path], key=None) -> str:
    """A sha256 over the names and bytes of ``paths`` (sorted, by ``key`` if given), for the
    baseline file."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(paths, key=key):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
