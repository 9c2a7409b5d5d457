#!/usr/bin/env bash
# Quick start, part two: set up with the test tools, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
# The browser tests drive Debian's chromium (never a browser downloaded by Playwright).
# Install it when missing and we may; otherwise those tests skip with a message.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
        || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; }) \
        || echo "chromium could not be installed: the browser tests will skip" >&2
fi
exec .venv/bin/python -m pytest -n 2 "$@"
