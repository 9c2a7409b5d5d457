#!/usr/bin/env bash
# Quick start, part one: set up, analyse the bundled example articles, store them, and
# say how to open the web UI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
.venv/bin/newsgraph analyze examples/articles/*.txt --output out/examples.jsonl
.venv/bin/newsgraph analyze examples/articles/alliance-summit.txt --published 2031-03-14 --format summary
.venv/bin/newsgraph ingest examples/articles --db out/newsgraph.duckdb --published 2031-03-14 --no-progress > out/ingest.json
echo
echo "Records for every example are in out/examples.jsonl (one JSON object a line)."
echo "The examples are stored in out/newsgraph.duckdb (ingest counts in out/ingest.json)."
echo
echo "Open the web UI:"
echo "  .venv/bin/newsgraph serve --db out/newsgraph.duckdb"
echo "  then browse http://127.0.0.1:8000/  (JSON API: add .json to any page; description at /openapi.json)"
