"""One reader for every interface: the same inputs give the same records through
``newsgraph analyze``, ``newsgraph ingest`` (read back from the store) and
``POST /analyze``, and ``--published`` is a default applied alike to every kind of input.
Uses the real default pipeline, loaded once in this process (commands run in-process)."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph import service
from newsgraph.api import create_app
from newsgraph.cli import main

DEFAULT = "2031-03-14"
TEXT = (
    "Mayor Clara Voss opened the new Harbour Bridge in Port Avalon on Tuesday. "
    '"This bridge joins two halves of our city," Voss told reporters.\n'
    "The council spent 40 million euros on the project, which took three years.\n"
)
PAGE = (
    "<!doctype html><html><head><title>Ferry route approved</title></head><body><article>"
    "<h1>Ferry route approved</h1>"
    "<p>The harbour council in Northgate approved a new ferry route to Port Avalon on Monday.</p>"
    "<p>Councillor Omar Haddad said the first boats would sail next month.</p>"
    "</article></body></html>"
)
DATED_PAGE = PAGE.replace("<head>", '<head><meta property="article:published_time" content="2025-07-01">').replace(
    "Monday", "Friday"
)
JSONL = json.dumps({"id": "j-1", "text": "Engineers in Riverton opened the new dam on Friday, the authority said."})
DATED_JSONL = json.dumps(
    {"id": "j-2", "text": "Talks in Riverton ended on Sunday without a deal, the union said.", "published": "2030-05-05"}
)
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Strike ends</title>'
    "<link>https://wire.example/strike</link><description><![CDATA[<p>The dock strike in Northgate ended on "
    "Wednesday after the port agreed to raise wages by four percent.</p>]]></description></item></channel></rss>"
)


def _warc(path) -> None:
    page = PAGE.replace("Monday", "Thursday").encode()
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/ferry", "response", payload=BytesIO(page),
                                                      http_headers=headers))  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("inputs")
    (root / "a-text.txt").write_text(TEXT, encoding="utf-8")
    (root / "b-page.html").write_text(PAGE, encoding="utf-8")
    (root / "c-dated.htm").write_text(DATED_PAGE, encoding="utf-8")
    (root / "d-batch.jsonl").write_text(JSONL + "\n" + DATED_JSONL + "\n", encoding="utf-8")
    (root / "e-wire.rss").write_text(FEED, encoding="utf-8")
    _warc(root / "f-crawl.warc.gz")
    (root / "notes.md").write_text("# notes, not an article\n", encoding="utf-8")
    (root / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return root


def _analyze(paths: list[str], tmp_path, stdin: str | None = None) -> tuple[dict[str, dict], str]:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["analyze", *paths, "--published", DEFAULT, "--output", str(out)], input=stdin)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {r["id"]: r for r in records}, result.stderr


def _ingest(paths: list[str], tmp_path) -> tuple[dict[str, dict], dict, str]:
    db = tmp_path / "store.duckdb"
    args = ["ingest", *paths, "--db", str(db), "--published", DEFAULT, "--workers", "0", "--no-progress"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    with service.open_store(str(db)) as store:
        ids = [row["id"] for row in store.query("SELECT id FROM documents")]
        records = {i: service.get_record(store, i) for i in ids}
    return records, stats, result.stderr


def test_ingest_one_reader_analyze_and_ingest_give_the_same_records(folder, tmp_path, pipeline):
    analysed, analyze_err = _analyze([str(folder)], tmp_path)
    stored, stats, ingest_err = _ingest([str(folder)], tmp_path)
    assert stored == analysed and len(analysed) == 7
    # --published is a default for every kind of input with no date of its own.
    published = {r["metadata"]["source"]: r["metadata"]["published"] for r in analysed.values()}
    assert published == {
        str(folder / "a-text.txt"): DEFAULT,
        str(folder / "b-page.html"): DEFAULT,
        str(folder / "c-dated.htm"): "2025-07-01",  # the page's own date wins
        f"{folder / 'd-batch.jsonl'}:1": DEFAULT,
        f"{folder / 'd-batch.jsonl'}:2": "2030-05-05",  # the line's own date wins
        f"{folder / 'e-wire.rss'}#1": DEFAULT,
        f"{folder / 'f-crawl.warc.gz'}#1": DEFAULT,
    }
    # A glob reads what the folder walk reads.
    assert _analyze([str(folder / "*")], tmp_path)[0] == analysed
    # Files that are not articles are listed with the reason, by both commands, and not read.
    not_read = {str(folder / n) for n in ("data.csv", "notes.md", "photo.png")}
    assert {s["source"] for s in stats["skipped_files"]} == not_read
    assert all("not an article file" in s["reason"] for s in stats["skipped_files"])
    for stderr in (analyze_err, ingest_err):
        assert {line.split(": ")[1] for line in stderr.splitlines() if line.startswith("skipped: ")} == not_read


def test_ingest_one_reader_post_analyze_gives_the_same_records(folder, tmp_path, pipeline):
    paths = [str(folder / n) for n in ("a-text.txt", "b-page.html", "d-batch.jsonl")]
    analysed, _ = _analyze(paths, tmp_path)
    stored, _, _ = _ingest(paths, tmp_path)
    bodies = [
        {"text": TEXT, "published": DEFAULT},
        {"html": PAGE, "published": DEFAULT},
        {"id": "j-1", "text": json.loads(JSONL)["text"], "published": DEFAULT},
        {"id": "j-2", "text": json.loads(DATED_JSONL)["text"], "published": "2030-05-05"},
    ]
    posted = {}
    with TestClient(create_app(tmp_path / "api.duckdb", token="tok")) as client:
        for body in bodies:
            response = client.post("/analyze", json=body, headers={"Authorization": "Bearer tok"})
            assert response.status_code == 200, response.text
            record = response.json()["record"]
            posted[record["id"]] = record
    assert set(posted) == set(analysed) == set(stored)
    (from_stdin,) = _analyze(["-"], tmp_path, stdin=PAGE)[0].values()
    assert from_stdin["metadata"]["source"] == "stdin"
    assert _without_source(from_stdin) == _without_source(analysed[from_stdin["id"]])
    for doc_id, record in posted.items():
        # The one difference allowed: a file's record names its path as its source.
        for other in (analysed[doc_id], stored[doc_id]):
            assert _without_source(record) == _without_source(other), doc_id


def _without_source(record: dict) -> dict:
    return {**record, "metadata": {k: v for k, v in record["metadata"].items() if k != "source"}}
