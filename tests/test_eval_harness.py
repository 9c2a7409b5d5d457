"""The evaluation harness and the ``newsgraph eval`` CLI, with fake tasks injected.

Fake tasks read a small JSON file (their "data") holding the scores and data hash to
report, so a test changes a score by rewriting that file.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.errors import EvalError
from newsgraph.eval import harness
from newsgraph.eval.report import EvalReport

REPO = Path(__file__).resolve().parents[1]
_COUNTER = itertools.count()

FAKE_TASK = '''
import json
from pathlib import Path
from newsgraph.eval.report import EvalReport, EvalTask

def run(path, limit=None):
    data = json.loads(Path(path).read_text())
    if data.get("raise"):
        raise RuntimeError("the fake task broke")
    return EvalReport(task={name!r}, data=str(path), data_hash=data["hash"], scores=data["scores"],
                      baselines=data.get("systems", {{}}), counts={{"items": limit or 10}}, notes=["fake"])

TASK = EvalTask(name={name!r}, description="Fake {name} task. Used by tests.", option={option!r},
                default_path="{name}/data.json", run=run)
'''


def _report(scores, data_hash="h1", task="ner"):
    return EvalReport(task=task, data="d", data_hash=data_hash, scores=scores)


def _run(scores, data_hash="h1", limit=None):
    return harness.Run(_report(scores, data_hash), seconds=0.1, limit=limit)


# --- floors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "floor"),
    [(0.81299, 0.812), (0.57, 0.57), (0.8, 0.8), (1.0, 1.0), (0.0, 0.0), (0.9999, 0.999), (0.1 + 0.2, 0.3)],
)
def test_eval_harness_floor_rounds_down(value, floor):
    assert harness.floor_score(value) == floor


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_eval_harness_floor_is_reproduced_by_its_score(value):
    floor = harness.floor_score(value)
    assert floor <= value < floor + 0.001 + 1e-9


# --- comparison ------------------------------------------------------------------------------


def test_eval_harness_compare_at_floor_is_ok():
    entry = {"data_hash": "h1", "floors": {"f1": 0.812}, "updated": "2026-01-01"}
    verdict = harness.compare(_run({"f1": 0.8129}), entry)
    assert verdict.state == "ok" and not verdict.messages()


def test_eval_harness_compare_names_task_and_metric_below_floor():
    entry = {"data_hash": "h1", "floors": {"f1": 0.812, "precision": 0.5}, "updated": "2026-01-01"}
    verdict = harness.compare(_run({"f1": 0.8, "precision": 0.9}), entry)
    assert verdict.failed
    assert [b.metric for b in verdict.breaches] == ["f1"]
    assert "ner: f1 = 0.8000 is below its floor 0.812" in verdict.messages()


def test_eval_harness_compare_fails_on_missing_metric():
    entry = {"data_hash": "h1", "floors": {"f1": 0.5}, "updated": "2026-01-01"}
    verdict = harness.compare(_run({"recall": 0.9}), entry)
    assert verdict.failed and "no longer reports" in verdict.messages()[0]


def test_eval_harness_compare_fails_on_hash_mismatch():
    entry = {"data_hash": "h1", "floors": {"f1": 0.5}, "updated": "2026-01-01"}
    verdict = harness.compare(_run({"f1": 0.9}, data_hash="h2"), entry)
    assert verdict.failed and verdict.hash_mismatch
    assert "data hash h2 differs from the baseline's h1" in verdict.messages()[0]


def test_eval_harness_compare_without_entry_or_with_limit_is_not_a_failure():
    assert harness.compare(_run({"f1": 0.1}), None).state == "no baseline"
    entry = {"data_hash": "h1", "floors": {"f1": 0.5}, "updated": "2026-01-01"}
    limited = harness.compare(_run({"f1": 0.1}, data_hash="other", limit=5), entry)
    assert limited.state == "limited" and not limited.failed


# --- updating --------------------------------------------------------------------------------


def test_eval_harness_update_raises_floors_rounded_down():
    entry = {"data_hash": "h1", "floors": {"f1": 0.7}, "updated": "2026-01-01"}
    plan = harness.plan_update(_run({"f1": 0.81299, "recall": 0.5}), entry, today="2026-02-02")
    assert not plan.refused
    assert plan.entry == {"data_hash": "h1", "floors": {"f1": 0.812, "recall": 0.5}, "updated": "2026-02-02"}


def test_eval_harness_update_refuses_to_lower_and_says_what_would_drop():
    entry = {"data_hash": "h1", "floors": {"f1": 0.812, "recall": 0.4}, "updated": "2026-01-01"}
    plan = harness.plan_update(_run({"f1": 0.8, "recall": 0.6}), entry)
    assert plan.refused and set(plan.drops) == {"f1"}
    text = "\n".join(plan.messages())
    assert "f1 would drop 0.812 -> 0.800" in text and "--allow-lower" in text


def test_eval_harness_update_treats_a_vanished_metric_as_a_drop():
    entry = {"data_hash": "h1", "floors": {"f1": 0.8, "old": 0.3}, "updated": "2026-01-01"}
    plan = harness.plan_update(_run({"f1": 0.9}), entry)
    assert plan.refused and plan.drops == {"old": (0.3, None)}
    allowed = harness.plan_update(_run({"f1": 0.9}), entry, allow_lower=True, today="2026-03-03")
    assert not allowed.refused and allowed.entry["floors"] == {"f1": 0.9}


def test_eval_harness_update_allows_lower_when_told():
    entry = {"data_hash": "h1", "floors": {"f1": 0.812}, "updated": "2026-01-01"}
    plan = harness.plan_update(_run({"f1": 0.8}, data_hash="h2"), entry, allow_lower=True, today="2026-02-02")
    assert not plan.refused and plan.hash_changed
    assert plan.entry == {"data_hash": "h2", "floors": {"f1": 0.8}, "updated": "2026-02-02"}


def test_eval_harness_update_keeps_the_date_when_nothing_moves():
    entry = {"data_hash": "h1", "floors": {"f1": 0.812}, "updated": "2026-01-01"}
    plan = harness.plan_update(_run({"f1": 0.8125}), entry, today="2026-05-05")
    assert not plan.changed and plan.entry == entry


def test_eval_harness_update_refuses_a_limited_run():
    with pytest.raises(EvalError, match="--limit"):
        harness.plan_update(_run({"f1": 0.9}, limit=3), None)


# --- files and tasks -------------------------------------------------------------------------


def test_eval_harness_baseline_round_trips(tmp_path):
    path = tmp_path / "baseline.json"
    assert harness.load_baseline(path) == {}
    table = {"ner": {"data_hash": "h", "floors": {"f1": 0.5}, "updated": "2026-01-01"}}
    harness.save_baseline(table, path)
    assert harness.load_baseline(path) == table


def test_eval_harness_rejects_a_malformed_baseline(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text('{"ner": {"f1": 0.5}}')
    with pytest.raises(EvalError, match="expected"):
        harness.load_baseline(path)


def test_eval_harness_committed_baseline_is_well_formed():
    table = harness.load_baseline()
    for name, entry in table.items():
        assert name in harness.task_names(), f"baseline names unregistered task {name!r}"
        assert set(entry) == {"data_hash", "floors", "updated"}
        assert all(harness.floor_score(v) == v for v in entry["floors"].values())


def test_eval_harness_load_task_errors_name_the_problem(monkeypatch):
    monkeypatch.setattr("newsgraph.eval.tasks.TASKS", {"ghost": "no_such_module_xyz"})
    with pytest.raises(EvalError, match="cannot import no_such_module_xyz"):
        harness.load_task("ghost")
    with pytest.raises(EvalError, match="no evaluation task 'other'"):
        harness.load_task("other")


# --- the CLI ---------------------------------------------------------------------------------


@pytest.fixture
def fake_tasks(tmp_path, monkeypatch):
    """Registers fake tasks ``ner`` (--conll) and ``quotes`` (--polnear) whose data files
    live under ``tmp_path/data``; returns a writer for a task's data file."""
    (tmp_path / "mods").mkdir()
    registry = {}
    for name, option in (("ner", "--conll"), ("quotes", "--polnear")):
        module = f"fake_eval_{name}_{next(_COUNTER)}"
        (tmp_path / "mods" / f"{module}.py").write_text(FAKE_TASK.format(name=name, option=option))
        registry[name] = module
    monkeypatch.syspath_prepend(str(tmp_path / "mods"))
    monkeypatch.setattr("newsgraph.eval.tasks.TASKS", registry)

    def write(name, scores, data_hash="h1", **extra):
        path = tmp_path / "data" / name / "data.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"scores": scores, "hash": data_hash, **extra}))
        return path

    write.root = tmp_path / "data"
    write.baseline = tmp_path / "baseline.json"
    write.registry = registry
    return write


