"""The map's places and the place page, in process: only countries, divisions, towns and
spots are dots; a place opens by its GeoNames id with its articles, entities and events;
articles filter by publication date (the timeline's links)."""

from __future__ import annotations

import msgspec
import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.record import Place, Span
from tests.fixtures.corpus.synthetic import record, write_store

TEXT = ("Officials in Ostend said ships from Belgium crossed the North Sea towards Europe's busiest port "
        "on Monday, the Harbour Authority said.")  # fmt: skip
# name, lat, lon, geonames id, country, feature
PLACES = [("Ostend", 51.2155, 2.927, 2789786, "BE", "P.PPL"), ("Belgium", 50.83, 4.0, 2802361, "BE", "A.PCLI"),
          ("North Sea", 55.0, 3.0, 2960848, None, "H.SEA"), ("Europe", 48.69, 9.14, 6255148, None, "L.CONT")]  # fmt: skip


def _with_places(rec, ids):
    places = [Place(entity=ids.get(name), name=name, lat=lat, lon=lon, geonames_id=gid, country=cc, feature=feat,
                    mentions=[Span(TEXT.index(name), TEXT.index(name) + len(name))])
              for name, lat, lon, gid, cc, feat in PLACES]  # fmt: skip
    return msgspec.structs.replace(rec, places=places)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("places") / "p.duckdb"
    ents = [("g1", "GPE", "Ostend", ["Ostend"], [], {}), ("g2", "GPE", "Belgium", ["Belgium"], [], {}),
            ("o1", "ORG", "Harbour Authority", ["Harbour Authority"], [], {})]  # fmt: skip
    one = record(TEXT, published="2031-01-05", title="Ships cross", entities=ents,
                 events=[("MOBILIZE", "crossed", "g2", None, "Ostend")])  # fmt: skip
    two = record(TEXT + " More ships followed.", published="2031-02-09", title="More ships", entities=ents)
    write_store(path, [_with_places(one, {"Ostend": "g1", "Belgium": "g2"}), _with_places(two, {"Ostend": "g1"})])
    with TestClient(create_app(path, read_only=True)) as c:
        yield c


def test_api_places_map_shows_no_continents_or_seas(client):
    items = client.get("/map.json").json()["items"]
    assert {p["name"] for p in items} == {"Ostend", "Belgium"}
    assert {p["geonames_id"] for p in items} == {2789786, 2802361}
    html = client.get("/map").text
    assert 'href="/places/2789786"' in html and "/search?q=" not in html


def test_api_places_page_by_id(client):
    data = client.get("/places/2789786.json").json()
    assert (data["name"], data["country"], data["lat"], data["feature"]) == ("Ostend", "BE", 51.2155, "P.PPL")
    assert [d["title"] for d in data["documents"]] == ["More ships", "Ships cross"]
    assert [e["name"] for e in data["entities"]] == ["Ostend"]
    assert "Harbour Authority" in {e["name"] for e in data["co_entities"]}
    assert [e["type"] for e in data["events"]] == ["MOBILIZE"]  # placed in Ostend
    page = client.get("/places/2789786")
    assert page.status_code == 200 and "<h1>Ostend" in page.text and "More ships" in page.text


def test_api_places_country_page_lists_its_actor_events(client):
    data = client.get("/places/2802361.json").json()
    assert data["name"] == "Belgium" and [e["source_name"] for e in data["events"]] == ["Belgium"]


@pytest.mark.parametrize("path,status", [("/places/1.json", 404), ("/places/abc.json", 422), ("/places/0.json", 422)])
def test_api_places_unknown_or_bad_id(client, path, status):
    r = client.get(path)
    assert r.status_code == status and r.json()["error"]["message"]


def test_api_places_documents_filter_by_date(client):
    def titles(**params):
        return [d["title"] for d in client.get("/documents.json", params=params).json()["items"]]

    assert titles(since="2031-02-01") == ["More ships"]
    assert titles(until="2031-01-31") == ["Ships cross"]
    assert titles(since="2031-01-05", until="2031-01-05") == ["Ships cross"]
    assert client.get("/documents.json", params={"since": "2031-13-01"}).status_code == 422
