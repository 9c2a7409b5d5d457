"""Readers: files, folders, globs, JSONL validation, stdin sniffing and bad input."""

from __future__ import annotations

import io
import json

import pytest

from newsgraph.errors import Code
from newsgraph.ingest import readers
from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.ingest.readers import read_jsonl, read_paths, read_stdin

ARTICLE = "The council met on Tuesday and approved the budget for the new bridge.\n"
PAGE = "<!doctype html><html><body><article><p>The council met on Tuesday.</p></article></body></html>"


def _one(items):
    (item,) = list(items)
    return item


def test_ingest_readers_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    item = _one(read_paths([str(path)], published="2024-05-01"))
    assert isinstance(item, InputDoc)
    assert item.text == ARTICLE and item.html is None
    assert item.published is None and item.default_published == "2024-05-01" and item.source == str(path)
    assert item.id.startswith("sha1:")


def test_ingest_readers_html_by_suffix_and_by_sniffing(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.dat").write_text(PAGE, encoding="utf-8")
    by_suffix = _one(read_paths([str(tmp_path / "page.html")]))
    sniffed = _one(read_paths([str(tmp_path / "page.dat")]))
    assert by_suffix.html == PAGE and by_suffix.text is None
    assert sniffed.html == PAGE


def test_ingest_readers_folder_is_recursive_and_skips_other_files(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": ARTICLE}) + "\n")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored")
    items = list(read_paths([str(tmp_path)]))
    assert [type(i) for i in items] == [InputDoc, InputDoc, InputDoc]
    assert {i.id for i in items} >= {"c1"}


def test_ingest_readers_glob_and_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE + "More.", encoding="utf-8")
    matched = list(read_paths([str(tmp_path / "*.txt")]))
    assert [i.source for i in matched] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    nothing = _one(read_paths([str(tmp_path / "*.nope")]))
    missing = _one(read_paths([str(tmp_path / "missing.txt")]))
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    for failure in (nothing, missing, _one(read_paths([str(empty_dir)]))):
        assert isinstance(failure, Failure) and failure.code is Code.NOT_FOUND


def test_ingest_readers_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    failure = _one(read_paths([str(path)]))
    assert failure.code is Code.BINARY and failure.source == str(path)


def test_ingest_readers_a_few_bad_bytes_are_repaired_and_reported(tmp_path):
    path = tmp_path / "pound.txt"
    path.write_bytes("The club paid ".encode() + b"\xa3" + "15m for the striker, a record fee.".encode())
    item = _one(read_paths([str(path)]))
    assert isinstance(item, InputDoc)
    (repair,) = item.repairs
    assert item.text[repair.start : repair.end] == "£" == repair.char
    assert repair.raw == "\\xa3"


def test_ingest_readers_undecodable_text_is_encoding_failure(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Le café était fermé à Noël, dit-on. " * 20).encode("latin-1"))
    failure = _one(read_paths([str(path)]))
    assert failure.code is Code.ENCODING
    assert "UTF-8" in failure.reason


def test_ingest_readers_too_large_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written
    monkeypatch.setattr(readers.Path, "read_bytes", lambda self: pytest.fail("read a too-large file"))
    failure = _one(read_paths([str(path)]))
    assert failure.code is Code.TOO_LARGE and "52,428,800 bytes" in failure.reason


def test_ingest_readers_jsonl_validates_each_field(tmp_path):
    lines = [
        {"id": "ok", "text": ARTICLE, "published": "2024-05-01", "clean": False},
        {"id": "no-body"},
        {"id": "both", "text": "a", "html": "<p>a</p>"},
        {"id": "bad-text", "text": 42},
        {"id": "bad-clean", "text": "a", "clean": "yes"},
        {"id": "bad-title", "text": "a", "title": ["x"]},
        {"id": ["not", "an", "id"], "text": "a"},
    ]
    path = tmp_path / "batch.jsonl"
    body = "\n".join(json.dumps(line) for line in lines) + "\n\n[1, 2]\n{oops\n"
    path.write_text(body, encoding="utf-8")
    items = list(read_jsonl(str(path)))
    ok = items[0]
    assert isinstance(ok, InputDoc) and ok.id == "ok" and ok.clean is False and ok.published == "2024-05-01"
    failures = items[1:]
    assert [f.code for f in failures[:6]] == [Code.BAD_FIELD] * 6
    assert [f.source for f in failures[:6]] == [f"{path}:{n}" for n in range(2, 8)]
    assert failures[0].id == "no-body" and '"text"' in failures[0].reason
    assert '"text" must be a string' in failures[2].reason
    assert [f.code for f in failures[6:]] == [Code.BAD_JSON, Code.BAD_JSON]
    assert failures[-1].source == f"{path}:10"


def test_ingest_readers_jsonl_id_defaults_to_content_id(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"id": 7, "html": PAGE}) + "\n")
    first, second = read_paths([str(path)])
    assert first.id.startswith("sha1:") and second.id == "7" and second.html == PAGE


