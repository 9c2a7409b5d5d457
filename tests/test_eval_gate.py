"""The evaluation gate: every task with an entry in the committed baseline is run in full
on ../shared/data and must not fall below any floor, nor run on changed data.

Runs in CI (marker ``data``); skips with a message when ../shared/data is absent. Each
task's wall-clock time is recorded as a ``seconds`` property (see docs/eval.md for the
measured times).
"""

from __future__ import annotations

import pytest

from newsgraph.eval import harness

BASELINE = harness.load_baseline()
_EMPTY = pytest.param(None, marks=pytest.mark.skip(reason="eval/baseline.json has no entries yet"))


@pytest.mark.data
@pytest.mark.parametrize("name", sorted(BASELINE) or [_EMPTY])
def test_eval_gate_floors_hold(name, shared_data, record_property):
    task = harness.load_task(name)
    run = harness.run_task(task, harness.resolve_data(task, None, shared_data))
    record_property("seconds", round(run.seconds, 1))
    verdict = harness.compare(run, BASELINE[name])
    assert not verdict.failed, "\n".join(verdict.messages())
