"""A learned cue's confidence (``quotes[].cue_confidence``, record 1.4) through the store:
its column (migration 12), the quotes list over HTTP and in the web page."""

from __future__ import annotations

import duckdb
import msgspec
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.record import Quote, Span, Speaker
from newsgraph.store import Store
from newsgraph.store.schema import STORE_SCHEMA_VERSION
from tests.fixtures.corpus.synthetic import record, write_store

TEXT = ("Residents of Tarvik voiced fears of a new flood in the valley. "
        "Mira Holt said the dam would hold through the winter.")  # fmt: skip


def _record():
    rec = record(TEXT, published="2030-02-01", title="Flood fears in Tarvik",
                 entities=[("p1", "PERSON", "Mira Holt", ["Mira Holt"], [], {})])  # fmt: skip
    fears, said = TEXT.index("fears"), TEXT.index("said")
    learned = Quote(start=fears + len("fears of "), end=TEXT.index(" in the valley"), kind="indirect",
                    speaker=Speaker(entity=None, name="Residents", start=0, end=9),
                    cue=Span(start=fears, end=fears + 5), cue_confidence=0.634)  # fmt: skip
    lexicon = Quote(start=said + 5, end=len(TEXT) - 1, kind="indirect",
                    speaker=Speaker(entity="p1", name="Mira Holt", start=said - 10, end=said - 1),
                    cue=Span(start=said, end=said + 4))  # fmt: skip
    return msgspec.structs.replace(rec, quotes=[learned, lexicon])


def test_quotes_list_carries_the_learned_cues_confidence(tmp_path):
    path = tmp_path / "q.duckdb"
    write_store(path, [_record()])
    with TestClient(create_app(path, read_only=True)) as client:
        items = client.get("/quotes.json").json()["items"]
        assert {q["cue"]: q["cue_confidence"] for q in items} == {"fears": 0.634, "said": None}
        page = client.get("/quotes").text
        assert page.count("learned cue, confidence 0.63") == 1


def test_store_migration_12_adds_the_column_to_a_store_from_before(tmp_path):
    path = tmp_path / "old.duckdb"
    write_store(path, [_record()])
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX quotes_doc")  # DuckDB drops no column under an index
    con.execute("ALTER TABLE quotes DROP COLUMN cue_confidence")
    con.execute("CREATE INDEX quotes_doc ON quotes (doc_id)")
    con.execute("DELETE FROM schema_migrations WHERE version = 12")
    con.close()
    with Store(path) as store:  # opening applies migration 12
        assert store.schema_version == STORE_SCHEMA_VERSION
        rows = store.query("SELECT cue, cue_confidence FROM quotes ORDER BY start")
        assert rows == [{"cue": "fears", "cue_confidence": None}, {"cue": "said", "cue_confidence": None}]


def test_entity_page_quote_list_shows_the_learned_cues_confidence(tmp_path):
    text = "Mira Holt voiced fears of a new flood in the valley. Mira Holt said the dam would hold."
    rec = record(text, published="2030-02-01", title="Flood fears in Tarvik",
                 entities=[("p1", "PERSON", "Mira Holt", ["Mira Holt", "Mira Holt"], [], {})])  # fmt: skip
    fears, said = text.index("fears"), text.index("said")
    holt = Speaker(entity="p1", name="Mira Holt", start=0, end=9)
    learned = Quote(start=fears + len("fears of "), end=text.index(" in the valley"), kind="indirect",
                    speaker=holt, cue=Span(start=fears, end=fears + 5), cue_confidence=0.71)  # fmt: skip
    lexicon = Quote(start=said + 5, end=len(text) - 1, kind="indirect", speaker=holt,
                    cue=Span(start=said, end=said + 4))  # fmt: skip
    path = tmp_path / "e.duckdb"
    write_store(path, [msgspec.structs.replace(rec, quotes=[learned, lexicon])])
    with TestClient(create_app(path, read_only=True)) as client:
        gid = client.get("/quotes.json").json()["items"][0]["speaker_gid"]
        page = client.get("/entity", params={"id": gid}).text
        assert "a new flood" in page and "the dam would hold" in page
        assert page.count("learned cue, confidence 0.71") == 1


def test_store_migration_13_summarises_entities_again_with_the_confidence(tmp_path):
    text = "Mira Holt voiced fears of a new flood in the valley."
    rec = record(text, published="2030-02-01", entities=[("p1", "PERSON", "Mira Holt", ["Mira Holt"], [], {})])
    fears = text.index("fears")
    learned = Quote(start=fears + len("fears of "), end=text.index(" in the valley"), kind="indirect",
                    speaker=Speaker(entity="p1", name="Mira Holt", start=0, end=9),
                    cue=Span(start=fears, end=fears + 5), cue_confidence=0.71)  # fmt: skip
    path = tmp_path / "old.duckdb"
    write_store(path, [msgspec.structs.replace(rec, quotes=[learned])])
    con = duckdb.connect(str(path))
    con.execute("UPDATE entity_summary SET quotes = NULL")  # as a summary built before 13 lacks the field
    con.execute("DELETE FROM schema_migrations WHERE version = 13")
    con.close()
    with Store(path) as store:  # opening applies migration 13
        (row,) = store.query("SELECT quotes FROM entity_summary WHERE quotes IS NOT NULL")
        assert [q["cue_confidence"] for q in msgspec.json.decode(row["quotes"])] == [0.71]
