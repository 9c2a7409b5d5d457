"""Kill ``newsgraph ingest`` with SIGKILL mid-run, run it again: nothing lost, nothing
duplicated, the same store as a clean run."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.pipeline.config import PipelineConfig
from newsgraph.runners.ingest import ingest
from newsgraph.store import Store
from tests.fixtures.corpus import generate

BACKBONE = Path(__file__).parent / "fixtures" / "corpus" / "backbone.toml"
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")
N_ARTICLES = 240


def _cmd(folder: Path, db: Path) -> list[str]:
    return [NEWSGRAPH, "ingest", str(folder), "--db", str(db), "--workers", "1", "--batch-size", "4",
            "--config", str(BACKBONE), "--no-joins"]  # fmt: skip


def _kill_mid_run(folder: Path, db: Path, min_written: int = 8) -> int:
    """Start an ingest, wait until it has committed some documents, SIGKILL the whole
    process group (writer and workers). Returns how many it had reported written."""
    proc = subprocess.Popen(_cmd(folder, db), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 90
    written = 0
    try:
        for line in proc.stderr:
            match = re.search(r"written=(\d+)", line)
            if match:
                written = int(match.group(1))
            if written >= min_written or time.monotonic() > deadline:
                break
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
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
    done = subprocess.run(_cmd(folder, killed_db), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    with Store(tmp_path / "clean.duckdb") as store:
        ingest([str(folder)], store, workers=0, batch_size=32, config=PipelineConfig.from_file(BACKBONE),
               show_progress=False)  # fmt: skip
    assert _state(killed_db) == _state(tmp_path / "clean.duckdb")
    assert _state(killed_db)[0]["documents"] == N_ARTICLES
