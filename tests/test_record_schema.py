"""The record contract: the committed JSON Schema is the generated one, records validate,
and the field names DESIGN.md publishes are all present."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.record import Record, json_schema, to_dict

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema" / "record.schema.json"

# The published contract (DESIGN.md): these names may never disappear.
CONTRACT = {
    "Record": {"id", "text", "metadata", "noise", "entities", "quotes", "quantities", "dates", "places", "events", "relations"},
    "Metadata": {"title", "published", "dateline", "byline", "url", "language", "source", "captions"},
    "Noise": {"kind", "text", "start", "end", "suggestion"},
    "Entity": {"id", "type", "name", "mentions", "kb", "roles"},
    "Role": {"title", "of"},
    "Quote": {"start", "end", "kind", "speaker", "cue"},
    "Speaker": {"entity", "name", "start", "end"},
    "Quantity": {"start", "end", "value", "low", "high", "approx", "unit", "object"},
    "DateExpr": {"start", "end", "value", "type"},
    "Place": {"entity", "name", "lat", "lon", "geonames_id", "country", "feature", "mentions"},
    "Event": {"type", "mode", "source", "target", "trigger", "date", "place", "negated", "hypothetical", "future", "historical", "reported"},
    "Relation": {"type", "subject", "object", "evidence"},
}


def test_record_schema_file_is_generated_one():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), "schema/record.schema.json is stale: run `newsgraph schema -o schema/record.schema.json`"


def test_record_schema_check_command():
    result = CliRunner().invoke(main, ["schema", "--check", str(SCHEMA_FILE)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("struct, fields", sorted(CONTRACT.items()))
def test_record_schema_keeps_contract_fields(struct, fields):
    definition = json_schema()["$defs"][struct]
    assert fields <= set(definition["properties"]), fields - set(definition["properties"])


def test_record_schema_validates_minimal_record():
    from newsgraph.record import Metadata

    record = Record(id="x", text="t", metadata=Metadata())
    jsonschema.validate(to_dict(record), json_schema())


def test_record_schema_validates_every_example_record(pipeline):
    from tests.conftest import EXAMPLES

    schema = json_schema()
    for path in sorted(EXAMPLES.glob("*.txt")):
        record = pipeline(_input(path))
        jsonschema.validate(to_dict(record), schema)


def _input(path):
    from newsgraph.service import make_input

    return make_input(path.read_text(encoding="utf-8"), "2031-03-14", source=str(path))
