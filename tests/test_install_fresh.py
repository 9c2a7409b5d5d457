"""The README's first command on a machine that has never seen the project.

CI once passed on an old ``.venv`` while a fresh clone could not install. This test copies
the files git tracks (as a fresh clone has them) into a temporary folder and runs
``scripts/demo.sh`` there with no ``.venv`` and empty installer caches, so a missing or
unpinned install step fails the suite instead of hiding behind an environment that is
already set up. It needs the package registry, like the README's commands do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.conftest import REPO


def _tracked_tree(dest):
    """Copy the files git tracks (with uncommitted edits) to ``dest``: a fresh clone."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        src = REPO / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)


def test_install_fresh_demo_runs_from_nothing(tmp_path):
    clone = tmp_path / "clone"
    _tracked_tree(clone)
    assert not (clone / ".venv").exists()
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "UV_", "PYTHONPATH"))
    }
    env.update(
        UV_CACHE_DIR=str(tmp_path / "uv-cache"),  # nothing downloaded earlier is reused
        PIP_NO_CACHE_DIR="1",
        PYTHON=sys._base_executable,  # the machine's Python, not the suite's venv
    )
    done = subprocess.run(
        ["bash", "scripts/demo.sh"], cwd=clone, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, f"demo.sh failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    records = (clone / "out" / "examples.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) == len(list((clone / "examples" / "articles").glob("*.txt")))
    assert all(json.loads(line)["entities"] for line in records)
    assert (clone / "out" / "newsgraph.duckdb").is_file()
