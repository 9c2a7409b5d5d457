"""A slice of the BBC corpus (../shared/data) through ingest, joins, queries and exports:
real articles, the default pipeline. Skipped when the data is absent."""

from __future__ import annotations

import pytest

from newsgraph import service
from newsgraph.store import Store

pytestmark = [pytest.mark.data, pytest.mark.slow]


def test_corpus_bbc_slice_ingests_joins_and_exports(shared_data, tmp_path):
    folder = shared_data / "corpora" / "bbc-news" / "dataset" / "data_files" / "politics"
    files = sorted(folder.glob("*.txt"))[:12]
    with Store(tmp_path / "bbc.duckdb") as store:
        stats = service.ingest(store, [str(f) for f in files], workers=0, show_progress=False)
        assert stats["written"] + stats["failed"] == len(files) and stats["written"] >= 10
        people = service.corpus_entities(store, type="PERSON", limit=5)
        assert people and all(p["n_docs"] >= 1 for p in people)
        profile = service.corpus_entity(store, people[0]["name"])
        assert profile["mentions"]["total"] >= 1
        assert all(m["text"] for m in profile["mentions"]["items"])
        out = service.corpus_export(store, "gkg", str(tmp_path / "bbc.gkg.csv"))
        assert out["rows"] + out["undated"] == stats["written"]  # BBC files carry no date: left out
    rows = (tmp_path / "bbc.gkg.csv").read_text(encoding="utf-8").splitlines()
    assert all(len(r.split("\t")) == 27 for r in rows)
