"""The corpus commands: thin layers over the service, tables or JSON."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import Store
from tests.fixtures.corpus.synthetic import analysed, corpus, write_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "c.duckdb"
    write_store(path, corpus())
    return str(path)


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_corpus_entities_json_resolves_across_articles(db):
    rows = json.loads(run("entities", "--db", db, "--format", "json"))
    people = {r["name"]: r for r in rows if r["type"] == "PERSON"}
    assert set(people) == {"Joe Biden", "Hunter Biden"}
    assert people["Joe Biden"]["n_docs"] == 3 and people["Joe Biden"]["n_stories"] == 2
    assert "Joe Biden" in run("entities", "--db", db, "--type", "person")


def test_cli_corpus_entity_profile(db):
    profile = json.loads(run("entity", "President Biden", "--db", db, "--format", "json"))
    assert profile["entity"]["name"] == "Joe Biden"
    assert profile["offices"][0]["title"] == "President"
    assert [q["text"] for q in profile["quotes"]] == ["We will defend every inch of allied territory,"]
    assert profile["quotes"][0]["copies"] == 2  # said once, carried by two wire copies
    assert {c["name"] for c in profile["cooccurring"]} >= {"Lithuania", "Vilnius"}
    assert all(0 < e["confidence"] <= 1 and e["evidence"] for e in profile["evidence"])
    assert "Offices" in run("entity", "Joe Biden", "--db", db)


def test_cli_corpus_unknown_entity_exits_1(db):
    result = CliRunner().invoke(main, ["entity", "Nobody Atall", "--db", db])
    assert result.exit_code == 1


def test_cli_corpus_quotes_events_timeline(db):
    quotes = json.loads(run("quotes", "--db", db, "--speaker", "Hunter Biden", "--format", "json"))
    assert [q["text"] for q in quotes] == ["I have nothing to hide,"]
    events = json.loads(run("events", "--db", db, "--type", "mobilize", "--country", "lt", "--format", "json"))
    assert len(events) == 1 and events[0]["n_reports"] == 3 and events[0]["n_stories"] == 2
    assert json.loads(run("events", "--db", db, "--since", "2023-08-01", "--format", "json")) == []
    assert json.loads(run("events", "--db", db, "--actor", "Hunter Biden", "--format", "json")) == []
    days = json.loads(run("timeline", "--db", db, "--entity", "Joe Biden", "--format", "json"))["days"]
    assert [d["day"] for d in days] == ["2023-07-11", "2023-07-13"]
    story = json.loads(run("timeline", "--db", db, "--story", corpus()[0].id, "--format", "json"))
    assert len(story["articles"]) == 2 and sum(a["canonical"] for a in story["articles"]) == 1


def test_cli_corpus_export_formats(db, tmp_path):
    out = json.loads(run("export", "--db", db, "--format", "jsonl", "-o", str(tmp_path / "r.jsonl")))
    assert out["rows"] == 5
    assert len((tmp_path / "r.jsonl").read_text().splitlines()) == 5
    out = json.loads(run("export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "pq")))
    assert out["rows"]["documents"] == 5 and (tmp_path / "pq" / "entity_links.parquet").exists()


def test_cli_corpus_query_without_store_is_a_store_error(tmp_path):
    result = CliRunner().invoke(main, ["entities", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 4 and "newsgraph ingest" in result.output and "[E501]" in result.output
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize("command", ["ingest", "build", "errors", "entities", "entity", "quotes", "events", "timeline", "export"])
def test_cli_corpus_commands_are_documented(command):
    from pathlib import Path

    doc = (Path(__file__).parents[1] / "docs" / "corpus.md").read_text(encoding="utf-8")
    assert f"newsgraph {command}" in doc
    options = [p for p in main.commands[command].params if p.param_type_name == "option"]
    assert [p.opts for p in options if not any(o in doc for o in p.opts)] == []