def test_ingest_readers_stdin_sniffs_jsonl_html_and_text():
    jsonl = b'\n{"id": "s1", "text": "One."}\n{"id": "s2", "html": "<p>Two.</p>"}\n'
    items = list(read_stdin(io.BytesIO(jsonl)))
    assert [i.id for i in items] == ["s1", "s2"] and items[0].source == "stdin:2"
    page = _one(read_stdin(io.BytesIO(PAGE.encode())))
    text = _one(read_stdin(io.BytesIO(ARTICLE.encode()), published="2024-01-02"))
    assert page.html == PAGE and text.text == ARTICLE and text.default_published == "2024-01-02"
    assert _one(read_stdin(io.BytesIO(b"\x00\x01\x02binary"))).code is Code.BINARY


def test_ingest_readers_missing_warc_and_feed_readers_fail_clearly(tmp_path, monkeypatch):
    monkeypatch.setitem(readers._PLUGINS, "warc", ("newsgraph.ingest.no_such_warc", "read_warc", "WARC"))
    monkeypatch.setitem(readers._PLUGINS, "feed", ("newsgraph.ingest.no_such_feeds", "read_feed", "feed"))
    for name in ("crawl.warc.gz", "news.rss"):
        (tmp_path / name).write_bytes(b"x")
        failure = _one(read_paths([str(tmp_path / name)]))
        assert isinstance(failure, Failure) and "reader" in failure.reason


def test_ingest_readers_dispatch_warc_to_its_reader(tmp_path, monkeypatch):
    import sys
    import types

    module = types.ModuleType("fake_warc")
    module.read_warc = lambda path: iter([InputDoc(id="w1", html=PAGE, source=f"{path}#1")])
    monkeypatch.setitem(sys.modules, "fake_warc", module)
    monkeypatch.setitem(readers._PLUGINS, "warc", ("fake_warc", "read_warc", "WARC"))
    (tmp_path / "crawl.warc").write_bytes(b"WARC/1.0")
    item = _one(read_paths([str(tmp_path / "crawl.warc")], published="2024-05-01", clean=False))
    assert item.id == "w1" and item.default_published == "2024-05-01" and item.clean is False


def test_ingest_readers_html_declaring_a_legacy_charset_is_decoded_with_it(tmp_path):
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 cr\xe8me, \xa35</p></body></html>'
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("latin-1"))
    item = _one(read_paths([str(path)]))
    assert "Café crème, £5" in item.html and item.repairs == ()


def test_ingest_readers_folder_lists_what_it_does_not_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "logo.PNG").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "sitemap.xml").write_text("<urlset></urlset>", encoding="utf-8")
    (tmp_path / "SOURCE.txt").write_text("Where these files come from.", encoding="utf-8")
    skipped = []
    items = list(read_paths([str(tmp_path)], on_skip=skipped.append))
    assert [i.source for i in items] == [str(tmp_path / "a.txt")]
    reasons = {s.source: s.reason for s in skipped}
    assert set(reasons) == {str(tmp_path / n) for n in ("notes.md", "data.csv", "logo.PNG", "sitemap.xml", "SOURCE.txt")}
    assert "not an article file" in reasons[str(tmp_path / "notes.md")] and ".html" in reasons[str(tmp_path / "notes.md")]
    assert "not an RSS or Atom feed" in reasons[str(tmp_path / "sitemap.xml")]
    # Named explicitly, a file is read whatever its suffix.
    assert _one(read_paths([str(tmp_path / "notes.md")])).text == "# notes"


def test_ingest_readers_glob_skips_non_article_matches(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    skipped = []
    items = list(read_paths([str(tmp_path / "a.*")], on_skip=skipped.append))
    assert [i.source for i in items] == [str(tmp_path / "a.txt")]
    assert [s.source for s in skipped] == [str(tmp_path / "a.csv")]


def test_ingest_readers_count_matches_what_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "One."}\n\n{"text": "Two."}\n', encoding="utf-8")
    (tmp_path / "c.md").write_text("x", encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]
    assert readers.count_inputs(paths) == len(list(read_paths(paths))) == 4