def _invoke(fake_tasks, *args):
    from newsgraph.eval.cli import eval_group

    return CliRunner().invoke(eval_group, [*args, "--baseline", str(fake_tasks.baseline)])


def test_eval_cli_help_lists_tasks_without_importing_them(fake_tasks):
    from newsgraph.eval.cli import eval_group

    result = CliRunner().invoke(eval_group, ["--help"])
    assert result.exit_code == 0
    assert "ner" in result.output and "Fake quotes task" in result.output and "all" in result.output
    assert not any(module in sys.modules for module in fake_tasks.registry.values())


def test_eval_cli_accepts_the_task_option_and_data(fake_tasks):
    path = fake_tasks("ner", {"f1": 0.9}, systems={"spacy": {"f1": 0.7}})
    for option in ("--conll", "--data"):
        result = _invoke(fake_tasks, "ner", option, str(path))
        assert result.exit_code == 0, result.output
        assert "spacy" in result.output and "no baseline" in result.output


def test_eval_cli_check_fails_below_floor_naming_task_and_metric(fake_tasks):
    path = fake_tasks("ner", {"f1": 0.9123})
    assert _invoke(fake_tasks, "ner", "--conll", str(path), "--update").exit_code == 0
    assert json.loads(fake_tasks.baseline.read_text())["ner"]["floors"] == {"f1": 0.912}
    assert _invoke(fake_tasks, "ner", "--conll", str(path), "--check").exit_code == 0
    fake_tasks("ner", {"f1": 0.85})
    result = _invoke(fake_tasks, "ner", "--conll", str(path), "--check")
    assert result.exit_code == 1
    assert "FAIL ner: f1 = 0.8500 is below its floor 0.912" in result.stderr


