"""The entity index and summaries (store schema 9): an entity's page read from its summary row
equals the page counted from its index rows, and the index follows the links a build writes."""

from __future__ import annotations

import json

import pytest

from newsgraph.corpus import queries
from newsgraph.corpus.build import update
from newsgraph.store import Store, entity_index
from tests.fixtures.corpus.joins import stream
from tests.fixtures.corpus.synthetic import analysed, corpus


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("ix") / "s.duckdb") as store:
        records = stream(100)
        store.write([analysed(r) for r in records[:60]])
        update(store)
        wire, copy, *rest = corpus()  # quotes, one of them in two copies of a story
        store.write([analysed(r) for r in [*records[60:], wire, *rest]])
        update(store)  # the second build adds to entities the first one summarised
        store.write([analysed(copy)])
        update(store)  # a copy joins a story: its quote is listed once, with 2 copies
        yield store


def test_store_entity_index_one_row_per_link(store):
    links = store.con.execute("SELECT doc_id, entity_id, gid, confidence, evidence FROM entity_links").fetchall()
    index = store.con.execute("SELECT doc_id, entity_id, gid, confidence, evidence FROM entity_docs").fetchall()
    assert sorted(index, key=repr) == sorted(links, key=repr) and links
    counts = store.query("""SELECT x.n_spans, (SELECT count(*) FROM mentions m WHERE m.doc_id = x.doc_id
                            AND m.entity_id = x.entity_id) AS spans FROM entity_docs x""")  # fmt: skip
    assert all(r["n_spans"] == r["spans"] for r in counts)


@pytest.mark.parametrize("limit", [1, 3, 20])
def test_store_entity_index_summary_page_equals_the_counted_page(store, limit, monkeypatch):
    gids = [r["gid"] for r in store.query("SELECT gid FROM graph_entities ORDER BY n_docs DESC, gid LIMIT 40")]
    summarised = {g: queries.entity(store, None, gid=g, limit=limit) for g in gids}
    monkeypatch.setattr(queries, "TOP", 0)  # every page counted from the entity's index rows
    counted = {g: queries.entity(store, None, gid=g, limit=limit) for g in gids}
    assert summarised == counted
    assert any(p["offices"] for p in counted.values())
    biden = queries.find_entity(store, "Joe Biden")["gid"]
    quotes = queries.entity(store, None, gid=biden, limit=limit)["quotes"]
    monkeypatch.setattr(queries, "TOP", 500)
    assert queries.entity(store, None, gid=biden, limit=limit)["quotes"] == quotes and quotes[0]["copies"] == 2
    assert any(p["mentions"]["total"] > limit for p in counted.values())


def test_store_entity_index_finds_names_by_key(store):
    for row in store.query("SELECT gid, name FROM graph_entities ORDER BY gid LIMIT 30"):
        found = queries.find_entity(store, row["name"].upper())
        assert found is not None and found["name"].lower() == row["name"].lower()
    assert queries.find_entity(store, "Nobody Atall") is None


def test_store_entity_index_summary_covers_every_indexed_entity(store):
    (missing,) = store.con.execute("""SELECT count(*) FROM (SELECT DISTINCT gid FROM entity_docs)
                                      WHERE gid NOT IN (SELECT gid FROM entity_summary)""").fetchall()[0]  # fmt: skip
    assert missing == 0
    assert entity_index.TOP == 500  # the API's largest page (routes: limit le=500)


@pytest.mark.parametrize("top", [1, 2, 3])
def test_store_entity_index_summaries_keep_the_mentions_of_the_first_top(store, top, monkeypatch):
    # A summary lists the mentioning rows of an entity's articles (by date, then id) that
    # have fewer than TOP mentions before them, and its first TOP quotes: with a small TOP
    # most lists are cut, and a page of up to TOP read from them equals the counted page.
    monkeypatch.setattr(entity_index, "TOP", top)
    gids = [r["gid"] for r in store.query("SELECT gid FROM graph_entities ORDER BY n_docs DESC, gid LIMIT 40")]
    rows: dict[str, list] = {}
    for r in store.query("""SELECT gid, doc_id, entity_id, published, n_spans FROM entity_docs WHERE n_spans > 0
                            ORDER BY published NULLS LAST, doc_id, entity_id"""):  # fmt: skip
        rows.setdefault(r["gid"], []).append(r)
    store.con.execute("BEGIN TRANSACTION")
    try:
        entity_index.summarise(store.con, None)
        summaries = {r["gid"]: r for r in store.query("SELECT gid, mentions, quotes FROM entity_summary")}
        monkeypatch.setattr(queries, "TOP", top)
        summarised = {g: queries.entity(store, None, gid=g, limit=top) for g in gids}
        monkeypatch.setattr(queries, "TOP", 0)
        counted = {g: queries.entity(store, None, gid=g, limit=top) for g in gids}
    finally:
        store.con.execute("ROLLBACK")
    cut = 0
    for gid, mine in rows.items():
        spans: dict[str, int] = {}
        for r in mine:
            spans[r["doc_id"]] = spans.get(r["doc_id"], 0) + r["n_spans"]
        before, kept = {}, 0
        for doc_id in dict.fromkeys(r["doc_id"] for r in mine):  # in order
            before[doc_id], kept = kept, kept + spans[doc_id]
        want = [(r["doc_id"], r["entity_id"]) for r in mine if before[r["doc_id"]] < top]
        listed = [(m["doc_id"], m["entity_id"]) for m in json.loads(summaries[gid]["mentions"] or "[]")]
        assert listed == want, gid
        cut += len(want) < len(mine)
        assert len(json.loads(summaries[gid]["quotes"] or "[]")) <= top
    assert cut and summarised == counted
    assert any(len(json.loads(s["quotes"] or "[]")) == top for s in summaries.values())
