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


def test_api_pages_article_view_shows_a_non_english_article_with_its_language(tmp_path):
    from newsgraph.service import analyze

    text = ("Der Stadtrat hat am Montag einen neuen Haushalt beschlossen. Die Bürgermeisterin sagte, "
            "dass die Schulen und die Straßen im nächsten Jahr mehr Geld bekommen werden.")  # fmt: skip
    rec = analyze(text, id="rat")
    assert rec.metadata.language == "de" and rec.notes
    path = tmp_path / "de.duckdb"
    with Store(path) as store:
        store.write([analysed(rec)])
    with TestClient(create_app(path, read_only=True)) as c:
        page = c.get("/documents/rat").text
    assert "language: de" in page and 'aria-label="Not analysed"' in page
    assert "newsgraph.entities.v1" in page and "Stadtrat" in page


def _digest(path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("read_only", [True, False])
def test_api_pages_a_get_never_rebuilds_or_writes(tmp_path, read_only):
    path = tmp_path / "stale.duckdb"
    write_store(path, corpus()[:2])
    with Store(path) as store:
        store.write([analysed(r) for r in corpus()[2:]])  # added after the last build
        built = store.query("SELECT * FROM corpus_state ORDER BY key")
        n_graph = store.counts()["graph_entities"]
    before = _digest(path)
    with TestClient(create_app(path, read_only=read_only)) as c:
        overview = c.get("/index.json").json()
        assert overview["corpus"] == {"current": False, "documents": 5, "built_over": 2}
        for url in ("/", "/entities.json", "/entity.json?name=Joe Biden", "/quotes.json", "/events.json",
                    "/map.json", "/search.json?q=Biden", "/documents.json"):  # fmt: skip
            assert c.get(url).status_code == 200, url
        c.app.state.backend.close()
    with Store(path, read_only=True) as store:
        assert store.query("SELECT * FROM corpus_state ORDER BY key") == built
        assert store.counts()["graph_entities"] == n_graph
    if read_only:
        assert _digest(path) == before


def test_api_pages_unknown_entity_is_404_with_suggestions(client):
    r = client.get("/entity.json", params={"name": "Joe Bidden"})
    assert r.status_code == 404
    error = r.json()["error"]
    assert error["message"].startswith("no entity 'Joe Bidden'; did you mean Joe Biden")
    assert error["suggestions"][0]["name"] == "Joe Biden" and error["suggestions"][0]["type"] == "PERSON"
    page = client.get("/entity", params={"name": "Joe Bidden"})
    assert page.status_code == 404 and 'href="/entity?name=Joe%20Biden"' in page.text
    nothing = client.get("/entity.json", params={"name": "Zzyzx Qwerty"}).json()["error"]
    assert nothing["suggestions"] == []


@pytest.mark.parametrize("params, says", [({"type": "INVADE"}, "expected a PLOVER event type"),
                                          ({"since": "2022-13-01"}, "no such day"),
                                          ({"until": "yesterday"}, "expected a date as YYYY-MM-DD"),
                                          ({"country": "U1"}, "two-letter")])  # fmt: skip
def test_api_pages_bad_filter_values_are_422_sentences(client, params, says):
    r = client.get("/events.json", params=params)
    assert r.status_code == 422
    name = next(iter(params))
    assert r.json()["error"]["message"].startswith(f"invalid request: {name}: ") and says in r.json()["error"]["message"]
    assert client.get("/events.json", params={"type": "mobilize"}).status_code == 200  # any case