def test_eval_cli_check_fails_on_changed_data(fake_tasks):
    path = fake_tasks("ner", {"f1": 0.9})
    _invoke(fake_tasks, "ner", "--data", str(path), "--update")
    fake_tasks("ner", {"f1": 0.95}, data_hash="h2")
    result = _invoke(fake_tasks, "ner", "--data", str(path), "--check")
    assert result.exit_code == 1 and "data hash h2 differs" in result.stderr


def test_eval_cli_update_refuses_to_lower_unless_allowed(fake_tasks):
    path = fake_tasks("ner", {"f1": 0.9})
    _invoke(fake_tasks, "ner", "--data", str(path), "--update")
    before = fake_tasks.baseline.read_text()
    fake_tasks("ner", {"f1": 0.8})
    refused = _invoke(fake_tasks, "ner", "--data", str(path), "--update")
    assert refused.exit_code == 1 and "f1 would drop 0.900 -> 0.800" in refused.stderr
    assert fake_tasks.baseline.read_text() == before
    allowed = _invoke(fake_tasks, "ner", "--data", str(path), "--update", "--allow-lower")
    assert allowed.exit_code == 0
    assert json.loads(fake_tasks.baseline.read_text())["ner"]["floors"] == {"f1": 0.8}


def test_eval_cli_limited_runs_never_touch_the_baseline(fake_tasks):
    path = fake_tasks("ner", {"f1": 0.9})
    for flag in ("--check", "--update"):
        result = _invoke(fake_tasks, "ner", "--data", str(path), "--limit", "2", flag)
        assert result.exit_code == 2 and "--limit" in result.output
    result = _invoke(fake_tasks, "ner", "--data", str(path), "--limit", "2", "--json")
    assert result.exit_code == 0 and not fake_tasks.baseline.exists()
    (task,) = json.loads(result.stdout)["tasks"]
    assert task["status"] == "limited" and task["limit"] == 2 and task["counts"] == {"items": 2}


