"""Incremental joins: articles joined in chunks give exactly the tables a full build gives."""

from __future__ import annotations

import pytest

from newsgraph.corpus.build import rebuild, update
from newsgraph.store import Store
from newsgraph.store.schema import CLAIM_INDEX_TABLES, CLAIM_TABLES, CORPUS_TABLES, ENTITY_INDEX_TABLES
from tests.fixtures.corpus.joins import stream
from tests.fixtures.corpus.synthetic import analysed


def _tables(store: Store) -> dict[str, list[tuple]]:
    out = {}
    # the entity index (store schema 9), the claims list's pages (10) and the surnames' context digests (11)
    for table in (*CORPUS_TABLES, *CLAIM_TABLES, *ENTITY_INDEX_TABLES, *CLAIM_INDEX_TABLES, "surname_context"):
        rows = store.con.execute(f"SELECT * FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    out["origin_of"] = sorted(store.con.execute("SELECT id, origin_id FROM documents").fetchall())
    return out


@pytest.fixture(scope="module")
def records():
    return stream(100)


@pytest.fixture(scope="module")
def at_once(records, tmp_path_factory):
    with Store(tmp_path_factory.mktemp("once") / "s.duckdb") as store:
        store.write([analysed(r) for r in records])
        assert update(store)["joined"] == len(records)
        yield _tables(store)


# RELINK_ALL_BELOW 0: stored surname-only rows linked again only where they can change;
# SUMMARISE_IN_SQL_ABOVE 0: the reached nodes summarised in SQL, not from their rows
@pytest.mark.parametrize("overrides", [{}, {"RELINK_ALL_BELOW": 0}, {"SUMMARISE_IN_SQL_ABOVE": 0}], ids=repr)
def test_corpus_incremental_five_chunks_equal_one_build(records, at_once, tmp_path, monkeypatch, overrides):
    from newsgraph.corpus import relink

    for name, value in overrides.items():
        monkeypatch.setattr(relink, name, value)
    with Store(tmp_path / "s.duckdb") as store:
        size = len(records) // 5
        for start in range(0, len(records), size):
            store.write([analysed(r) for r in records[start : start + size]])
            assert update(store)["joined"] == len(records[start : start + size])
        chunked = _tables(store)
        assert update(store)["joined"] == 0 and _tables(store) == chunked  # nothing new: nothing changes
        assert rebuild(store)["joined"] == len(records)
        full = _tables(store)
    for table in at_once:
        assert chunked[table] == at_once[table], table
        assert full[table] == at_once[table], table


def test_corpus_incremental_the_corpus_exercises_every_join(at_once):
    links = at_once["entity_links"]
    evidence = " ".join(row[4] for row in links)
    for kind in ("same geonames id", "compatible given names", "near-identical spelling", "acronym of",
                 "same office", "surname of"):  # fmt: skip
        assert kind in evidence, kind
    groups = {}
    for doc_id, group_id, *_ in at_once["doc_groups"]:
        groups.setdefault(group_id, []).append(doc_id)
    assert any(len(docs) >= 3 for docs in groups.values())
    assert any(row[-3] > 1 for row in at_once["event_clusters"])  # n_reports


def test_corpus_incremental_one_article_at_a_time_keeps_ids_stable(records, at_once, tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([analysed(r) for r in records[:-3]])
        update(store)
        for rec in records[-3:]:
            store.write([analysed(rec)])
            assert update(store)["joined"] == 1
        assert _tables(store) == at_once


def test_corpus_incremental_a_store_built_before_join_state_is_rebuilt_in_full(records, tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([analysed(r) for r in records[:20]])
        update(store)
        store.con.execute("DELETE FROM corpus_state WHERE key = 'join_state'")
        store.write([analysed(r) for r in records[20:30]])
        assert update(store)["joined"] == 30


def test_corpus_incremental_lsh_bands_are_datasketchs_optimum():
    from datasketch import MinHashLSH

    from newsgraph.corpus import dedup
    from newsgraph.corpus.minhash import NUM_PERM

    lsh = MinHashLSH(threshold=dedup.THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (dedup.BANDS, dedup.ROWS)


def test_corpus_incremental_cli_build_joins_what_is_new_and_full_rebuilds(records, tmp_path):
    import json

    from click.testing import CliRunner

    from newsgraph.cli import main

    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.write([analysed(r) for r in records[:20]])

    def build(*extra):
        result = CliRunner().invoke(main, ["build", "--db", db, *extra])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    first, again, full = build(), build(), build("--full")
    assert (first["joined"], again["joined"], full["joined"]) == (20, 0, 20)
    assert {k: v for k, v in first.items() if k != "joined"} == {k: v for k, v in full.items() if k != "joined"}


def _joined_before(path, records, version: int, *undo: str) -> None:
    """A store at ``path`` joined over ``records`` as it was before migration ``version``
    (``undo``: the statements that revert it)."""
    with Store(path) as store:
        store.write([analysed(r) for r in records])
        update(store)
        for sql in undo:
            store.con.execute(sql)
        store.con.execute("DELETE FROM schema_migrations WHERE version = ?", [version])


def test_corpus_incremental_a_store_from_before_claim_seeds_is_rebuilt_in_full(records, at_once, tmp_path):
    # Migration 8 gives quantity statements their group's seed; stores joined before have
    # none, so it drops their join state and the next build is a full one.
    path = tmp_path / "s.duckdb"
    _joined_before(path, records[:40], 8, "ALTER TABLE claim_statements DROP COLUMN seed")
    with Store(path) as store:  # opening applies migration 8
        store.write([analysed(r) for r in records[40:]])
        assert update(store)["joined"] == len(records)
        assert _tables(store) == at_once


def test_corpus_incremental_migration_9_indexes_a_store_built_before(records, at_once, tmp_path):
    # Migration 9 fills the entity index of a store joined before it, as the join step would.
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write([analysed(r) for r in records])
        update(store)
        for table in ENTITY_INDEX_TABLES:
            store.con.execute(f"DROP TABLE {table}")
        store.con.execute("DELETE FROM schema_migrations WHERE version = 9")
        for index in ("graph_entities_gid", "quotes_doc"):
            store.con.execute(f"DROP INDEX {index}")
    with Store(path) as store:  # opening applies migration 9
        assert store.con.execute("SELECT count(*) FROM entity_docs").fetchall()[0][0] > 0
        assert _tables(store) == at_once


def test_corpus_incremental_migration_10_fills_the_claims_pages_of_a_store_built_before(records, at_once, tmp_path):
    # Migration 10 fills the claims list's pages of a store joined before it, as the claims build would.
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write([analysed(r) for r in records])
        update(store)
        store.con.execute("DROP TABLE claim_pages")  # and the search index as schema 9 kept it
        store.con.execute("CREATE TABLE search_postings AS SELECT word_id, unnest(doc_nos) AS doc_no FROM search_lists")
        store.con.execute("DROP TABLE search_lists")
        store.con.execute("DELETE FROM schema_migrations WHERE version = 10")
    with Store(path) as store:  # opening applies migration 10
        assert store.con.execute("SELECT count(*) FROM claim_pages").fetchall()[0][0] > 0
        assert _tables(store) == at_once


def test_corpus_incremental_migration_11_keeps_the_join_state(records, at_once, tmp_path, monkeypatch):
    # Migration 11 adds the surnames' context digests empty: a store joined before keeps its
    # join state; a surname with no digest has every row linked again when a build reaches it.
    from newsgraph.corpus import relink

    monkeypatch.setattr(relink, "RELINK_ALL_BELOW", 0)
    path = tmp_path / "s.duckdb"
    _joined_before(path, records[:60], 11, "DROP TABLE surname_context")
    with Store(path) as store:  # opening applies migration 11
        store.write([analysed(r) for r in records[60:]])
        assert update(store)["joined"] == len(records) - 60
        got = _tables(store)
        assert {t: rows for t, rows in got.items() if t != "surname_context"} == \
            {t: rows for t, rows in at_once.items() if t != "surname_context"}  # fmt: skip
        # the digests of the surnames reached since
        assert got["surname_context"] and set(got["surname_context"]) <= set(at_once["surname_context"])
