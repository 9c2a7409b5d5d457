"""POST /analyze with the token: the record of an ad-hoc text, stored on request
through the store's writer (uses the real pipeline, loaded once per session)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from newsgraph.api import create_app

TEXT = (
    "Mayor Lena Brandt said on Friday that the city of Ghent would open two new ferry lines. "
    '"We will start in May," Brandt told reporters.'
)


def test_api_analyze_returns_and_stores_the_record(tmp_path, pipeline):
    auth = {"Authorization": "Bearer tok"}
    with TestClient(create_app(tmp_path / "a.duckdb", token="tok")) as client:
        r = client.post("/analyze", json={"text": TEXT, "published": "2031-05-02"}, headers=auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["stored"] is None and body["record"]["text"] == TEXT
        assert any(e["name"] == "Lena Brandt" for e in body["record"]["entities"])
        assert client.get("/documents.json").json()["total"] == 0
        stored = client.post("/analyze", json={"text": TEXT, "store": True}, headers=auth).json()["stored"]
        assert stored == {"written": 1, "skipped": 0, "failed": 0}
        doc_id = client.get("/documents.json").json()["items"][0]["id"]
        assert client.get(f"/documents/{doc_id}").status_code == 200
        assert client.get("/entity.json", params={"name": "Lena Brandt"}).status_code == 200


def test_api_analyze_store_on_a_read_only_server_is_409(tmp_path, pipeline):
    from tests.fixtures.corpus.synthetic import corpus, write_store

    path = tmp_path / "ro.duckdb"
    write_store(path, corpus()[:1])
    auth = {"Authorization": "Bearer tok"}
    with TestClient(create_app(path, token="tok", read_only=True)) as client:
        assert client.post("/analyze", json={"text": TEXT}, headers=auth).status_code == 200
        r = client.post("/analyze", json={"text": TEXT, "store": True}, headers=auth)
        assert r.status_code == 409 and "--writable" in r.json()["error"]["message"]


def test_api_analyze_serve_opens_read_only_unless_writable(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    missing = tmp_path / "none.duckdb"
    result = CliRunner(env={"NEWSGRAPH_TOKEN": ""}).invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code == 4 and "[E501]" in result.output and not missing.exists()
    result = CliRunner(env={"NEWSGRAPH_TOKEN": ""}).invoke(main, ["serve", "--db", str(missing), "--writable"])
    assert result.exit_code == 2 and "--writable needs --token" in result.output
