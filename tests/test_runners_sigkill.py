"""Kill ``newsgraph ingest`` with SIGKILL mid-run, run it again: nothing lost, nothing
duplicated, the same store as a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from newsgraph.pipeline.config import PipelineConfig
from newsgraph.runners.ingest import ingest
from newsgraph.store import Store
from tests.fixtures.corpus import generate

pytest.importorskip("psutil", reason="psutil (newsgraph[dev]) lists the child processes")

from tests.fixtures.ingest_run import NEWSGRAPH, Run  # noqa: E402 - needs psutil

BACKBONE = Path(__file__).parent / "fixtures" / "corpus" / "backbone.toml"
N_ARTICLES = 240


def _args(folder: Path, db: Path) -> list[str]:
    return [str(folder), "--db", str(db), "--workers", "1", "--batch-size", "4", "--config", str(BACKBONE),
            "--no-joins"]  # fmt: skip


def _kill_mid_run(folder: Path, db: Path, min_written: int = 8) -> int:
    """Start an ingest, wait (however long the machine needs) until it reports committed
    documents, freeze the whole process group at once (SIGSTOP: nothing more is written
    while we read), then SIGKILL it. Returns how many it had reported written."""
    run = Run(_args(folder, db))
    try:
        run.wait_for(lambda: run.written >= min_written, f"{min_written} written documents")
        os.killpg(run.proc.pid, signal.SIGSTOP)
        written = run.written
        os.killpg(run.proc.pid, signal.SIGKILL)
    finally:
        run.cleanup(run.children())
    return written


def _state(db: Path) -> tuple[dict, list[str]]:
    with Store(db) as store:
        ids = [r["id"] for r in store.query("SELECT id FROM documents ORDER BY id")]
        counts = {k: v for k, v in store.counts().items() if k in ("documents", "provenance", "doc_minhash", "errors")}
    return counts, ids


@pytest.mark.slow
def test_runners_sigkill_then_rerun_equals_a_clean_run(tmp_path):
    folder = tmp_path / "in"
    generate.write(folder, N_ARTICLES)
    killed_db = tmp_path / "killed.duckdb"
    written = _kill_mid_run(folder, killed_db)
    counts_after_kill, _ = _state(killed_db)
    assert 0 < counts_after_kill["documents"] < N_ARTICLES, (written, counts_after_kill)
    assert counts_after_kill["documents"] >= written  # nothing reported written was lost
    done = subprocess.run([NEWSGRAPH, "ingest", *_args(folder, killed_db)], capture_output=True, text=True,
                          timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    with Store(tmp_path / "clean.duckdb") as store:
        ingest([str(folder)], store, workers=0, batch_size=32, config=PipelineConfig.from_file(BACKBONE),
               show_progress=False)  # fmt: skip
    assert _state(killed_db) == _state(tmp_path / "clean.duckdb")
    assert _state(killed_db)[0]["documents"] == N_ARTICLES
