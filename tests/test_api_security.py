"""Untrusted article text: escaped everywhere, CSP on every response, token on POST
/analyze, body limit, JSON errors."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.api.http import CSP
from newsgraph.store import Store
from tests.fixtures.corpus.synthetic import analysed, corpus, write_store
from tests.fixtures.web.hostile import hostile_record

EVIL_NAME = 'Ada Quill"><script>window.__pwned=6</script>'


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("sec") / "c.duckdb"
    write_store(path, [*corpus(), hostile_record()])
    return path


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path, token="s3cret", max_body=10_000)) as c:
        yield c


def _hostile_pages(client):
    doc_id = hostile_record().id
    return [client.get(p) for p in (f"/documents/{doc_id}", "/", "/documents", "/entities", "/quotes", "/events",
                                     "/map", "/search?q=Quill", f"/entity?name={quote(EVIL_NAME)}",
                                     "/entity?name=Ada Quill")]  # fmt: skip


def test_api_security_hostile_text_is_escaped_on_every_page(client):
    for page in _hostile_pages(client):
        # "Ada Quill" is not the entity's name: a 404 page suggesting the hostile name
        assert page.status_code == (404 if page.url.params.get("name") == "Ada Quill" else 200), page.url
        body = page.text
        # Only our own script tag (the static file) may appear; no handler attribute at all.
        assert re.findall(r"<script\b[^>]*>", body) == ['<script src="/static/app.js" defer>']
        assert not re.search(r"<(img|svg|a|b)\b[^>]*\son\w+=", body, re.IGNORECASE), page.url
        assert 'href="javascript:' not in body.lower()


def test_api_security_article_view_keeps_hostile_text_as_text(client):
    page = client.get(f"/documents/{hostile_record().id}")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page.text
    assert 'data-kind="quote"' in page.text


def test_api_security_headers_on_pages_json_static_and_errors(client):
    for path in ("/", "/index.json", "/static/app.css", "/nope", "/documents/missing.json"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP


@pytest.mark.parametrize("headers,status", [({}, 401), ({"Authorization": "Bearer wrong"}, 401)])
def test_api_security_analyze_needs_the_token(client, headers, status):
    r = client.post("/analyze", json={"text": "Anything."}, headers=headers)
    assert r.status_code == status and r.json()["error"]["status"] == status


def test_api_security_analyze_is_off_without_a_configured_token(store_path):
    with TestClient(create_app(store_path)) as c:
        r = c.post("/analyze", json={"text": "Anything."}, headers={"Authorization": "Bearer x"})
    assert r.status_code == 403 and "--token" in r.json()["error"]["message"]


def test_api_security_body_limit_is_413_json(client):
    r = client.post("/analyze", content=b'{"text": "' + b"a" * 20_000 + b'"}',
                    headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})  # fmt: skip
    assert r.status_code == 413 and r.json()["error"]["status"] == 413


def test_api_security_analyze_validates_its_body(client):
    r = client.post(
        "/analyze", json={"text": "a", "html": "<p>b</p>"}, headers={"Authorization": "Bearer s3cret"}
    )
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("invalid request")


def test_api_security_serve_refuses_open_non_loopback_bind():
    from click.testing import CliRunner

    from newsgraph.cli import main

    result = CliRunner(env={"NEWSGRAPH_TOKEN": ""}).invoke(
        main, ["serve", "--host", "0.0.0.0", "--db", "x.duckdb"]
    )
    assert result.exit_code == 2 and "without a token" in result.output
