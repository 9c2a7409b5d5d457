"""The corpus commands: thin layers over the service, tables or JSON."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import Store
from tests.fixtures.corpus.synthetic import analysed, corpus, write_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "c.duckdb"
    write_store(path, corpus())
    return str(path)


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_corpus_entities_json_resolves_across_articles(db):
    rows = json.loads(run("entities", "--db", db, "--format", "json"))
    people = {r["name"]: r for r in rows if r["type"] == "PERSON"}
    assert set(people) == {"Joe Biden", "Hunter Biden"}
    assert people["Joe Biden"]["n_docs"] == 3 and people["Joe Biden"]["n_stories"] == 2
    assert "Joe Biden" in run("entities", "--db", db, "--type", "person")


def test_cli_corpus_entity_profile(db):
    profile = json.loads(run("entity", "President Biden", "--db", db, "--format", "json"))
    assert profile["entity"]["name"] == "Joe Biden"
    assert profile["offices"][0]["title"] == "President"
    assert [q["text"] for q in profile["quotes"]] == ["We will defend every inch of allied territory,"]
    assert profile["quotes"][0]["copies"] == 2  # said once, carried by two wire copies
    assert {c["name"] for c in profile["cooccurring"]} >= {"Lithuania", "Vilnius"}
    assert all(0 < e["confidence"] <= 1 and e["evidence"] for e in profile["evidence"])
    assert "Offices" in run("entity", "Joe Biden", "--db", db)


def test_cli_corpus_unknown_entity_exits_1(db):
    result = CliRunner().invoke(main, ["entity", "Nobody Atall", "--db", db])
    assert result.exit_code == 1


def test_cli_corpus_quotes_events_timeline(db):
    quotes = json.loads(run("quotes", "--db", db, "--speaker", "Hunter Biden", "--format", "json"))
    assert [q["text"] for q in quotes] == ["I have nothing to hide,"]
    events = json.loads(run("events", "--db", db, "--type", "mobilize", "--country", "lt", "--format", "json"))
    assert len(events) == 1 and events[0]["n_reports"] == 3 and events[0]["n_stories"] == 2
    assert json.loads(run("events", "--db", db, "--since", "2023-08-01", "--format", "json")) == []
    assert json.loads(run("events", "--db", db, "--actor", "Hunter Biden", "--format", "json")) == []
    days = json.loads(run("timeline", "--db", db, "--entity", "Joe Biden", "--format", "json"))["days"]
    assert [d["day"] for d in days] == ["2023-07-11", "2023-07-13"]
    story = json.loads(run("timeline", "--db", db, "--story", corpus()[0].id, "--format", "json"))
    assert len(story["articles"]) == 2 and sum(a["canonical"] for a in story["articles"]) == 1


def test_cli_corpus_export_formats(db, tmp_path):
    out = json.loads(run("export", "--db", db, "--format", "jsonl", "-o", str(tmp_path / "r.jsonl")))
    assert out["rows"] == 5
    assert len((tmp_path / "r.jsonl").read_text().splitlines()) == 5
    out = json.loads(run("export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "pq")))
    assert out["rows"]["documents"] == 5 and (tmp_path / "pq" / "entity_links.parquet").exists()


def test_cli_corpus_query_without_store_is_a_store_error(tmp_path):
    result = CliRunner().invoke(main, ["entities", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 4 and "newsgraph ingest" in result.output and "[E501]" in result.output
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize("command", ["ingest", "build", "errors", "entities", "entity", "quotes", "events", "timeline", "export"])
def test_cli_corpus_commands_are_documented(command):
    from pathlib import Path

    doc = (Path(__file__).parents[1] / "docs" / "corpus.md").read_text(encoding="utf-8")
    assert f"newsgraph {command}" in doc
    options = [p for p in main.commands[command].params if p.param_type_name == "option"]
    assert [p.opts for p in options if not any(o in doc for o in p.opts)] == []


# --- reads never write; the store's refusals are one line; failures a user can see -----

BACKBONE = str(Path(__file__).parent / "fixtures" / "corpus" / "backbone.toml")
HOLD = ("import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('held', flush=True); "
        "sys.stdin.read(); con.close()")  # fmt: skip


def _digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _cli(*args):
    """The CLI in a fresh process, as a user runs it: (exit code, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-m", "newsgraph", *map(str, args)], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    return done.returncode, done.stdout, done.stderr


@pytest.fixture()
def stale_db(tmp_path):
    """A store whose documents were added after its cross-article tables were built."""
    path = tmp_path / "stale.duckdb"
    write_store(path, corpus()[:2])
    with Store(path) as store:
        store.write([analysed(r) for r in corpus()[2:]])
    return path


READS = [("entities",), ("entity", "Joe Biden"), ("quotes",), ("events",), ("timeline",), ("errors",),
         ("export", "--format", "jsonl", "-o", "{out}")]  # fmt: skip


@pytest.mark.parametrize("command", READS, ids=[c[0] for c in READS])
def test_cli_corpus_read_commands_leave_the_store_byte_identical(stale_db, tmp_path, command):
    before = _digest(stale_db)
    args = [a.format(out=tmp_path / "out.jsonl") for a in command]
    result = CliRunner().invoke(main, [*args, "--db", str(stale_db)])
    assert result.exit_code == 0, result.output
    assert _digest(stale_db) == before
    assert list(stale_db.parent.glob("*.wal")) == []
    if command[0] != "errors":
        assert f"run `newsgraph build --db {stale_db}`" in result.stderr  # says so, does not build


def test_cli_corpus_build_is_the_explicit_writer_step(stale_db):
    result = CliRunner().invoke(main, ["build", "--db", str(stale_db)])
    assert result.exit_code == 0 and json.loads(result.stdout)["graph_entities"] > 0
    again = CliRunner().invoke(main, ["entities", "--db", str(stale_db)])
    assert again.exit_code == 0 and "warning" not in again.stderr
    missing = CliRunner().invoke(main, ["build", "--db", str(stale_db.parent / "none.duckdb")])
    assert missing.exit_code == 4 and not (stale_db.parent / "none.duckdb").exists()


@pytest.mark.parametrize("command", [("ingest", "{folder}"), ("entities",), ("build",)])
def test_cli_corpus_locked_store_is_one_line_exit_4(tmp_path, command):
    path = tmp_path / "held.duckdb"
    write_store(path, corpus()[:1])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Mayor Clara Voss opened the bridge.", encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"held\n"
        code, out, err = _cli(*[a.format(folder=tmp_path / "in") for a in command], "--db", path)
    finally:
        holder.communicate(b"")
    assert code == 4, err
    assert err.splitlines() == [err.strip()] and "Traceback" not in err
    assert err.startswith(f"error: store {path} is locked by another process (PID {holder.pid})")
    assert err.strip().endswith("[E502]")


@pytest.mark.parametrize("content, code", [(b"just some notes\n" * 50, "E503"), (b"", "E503")])
def test_cli_corpus_a_file_that_is_not_a_store_is_one_line_exit_4(tmp_path, content, code):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["entities", "--db", str(path)])
    assert result.exit_code == 4 and result.stderr.count("\n") == 1 and f"[{code}]" in result.stderr
    assert path.read_bytes() == content


