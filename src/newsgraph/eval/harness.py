"""The evaluation harness: load a registered task, run it, compare its report with the
committed baseline (score floors + data hashes), and raise floors without ever lowering
one silently. The CLI (``eval/cli.py``) and the gate test call these functions; nothing
here prints.

Baseline file (``eval/baseline.json``)::

    {"ner": {"data_hash": "3f1c...", "floors": {"f1": 0.812}, "updated": "2026-11-24"}}

A floor is the measured score rounded *down* to three decimals, so a deterministic
evaluation reproduces a score at or above it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import time
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

from newsgraph.errors import Code, EvalError
from newsgraph.eval.report import EvalReport, EvalTask

BASELINE_PATH = Path(__file__).with_name("baseline.json")
FLOOR_PLACES = 3
# src/newsgraph/eval/harness.py -> the repository root is three folders up from eval/.
_REPO = Path(__file__).resolve().parents[3]
DATA_ENV = "NEWSGRAPH_DATA"


# --- tasks -------------------------------------------------------------------------------


def task_names() -> list[str]:
    """The registered task names, sorted (read from ``eval.tasks.TASKS`` at call time)."""
    from newsgraph.eval.tasks import TASKS

    return sorted(TASKS)


def load_task(name: str) -> EvalTask:
    """Import the module registered for ``name`` and return its ``TASK``.

    Raises ``EvalError`` when the name is unknown, the module is missing, or it does not
    define an ``EvalTask`` called ``name``.
    """
    from newsgraph.eval.tasks import TASKS

    module_path = TASKS.get(name)
    if module_path is None:
        raise EvalError(Code.EVAL_DATA, f"no evaluation task {name!r}; known: {', '.join(sorted(TASKS))}")
    try:
        module = importlib.import_module(module_path)
    except ImportError as err:
        raise EvalError(Code.EVAL_DATA, f"task {name!r}: cannot import {module_path}: {err}") from err
    task = getattr(module, "TASK", None)
    if not isinstance(task, EvalTask):
        raise EvalError(Code.EVAL_DATA, f"task {name!r}: {module_path} defines no TASK = EvalTask(...)")
    if task.name != name:
        raise EvalError(Code.EVAL_DATA, f"{module_path} declares task {task.name!r}, registered as {name!r}")
    if not task.option.startswith("--"):
        raise EvalError(
            Code.EVAL_DATA, f"task {name!r}: option must look like '--conll', found {task.option!r}"
        )
    return task


# --- data --------------------------------------------------------------------------------


def default_data_root() -> Path | None:
    """``../shared/data`` next to the repository if it exists, else ``$NEWSGRAPH_DATA``,
    else None."""
    shared = _REPO.parent / "shared" / "data"
    if shared.is_dir():
        return shared
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else None


def resolve_data(task: EvalTask, path: Path | None, data_root: Path | None) -> Path:
    """The data path for ``task``: ``path`` if given, else ``data_root`` (or the default
    root) joined with the task's ``default_path``. Raises ``EvalError`` if it is absent."""
    if path is None:
        root = data_root or default_data_root()
        if root is None:
            raise EvalError(
                Code.EVAL_DATA,
                f"task {task.name!r}: no data given; pass {task.option} PATH or --data-root DIR "
                f"(or set {DATA_ENV})",
            )
        path = root / task.default_path
    if not path.exists():
        raise EvalError(Code.EVAL_DATA, f"task {task.name!r}: evaluation data not found at {path}")
    return path


# --- running -----------------------------------------------------------------------------


@dataclass
class Run:
    """One task's run: its report, wall-clock seconds, and the ``limit`` it ran with."""

    report: EvalReport
    seconds: float
    limit: int | None = None

    @property
    def limited(self) -> bool:
        return self.limit is not None


def run_task(task: EvalTask, path: Path, limit: int | None = None) -> Run:
    """Run ``task`` on ``path`` (the first ``limit`` items when set) and time it."""
    start = time.perf_counter()
    report = task.run(path, limit=limit)
    seconds = time.perf_counter() - start
    if not isinstance(report, EvalReport):
        found = type(report).__name__
        raise EvalError(Code.EVAL_DATA, f"task {task.name!r} returned {found}, not EvalReport")
    return Run(report=report, seconds=seconds, limit=limit)


# --- floors and comparison ---------------------------------------------------------------


def floor_score(value: float, places: int = FLOOR_PLACES) -> float:
    """``value`` rounded down to ``places`` decimals (0.81299 -> 0.812, 0.57 -> 0.57).

    Goes through the shortest decimal repr so binary noise (0.57 * 1000 = 569.999...)
    cannot knock a score one step below itself.
    """
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_FLOOR))


@dataclass(frozen=True)
class Breach:
    """A gated metric below its floor; ``score`` is None when the report lacks the metric."""

    metric: str
    floor: float
    score: float | None

    def describe(self, task: str) -> str:
        if self.score is None:
            return (
                f"{task}: metric {self.metric!r} has a floor of {self.floor:.3f} "
                "but the task no longer reports it"
            )
        return f"{task}: {self.metric} = {self.score:.4f} is below its floor {self.floor:.3f}"


@dataclass
class Verdict:
    """How a run compares with its baseline entry.

    ``state`` is ``ok``, ``failed``, ``no baseline`` or ``limited`` (a ``--limit`` run is
    never compared). A hash mismatch or any breach fails.
    """

    task: str
    state: str
    breaches: list[Breach] = field(default_factory=list)
    expected_hash: str | None = None
    found_hash: str | None = None

    @property
    def failed(self) -> bool:
        return self.state == "failed"

    @property
    def hash_mismatch(self) -> bool:
        return self.expected_hash is not None and self.expected_hash != self.found_hash

    def messages(self) -> list[str]:
        """One line per problem, naming the task and the metric."""
        lines = []
        if self.hash_mismatch:
            lines.append(
                f"{self.task}: data hash {self.found_hash} differs from the baseline's {self.expected_hash} "
                f"(the evaluation data changed; review it, then run `newsgraph eval {self.task} --update`)"
            )
        lines.extend(breach.describe(self.task) for breach in self.breaches)
        return lines


