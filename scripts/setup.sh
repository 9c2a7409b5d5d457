#!/usr/bin/env bash
# Create .venv with Python 3.11+ and install newsgraph from the hash-pinned lock files.
# Usage: scripts/setup.sh [dev]    (dev adds the test tools)
#
# The same environment on any machine, whatever the index has published since the locks
# were made: the pip that a fresh venv brings is used for one thing only, installing the
# pinned, hash-checked installer (uv, requirements-bootstrap.lock); uv then makes .venv hold
# exactly the lock (`uv pip sync`: nothing resolved, every file hash-checked).
# VENV=DIR builds the environment elsewhere (the fresh-install check in tests/ uses it).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
"$PY" -c 'import sys; assert sys.version_info >= (3, 11), "newsgraph needs Python 3.11 or newer"'
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
lock=requirements.lock
[ "${1:-}" = dev ] && lock=requirements-dev.lock
# Skip the install when this lock is already installed.
stamp="$VENV/.installed-$(cat "$lock" requirements-bootstrap.lock pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    --require-hashes -r requirements-bootstrap.lock
  "$VENV/bin/uv" pip sync --quiet --python "$VENV/bin/python" --require-hashes "$lock"
  "$VENV/bin/uv" pip install --quiet --python "$VENV/bin/python" --no-deps --no-build-isolation -e .
  rm -f "$VENV"/.installed-*
  touch "$stamp"
fi
