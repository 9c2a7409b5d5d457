"""Nothing outlives a run: child processes die with their parent, SIGTERM stops a run
like Ctrl-C.

A worker process (``runners.local``) calls ``die_with_parent`` first thing. On Linux it
asks the kernel for SIGKILL when its parent dies (``PR_SET_PDEATHSIG``): immediate, and it
works even while the worker is busy inside a long C call. Two details make it correct:

- The kernel sends the signal when the *thread* that started the child ends, not the
  process. The pool's workers are started by the thread that submits work (it holds the
  pool for the whole run, ``run_local``) and by the pool's manager thread (it replaces
  recycled workers and joins every worker before it ends), so no worker outlives the
  thread that started it while the process lives.
- The parent may die before the request is made (during the worker's imports); the
  worker then already belongs to init, so it checks its parent pid after the request.

Elsewhere (no ``prctl``) a daemon thread polls the parent pid instead.

The multiprocessing resource tracker needs nothing: it reads a pipe whose write end the
parent and every worker hold, and exits (unlinking what they leaked) at end of file, that
is once the last of them is gone.

A local Ray started by the driver (``runners.ray_engine``) already ties its GCS server,
raylet and monitors to the driver with the same kernel signal, but the processes the
raylet starts (its agents, and workers still starting up) stay behind when the raylet is
killed. ``reap_ray_on_exit`` starts a small watcher process that notes the driver's Ray
descendants every half second and, when the driver ends however it ends (the watcher
reads end of file on a pipe only the driver holds), ends those still running.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

PR_SET_PDEATHSIG = 1  # linux/prctl.h
ORPHANED = 70  # exit status of a child whose parent was already gone
SNAPSHOT_EVERY = 0.5  # seconds between the watcher's looks at the driver's Ray processes
GRACE = 1.0  # seconds between SIGTERM and SIGKILL for what the driver left behind
_HELD: list[int] = []  # write ends of watcher pipes, open until this process ends


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so a run stops the way Ctrl-C stops it."""


def die_with_parent(parent_pid: int, *, poll: float = 1.0) -> None:
    """End this process (SIGKILL) as soon as ``parent_pid``, its parent, ends."""
    if not _kernel_death_signal(signal.SIGKILL):
        threading.Thread(target=_watch_parent, args=(parent_pid, poll), name="parent-watch", daemon=True).start()
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(ORPHANED)


def _kernel_death_signal(signum: int) -> bool:
    """Ask Linux to send ``signum`` when the parent ends; False where that is unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int, poll: float) -> None:
    """The fallback: a daemon thread that exits the process once it is re-parented."""
    while os.getppid() == parent_pid:
        threading.Event().wait(poll)
    os._exit(ORPHANED)


# Set by the SIGTERM handler: the exception it raises can be lost when the signal lands
# inside a library that checks for signals and clears the error (seen with DuckDB: the
# run then went on to the end), so the runner also asks ``raise_if_terminated``.
_TERMINATED = threading.Event()


def raise_if_terminated() -> None:
    """Raise ``Terminated`` when a SIGTERM arrived inside ``sigterm_as_interrupt`` but its
    exception was swallowed on the way."""
    if _TERMINATED.is_set():
        raise Terminated("signal 15 (its exception was lost inside a library call)")


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Inside the block, SIGTERM raises ``Terminated`` (a KeyboardInterrupt) in the main
    thread, so ``kill PID`` runs the same clean-up as Ctrl-C. Elsewhere than the main
    thread (where Python cannot install handlers) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        _TERMINATED.set()
        raise Terminated(f"signal {signum}")

    _TERMINATED.clear()
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
        _TERMINATED.clear()


def reap_ray_on_exit(ray_dir: str) -> bool:
    """When this process ends, end the processes under ``ray_dir`` (Ray's install folder,
    or named ``ray::...``) that descend from it. Only when this process started a local
    Ray (a cluster it merely connected to is not its to stop) and on Linux (it reads
    /proc); returns whether a watcher was started."""
    if not Path("/proc/self/stat").exists():
        return False
    me = os.getpid()
    if not any(ppid == me and ray_dir in cmdline for ppid, _, cmdline in _proc_table().values()):
        return False
    read_end, write_end = os.pipe()
    subprocess.Popen([sys.executable, "-m", "newsgraph.runners.lifeline", str(os.getpid()), ray_dir],
                     stdin=read_end, stdout=subprocess.DEVNULL, close_fds=True)  # fmt: skip
    os.close(read_end)
    _HELD.append(write_end)  # never closed: the kernel closes it when this process ends
    return True


def _proc_table() -> dict[int, tuple[int, str, str]]:
    """Every process: pid -> (parent pid, start time, command line)."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:  # ended meanwhile, or not ours to read
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        table[int(entry.name)] = (int(fields[1]), fields[19], cmdline)
    return table


def _descendants(roots: set[int], table: dict[int, tuple[int, str, str]]) -> set[int]:
    found, frontier = set(), set(roots)
    while frontier:
        frontier = {pid for pid, (ppid, _, _) in table.items() if ppid in frontier} - found
        found |= frontier
    return found


def _watch_ray(driver: int, ray_dir: str) -> None:
    """The watcher's loop: note the driver's Ray descendants until stdin ends, then end them."""
    me = os.getpid()
    seen: dict[int, str] = {}  # pid -> start time, so a reused pid is never killed

    def look(roots: set[int]) -> None:
        table = _proc_table()
        for pid in _descendants(roots, table) - {me}:
            _, started, cmdline = table[pid]
            if ray_dir in cmdline or cmdline.startswith("ray::"):
                seen.setdefault(pid, started)

    while not select.select([sys.stdin], [], [], SNAPSHOT_EVERY)[0]:
        look({driver})
    if os.read(sys.stdin.fileno(), 1):
        return  # not end of file: someone else wrote; stop watching rather than guess
    look(set(seen))  # children the noted processes started since the last look
    for signum in (signal.SIGTERM, signal.SIGKILL):
        table = _proc_table()
        alive = [pid for pid, started in seen.items() if pid in table and table[pid][1] == started]
        for pid in alive:
            with contextlib.suppress(OSError):
                os.kill(pid, signum)
        deadline = time.monotonic() + GRACE
        while alive and time.monotonic() < deadline:
            time.sleep(0.1)
            alive = [pid for pid in alive if Path(f"/proc/{pid}").exists() and _state(pid) != "Z"]
        if not alive:
            return


def _state(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "Z"
    return stat[stat.rindex(")") + 2]


if __name__ == "__main__":  # the watcher: python -m newsgraph.runners.lifeline DRIVER_PID RAY_DIR
    _watch_ray(int(sys.argv[1]), sys.argv[2])
