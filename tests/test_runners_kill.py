"""Nothing outlives a killed run: kill -9 (or a plain kill) of ``newsgraph ingest`` leaves
no worker process and no resource tracker behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from newsgraph.runners import lifeline
from tests.fixtures.corpus import generate

psutil = pytest.importorskip("psutil", reason="psutil (newsgraph[dev]) lists the child processes")

from tests.fixtures.ingest_run import Run, alive, cmdline, survivors  # noqa: E402 - needs psutil

BACKBONE = Path(__file__).parent / "fixtures" / "corpus" / "backbone.toml"
GONE_WITHIN = 5.0  # seconds after the kill by which every child must have ended


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_runners_kill_leaves_no_process_behind(tmp_path, signum):
    folder = tmp_path / "in"
    generate.write(folder, 400)
    run = Run([str(folder), "--db", str(tmp_path / "db.duckdb"), "--workers", "2", "--batch-size", "2",
               "--config", str(BACKBONE), "--no-joins"])  # fmt: skip
    children: list = []
    try:
        run.wait_for(lambda: len(run.workers()) >= 2, "two worker processes")
        # Analysed documents show that the workers are past their start-up (imports, then
        # the lifeline request); a worker killed before that exits once it gets there.
        run.wait_for(lambda: run.written > 0, "written documents")
        children = run.children()
        assert any("resource_tracker" in cmdline(c) for c in children), [cmdline(c) for c in children]
        os.kill(run.proc.pid, signum)
        run.proc.wait(60)
        assert survivors(children, GONE_WITHIN) == []
        if signum == signal.SIGTERM:  # stopped like Ctrl-C: by the handler, not by the signal
            assert run.proc.returncode == 1, "".join(run.lines)[-2000:]
    finally:
        run.cleanup(children)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_runners_kill_ray_driver_leaves_no_ray_process_behind(tmp_path, signum):
    """``--engine ray`` starting its own local Ray: killing the driver ends that Ray too."""
    pytest.importorskip("ray")
    folder = tmp_path / "in"
    generate.write(folder, 200)
    run = Run([str(folder), "--db", str(tmp_path / "db.duckdb"), "--engine", "ray", "--batch-size", "2",
               "--config", str(BACKBONE), "--no-joins"], env={**os.environ, "RAY_ADDRESS": "local"})  # fmt: skip
    children: list = []
    try:
        run.wait_for(lambda: any("Analyse" in cmdline(c) for c in run.children()), "a Ray analysis actor")
        children = run.children()
        assert any("raylet" in cmdline(c) for c in children), [cmdline(c)[:80] for c in children]
        os.kill(run.proc.pid, signum)
        run.proc.wait(120)  # SIGTERM: the driver stops its Ray itself first (ray.shutdown at exit)
        assert survivors(children, GONE_WITHIN) == []
    finally:
        run.cleanup(children)


def test_runners_kill_an_orphan_exits_at_once():
    """A child whose parent is already gone when it asks for the lifeline exits at once."""
    code = f"from newsgraph.runners import lifeline; lifeline.die_with_parent({os.getpid() + 10**6}); print('alive')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (lifeline.ORPHANED, "")


def test_runners_kill_the_parent_death_signal_ends_a_child():
    """The lifeline itself: the grandchild dies when its parent (the middle process) is killed."""
    code = (
        "import os, subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import os, time; from newsgraph.runners import lifeline; "
        "lifeline.die_with_parent(os.getppid()); print(os.getpid(), flush=True); time.sleep(600)'], "
        "stdout=subprocess.PIPE, text=True)\n"
        "print(child.stdout.readline().strip(), flush=True)\n"
        "time.sleep(600)\n"
    )
    middle = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    grandchild = None
    try:
        grandchild = psutil.Process(int(middle.stdout.readline()))
        middle.kill()
        middle.wait(30)
        assert survivors([grandchild], GONE_WITHIN) == []
    finally:
        if grandchild is not None and alive([grandchild]):
            grandchild.kill()
        if middle.poll() is None:
            middle.kill()


def test_runners_kill_recycled_workers_keep_their_lifeline():
    """Workers replaced after ``max_tasks_per_child`` are started by the pool's manager
    thread, not the caller's: the parent-death signal must not end them while it runs."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=lifeline.die_with_parent, initargs=(os.getpid(),),
                             max_tasks_per_child=1) as pool:  # fmt: skip
        pids = [pool.submit(os.getpid).result(timeout=120) for _ in range(3)]
    assert len(set(pids)) == 3  # three workers, one after another, each alive to answer


def test_runners_kill_a_sigterm_swallowed_by_a_library_still_stops_the_run():
    # A library that checks for signals may clear the handler's exception (DuckDB did: the
    # run went on to the end); the runner asks again after each chunk.
    import os
    import signal

    from newsgraph.runners import lifeline

    with lifeline.sigterm_as_interrupt():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):
                pass
        except KeyboardInterrupt:
            pass  # what the library did
        with pytest.raises(lifeline.Terminated):
            lifeline.raise_if_terminated()
    lifeline.raise_if_terminated()  # a new block starts clean
