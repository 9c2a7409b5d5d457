#!/usr/bin/env bash
# Quick start, part one: set up, then analyse the bundled example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
.venv/bin/newsgraph analyze examples/articles/*.txt --output out/examples.jsonl
.venv/bin/newsgraph analyze examples/articles/alliance-summit.txt --published 2031-03-14 --format summary
echo
echo "Records for every example are in out/examples.jsonl (one JSON object a line)."
