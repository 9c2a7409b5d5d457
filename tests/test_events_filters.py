"""--min-confidence for events and places: the corpus queries, the CLI, the HTTP API and
the pages that mute low-confidence facts. Synthetic records, no pipeline."""

from __future__ import annotations

import json

import msgspec
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsgraph import service
from newsgraph.api.app import create_app
from newsgraph.cli import main
from newsgraph.store import Store
from tests.fixtures.corpus.synthetic import record, write_store

SURE = "Lithuanian troops were sent to the border on Monday. Officials in Vilnius confirmed it."
UNSURE = "Farmers protested in Ruritania on Tuesday. The capital, Strelsau, was quiet."


def _with_confidence(rec, event_confidence: float, place_confidence: float, lat: float, lon: float):
    events = [msgspec.structs.replace(e, confidence=event_confidence) for e in rec.events]
    places = [msgspec.structs.replace(p, confidence=place_confidence, lat=lat, lon=lon, feature="P.PPLC") for p in rec.places]
    return msgspec.structs.replace(rec, events=events, places=places)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    sure = record(SURE, published="2024-03-04", title="Troops sent",
                  entities=[("g1", "GPE", "Vilnius", ["Vilnius"], [], {})],
                  events=[("MOBILIZE", "sent", None, "g1", "Vilnius")], places=[("g1", "Vilnius", "LT")])  # fmt: skip
    unsure = record(UNSURE, published="2024-03-05", title="Farmers protest",
                    entities=[("g2", "GPE", "Ruritania", ["Ruritania"], [], {})],
                    events=[("PROTEST", "protested", None, "g2", "Ruritania")],
                    places=[("g2", "Ruritania", "RU")])  # fmt: skip
    path = tmp_path_factory.mktemp("filters") / "c.duckdb"
    write_store(path, [_with_confidence(sure, 0.9, 0.95, 54.7, 25.3), _with_confidence(unsure, 0.2, 0.3, 10.0, 10.0)])
    return path


def test_min_confidence_filters_events_and_places_in_the_queries(db):
    with Store(db, read_only=True) as store:
        assert {e["type"] for e in service.corpus_events(store)} == {"MOBILIZE", "PROTEST"}
        assert [e["type"] for e in service.corpus_events(store, min_confidence=0.5)] == ["MOBILIZE"]
        assert service.corpus_events(store, min_confidence=0.95) == []
        assert {p["name"] for p in service.corpus_places(store)} == {"Vilnius", "Ruritania"}
        kept = service.corpus_places(store, min_confidence=0.5)
        assert [p["name"] for p in kept] == ["Vilnius"] and kept[0]["confidence"] == pytest.approx(0.95)


def test_cli_events_min_confidence_and_bad_values(db):
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--min-confidence", "0.5", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [e["type"] for e in json.loads(result.output)] == ["MOBILIZE"]
    for bad in ("1.5", "high"):
        result = CliRunner().invoke(main, ["events", "--db", str(db), "--min-confidence", bad])
        assert result.exit_code == 2 and "confidence between 0 and 1" in result.output


def test_api_min_confidence_and_muted_low_confidence_rows(db):
    with TestClient(create_app(db, read_only=True)) as client:
        rows = client.get("/events.json", params={"min_confidence": 0.5}).json()["items"]
        assert [r["type"] for r in rows] == ["MOBILIZE"] and rows[0]["confidence"] == pytest.approx(0.9)
        places = client.get("/map.json", params={"min_confidence": 0.5}).json()["items"]
        assert [p["name"] for p in places] == ["Vilnius"]
        assert client.get("/events.json", params={"min_confidence": 2}).status_code == 422
        page = client.get("/events").text
        assert page.count('class="low-confidence"') == 1 and "confidence 0.20" in page
        assert "low-confidence" in client.get("/map").text
        assert "low-confidence" not in client.get("/map", params={"min_confidence": 0.5}).text
