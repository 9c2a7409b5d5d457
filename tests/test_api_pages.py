"""Every page and its JSON twin, in process: one data object, rendered twice."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.store import Store
from tests.fixtures.corpus.synthetic import analysed, corpus, write_store
from tests.fixtures.web.hostile import hostile_record


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "c.duckdb"
    write_store(path, [*corpus(), hostile_record()])
    with TestClient(create_app(path, token="s3cret", read_only=True)) as c:
        yield c


def _doc_id(client, title):
    items = client.get("/documents.json", params={"limit": 100}).json()["items"]
    return next(d["id"] for d in items if d["title"] == title)


PAGES = [
    ("/", "/index.json", {}),
    ("/documents", "/documents.json", {"q": "Vilnius"}),
    ("/entities", "/entities.json", {"type": "PERSON"}),
    ("/entity", "/entity.json", {"name": "Joe Biden"}),
    ("/quotes", "/quotes.json", {"speaker": "Joe Biden"}),
    ("/events", "/events.json", {"type": "MOBILIZE"}),
    ("/map", "/map.json", {}),
    ("/search", "/search.json", {"q": "Biden"}),
]


@pytest.mark.parametrize("html_path,json_path,params", PAGES)
def test_api_pages_html_and_json_twin_share_one_object(client, html_path, json_path, params):
    html = client.get(html_path, params=params)
    as_json = client.get(json_path, params=params)
    negotiated = client.get(html_path, params=params, headers={"Accept": "application/json"})
    assert html.status_code == as_json.status_code == negotiated.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    assert as_json.json() == negotiated.json()
    assert "This page as JSON" in html.text and json_path in html.text


def test_api_pages_article_view_and_record(client):
    doc_id = _doc_id(client, "Biden in Vilnius")
    page = client.get(f"/documents/{doc_id}")
    data = client.get(f"/documents/{doc_id}.json").json()
    record = client.get(f"/documents/{doc_id}/record.json").json()
    assert page.status_code == 200 and data["record"] == record
    assert data["counts"]["entity"] == 3 and data["counts"]["quote"] == 1
    for kind in ("entity", "quote", "event", "place"):
        assert f'data-kind="{kind}"' in page.text
    assert "/entity?name=Joe%20Biden" in page.text
    assert f"/documents/{quote(doc_id, safe='')}/record.json" in page.text


def test_api_pages_entity_profile(client):
    data = client.get("/entity.json", params={"name": "Biden"}).json()
    assert data["entity"]["name"] == "Joe Biden"
    assert data["offices"][0]["title"] == "President"
    assert data["quotes"] and data["mentions"]["total"] >= 3


def test_api_pages_events_carry_modality_and_first_report(client):
    rows = client.get("/events.json").json()["items"]
    mobilize = next(r for r in rows if r["type"] == "MOBILIZE")
    assert "modality" in mobilize and "modes" in mobilize and mobilize["doc_id"]


@pytest.mark.parametrize(
    "path", ["/documents/nope", "/documents/nope.json", "/entity.json?name=Zzyzx Qwerty"]
)
def test_api_pages_not_found_is_a_clear_error(client, path):
    r = client.get(path)
    assert r.status_code == 404
    if path.endswith(".json") or ".json?" in path:
        assert r.json()["error"]["status"] == 404
    else:
        assert "Error 404" in r.text


def test_api_pages_invalid_parameters_are_422_json(client):
    r = client.get("/events.json", params={"since": "yesterday"})
    assert r.status_code == 422 and r.json()["error"]["details"]


def test_api_pages_ids_holding_slashes_are_addressable(tmp_path):
    import msgspec

    url_id = "https://example.org/news/2031/03/port-strike?page=2"
    rec = msgspec.structs.replace(corpus()[-1], id=url_id)
    path = tmp_path / "c.duckdb"
    with Store(path) as store:
        store.write([analysed(rec)])
    with TestClient(create_app(path, read_only=True)) as c:
        listing = c.get("/documents")
        encoded = quote(url_id, safe="")
        assert f'href="/documents/{encoded}"' in listing.text
        assert c.get(f"/documents/{encoded}").status_code == 200
        assert c.get(f"/documents/{encoded}.json").json()["id"] == url_id
        assert c.get(f"/documents/{encoded}/record.json").json()["id"] == url_id
        assert c.get("/documents/https%3A%2F%2Fexample.org%2Fnope/record.json").status_code == 404


def test_api_pages_article_view_shows_the_tone(tmp_path):
    from newsgraph.service import analyze

    rec = analyze("Floods killed 40 people on Sunday. Rescuers said the response had failed.", id="floods")
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.write([analysed(rec)])
    with TestClient(create_app(path, read_only=True)) as c:
        page = c.get("/documents/floods").text
    assert 'aria-label="Tone"' in page and f"{rec.tone.tone:+.1f}" in page
    assert "Negative: killed, failed" in page
