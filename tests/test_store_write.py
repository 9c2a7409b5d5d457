"""The store: one transaction per batch, idempotent writes, bad records to errors,
nothing lost (the full record JSON round-trips), versioned schema."""

from __future__ import annotations

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures.corpus.synthetic import analysed, corpus, record
from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure
from newsgraph.record import from_json
from newsgraph.store import Analysed, Store
from newsgraph.store.schema import MIGRATIONS, SCHEMA_VERSION


def test_store_write_is_idempotent(tmp_path):
    records = corpus()
    with Store(tmp_path / "a.duckdb") as store:
        first = store.write([analysed(r) for r in records])
        counts = store.counts()
        second = store.write([analysed(r) for r in records])
        assert (first.written, second.written, second.skipped) == (len(records), 0, len(records))
        assert store.counts() == counts
        assert counts["documents"] == len(records)
        assert counts["mentions"] == sum(len(e.mentions) for r in records for e in r.entities)


def test_store_spans_index_the_text(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        store.write([analysed(r) for r in corpus()])
        rows = store.query(
            'SELECT m.text, substr(d.text, m.start + 1, m."end" - m.start) AS sliced '
            "FROM mentions m JOIN documents d ON d.id = m.doc_id"
        )
        assert rows and all(r["text"] == r["sliced"] for r in rows)
        quotes = store.query("SELECT text FROM quotes")
        assert {q["text"] for q in quotes} >= {"I have nothing to hide,"}


def test_store_bad_record_goes_to_errors_and_the_batch_goes_on(tmp_path):
    good = analysed(corpus()[0])
    broken = msgspec.json.decode(analysed(corpus()[3]).record_json)
    broken["quantities"] = [{"start": "not a number", "end": 3, "value": "many"}]
    bad = Analysed(broken["id"], msgspec.json.encode(broken))
    unreadable = Failure(None, "missing.txt", Code.NOT_FOUND, "cannot read file")
    with Store(tmp_path / "a.duckdb") as store:
        result = store.write([good, bad, unreadable])
        assert (result.written, result.failed) == (1, 2)
        errors = {r["key"]: r for r in store.query("SELECT * FROM errors")}
        assert errors[bad.id]["code"] == Code.COMPONENT_FAILED.value
        assert "cannot store record" in errors[bad.id]["reason"]
        assert errors["missing.txt"]["code"] == Code.NOT_FOUND.value
        store.write([unreadable])
        assert store.counts()["errors"] == 2  # an error is recorded once


def test_store_keeps_the_full_record(tmp_path):
    records = corpus()
    with Store(tmp_path / "a.duckdb") as store:
        store.write([analysed(r) for r in records])
        stored = {r["id"]: from_json(r["record"]) for r in store.query("SELECT id, record FROM documents")}
    assert all(stored[r.id] == r for r in records)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=200).filter(lambda t: t.strip()))
def test_store_text_round_trips(tmp_path, text):
    rec = record(text)
    with Store(tmp_path / "p.duckdb") as store:
        store.write([analysed(rec)])
        row = store.query("SELECT text, n_chars FROM documents WHERE id = ?", [rec.id])[0]
    assert row["text"] == text and row["n_chars"] == len(text)


def test_store_schema_is_versioned_and_migrations_apply_once(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == MIGRATIONS[-1][0]
        applied = store.query("SELECT version FROM schema_migrations ORDER BY version")
        assert [r["version"] for r in applied] == [v for v, _, _ in MIGRATIONS]
    with Store(path) as store:  # reopening applies nothing twice
        assert store.counts()["documents"] == 0


def test_store_upgrades_an_old_schema(tmp_path):
    import duckdb

    from newsgraph.store.schema import _statements

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    for statement in _statements(MIGRATIONS[0][2]):
        con.execute(statement)
    con.execute("INSERT INTO schema_migrations VALUES (1, 'initial tables', now())")
    con.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