def compare(run: Run, entry: dict[str, Any] | None) -> Verdict:
    """Compare ``run`` with its baseline ``entry`` (None when the task has none yet)."""
    report = run.report
    if run.limited:
        return Verdict(report.task, "limited")
    if entry is None:
        return Verdict(report.task, "no baseline")
    breaches = []
    for metric, floor in sorted(entry.get("floors", {}).items()):
        score = report.scores.get(metric)
        if score is None or score < floor:
            breaches.append(Breach(metric, floor, score))
    expected = entry.get("data_hash")
    verdict = Verdict(report.task, "ok", breaches, expected, report.data_hash)
    if breaches or verdict.hash_mismatch:
        verdict.state = "failed"
    return verdict


# --- updating ----------------------------------------------------------------------------


@dataclass
class Update:
    """What ``--update`` would do to one task's entry.

    ``changes`` maps metric -> (old floor or None, new floor or None); ``drops`` is the
    subset that would lower or remove a floor. ``refused`` when there are drops and
    lowering was not allowed; then ``entry`` must not be written.
    """

    task: str
    entry: dict[str, Any]
    changes: dict[str, tuple[float | None, float | None]]
    drops: dict[str, tuple[float | None, float | None]]
    hash_changed: bool
    refused: bool

    @property
    def changed(self) -> bool:
        return bool(self.changes) or self.hash_changed

    def messages(self) -> list[str]:
        """Readable lines: what moves, what would drop and whether it was refused."""
        lines = []
        for metric, (old, new) in sorted(self.changes.items()):
            verb = "would drop" if metric in self.drops and self.refused else "floor"
            lines.append(f"{self.task}: {metric} {verb} {_fmt(old)} -> {_fmt(new)}")
        if self.hash_changed:
            lines.append(f"{self.task}: data hash -> {self.entry['data_hash']}")
        if self.refused:
            lines.append(f"{self.task}: refusing to lower floors; re-run with --allow-lower to accept")
        return lines


def _fmt(value: float | None) -> str:
    return "(none)" if value is None else f"{value:.3f}"


def plan_update(
    run: Run, entry: dict[str, Any] | None, *, allow_lower: bool = False, today: str | None = None
) -> Update:
    """The new baseline entry for ``run``: a floor for every gated score, never lower than
    before unless ``allow_lower`` (a floor that disappears counts as lowered). Raises
    ``EvalError`` for a ``--limit`` run."""
    report = run.report
    if run.limited:
        raise EvalError(Code.EVAL_DATA, f"{report.task}: a --limit run is never written to the baseline")
    old_floors: dict[str, float] = dict((entry or {}).get("floors", {}))
    new_floors = {metric: floor_score(score) for metric, score in report.gated_scores().items()}
    changes: dict[str, tuple[float | None, float | None]] = {}
    for metric in sorted(set(old_floors) | set(new_floors)):
        old, new = old_floors.get(metric), new_floors.get(metric)
        if old != new:
            changes[metric] = (old, new)
    drops = {
        m: (old, new) for m, (old, new) in changes.items() if old is not None and (new is None or new < old)
    }
    hash_changed = entry is not None and entry.get("data_hash") != report.data_hash
    refused = bool(drops) and not allow_lower
    unchanged = entry is not None and not changes and not hash_changed
    updated = entry["updated"] if unchanged else (today or dt.datetime.now(dt.UTC).date().isoformat())
    floors = dict(sorted(new_floors.items()))
    new_entry = {"data_hash": report.data_hash, "floors": floors, "updated": updated}
    return Update(report.task, new_entry, changes, drops, hash_changed, refused)


# --- the baseline file -------------------------------------------------------------------


def load_baseline(path: Path = BASELINE_PATH) -> dict[str, dict[str, Any]]:
    """The baseline table (task -> entry); empty when the file does not exist yet."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise EvalError(Code.EVAL_DATA, f"baseline file {path} is not valid JSON: {err}") from err
    if not isinstance(data, dict) or not all(isinstance(v, dict) and "floors" in v for v in data.values()):
        expected = "{task: {data_hash, floors, updated}}"
        raise EvalError(Code.EVAL_DATA, f"baseline file {path}: expected {expected}")
    return data


def save_baseline(baseline: dict[str, dict[str, Any]], path: Path = BASELINE_PATH) -> None:
    """Write the table with sorted keys (small diffs in review), atomically: a reader never
    sees half a file."""
    text = json.dumps(baseline, indent=2, sort_keys=True) + "\n"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def apply_updates(
    runs: dict[str, Run], *, allow_lower: bool = False, path: Path = BASELINE_PATH
) -> dict[str, Update]:
    """Plan each run's update against the baseline file as it is *now* and write the allowed ones.

    Evaluations take minutes; the file is re-read just before writing so that an update
    someone else wrote meanwhile is neither lost (other tasks' entries are kept) nor
    lowered (their higher floor makes ours a refused drop). Returns task -> ``Update``.
    """
    baseline = load_baseline(path)
    updates = {name: plan_update(r, baseline.get(name), allow_lower=allow_lower) for name, r in runs.items()}
    writable = {name: u.entry for name, u in updates.items() if u.changed and not u.refused}
    if writable:
        save_baseline({**baseline, **writable}, path)
    return updates
