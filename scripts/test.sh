#!/usr/bin/env bash
# Quick start, part two: set up with the test tools, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
exec .venv/bin/python -m pytest -n 2 "$@"
