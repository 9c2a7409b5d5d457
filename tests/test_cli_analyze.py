"""End to end: the installed ``newsgraph`` command on files, JSONL batches and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

CLI = [sys.executable, "-m", "newsgraph"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    good = (EXAMPLES / "port-strike.txt").read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "good-1", "text": good, "published": "2031-03-14"}),
        "{not json",
        json.dumps({"id": "empty-1", "text": "   "}),
        json.dumps({"id": "verbatim-1", "text": "  Anna Kowalczyk said on Friday that Poland would help.  ", "clean": False}),
        json.dumps({"id": "bad-date", "text": good, "published": "14/03/2031"}),
    ]
    path = folder / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_analyze_jsonl_batch_goes_on_after_failures(batch, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("analyze", "--input", str(batch), "--output", str(out))
    assert result.returncode == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["good-1", "verbatim-1"]
    verbatim = records[1]
    assert verbatim["text"] == "  Anna Kowalczyk said on Friday that Poland would help.  "
    assert "Traceback" not in result.stderr
    assert f"{batch}:2" in result.stderr and "E107" in result.stderr
    assert "empty-1" in result.stderr and "E101" in result.stderr
    assert "bad-date" in result.stderr and "E110" in result.stderr
    assert "3 input(s) failed" in result.stderr


def test_cli_analyze_single_file_json(tmp_path):
    result = run("analyze", str(EXAMPLES / "alliance-summit.txt"), "--published", "2031-03-14", "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["metadata"]["published"] == "2031-03-14"
    assert record["entities"], "expected entities in the example article"


def test_cli_analyze_summary_names_people():
    result = run("analyze", str(EXAMPLES / "port-strike.txt"), "--format", "summary")
    assert result.returncode == 0, result.stderr
    assert "Entities" in result.stdout and "Pieter van Dam" in result.stdout


def test_cli_analyze_stdin_and_missing_file():
    result = run("analyze", "-", "/no/such/file.txt", "--format", "jsonl", stdin="Anna Kowalczyk visited Poland on Friday.")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert "/no/such/file.txt" in result.stderr and "Traceback" not in result.stderr


def test_cli_analyze_usage_error_without_inputs():
    result = run("analyze")
    assert result.returncode == 2
    assert "give FILES or --input" in result.stderr


def test_cli_analyze_refuses_a_bad_published_date_before_reading(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday. It approved the budget.", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(article), "--published", "24/02/2022"])
    assert result.exit_code == 2
    assert "expected a date as YYYY-MM-DD" in result.output
