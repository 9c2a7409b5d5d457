"""Continuous ingestion: ingest the same folders and feed files again every so often.

Each cycle is an ordinary ingest (``runners.ingest.ingest``) followed by the incremental
joins (``corpus.build.build_if_stale``): inputs already stored are recognised by their
content id and skipped before any analysis, so a cycle costs the reading of the inputs and
the analysis of what is new. Nothing else is kept between cycles, which is what makes a
restart resume: the store is the state. A killed cycle leaves every document either wholly
stored or absent (one transaction per batch), and its worker processes die with it
(``runners.lifeline``); the next run analyses what was not stored. Inputs that failed are
kept in the store's errors table and tried again each cycle.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.corpus.build import build_if_stale
from newsgraph.errors import Code, ConfigError
from newsgraph.runners.ingest import ingest
from newsgraph.store.db import Store

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Cycle:
    """What one cycle did."""

    number: int
    new: int
    skipped: int
    failed: int
    seconds: float

    def line(self) -> str:
        return (f"watch: cycle {self.number}: {self.new} new, {self.skipped} skipped, {self.failed} failed, "
                f"{self.seconds:.1f} s")  # fmt: skip


def parse_every(text: str) -> float:
    """Seconds in a period such as ``15m``, ``30s``, ``1h``, ``1d`` or ``90`` (seconds).
    Raises ``ConfigError`` (BAD_CONFIG) for anything else or a zero period."""
    match = _EVERY.match(text or "")
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(Code.BAD_CONFIG, f"every: expected a period such as 15m, 30s, 1h or 90, found {text!r}")
    return float(match.group(1)) * _UNIT[match.group(2)]


def watch(store: Store, paths: list[str], *, every: float = 900.0, cycles: int | None = None,
          on_cycle: Callable[[Cycle], None] = lambda c: None, sleep: Callable[[float], None] = time.sleep,
          **options) -> list[Cycle]:  # fmt: skip
    """Ingest ``paths`` into ``store`` every ``every`` seconds (counted from the start of
    one cycle to the start of the next), ``cycles`` times or until interrupted; joins
    after each cycle that stored something. ``options`` are ``runners.ingest.ingest``'s.
    Calls ``on_cycle`` after each cycle; returns the cycles run."""
    if cycles is not None and cycles < 1:
        raise ConfigError(Code.BAD_CONFIG, f"cycles must be 1 or more, found {cycles}")
    done: list[Cycle] = []
    while cycles is None or len(done) < cycles:
        started = time.monotonic()
        stats = ingest(paths, store, show_progress=False, **options)
        build_if_stale(store)
        cycle = Cycle(len(done) + 1, stats.written, stats.skipped, stats.failed, time.monotonic() - started)
        done.append(cycle)
        on_cycle(cycle)
        if cycles is None or len(done) < cycles:
            sleep(max(0.0, every - (time.monotonic() - started)))
    return done
