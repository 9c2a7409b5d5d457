"""The search index (store schema 7): written with each document, built by the migration
for a store written before, and a search answers what reading every text for the query's
words answers, in the same order and with the same snippets."""

from __future__ import annotations

import re

import duckdb

from newsgraph import service
from newsgraph.store import Store, search
from newsgraph.store.schema import MIGRATIONS, STORE_SCHEMA_VERSION
from tests.fixtures.corpus.synthetic import analysed, corpus, record

QUERIES = ("Ostend", "ostend harbour", "the", "Port Quay said", "Mayor", "nothing-here", "ZZZ", "quay,", "o'", "%")

EXTRA = [
    record("Harbourmaster Ann Vale of Ostend said the quay reopened.", published="2024-02-01", title="Quay reopens"),
    record("The OSTEND ferry left at 9. Vale's deputy spoke.", published="2024-02-02", title="Ferry news"),
    record("Nothing about the port here, only Ostenders.", published="2024-02-03"),
]


def _records():
    return [*corpus(), *EXTRA]


def _by_words(store: Store, query: str) -> list[str]:
    """The reference: articles whose title or text holds every word of ``query`` as a
    word (any case), newest first, read from every text."""
    words = search.terms(query)
    ids = []
    for row in store.query("SELECT id, title, text FROM documents"):
        have = set(re.findall(r"\w+", f"{row['title'] or ''}\n{row['text'] or ''}".lower()))
        if all(w in have for w in words):
            ids.append(row["id"])
    order = store.query("SELECT id FROM documents ORDER BY published DESC NULLS LAST, lower(label), id")
    return [r["id"] for r in order if r["id"] in set(ids)]


def _searched(store: Store, query: str) -> tuple:
    found = service.search(store, query, limit=100)
    return found["total"], [(d["id"], d["snippet"]) for d in found["documents"]]


def test_store_search_finds_the_articles_holding_every_word(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([analysed(r) for r in _records()])
        for query in QUERIES[:-1]:
            total, items = _searched(store, query)
            assert [i for i, _ in items] == _by_words(store, query), query
            assert total == len(items)
        # a word inside a longer word is not that word ("Ostenders"); any case matches
        ostend = [i for i, _ in _searched(store, "ostend")[1]]
        assert ostend and analysed(EXTRA[2]).id not in ostend and analysed(EXTRA[1]).id in ostend
        snip = dict(_searched(store, "ostend harbour")[1])
        assert all(s is None or s["match"].lower() in ("ostend harbour", "ostend") for s in snip.values())
        # no word in the query: every title and text is read for it as before
        assert _searched(store, "%")[0] == store.query(
            "SELECT count(*) AS n FROM documents WHERE title ILIKE '%%%' OR text ILIKE '%%%'")[0]["n"]  # fmt: skip


def test_store_search_index_grows_with_each_write(tmp_path):
    records = _records()
    with Store(tmp_path / "once.duckdb") as once, Store(tmp_path / "parts.duckdb") as parts:
        once.write([analysed(r) for r in records])
        for i in range(0, len(records), 4):
            parts.write([analysed(r) for r in records[i : i + 4]])
        parts.write([analysed(records[0])])  # stored already: skipped, nothing indexed twice
        assert {q: _searched(once, q) for q in QUERIES} == {q: _searched(parts, q) for q in QUERIES}
        numbers = [r["doc_no"] for r in parts.query("SELECT doc_no FROM documents ORDER BY doc_no")]
        assert numbers == list(range(1, len(records) + 1))
        assert parts.query(POSTINGS) == once.query(POSTINGS)


POSTINGS = """SELECT w.word, list(d.id ORDER BY d.id) AS ids FROM (SELECT word_id, unnest(doc_nos) AS doc_no FROM search_lists) p
JOIN search_words w USING (word_id) JOIN documents d USING (doc_no) GROUP BY w.word ORDER BY w.word"""


def _built(path) -> tuple[dict, list[dict]]:
    """A built store at ``path``: what each of ``QUERIES`` finds, and its postings."""
    with Store(path) as store:
        store.write([analysed(r) for r in _records()])
        service.build(store)
        return {q: _searched(store, q) for q in QUERIES}, store.query(POSTINGS)


def _finds_as_before(store, expected: dict, postings: list[dict]) -> None:
    assert store.schema_version == STORE_SCHEMA_VERSION
    assert store.query(POSTINGS) == postings
    assert {q: _searched(store, q) for q in QUERIES} == expected


def test_store_search_index_is_built_for_a_store_from_before(tmp_path):
    path = tmp_path / "v6.duckdb"
    expected, postings = _built(path)
    # the same store as schema 6 wrote it: no numbers, no index, migration 7 not applied
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE search_lists")  # migration 10's
    con.execute("DROP TABLE claim_pages")
    con.execute("DROP TABLE search_words")
    con.execute("ALTER TABLE documents DROP COLUMN doc_no")
    con.execute("ALTER TABLE claim_statements DROP COLUMN seed")  # migration 8's
    for table in ("entity_docs", "entity_keys", "entity_summary"):  # migration 9's
        con.execute(f"DROP TABLE {table}")
    con.execute("DROP INDEX graph_entities_gid")
    con.execute("DROP INDEX quotes_doc")
    con.execute("DROP TABLE surname_context")  # migration 11's
    con.execute("ALTER TABLE quotes DROP COLUMN cue_confidence")  # migration 12's
    con.execute("ALTER TABLE quotes DROP COLUMN withheld")  # migration 14's
    con.execute("DELETE FROM schema_migrations WHERE version >= 7")
    con.close()
    assert MIGRATIONS[6][:2] == (7, "search index")
    with Store(path) as store:
        _finds_as_before(store, expected, postings)
        store.write([analysed(record("A new Ostend article.", published="2024-03-01"))])
        assert _searched(store, "Ostend")[0] == expected["Ostend"][0] + 1


def test_store_search_migration_10_turns_postings_into_lists(tmp_path):
    # A store as schema 9 wrote it: one postings row per word and article; migration 10 makes
    # them lists and drops them, and search finds the same articles.
    path = tmp_path / "v9.duckdb"
    expected, postings = _built(path)
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE search_postings AS SELECT word_id, unnest(doc_nos) AS doc_no FROM search_lists")
    con.execute("DROP TABLE search_lists")
    con.execute("DROP TABLE claim_pages")
    con.execute("DROP TABLE surname_context")  # schema 11's, so 9 is the store's version
    con.execute("DROP INDEX quotes_doc")  # DuckDB drops no column under an index
    con.execute("ALTER TABLE quotes DROP COLUMN cue_confidence")  # and 12's
    con.execute("ALTER TABLE quotes DROP COLUMN withheld")  # and 14's
    con.execute("CREATE INDEX quotes_doc ON quotes (doc_id)")
    con.execute("DELETE FROM schema_migrations WHERE version >= 10")
    con.close()
    with Store(path) as store:
        assert not store.query("SELECT * FROM duckdb_tables() WHERE table_name = 'search_postings'")
        _finds_as_before(store, expected, postings)
