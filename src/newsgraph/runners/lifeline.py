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
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator

PR_SET_PDEATHSIG = 1  # linux/prctl.h
ORPHANED = 70  # exit status of a child whose parent was already gone


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


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Inside the block, SIGTERM raises ``Terminated`` (a KeyboardInterrupt) in the main
    thread, so ``kill PID`` runs the same clean-up as Ctrl-C. Elsewhere than the main
    thread (where Python cannot install handlers) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise Terminated(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
