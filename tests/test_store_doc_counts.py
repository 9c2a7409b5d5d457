"""Per-article label and counts on ``documents`` (store schema 5): written with each document,
counted by the migration for a store written before, and the article list built on them
gives what counting the rows gave."""

from __future__ import annotations

import duckdb

from newsgraph import service
from newsgraph.store import Store
from newsgraph.store.schema import LABEL_SQL, MIGRATIONS, _statements
from tests.fixtures.corpus.synthetic import analysed, corpus

# the article list's counts before schema 5: counted per article at query time
COUNTED = """
SELECT d.id, (SELECT count(*) FROM entities e WHERE e.doc_id = d.id) AS n_entities,
       (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS n_quotes,
       (SELECT count(*) FROM events v WHERE v.doc_id = d.id) AS n_events
FROM documents d ORDER BY d.id"""
STORED = "SELECT id, n_entities, n_quotes, n_events FROM documents ORDER BY id"
LABELS = f"SELECT id, label, {LABEL_SQL.format(d='documents')} AS computed FROM documents ORDER BY id"


def _listed(store: Store, sort: str) -> list[tuple]:
    items = service.list_documents(store, sort=sort, limit=100)["items"]
    return [(d["id"], d["n_entities"], d["n_quotes"], d["n_events"]) for d in items]


def test_store_doc_counts_are_written_with_each_document(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([analysed(r) for r in corpus()])
        assert store.query(STORED) == store.query(COUNTED)
        assert any(r["n_entities"] for r in store.query(STORED))
        labels = store.query(LABELS)
        assert all(r["label"] == r["computed"] and r["label"] for r in labels)
        by_entities = _listed(store, "-entities")
    assert [row[1] for row in by_entities] == sorted((row[1] for row in by_entities), reverse=True)


def test_store_doc_counts_are_counted_for_a_store_from_before(tmp_path):
    path = tmp_path / "v5.duckdb"
    with Store(path) as store:
        store.write([analysed(r) for r in corpus()])
        service.build(store)
        expected = store.query(COUNTED)
        listed = {sort: _listed(store, sort) for sort in ("-entities", "quotes", "-events", "-published")}
    # the same store as schema 5 wrote it: no count columns, migration 6 not applied
    con = duckdb.connect(str(path))
    for column in ("label", "n_entities", "n_quotes", "n_events"):
        con.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    con.execute("DELETE FROM schema_migrations WHERE version = 6")
    con.close()
    assert MIGRATIONS[5][0] == 6 and "label" in _statements(MIGRATIONS[5][2])[0]
    with Store(path) as store:
        assert store.query(STORED) == expected
        assert all(r["label"] == r["computed"] for r in store.query(LABELS))
        assert {sort: _listed(store, sort) for sort in listed} == listed
