"""schemathesis against the app's OpenAPI description, in process: no input it can build
from the schema makes the server fail (no 5xx)."""

from __future__ import annotations

import atexit
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (dev extra)")

# Imported after the skip above, which must run first.
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from newsgraph.api import create_app  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from tests.fixtures.corpus.synthetic import analysed, corpus, write_store  # noqa: E402
from tests.fixtures.web.hostile import hostile_record  # noqa: E402


def _app():
    """The app over a small synthetic store in a temporary folder (removed at exit).
    Built at import: schemathesis parametrises from the schema at collection time."""
    folder = tempfile.TemporaryDirectory(prefix="newsgraph-fuzz-")
    atexit.register(folder.cleanup)
    path = Path(folder.name) / "c.duckdb"
    write_store(path, [*corpus(), hostile_record()])
    # A wrong token: /analyze is fuzzed for its validation and auth paths without
    # loading the NLP pipeline for every example.
    return create_app(path, token="not-the-fuzzers")


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_schemathesis_no_server_errors(case):
    case.call_and_validate(checks=[not_a_server_error])
