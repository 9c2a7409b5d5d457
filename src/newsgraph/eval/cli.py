"""``newsgraph eval``: score extractors on annotated data (see docs/eval.md).

One subcommand per task registered in ``eval.tasks.TASKS``, plus ``all``. The group is
lazy: listing commands (``newsgraph eval --help``) reads TASKS and peeks at each task
module's source without importing it; a task's module is imported only when its own
command is resolved. Every task command takes its data as ``--data PATH``, and also under
the task's own option name (``--conll`` for ner), read from its ``EvalTask.option`` when
the command is built. The command parses flags and calls ``eval.harness``; the harness
does the work.
"""

from __future__ import annotations

import ast
import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from newsgraph.errors import EvalError
from newsgraph.eval import harness
from newsgraph.eval.report import EvalTask

# The flags every task command and `all` share, declared once.
_COMMON = [
    click.Option(
        ["--limit"],
        type=click.IntRange(min=1),
        help="Score only the first N items (development; never compared with or written to the baseline).",
    ),
    click.Option(["--json", "as_json"], is_flag=True, help="Print a JSON report instead of tables."),
    click.Option(
        ["--check"],
        is_flag=True,
        help="Exit 1 if a gated score is below its floor or the data hash differs from the baseline's.",
    ),
    click.Option(["--update"], is_flag=True, help="Raise the floors to the new scores (never lowers one)."),
    click.Option(["--allow-lower"], is_flag=True, help="With --update: accept floors that drop."),
    click.Option(
        ["--data-root"],
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder holding every task's default data (default: ../shared/data next to the repo, "
        "else $NEWSGRAPH_DATA).",
    ),
    click.Option(
        ["--baseline", "baseline_path"],
        type=click.Path(dir_okay=False, path_type=Path),
        default=harness.BASELINE_PATH,
        show_default="eval/baseline.json",
        help="The baseline file to compare with and update.",
    ),
]
_RESERVED = {decl for option in _COMMON for decl in option.opts}


class _TaskGroup(click.Group):
    """A group whose task commands come from TASKS, built when they are asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return harness.task_names() + sorted(self.commands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in harness.task_names():
            return None
        try:
            task = harness.load_task(cmd_name)
        except EvalError as err:
            raise click.ClickException(str(err)) from err
        return _task_command(task)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _peek_description(name)) for name in harness.task_names()]
        rows += [(name, cmd.get_short_help_str(60)) for name, cmd in sorted(self.commands.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _peek_description(name: str) -> str:
    """The task's description read from its module's source without importing it
    ('' when the module is missing or builds its TASK dynamically)."""
    from newsgraph.eval.tasks import TASKS

    try:
        spec = importlib.util.find_spec(TASKS[name])
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return "(module not found)"
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        call = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "EvalTask":
            args = {kw.arg: kw.value for kw in call.keywords}
            value = args.get("description", call.args[1] if len(call.args) > 1 else None)
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value.split(". ")[0]
    return ""


@click.group(cls=_TaskGroup)
def eval_group() -> None:
    """Score newsgraph on annotated data and check the committed baseline.

    Each task command takes its data as --data PATH (or the task's own option, e.g.
    --conll for ner); without it, the task's default path under --data-root is used.
    """


def _task_command(task: EvalTask) -> click.Command:
    decls = ["--data"] if task.option == "--data" else [task.option, "--data"]
    if set(decls) & _RESERVED:
        raise click.ClickException(
            f"task {task.name!r}: option {task.option} clashes with a common eval flag"
        )
    data = click.Option(
        ["data", *decls],
        type=click.Path(exists=True, path_type=Path),
        help=f"The task's data (default: <data root>/{task.default_path}).",
    )

    def callback(data: Path | None, **flags: Any) -> None:
        _execute([task.name], {task.name: data}, **flags)

    return click.Command(task.name, callback=callback, params=[data, *_COMMON], help=task.description)


@eval_group.command("all", params=list(_COMMON))
def eval_all(**flags: Any) -> None:
    """Run every registered task on its default data under --data-root."""
    _execute(harness.task_names(), {}, **flags)


# --- running and reporting -----------------------------------------------------------------


@dataclass
class _Outcome:
    """One task's result for display: the run and verdict, or the error that stopped it."""

    name: str
    run: harness.Run | None = None
    verdict: harness.Verdict | None = None
    entry: dict[str, Any] | None = None
    update: harness.Update | None = None
    error: str | None = None
    problems: list[str] = field(default_factory=list)


def _execute(
    names: list[str],
    paths: dict[str, Path | None],
    *,
    limit: int | None,
    as_json: bool,
    check: bool,
    update: bool,
    allow_lower: bool,
    data_root: Path | None,
    baseline_path: Path,
) -> None:
    """Run ``names``, report, check or update the baseline; exits 1 on any failure."""
    if limit is not None and (check or update):
        raise click.UsageError(
            "--limit runs are never compared with or written to the baseline; drop --check/--update"
        )
    if check and update:
        raise click.UsageError("give --check or --update, not both")
    if allow_lower and not update:
        raise click.UsageError("--allow-lower only applies with --update")
    try:
        baseline = harness.load_baseline(baseline_path)
    except EvalError as err:
        raise click.ClickException(str(err)) from err
    outcomes = [_run_one(name, paths.get(name), data_root, limit, baseline) for name in names]
    if update:
        runs = {o.name: o.run for o in outcomes if o.run is not None}
        updates = harness.apply_updates(runs, allow_lower=allow_lower, path=baseline_path)
        for outcome in outcomes:
            outcome.update = updates.get(outcome.name)
    failed = _report(outcomes, as_json=as_json, check=check, baseline_path=baseline_path)
    if failed:
        raise SystemExit(1)


