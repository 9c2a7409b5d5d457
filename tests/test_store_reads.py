"""The store's own reads: the ids it holds and one stored record, so callers above the
store (the Ray engine, the service) run no SQL of their own."""

from __future__ import annotations

from newsgraph import service
from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure
from newsgraph.record import to_dict
from newsgraph.store import Store
from tests.fixtures.corpus.synthetic import analysed, corpus


def test_store_reads_document_ids_are_the_stored_documents_not_the_failures(tmp_path):
    records = corpus()
    with Store(tmp_path / "r.duckdb") as store:
        assert store.document_ids() == frozenset()
        failed = Failure(id="bad", source="x.txt", code=Code.EMPTY, reason="empty")
        store.write([analysed(r) for r in records[:2]] + [failed])
        assert store.document_ids() == {records[0].id, records[1].id}


def test_store_reads_record_is_the_stored_record_or_none(tmp_path):
    first, *_ = corpus()
    with Store(tmp_path / "r.duckdb") as store:
        store.write([analysed(first)])
        assert store.record(first.id) == to_dict(first)
        assert service.get_record(store, first.id) == to_dict(first)
        assert store.record("no-such-id") is None
