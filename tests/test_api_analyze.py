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
