"""Origins and claims on a small multi-source corpus analysed by the real pipeline
(tests/fixtures/corpus/claims_corpus.py), and adding it in two chunks."""

from __future__ import annotations

import json

import pytest

from newsgraph import service
from newsgraph.corpus import claims_queries
from tests.fixtures.corpus.claims_corpus import ARTICLES, EXPECTED, EXPECTED_ORIGINS
from tests.fixtures.corpus.claims_corpus import ingest as _ingest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("claims")
    store = service.open_store(tmp / "all.duckdb")
    _ingest(store, tmp)
    yield store
    store.close()


def _one(store, kind, doc):
    found = [c for c in service.corpus_claims(store, kind=kind) if doc in {s["doc_id"] for s in c["sources"]}]
    assert len(found) == 1, found
    return found[0]


def test_claims_origins_group_wire_copies_and_keep_independent_reports_apart(corpus):
    rows = corpus.query("SELECT id, origin_id FROM documents")
    groups: dict[str, set] = {}
    for r in rows:
        groups.setdefault(r["origin_id"], set()).add(r["id"])
    assert sorted(map(sorted, groups.values())) == sorted(map(sorted, EXPECTED_ORIGINS))
    ap = corpus.query("SELECT * FROM origins WHERE origin_id = 'o:ap1'")[0]
    assert (ap["wire"], ap["n_docs"], ap["first_doc"], ap["first_published"]) == ("AP", 3, "ap1", "2024-03-04")
    reasons = {(r["doc_a"], r["doc_b"], r["reason"]) for r in corpus.query("SELECT * FROM origin_links")}
    assert ("ap1", "ap3", "shared passage") in reasons  # ap3 is no near-duplicate: the shared lead links it


def test_claims_quantity_counts_origins_and_flags_the_disagreement(corpus):
    claim = _one(corpus, "quantity", "ind")
    want = EXPECTED["troops"]
    assert {s["doc_id"] for s in claim["sources"]} == want["docs"]
    assert claim["independent_sources"] == want["independent_sources"]
    assert claim["contested"] is want["contested"]
    by_doc = {s["doc_id"]: s for s in claim["sources"]}
    assert {d: by_doc[d]["speaker"] for d in want["speakers"]} == want["speakers"]
    assert by_doc["cite"]["origin"] == by_doc["rtr"]["origin"] == "o:rtr"  # "according to Reuters"
    assert {(v["value"], v["low"], v["high"], v["approx"]) for v in claim["values"]} == {
        (5000.0, None, None, True), (7000.0, None, None, False), (6000.0, None, 6000.0, False)}  # fmt: skip
    for s in claim["sources"]:
        assert ARTICLES[s["doc_id"]]["text"][s["start"] : s["end"]] == s["text"]
    # the unrelated story's "about 5,000 fans" is in no claim
    assert not [c for c in service.corpus_claims(corpus) if "sport" in {s["doc_id"] for s in c["sources"]}]


def test_claims_quote_finds_first_appearance_reuses_drift_and_another_speaker(corpus):
    claim = _one(corpus, "quote", "ap1")
    want = EXPECTED["quote"]
    assert {s["doc_id"] for s in claim["sources"]} == want["docs"]
    first = [s["doc_id"] for s in claim["sources"] if s["first"]]
    assert first == [want["first"]]
    assert claim["independent_sources"] == want["independent_sources"]
    assert claim["speaker_differs"] is want["speaker_differs"]
    assert {s["doc_id"] for s in claim["sources"] if s["similarity"] < 1} == want["drifted"]


def test_claims_event_counts_origins_and_credits(corpus):
    claim = next(c for c in service.corpus_claims(corpus, kind="event") if c["summary"].startswith("MOBILIZE: Poland"))
    assert {s["doc_id"] for s in claim["sources"]} == EXPECTED["troops"]["docs"]
    # AP x3 is one origin; the citing piece's report ("according to Reuters") is Reuters'
    assert claim["independent_sources"] == 3
    assert {s["origin"] for s in claim["sources"] if s["doc_id"] in ("cite", "rtr")} == {"o:rtr"}


