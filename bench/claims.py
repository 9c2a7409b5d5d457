"""What origins and claims cost on an analysed store, and what they find.

    .venv/bin/python bench/claims.py --db STORE [--new 100] [--sample 30]

Works on a copy of STORE (the original is left as it is). Times, in one process:
- ``build``: the whole cross-article build (``corpus.build.rebuild``: entity resolution,
  near-duplicates, events, then origins and claims), with the claims step timed apart;
- ``from_scratch``: origins and claims recomputed over every article
  (``claims_build.reset`` then ``update``);
- ``incremental``: the last ``--new`` articles (by id) forgotten by the claims layer and
  added back, as an ingest of that many new articles would.
Then counts: articles, near-duplicate groups, origins, articles that collapse into an
origin of several, claims per kind and those with two or more independent sources,
contested ones; and prints ``--sample`` claims (quantity and quote, two or more sources
first) with each statement's sentence, for a hand check.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from newsgraph.corpus import build, claims_build, claims_queries
from newsgraph.store import Store


def _timed(func, *args):
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    out = func(*args)
    return out, round(time.perf_counter() - start_wall, 2), round(time.process_time() - start_cpu, 2)


def _in_transaction(store: Store, func):
    store.con.execute("BEGIN TRANSACTION")
    try:
        out = func(store)
        store.con.execute("COMMIT")
        return out
    except BaseException:
        store.con.execute("ROLLBACK")
        raise


def _forget(store: Store, ids: list[str]) -> None:
    for table in ("doc_sources", "doc_passages", "claim_statements", "quote_grams"):
        store.con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc_id)", [ids])
    store.con.execute("DELETE FROM origin_links WHERE list_contains(?, doc_a) OR list_contains(?, doc_b)", [ids, ids])
    store.con.execute("UPDATE documents SET origin_id = NULL WHERE list_contains(?, id)", [ids])


def _counts(store: Store) -> dict:
    one = lambda sql: store.con.execute(sql).fetchall()[0][0]  # noqa: E731
    out = {
        "documents": one("SELECT count(*) FROM documents"),
        "near_duplicate_groups_of_2_or_more": one(
            "SELECT count(*) FROM (SELECT group_id FROM doc_groups GROUP BY 1 HAVING count(*) > 1)"),
        "articles_in_near_duplicate_groups": one(
            "SELECT count(*) FROM doc_groups WHERE group_id IN (SELECT group_id FROM doc_groups GROUP BY 1 HAVING count(*) > 1)"),
        "origins": one("SELECT count(*) FROM origins"),
        "origins_of_2_or_more": one("SELECT count(*) FROM origins WHERE n_docs > 1"),
        "links": dict(store.con.execute("SELECT reason, count(*) FROM origin_links GROUP BY 1").fetchall()),
    }  # fmt: skip
    out["articles_collapsed"] = out["documents"] - out["origins"]
    for kind in ("quantity", "quote", "event"):
        out[f"{kind}_claims"] = one(f"SELECT count(*) FROM claims WHERE kind = '{kind}'")
        out[f"{kind}_claims_2_plus_sources"] = one(
            f"SELECT count(*) FROM claims WHERE kind = '{kind}' AND independent_sources >= 2")  # fmt: skip
    out["contested"] = one("SELECT count(*) FROM claims WHERE contested")
    out["quote_claims_speaker_differs"] = one("SELECT count(*) FROM claims WHERE speaker_differs")
    return out


def _sample(store: Store, n: int) -> list[dict]:
    picked = []
    for kind in ("quantity", "quote"):
        rows = claims_queries.claims(store, kind=kind, limit=n)
        picked += rows[: n // 2 if kind == "quantity" else n - len(picked)]
    out = []
    for c in picked:
        full = claims_queries.claim(store, c["id"])
        out.append({"id": c["id"], "summary": c["summary"], "independent_sources": c["independent_sources"],
                    "contested": c["contested"], "speaker_differs": c["speaker_differs"],
                    "statements": [f"[{s['doc_id'][:12]} {s['origin'][:14]} {s['speaker']}] "
                                   f"{(s['before'] + '[[' + s['span'] + ']]' + s['after']).strip()[:300]}"
                                   for s in full["sources"]]})  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="an analysed store (left unchanged: a copy is used)")
    parser.add_argument("--new", type=int, default=100, help="articles re-added for the incremental timing")
    parser.add_argument("--sample", type=int, default=30, help="claims printed for a hand check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.duckdb"
        shutil.copy(args.db, copy)
        with Store(copy) as store:
            timings = {}
            original = claims_build.update
            step = {}

            def timed_update(s):
                out, step["wall"], step["cpu"] = _timed(original, s)
                return out

            claims_build.update = timed_update
            try:
                _, timings["build_wall"], timings["build_cpu"] = _timed(build.rebuild, store)
            finally:
                claims_build.update = original
            timings["claims_in_build_wall"], timings["claims_in_build_cpu"] = step["wall"], step["cpu"]

            def scratch(s):
                claims_build.reset(s)
                return claims_build.update(s)

            _, timings["from_scratch_wall"], timings["from_scratch_cpu"] = _timed(_in_transaction, store, scratch)
            ids = [r[0] for r in store.con.execute("SELECT id FROM documents ORDER BY id DESC LIMIT ?", [args.new]).fetchall()]
            _in_transaction(store, lambda s: _forget(s, ids))
            stats, timings["incremental_wall"], timings["incremental_cpu"] = _timed(
                _in_transaction, store, claims_build.update)  # fmt: skip
            timings["incremental_articles"] = len(ids)
            timings["incremental_recomputed"] = stats
            print(json.dumps({"timings": timings, "counts": _counts(store)}, indent=2))
            print(json.dumps(_sample(store, args.sample), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
