"""WARC files (``.warc``, ``.warc.gz``) to inputs: one ``InputDoc`` per HTML response.

Only successful (2xx) HTML responses (and HTML ``resource`` records) are articles;
requests, metadata, redirects, images and scripts are skipped without a failure. A body
that cannot be decoded, or a file that is not a valid WARC, becomes a ``Failure``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure, InputDoc, content_id

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


def read_warc(path: str) -> Iterator[InputDoc | Failure]:
    """The HTML pages archived in the WARC at ``path``, with their target URI as ``url``."""
    try:
        with open(path, "rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                item = _to_input(record, f"{path}#{number}")
                if item is not None:
                    yield item
    except OSError as err:
        yield Failure(None, path, Code.NOT_FOUND, f"cannot read WARC file: {err.strerror or err}")
    except ArchiveLoadFailed as err:
        yield Failure(None, path, Code.BINARY, f"not a valid WARC file (or truncated): {err}")


def count_responses(path: str) -> int:
    """How many HTML pages ``read_warc`` would yield (headers only, bodies are not decoded)."""
    try:
        with open(path, "rb") as stream:
            return sum(1 for record in ArchiveIterator(stream) if _content_type(record) is not None)
    except (OSError, ArchiveLoadFailed):
        return 1


def _content_type(record) -> str | None:
    """The record's HTML content type, or None when it is not an archived HTML page."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return None
        status = headers.get_statuscode() or ""
        content_type = headers.get_header("Content-Type") or ""
        if not status.startswith("2"):
            return None
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    return content_type if content_type.split(";")[0].strip().lower() in _HTML_TYPES else None


def _to_input(record, source: str) -> InputDoc | Failure | None:
    content_type = _content_type(record)
    if content_type is None:
        return None
    body = record.content_stream().read()
    url = record.rec_headers.get_header("WARC-Target-URI")
    html = _decode(body, content_type)
    if html is None:
        return Failure(None, source, Code.ENCODING, f"cannot decode the HTML body of {url or 'a response'}")
    return InputDoc(id=content_id(html), html=html, url=url, source=source)


def _decode(body: bytes, content_type: str) -> str | None:
    """Decode with the declared charset (header, then <meta>), then UTF-8; None if all fail."""
    candidates = []
    match = re.search(r"charset=([A-Za-z0-9_\-]+)", content_type, re.I)
    if match:
        candidates.append(match.group(1))
    meta = _CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii"))
    candidates.append("utf-8")
    for charset in candidates:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return None