def _failing_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text("Mayor Clara Voss opened the new bridge in Ghent on Monday.", encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "batch.jsonl").write_text('{"id": "j2", "text": "Minister Ada Brandt visited Riga.", '
                                        '"published": "24/02/2022"}\n', encoding="utf-8")  # fmt: skip


def _ingest(folder, db):
    return CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--workers", "0", "--no-progress",
                                     "--config", BACKBONE])  # fmt: skip


def test_cli_corpus_ingest_reports_failures_exits_3_and_retries_them(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "f.duckdb"
    _failing_folder(folder)
    first = _ingest(folder, db)
    assert first.exit_code == 3, first.output
    failed = [line for line in first.stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 2 and any("[E101]" in f for f in failed)
    assert any(f.startswith("failed: j2 (") and "[E110]" in f and "24/02/2022" in f for f in failed)
    assert "1 written, 0 skipped (already in the store" in first.stderr and "2 failed" in first.stderr
    assert json.loads(first.stdout)["failed"] == 2
    listed = json.loads(CliRunner().invoke(main, ["errors", "--db", str(db), "--format", "json"]).stdout)
    assert sorted(e["code"] for e in listed) == ["E101", "E110"]

    (folder / "empty.txt").write_text("Police in Ostend arrested 30 people after the protest.", encoding="utf-8")
    (folder / "batch.jsonl").write_text('{"id": "j2", "text": "Minister Ada Brandt visited Riga.", '
                                        '"published": "2022-02-24"}\n', encoding="utf-8")  # fmt: skip
    second = _ingest(folder, db)
    assert second.exit_code == 0, second.output
    assert "2 written, 1 skipped (already in the store" in second.stderr and "0 failed" in second.stderr
    with Store(db, read_only=True) as store:
        assert store.errors() == [] and store.counts()["documents"] == 3
        assert store.query("SELECT published FROM documents WHERE id = 'j2'") == [{"published": "2022-02-24"}]


def test_cli_corpus_errors_retry_and_clear(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "r.duckdb"
    _failing_folder(folder)
    assert _ingest(folder, db).exit_code == 3
    (folder / "empty.txt").write_text("Police in Ostend arrested 30 people after the protest.", encoding="utf-8")
    retry = CliRunner().invoke(main, ["errors", "--db", str(db), "--retry", "--workers", "0", "--no-progress"])
    assert retry.exit_code == 3 and "1 written" in retry.stderr and "1 failed" in retry.stderr  # j2 still bad
    with Store(db, read_only=True) as store:
        assert [e["code"] for e in store.errors()] == ["E110"]
    cleared = CliRunner().invoke(main, ["errors", "--db", str(db), "--clear"])
    assert cleared.exit_code == 0 and "cleared 1" in cleared.stderr
    assert json.loads(CliRunner().invoke(main, ["errors", "--db", str(db), "--format", "json"]).stdout) == []


BAD_OPTIONS = [
    (["ingest", "{folder}", "--published", "24/02/2022"], "YYYY-MM-DD"),
    (["ingest", "{folder}", "--published", "2022-02-30"], "no such day"),
    (["ingest", "{folder}", "--workers", "-1"], "--workers"),
    (["ingest", "{folder}", "--batch-size", "0"], "--batch-size"),
    (["events", "--type", "INVADE"], "PLOVER"),
    (["events", "--since", "yesterday"], "YYYY-MM-DD"),
    (["events", "--until", "2022-13-01"], "no such day"),
    (["events", "--country", "Ukraine"], "two-letter"),
    (["entities", "--limit", "0"], "--limit"),
]


@pytest.mark.parametrize("args, says", BAD_OPTIONS, ids=[" ".join(a[:1] + a[2:]) for a, _ in BAD_OPTIONS])
def test_cli_corpus_bad_option_values_exit_2_before_anything_is_read(tmp_path, args, says):
    db = tmp_path / "never.duckdb"
    result = CliRunner().invoke(main, [a.format(folder=tmp_path) for a in args] + ["--db", str(db)])
    assert result.exit_code == 2 and says in result.stderr
    assert not db.exists()  # the store was not even opened


def test_cli_corpus_unknown_entity_suggests_and_never_substitutes(db):
    result = CliRunner().invoke(main, ["entity", "Nobody Atall", "--db", db, "--format", "json"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("no entity 'Nobody Atall'")
    typo = CliRunner().invoke(main, ["entity", "Joe Bidden", "--db", db])
    assert typo.exit_code == 1 and "did you mean Joe Biden (PERSON)" in typo.stderr


def test_cli_corpus_unwritable_output_is_one_line(db, tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl", "-o", str(tmp_path / "no" / "x.jsonl")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "No such file or directory" in result.stderr
