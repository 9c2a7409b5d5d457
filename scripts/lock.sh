#!/usr/bin/env bash
# Regenerate the hash-pinned lock files from requirements*.in (needs uv: pip install uv).
# The project itself is installed separately (editable, --no-deps), so its own line is dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
for name in requirements requirements-dev; do
  uv pip compile --quiet --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
    "$name.in" -o "$name.lock"
  sed -i '/^-e file:\./d' "$name.lock"
done
