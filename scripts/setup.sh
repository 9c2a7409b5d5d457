#!/usr/bin/env bash
# Create .venv with Python 3.11+ and install newsgraph from the hash-pinned lock files.
# Usage: scripts/setup.sh [dev]    (dev adds the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
"$PY" -c 'import sys; assert sys.version_info >= (3, 11), "newsgraph needs Python 3.11 or newer"'
[ -x .venv/bin/python ] || "$PY" -m venv .venv
lock=requirements.lock
[ "${1:-}" = dev ] && lock=requirements-dev.lock
# Skip the (slow) hash-checked install when this lock is already installed.
stamp=".venv/.installed-$(sha256sum "$lock" pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  touch "$stamp"
fi