def test_eval_cli_all_runs_every_task_under_the_data_root(fake_tasks):
    fake_tasks("ner", {"f1": 0.9})
    fake_tasks("quotes", {"f1": 0.4, "speaker_acc": 0.7})
    result = _invoke(fake_tasks, "all", "--data-root", str(fake_tasks.root), "--update")
    assert result.exit_code == 0, result.output
    assert set(json.loads(fake_tasks.baseline.read_text())) == {"ner", "quotes"}
    result = _invoke(fake_tasks, "all", "--data-root", str(fake_tasks.root), "--check", "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["ok"]
    assert [t["status"] for t in report["tasks"]] == ["ok", "ok"]


def test_eval_cli_all_reports_missing_data_and_broken_tasks(fake_tasks):
    fake_tasks("quotes", {"f1": 0.4}, **{"raise": True})
    result = _invoke(fake_tasks, "all", "--data-root", str(fake_tasks.root))
    assert result.exit_code == 1
    assert "task 'ner': evaluation data not found" in result.stderr
    assert "quotes: the task raised RuntimeError: the fake task broke" in result.stderr


def test_eval_cli_check_lists_tasks_without_baseline_but_passes(fake_tasks):
    fake_tasks("ner", {"f1": 0.9})
    fake_tasks("quotes", {"f1": 0.4})
    _invoke(fake_tasks, "ner", "--data-root", str(fake_tasks.root), "--update")
    result = _invoke(fake_tasks, "all", "--data-root", str(fake_tasks.root), "--check", "--json")
    assert result.exit_code == 0
    assert {t["task"]: t["status"] for t in json.loads(result.stdout)["tasks"]} == {
        "ner": "ok",
        "quotes": "no baseline",
    }


def test_eval_cli_reports_an_unimportable_task(fake_tasks, monkeypatch):
    monkeypatch.setitem(fake_tasks.registry, "geo", "no_such_module_xyz")
    result = _invoke(fake_tasks, "geo")
    assert result.exit_code == 1 and "cannot import no_such_module_xyz" in result.output


def test_eval_cli_rejects_a_task_option_that_clashes(tmp_path, monkeypatch):
    from newsgraph.eval.cli import eval_group

    (tmp_path / "clash_task_mod.py").write_text(FAKE_TASK.format(name="ner", option="--limit"))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("newsgraph.eval.tasks.TASKS", {"ner": "clash_task_mod"})
    result = CliRunner().invoke(eval_group, ["ner"])
    assert result.exit_code == 1 and "clashes" in result.output


# --- documentation ---------------------------------------------------------------------------


def test_eval_docs_name_every_task_and_flag():
    from newsgraph.eval.cli import _COMMON

    doc = (REPO / "docs" / "eval.md").read_text(encoding="utf-8")
    missing = [f"task {name}" for name in harness.task_names() if f"`{name}`" not in doc]
    missing += [opt for option in _COMMON for opt in option.opts if opt not in doc]
    assert not missing, f"docs/eval.md does not mention: {', '.join(missing)}"



def test_eval_harness_update_floors_only_gated_scores():
    scores = {"f1": 0.9, "recall": 0.4}
    report = EvalReport(task="ner", data="d", data_hash="h1", scores=scores, gated=("f1",))
    plan = harness.plan_update(harness.Run(report, 0.1), None, today="2026-01-01")
    assert plan.entry["floors"] == {"f1": 0.9}


def test_eval_harness_update_never_floors_error_metrics_by_default():
    scores = {"acc_161km": 0.7, "median_error_km": 12.5}
    report = EvalReport(task="geo", data="d", data_hash="h1", scores=scores)
    plan = harness.plan_update(harness.Run(report, 0.1), None, today="2026-01-01")
    assert plan.entry["floors"] == {"acc_161km": 0.7}


def test_eval_harness_registered_tasks_load_with_distinct_options():
    from newsgraph.eval.cli import _RESERVED

    tasks = [harness.load_task(name) for name in harness.task_names()]
    options = [t.option for t in tasks if t.option != "--data"]
    assert len(options) == len(set(options)) and not set(options) & _RESERVED
    assert "all" not in harness.task_names()


def test_eval_cli_is_mounted_on_newsgraph():
    from newsgraph.cli import main

    result = CliRunner().invoke(main, ["eval", "--help"])
    assert result.exit_code == 0 and "all" in result.output


def test_eval_harness_update_rereads_the_file_before_writing(tmp_path):
    path = tmp_path / "baseline.json"
    # Written by someone else while our evaluation ran: a higher ner floor and a new task.
    theirs = {
        "ner": {"data_hash": "h1", "floors": {"f1": 0.95}, "updated": "2026-01-02"},
        "dates": {"data_hash": "d", "floors": {"value_f1": 0.78}, "updated": "2026-01-02"},
    }
    harness.save_baseline(theirs, path)
    updates = harness.apply_updates({"ner": _run({"f1": 0.9})}, path=path)
    assert updates["ner"].refused and harness.load_baseline(path) == theirs
    updates = harness.apply_updates({"ner": _run({"f1": 0.97})}, path=path)
    table = harness.load_baseline(path)
    assert table["ner"]["floors"] == {"f1": 0.97} and table["dates"] == theirs["dates"]
    assert not (tmp_path / "baseline.json.tmp").exists()
