#!/usr/bin/env bash
# Regenerate the hash-pinned lock files from requirements*.in with the pinned uv
# (scripts/setup.sh installs it into .venv from requirements-bootstrap.lock).
# The project itself is installed separately (editable, --no-deps), so its own line is dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
for name in requirements-bootstrap requirements requirements-dev; do
  "$UV" pip compile --quiet --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
    "$name.in" -o "$name.lock"
  sed -i '/^-e file:\./d' "$name.lock"
done
