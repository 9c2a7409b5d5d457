"""``--engine ray`` on a local one-CPU Ray: the same records as the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.pipeline.config import PipelineConfig
from newsgraph.runners.ingest import ingest
from newsgraph.store import Store
from tests.fixtures.corpus import generate

ray = pytest.importorskip("ray")

BACKBONE = Path(__file__).parent / "fixtures" / "corpus" / "backbone.toml"


@pytest.fixture(scope="module")
def local_ray():
    """A Ray started by this test and stopped after it (nothing else is touched)."""
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def _store_state(path: Path) -> dict:
    with Store(path) as store:
        records = {r["id"]: r["record"] for r in store.query("SELECT id, record FROM documents")}
        counts = store.counts()
        errors = sorted(r["key"] for r in store.query("SELECT key FROM errors"))
    return {"records": records, "counts": counts, "errors": errors}


@pytest.mark.slow
def test_runners_ray_matches_the_local_run(tmp_path, local_ray):
    folder = tmp_path / "in"
    generate.write(folder, 5)
    (folder / "blank.txt").write_text("  \n", encoding="utf-8")
    config = PipelineConfig.from_file(BACKBONE)
    with Store(tmp_path / "ray.duckdb") as store:
        stats = ingest([str(folder)], store, engine="ray", config=config, batch_size=2, show_progress=False,
                       shard_dir=str(tmp_path / "shards"))  # fmt: skip
        assert (stats.written, stats.failed) == (5, 1)
        again = ingest([str(folder)], store, engine="ray", config=config, batch_size=2, show_progress=False)
        # failed inputs are not "known": the blank one is tried again and fails again
        assert (again.written, again.skipped, again.failed) == (0, 5, 1)
    with Store(tmp_path / "local.duckdb") as store:
        ingest([str(folder)], store, workers=0, config=config, show_progress=False)
    assert list((tmp_path / "shards").rglob("*.parquet"))
    ray_state, local_state = _store_state(tmp_path / "ray.duckdb"), _store_state(tmp_path / "local.duckdb")
    assert ray_state == local_state
    assert len(ray_state["records"]) == 5
