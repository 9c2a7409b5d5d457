"""The store: one transaction per batch, idempotent writes, bad records to errors,
nothing lost (the full record JSON round-trips), versioned schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures.corpus.synthetic import analysed, corpus, record
from newsgraph.errors import Code, StoreError
from newsgraph.ingest.inputs import Failure
from newsgraph.record import from_json
from newsgraph.store import Analysed, Store
from newsgraph.store.schema import MIGRATIONS, STORE_SCHEMA_VERSION


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
        assert errors[bad.id]["code"] == Code.STORE_WRITE.value
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
        assert store.schema_version == STORE_SCHEMA_VERSION == MIGRATIONS[-1][0]
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
        assert store.schema_version == STORE_SCHEMA_VERSION


# --- opening the store: read-only for real, and one coded line for every refusal -----

HOLD = ("import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('held', flush=True); "
        "sys.stdin.read(); con.close()")  # fmt: skip


def _digest(path) -> str:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _old_store(path, version: int = 1) -> None:
    """A store as a newsgraph of schema ``version`` left it."""
    import duckdb

    from newsgraph.store.schema import _statements

    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    for v, name, sql in MIGRATIONS[:version]:
        for statement in _statements(sql):
            con.execute(statement)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [v, name])
    con.close()


def test_store_read_only_open_leaves_the_file_byte_identical(tmp_path):
    path = tmp_path / "r.duckdb"
    with Store(path) as store:
        store.write([analysed(r) for r in corpus()])  # not built: a writer would build, a reader must not
    before = _digest(path)
    with Store(path, read_only=True) as store:
        assert store.counts()["documents"] == len(corpus()) and store.counts()["graph_entities"] == 0
        with pytest.raises(StoreError) as refused:
            store.write([analysed(record("Another text."))])
        assert refused.value.code == Code.STORE_WRITE
    assert _digest(path) == before


def test_store_failed_ids_are_not_known_and_success_clears_their_errors(tmp_path):
    good = analysed(corpus()[0])
    with Store(tmp_path / "e.duckdb") as store:
        store.write([Failure(good.id, "in.jsonl:1", Code.BAD_DATE, "published must be YYYY-MM-DD")])
        assert store.known_ids([good.id]) == set()  # the next ingest tries it again
        assert [e["code"] for e in store.errors()] == [Code.BAD_DATE.value]
        store.write([Failure(None, "gone.txt", Code.NOT_FOUND, "no such file or folder")])
        assert store.write([good]).written == 1
        assert [e["key"] for e in store.errors()] == ["gone.txt"] and store.known_ids([good.id]) == {good.id}
        store.write([], sources=["gone.txt"])  # the file was read this time: its old failure goes
        assert store.errors() == []


@pytest.mark.parametrize("read_only", [False, True])
def test_store_locked_by_another_process_is_a_coded_error(tmp_path, read_only):
    path = tmp_path / "l.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"held\n"
        with pytest.raises(StoreError) as locked:
            Store(path, read_only=read_only)
    finally:
        holder.communicate(b"")
    assert locked.value.code == Code.STORE_LOCKED
    assert f"store {path} is locked by another process (PID {holder.pid})" in str(locked.value)


def test_store_refuses_files_that_are_not_stores(tmp_path):
    import duckdb

    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n" * 100, encoding="utf-8")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    before = {p: _digest(p) for p in (text, other)}
    cases = [(text, False), (text, True), (other, False), (other, True), (tmp_path, True),
             (tmp_path / "missing.duckdb", True), (tmp_path / "no" / "such" / "dir.duckdb", False)]  # fmt: skip
    codes = []
    for path, read_only in cases:
        with pytest.raises(StoreError) as refused:
            Store(path, read_only=read_only)
        codes.append(refused.value.code)
        assert str(path) in str(refused.value)
    assert codes == [Code.NOT_A_STORE] * 5 + [Code.STORE_MISSING] * 2
    assert not (tmp_path / "missing.duckdb").exists()
    assert {p: _digest(p) for p in (text, other)} == before  # neither was touched


def test_store_old_schema_read_only_says_run_a_writer(tmp_path):
    path = tmp_path / "old.duckdb"
    _old_store(path, version=2)
    before = _digest(path)
    with pytest.raises(StoreError) as old:
        Store(path, read_only=True)
    assert old.value.code == Code.STORE_SCHEMA and f"newsgraph build --db {path}" in str(old.value)
    assert _digest(path) == before
    with Store(path) as store:  # a writer upgrades it
        assert store.schema_version == STORE_SCHEMA_VERSION
    Store(path, read_only=True).close()


def test_store_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    Store(path).close()
    import duckdb

    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', now())", [STORE_SCHEMA_VERSION + 1])
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError) as new:
            Store(path, read_only=read_only)
        assert new.value.code == Code.STORE_SCHEMA and "upgrade newsgraph" in str(new.value)


def test_store_permission_denied_is_a_coded_error(tmp_path, monkeypatch):
    # Tests may run as root, which ignores file modes: deny through os.access instead.
    path = tmp_path / "p.duckdb"
    Store(path).close()
    monkeypatch.setattr("newsgraph.store.connect.os.access", lambda *_: False)
    for read_only, verb in ((True, "read"), (False, "write")):
        with pytest.raises(StoreError) as denied:
            Store(path, read_only=read_only)
        assert denied.value.code == Code.STORE_PERMISSION
        assert str(denied.value).startswith(f"cannot {verb} store {path}: permission denied")



def test_store_write_interrupted_inside_a_query_stops_and_keeps_nothing_half_written(tmp_path, monkeypatch):
    # A Ctrl-C or SIGTERM that lands inside a DuckDB query arrives as duckdb.InterruptException,
    # an ordinary duckdb.Error: it must stop the run, not fail the batch's records one by one
    # (which, once the transaction was aborted, also failed every later record).
    import duckdb

    records = corpus()[:3]
    with Store(tmp_path / "s.duckdb") as store:
        real = store.insert_rows

        def interrupted(table, rows, **kw):
            if table == "mentions":
                raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")
            return real(table, rows, **kw)

        monkeypatch.setattr(store, "insert_rows", interrupted)
        with pytest.raises(KeyboardInterrupt):
            store.write([analysed(r) for r in records])
        monkeypatch.setattr(store, "insert_rows", real)
        assert store.counts()["documents"] == 0 and store.errors() == []
        assert store.write([analysed(r) for r in records]).written == 3  # the connection is usable
