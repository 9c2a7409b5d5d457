"""Ingest progress: a rich bar (rate and ETA) on a terminal, plain lines otherwise.

Plain lines (``progress: done=120 total=600 written=118 skipped=0 failed=2 rate=35.1/s
eta=13s``) are what scripts and the SIGKILL test read.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts documents as the writer commits them and reports rate and ETA."""

    def __init__(self, total: int | None, *, stream: TextIO | None = None, every: float = 1.0, enabled: bool = True):
        self.total = total
        self.stream = stream or sys.stderr
        self.every = every
        self.enabled = enabled
        self.written = self.skipped = self.failed = 0
        self.started = time.monotonic()
        self._last = 0.0
        self._bar = None
        if enabled and self.stream.isatty():
            self._start_bar()

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn, MofNCompleteColumn, Progress as Bar, TaskProgressColumn, TextColumn,
            TimeElapsedColumn, TimeRemainingColumn,
        )  # fmt: skip

        self._bar = Bar(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=Console(file=self.stream),
        )  # fmt: skip
        self._bar.start()
        self._task = self._bar.add_task("ingest", total=self.total, rate=0.0)

    @property
    def done(self) -> int:
        return self.written + self.skipped + self.failed

    @property
    def rate(self) -> float:
        """Documents analysed and written per second (skipped ones are not work)."""
        elapsed = time.monotonic() - self.started
        return (self.written + self.failed) / elapsed if elapsed > 0 else 0.0

    def update(self, *, written: int = 0, skipped: int = 0, failed: int = 0) -> None:
        self.written += written
        self.skipped += skipped
        self.failed += failed
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, rate=self.rate)
            return
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            self._line()

    def _line(self) -> None:
        remaining = (self.total - self.done) if self.total is not None else None
        eta = f"{remaining / self.rate:.0f}s" if remaining is not None and self.rate > 0 else "?"
        print(
            f"progress: done={self.done} total={self.total if self.total is not None else '?'} "
            f"written={self.written} skipped={self.skipped} failed={self.failed} "
            f"rate={self.rate:.1f}/s eta={eta}",
            file=self.stream,
            flush=True,
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self.enabled:
            self._line()
