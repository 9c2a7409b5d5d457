"""Ingest end to end on synthetic files: idempotent, resumable, bad inputs to errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import Code
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.runners.ingest import ingest
from newsgraph.runners.sources import count_inputs, expand
from newsgraph.store import Store
from tests.fixtures.corpus import generate

BACKBONE = Path(__file__).parent / "fixtures" / "corpus" / "backbone.toml"


@pytest.fixture(scope="module")
def config():
    return PipelineConfig.from_file(BACKBONE)


def _snapshot(store: Store) -> dict:
    counts = store.counts()
    ids = sorted(r["id"] for r in store.query("SELECT id FROM documents"))
    return {"counts": counts, "ids": ids}


def test_runners_ingest_twice_adds_nothing(tmp_path, config):
    folder = tmp_path / "in"
    generate.write(folder, 12)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "batch.jsonl").write_text('{"id": "j1", "text": "Mayor Clara Voss opened the bridge."}\n{not json\n',
                                        encoding="utf-8")  # fmt: skip
    with Store(tmp_path / "a.duckdb") as store:
        first = ingest([str(folder)], store, workers=0, batch_size=5, config=config, show_progress=False)
        before = _snapshot(store)
        second = ingest([str(folder)], store, workers=0, batch_size=5, config=config, show_progress=False)
        after = _snapshot(store)
    assert (first.written, first.failed) == (13, 2)
    assert second.written == 0 and second.skipped >= 13
    assert before == after
    assert before["counts"]["errors"] == 2 and before["counts"]["documents"] == 13


def test_runners_ingest_resumes_where_it_stopped(tmp_path, config):
    folder = tmp_path / "in"
    generate.write(folder, 6)
    with Store(tmp_path / "partial.duckdb") as store:
        ingest([str(folder)], store, workers=0, config=config, show_progress=False)
    generate.write(folder, 6, start=6)
    with Store(tmp_path / "partial.duckdb") as store:
        resumed = ingest([str(folder)], store, workers=1, batch_size=4, config=config, show_progress=False)
        partial = _snapshot(store)
    with Store(tmp_path / "clean.duckdb") as store:
        ingest([str(folder)], store, workers=0, config=config, show_progress=False)
        clean = _snapshot(store)
    assert (resumed.written, resumed.skipped) == (6, 6)
    assert partial == clean


def test_runners_sources_walk_folders_in_order(tmp_path):
    generate.write(tmp_path / "b", 2)
    generate.write(tmp_path / "a", 2)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("x", encoding="utf-8")
    files = list(expand([str(tmp_path)]))
    assert files == sorted(files) and len(files) == 4
    assert count_inputs([str(tmp_path)]) == 4


def test_runners_ingest_refuses_bad_options_before_reading(tmp_path):
    from newsgraph.errors import ConfigError

    with Store(tmp_path / "o.duckdb") as store:
        for options in ({"published": "24/02/2022"}, {"workers": -1}, {"batch_size": 0}, {"engine": "spark"}):
            with pytest.raises(ConfigError) as bad:
                ingest([str(tmp_path / "nowhere")], store, show_progress=False, **options)
            assert bad.value.code == Code.BAD_CONFIG and next(iter(options)) in str(bad.value)
        assert store.counts()["errors"] == 0  # nothing was read: the missing path never failed
