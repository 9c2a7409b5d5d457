"""`newsgraph watch`: new inputs each cycle, stored ones skipped, a restart resumes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.corpus.build import update
from newsgraph.errors import ConfigError
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.runners.ingest import ingest
from newsgraph.runners.watch import parse_every, watch
from newsgraph.store import Store
from newsgraph.store.schema import CORPUS_TABLES
from tests.fixtures.corpus import generate

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def config():
    return PipelineConfig.from_file(FIXTURES / "backbone.toml")


def _state(store: Store) -> dict:
    tables = {t: sorted(map(repr, store.con.execute(f"SELECT * FROM {t}").fetchall())) for t in CORPUS_TABLES}
    return {"ids": sorted(store.document_ids()), **tables}


def test_watch_picks_up_new_files_skips_stored_and_resumes_after_restart(tmp_path, config):
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    generate.write(folder, 4)
    shutil.copy(FIXTURES / "feed.rss", tmp_path / "feed.rss")
    paths = [str(folder), str(tmp_path / "feed.rss")]
    lines, slept = [], []

    def sleep(seconds):  # between cycles: two more articles arrive
        slept.append(seconds)
        generate.write(folder, 2, start=4 + 2 * (len(slept) - 1))

    with Store(db) as store:
        first = watch(store, paths, every=60, cycles=3, on_cycle=lambda c: lines.append(c.line()), sleep=sleep,
                      workers=0, config=config)  # fmt: skip
    feed = first[0].new - 4
    # The feed's empty item fails every cycle: failures are tried again each time.
    assert feed > 0 and [(c.new, c.failed) for c in first] == [(4 + feed, 1), (2, 1), (2, 1)]
    assert [c.skipped for c in first] == [0, 4 + feed, 6 + feed]
    assert len(slept) == 2 and all(0 <= s <= 60 for s in slept)
    assert lines[1].startswith("watch: cycle 2: 2 new, ") and lines[1].endswith(" s")
    with Store(db) as store:  # a restart: nothing new, nothing analysed again
        (again,) = watch(store, paths, every=60, cycles=1, workers=0, config=config)
        resumed = _state(store)
    assert (again.new, again.skipped) == (0, 8 + feed)
    with Store(tmp_path / "clean.duckdb") as store:  # one ingest of everything gives the same store
        ingest(paths, store, workers=0, config=config, show_progress=False)
        update(store)
        assert _state(store) == resumed


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("30s", 30), ("1h", 3600), ("90", 90), ("0.5m", 30)])
def test_watch_periods(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "15 minutes", "-5m", "m"])
def test_watch_bad_period_is_a_coded_error_and_exit_2(text, tmp_path):
    with pytest.raises(ConfigError, match="every"):
        parse_every(text)
    result = CliRunner().invoke(main, ["watch", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--every", text])
    assert result.exit_code == 2 and not (tmp_path / "x.duckdb").exists()


def test_watch_cli_once_logs_one_line(tmp_path):
    (tmp_path / "in").mkdir()
    result = CliRunner().invoke(main, ["watch", str(tmp_path / "in"), "--db", str(tmp_path / "x.duckdb"), "--once",
                                       "--workers", "0"])  # fmt: skip
    assert result.exit_code == 0, result.output
    # An empty folder is a failed input (nothing to read), as for `ingest`.
    assert re.fullmatch(r"watch: cycle 1: 0 new, 0 skipped, 1 failed, \d+\.\d s", result.stderr.strip())