def _run_one(
    name: str, path: Path | None, data_root: Path | None, limit: int | None, baseline: dict[str, Any]
) -> _Outcome:
    outcome = _Outcome(name, entry=baseline.get(name))
    try:
        task = harness.load_task(name)
        outcome.run = harness.run_task(task, harness.resolve_data(task, path, data_root), limit)
    except EvalError as err:
        outcome.error = str(err)
        return outcome
    except Exception as err:  # noqa: BLE001 - reported with its type, and the exit code is 1
        outcome.error = f"{name}: the task raised {type(err).__name__}: {err}"
        return outcome
    outcome.verdict = harness.compare(outcome.run, outcome.entry)
    return outcome


def _report(outcomes: list[_Outcome], *, as_json: bool, check: bool, baseline_path: Path) -> bool:
    """Print every outcome and the closing summary; returns True when the command fails."""
    problems: list[str] = []
    for o in outcomes:
        if o.error:
            problems.append(o.error)
        if check and o.verdict and o.verdict.failed:
            problems.extend(o.verdict.messages())
        if o.update and o.update.refused:
            problems.extend(o.update.messages())
    if as_json:
        doc = {"ok": not problems, "problems": problems, "tasks": [_outcome_dict(o) for o in outcomes]}
        click.echo(json.dumps(doc, indent=2, sort_keys=True))
    else:
        _print_tables(outcomes, baseline_path)
    for line in problems:
        click.echo(f"FAIL {line}", err=True)
    if check:
        for o in outcomes:
            if o.verdict and o.verdict.state == "no baseline":
                note = f"NOTE {o.name}: no baseline entry yet (not gated; add one with --update)"
                click.echo(note, err=True)
    return bool(problems)


def _outcome_dict(o: _Outcome) -> dict[str, Any]:
    out: dict[str, Any] = {"task": o.name, "error": o.error, "baseline": o.entry}
    if o.run:
        r = o.run.report
        out.update(data=r.data, data_hash=r.data_hash, scores=r.scores, systems=r.baselines,
                   counts=r.counts, notes=r.notes, seconds=round(o.run.seconds, 2), limit=o.run.limit)
    if o.verdict:
        out["status"] = o.verdict.state
        out["failures"] = o.verdict.messages()
    if o.update:
        out["update"] = {"entry": o.update.entry, "refused": o.update.refused, "changes": o.update.messages()}
    return out


def _print_tables(outcomes: list[_Outcome], baseline_path: Path) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    for o in outcomes:
        if o.run is None:
            console.print(f"[bold]{o.name}[/]: [red]error[/] {o.error}\n")
            continue
        console.print(_table(o))
        for line in _footer(o, baseline_path):
            console.print(line)
        console.print()
    if len(outcomes) > 1:
        console.print(_summary(outcomes))


def _table(o: _Outcome):
    from rich.table import Table

    report, floors = o.run.report, (o.entry or {}).get("floors", {})
    breached = {b.metric for b in (o.verdict.breaches if o.verdict else [])}
    systems = list(report.baselines)
    table = Table(title=f"{report.task}  ({o.run.seconds:.1f} s)", title_justify="left")
    table.add_column("metric")
    table.add_column("newsgraph", justify="right", style="bold")
    table.add_column("floor", justify="right")
    for system in systems:
        table.add_column(system, justify="right")
    others = {m for s in systems for m in report.baselines[s]} - set(report.scores)
    metrics = list(report.scores) + sorted(others)
    gated = report.gated_scores()
    for metric in metrics:
        score = report.scores.get(metric)
        floor = floors.get(metric)
        floor_text = "" if floor is None else f"[red]{floor:.3f}[/]" if metric in breached else f"{floor:.3f}"
        if floor is None and score is not None and metric not in gated:
            floor_text = "[dim]not gated[/]"
        cells = [_num(report.baselines[s].get(metric)) for s in systems]
        table.add_row(metric, _num(score), floor_text, *cells)
    return table


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _footer(o: _Outcome, baseline_path: Path) -> list[str]:
    report = o.run.report
    lines = [f"data: {report.data}  (hash {report.data_hash})"]
    if report.counts:
        lines.append("counts: " + ", ".join(f"{k} {v:,}" for k, v in report.counts.items()))
    lines.extend(f"note: {note}" for note in report.notes)
    state = o.verdict.state if o.verdict else "?"
    colour = {"ok": "green", "failed": "red"}.get(state, "yellow")
    detail = {
        "limited": f" (--limit {o.run.limit}: not compared)",
        "no baseline": f" (no entry in {baseline_path.name})",
    }
    lines.append(f"baseline: [{colour}]{state}[/]{detail.get(state, '')}")
    if o.verdict:
        lines.extend(f"  [red]{m}[/]" for m in o.verdict.messages())
    if o.update:
        lines.extend(f"  update: {m}" for m in o.update.messages() or [f"{o.name}: floors unchanged"])
    return lines


def _summary(outcomes: list[_Outcome]):
    from rich.table import Table

    table = Table(title="summary", title_justify="left")
    for column in ("task", "status", "seconds"):
        table.add_column(column)
    for o in outcomes:
        status = "error" if o.error else o.verdict.state
        table.add_row(o.name, status, f"{o.run.seconds:.1f}" if o.run else "")
    return table
