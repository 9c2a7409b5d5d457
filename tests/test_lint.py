"""The tree passes the linter's error rules (pyproject.toml [tool.ruff.lint]): syntax,
undefined or unused names, imports shadowed by loop variables, ambiguous names. ruff is in
the dev lock, so this runs wherever the test command does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_lint_the_tree_has_no_lint_errors():
    pytest.importorskip("ruff", reason="ruff is not installed (dev extra)")
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "src", "scripts", "bench", "tests"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
