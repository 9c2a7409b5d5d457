"""WARC files become one input per archived HTML page; the rest is skipped."""

from __future__ import annotations

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.ingest.warc import count_responses, read_warc

PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Dam opens</title></head><body><article>"
    "<p>Engineers in Riverton opened the new dam on Friday, the regional authority said.</p>"
    "</article></body></html>"
)


def _response(writer, url, body: bytes, status="200 OK", content_type="text/html; charset=utf-8"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))


def make_warc(path, gzip=True):
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warc_record("https://news.example/dam", "request", payload=BytesIO(b"GET /")))
        _response(writer, "https://news.example/dam", PAGE.encode("utf-8"))
        _response(writer, "https://news.example/gone", b"<html>not here</html>", status="404 Not Found")
        _response(writer, "https://news.example/logo.png", b"\x89PNG...", content_type="image/png")
        _response(writer, "https://news.example/latin", "<html><body><p>Caf\xe9 opens</p></body></html>".encode("latin-1"),
                  content_type="text/html; charset=iso-8859-1")  # fmt: skip


def test_ingest_warc_reads_html_responses_only(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    make_warc(path)
    items = list(read_warc(str(path)))
    assert count_responses(str(path)) == len(items) == 2
    dam, latin = items
    assert isinstance(dam, InputDoc) and dam.html == PAGE and dam.url == "https://news.example/dam"
    assert dam.text is None and dam.source.startswith(str(path))
    assert "Café" in latin.html


def test_ingest_warc_uncompressed_and_ids_are_content_hashes(tmp_path):
    make_warc(tmp_path / "a.warc", gzip=False)
    make_warc(tmp_path / "b.warc.gz")
    ids_a = [i.id for i in read_warc(str(tmp_path / "a.warc"))]
    ids_b = [i.id for i in read_warc(str(tmp_path / "b.warc.gz"))]
    assert ids_a == ids_b and len(set(ids_a)) == 2


def test_ingest_warc_bad_file_is_a_failure(tmp_path):
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"not-a-warc-file" * 50)
    items = list(read_warc(str(bad)))
    assert items and isinstance(items[-1], Failure) and items[-1].source == str(bad)
    (missing,) = read_warc(str(tmp_path / "none.warc"))
    assert missing.code == Code.NOT_FOUND