def test_claims_filters_entity_contested_min_sources_and_kind(corpus):
    assert [c["kind"] for c in service.corpus_claims(corpus, contested=True)] == ["quantity"]
    assert all(c["independent_sources"] >= 3 for c in service.corpus_claims(corpus, min_sources=3))
    assert {c["kind"] for c in service.corpus_claims(corpus, entity="belarus")} >= {"quantity"}
    assert service.corpus_claims(corpus, entity="Nobody Anywhere") == []
    events = service.corpus_claims(corpus, kind="event")
    assert events and all(c["kind"] == "event" and c["values"] == [] for c in events)
    one = events[0]
    detail = service.corpus_claim(corpus, one["id"])
    shown = ("title", "before", "span", "after")  # what the claim page adds to each source
    assert {**detail, "sources": [{k: v for k, v in s.items() if k not in shown} for s in detail["sources"]]} == one
    assert service.corpus_claim(corpus, "c:q:nope") is None


def _tables(store):
    out = {}
    for table, order in (("claims", "claim_id"), ("claim_sources", "claim_id, doc_id, start"),
                         ("origins", "origin_id"), ("documents", "id"), ("claim_pages", "claim_id")):  # fmt: skip
        cols = "id, origin_id" if table == "documents" else "*"
        out[table] = store.query(f"SELECT {cols} FROM {table} ORDER BY {order}")
    return out


def test_claims_two_chunks_equal_one(corpus, tmp_path):
    store = service.open_store(tmp_path / "chunks.duckdb")
    try:
        _ingest(store, tmp_path, ["ind", "sport", "cite", "ap2"], "one")
        stats = _ingest(store, tmp_path, ["ap1", "ap3", "rtr"], "two")
        # the second chunk recomputed only what it touched: the sport story's claims are left alone
        assert stats["joins"]["claims_new_documents"] == 3
        assert _tables(store) == _tables(corpus)
    finally:
        store.close()


def test_claims_json_shape_has_the_contract_fields(corpus):
    for claim in service.corpus_claims(corpus):
        assert {"id", "kind", "summary", "values", "sources", "independent_sources", "contested"} <= set(claim)
        for s in claim["sources"]:
            assert {"doc_id", "origin", "start", "end", "speaker", "published"} <= set(s)


def test_claims_list_pages_give_what_the_statements_give(corpus):
    # The list reads one page row per claim (store schema 10), kept by the claims build;
    # without them it reads claims and claim_sources: the same claims, statements and counts.
    (n_claims,) = corpus.con.execute("SELECT count(*) FROM claims").fetchall()[0]
    (n_pages,) = corpus.con.execute("SELECT count(*) FROM claim_pages").fetchall()[0]
    assert n_claims == n_pages > 0
    for options in ({}, {"sources": 1}, {"kind": "quantity"}, {"limit": 2}):
        listed = service.corpus_claims(corpus, **options)
        corpus.con.execute("BEGIN TRANSACTION")
        try:
            corpus.con.execute("DELETE FROM claim_pages")
            read = service.corpus_claims(corpus, **options)
        finally:
            corpus.con.execute("ROLLBACK")
        assert listed == read and listed, options


def test_claims_list_pages_keep_the_first_shown_statements(corpus, monkeypatch):
    # With one statement shown per claim, claims with more are cut on their page: the
    # list read from the pages (made again) equals the list read from the statements.
    from newsgraph.store import claim_index

    monkeypatch.setattr(claim_index, "SHOWN", 1)
    monkeypatch.setattr(claims_queries, "SOURCES_SHOWN", 1)
    corpus.con.execute("BEGIN TRANSACTION")
    try:
        claim_index.backfill(corpus.con)
        pages = [(n, json.loads(s)) for n, s in corpus.con.execute("SELECT n_sources, sources FROM claim_pages").fetchall()]
        listed = service.corpus_claims(corpus, sources=1)
        corpus.con.execute("DELETE FROM claim_pages")
        read = service.corpus_claims(corpus, sources=1)
    finally:
        corpus.con.execute("ROLLBACK")
    assert all(len(sources) == 1 for _, sources in pages) and listed == read and listed
    assert any(n > 1 for n, _ in pages)  # claims with more statements than their page shows
