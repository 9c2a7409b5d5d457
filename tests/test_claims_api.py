"""The claims pages and their JSON twins, the CLI verb, and the exports, over the
synthetic multi-source corpus (tests/fixtures/corpus/claims_corpus.py)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsgraph import service
from newsgraph.api import create_app
from newsgraph.cli import main
from tests.fixtures.corpus.claims_corpus import ARTICLES, ingest


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("claims-api")
    with service.open_store(tmp / "c.duckdb") as store:
        ingest(store, tmp)
    return tmp / "c.duckdb"


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, token="s3cret", read_only=True)) as c:
        yield c


@pytest.mark.parametrize("params", [{}, {"kind": "quantity", "contested": "true"}, {"entity": "Belarus", "min_sources": 2}])
def test_claims_api_list_html_and_json_twin(client, params):
    html, as_json = client.get("/claims", params=params), client.get("/claims.json", params=params)
    assert html.status_code == as_json.status_code == 200
    claims = as_json.json()["claims"]
    assert claims and all(f"/claims/{quote(c['id'], safe='')}" in html.text for c in claims)
    if params.get("contested"):
        assert [c["kind"] for c in claims] == ["quantity"] and "contested" in html.text


def test_claims_api_claim_page_shows_statements_with_spans_and_links(client):
    claim = client.get("/claims.json", params={"kind": "quantity"}).json()["claims"][0]
    page = client.get(f"/claims/{quote(claim['id'])}")
    data = client.get(f"/claims/{quote(claim['id'])}.json").json()
    assert page.status_code == 200 and data["id"] == claim["id"]
    for s in data["sources"]:
        assert s["span"] == ARTICLES[s["doc_id"]]["text"][s["start"] : s["end"]]
        assert f"/documents/{quote(s['doc_id'], safe='')}#span-{s['start']}-{s['end']}" in page.text
        assert f'<mark class="hl">{s["span"]}</mark>' in page.text
    assert client.get("/claims/c:q:nope").status_code == 404
    assert client.get("/claims/c:q:nope.json").json()["error"]["message"].startswith("no claim")
    assert client.get("/claims.json", params={"kind": "rumour"}).status_code == 422


def test_claims_api_entity_event_and_article_pages_link_to_claims(client):
    assert "/claims?entity=" in client.get("/entity", params={"name": "Belarus"}).text
    assert "/claims/c:e:" in client.get("/events").text
    assert "/claims?doc=ap1" in client.get("/documents/ap1").text
    assert client.get("/claims.json", params={"doc": "ap1"}).json()["claims"]


def test_claims_cli_json_and_filters(db):
    runner = CliRunner()
    out = runner.invoke(main, ["claims", "--db", str(db), "--json", "--contested"])
    assert out.exit_code == 0, out.output
    claims = json.loads(out.output)["claims"]
    assert [c["kind"] for c in claims] == ["quantity"] and claims[0]["independent_sources"] == 3
    out = runner.invoke(main, ["claims", "--db", str(db), "--kind", "quote", "--min-sources", "3", "--json"])
    assert [c["kind"] for c in json.loads(out.output)["claims"]] == ["quote"]
    out = runner.invoke(main, ["claims", "--db", str(db), "--entity", "Nobody Anywhere", "--json"])
    assert json.loads(out.output) == {"claims": []}
    table = runner.invoke(main, ["claims", "--db", str(db)])
    assert table.exit_code == 0 and "Claims" in table.output
    assert runner.invoke(main, ["claims", "--db", str(db), "--kind", "rumour"]).exit_code == 2


def test_claims_exports_parquet_and_jsonl(db, tmp_path):
    import pyarrow.parquet as pq

    with service.open_store(db, read_only=True) as store:
        counts = service.corpus_export(store, "parquet", str(tmp_path / "pq"))["rows"]
        assert counts["claims"] >= 3 and counts["origins"] == 5
        assert "origin_id" in pq.read_table(tmp_path / "pq" / "documents.parquet").column_names
        service.corpus_export(store, "jsonl", str(tmp_path / "records.jsonl"))
    lines = (tmp_path / "records.claims.jsonl").read_text(encoding="utf-8").splitlines()
    claims = [json.loads(line) for line in lines]
    assert len(claims) == counts["claims"] and {"id", "kind", "sources", "values"} <= set(claims[0])
    # the records file itself is unchanged: records only
    assert all("text" in json.loads(line) for line in (tmp_path / "records.jsonl").read_text().splitlines())


def test_claims_list_gives_first_sources_and_says_how_many(db, client):
    with service.open_store(db, read_only=True) as store:
        full = service.corpus_claims(store, sources=None)
        one = service.corpus_claims(store, sources=1)
    assert [c["id"] for c in full] == [c["id"] for c in one]
    for whole, cut in zip(full, one, strict=True):
        assert whole["n_sources"] == cut["n_sources"] == len(whole["sources"]) and not whole["sources_truncated"]
        assert cut["sources"] == whole["sources"][:1]
        assert cut["sources_truncated"] == (whole["n_sources"] > 1)
    assert any(c["sources_truncated"] for c in one)
    listed = client.get("/claims.json", params={"sources": 1}).json()["claims"]
    assert [len(c["sources"]) for c in listed] == [min(1, c["n_sources"]) for c in listed]
    detail = client.get(f"/claims/{quote(listed[0]['id'], safe='')}.json").json()
    assert len(detail["sources"]) == detail["n_sources"] == listed[0]["n_sources"]
