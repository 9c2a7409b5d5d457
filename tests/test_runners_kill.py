"""Nothing outlives a killed run: kill -9 (or a plain kill) of ``newsgraph ingest`` leaves
no worker process and no resource tracker behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsgraph.runners import lifeline
from tests.fixtures.corpus import generate

psutil = pytest.importorskip("psutil", reason="psutil (newsgraph[dev]) lists the child processes")

BACKBONE = Path(__file__).parent / "fixtures" / "corpus" / "backbone.toml"
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")
STARTUP = 300  # seconds the workers may take to load the pipeline on a busy machine
GONE_WITHIN = 5.0  # seconds after the kill by which every child must have ended


class Run:
    """``newsgraph ingest`` in its own session, with its progress lines read by a thread."""

    def __init__(self, args: list[str]):
        self.proc = subprocess.Popen([NEWSGRAPH, "ingest", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True, start_new_session=True)  # fmt: skip
        self.lines: list[str] = []
        self.written = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line)
            if line.startswith("progress:") and "written=" in line:
                self.written = int(line.split("written=")[1].split()[0])

    def wait_for(self, condition, what: str):
        """Poll ``condition()`` until it returns something true; fail (not hang) after STARTUP."""
        deadline = time.monotonic() + STARTUP
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"ingest ended (status {self.proc.returncode}) before {what}:\n{''.join(self.lines)[-2000:]}")
            if found := condition():
                return found
            time.sleep(0.1)
        pytest.fail(f"no {what} after {STARTUP}s:\n{''.join(self.lines)[-2000:]}")

    def children(self) -> list:
        try:
            return psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def workers(self) -> list:
        return [c for c in self.children() if "--multiprocessing-fork" in _cmdline(c)]

    def cleanup(self, children: list) -> None:
        for process in [*children, psutil.Process(self.proc.pid)] if self.proc.poll() is None else children:
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass
        self.proc.wait(30)


def _cmdline(process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def _alive(processes: list) -> list:
    alive = []
    for p in processes:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                alive.append(p)
        except psutil.NoSuchProcess:
            pass
    return alive


def _survivors(processes: list, within: float) -> list:
    """The processes still running ``within`` seconds from now (polled, so no fixed sleep)."""
    deadline = time.monotonic() + within
    while (alive := _alive(processes)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [(p.pid, _cmdline(p)[-80:]) for p in alive]


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
        assert any("resource_tracker" in _cmdline(c) for c in children), [_cmdline(c) for c in children]
        os.kill(run.proc.pid, signum)
        run.proc.wait(60)
        assert _survivors(children, GONE_WITHIN) == []
        if signum == signal.SIGTERM:  # stopped like Ctrl-C: by the handler, not by the signal
            assert run.proc.returncode == 1, "".join(run.lines)[-2000:]
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
        assert _survivors([grandchild], GONE_WITHIN) == []
    finally:
        if grandchild is not None and _alive([grandchild]):
            grandchild.kill()
        if middle.poll() is None:
            middle.kill()
