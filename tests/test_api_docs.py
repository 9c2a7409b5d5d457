"""Every route of the app is documented in docs/http-api.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.api import create_app

DOC = Path(__file__).resolve().parents[1] / "docs" / "http-api.md"


def _routes(tmp_path):
    app = create_app(tmp_path / "c.duckdb")
    for route in app.routes:
        for method in sorted(getattr(route, "methods", None) or {"GET"}):
            if method != "HEAD":
                yield method, getattr(route, "path_format", route.path)  # {doc_id}, not {doc_id:path}


def test_api_docs_every_route_is_documented(tmp_path):
    text = DOC.read_text(encoding="utf-8")
    missing = [f"{m} {p}" for m, p in _routes(tmp_path) if not p.startswith("/static") and f"{m} {p}`" not in text]
    assert missing == [], f"undocumented in docs/http-api.md: {missing}"


@pytest.mark.parametrize(
    "name", ["--token", "NEWSGRAPH_TOKEN", "--read-only", "--host", "413", "Content-Security-Policy"]
)
def test_api_docs_settings_are_documented(name):
    assert name in DOC.read_text(encoding="utf-8")
