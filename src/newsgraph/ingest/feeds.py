"""RSS and Atom feed files to inputs: one ``InputDoc`` per entry.

An entry's full content (or, failing that, its summary) is the article: HTML content is
wrapped in a minimal page (title + article body) so the HTML extractor sees a document,
plain text is passed as text. The entry link is the ``url`` and its published (or updated)
date the ``published`` date. An entry with no content becomes a ``Failure``.
"""

from __future__ import annotations

import html as htmllib
import time
from collections.abc import Iterator

import feedparser

from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure, InputDoc, content_id

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(path: str) -> Iterator[InputDoc | Failure]:
    """The entries of the RSS/Atom file at ``path``."""
    parsed = _parse(path)
    if isinstance(parsed, Failure):
        yield parsed
        return
    for number, entry in enumerate(parsed.entries, 1):
        yield _to_input(entry, f"{path}#{number}")


def count_entries(path: str) -> int:
    """How many entries ``read_feed`` would yield."""
    parsed = _parse(path)
    return 1 if isinstance(parsed, Failure) else len(parsed.entries)


def _parse(path: str):
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        return Failure(None, path, Code.NOT_FOUND, f"cannot read feed file: {err.strerror or err}")
    parsed = feedparser.parse(data)
    if not parsed.entries and parsed.get("bozo"):
        return Failure(None, path, Code.BAD_FIELD, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
    return parsed


def _to_input(entry, source: str) -> InputDoc | Failure:
    value, kind = _body(entry)
    title = entry.get("title") or None
    url = entry.get("link") or None
    published = _date(entry)
    if not value or not value.strip():
        return Failure(None, source, Code.EMPTY, f"feed entry {url or title or ''} has no content or summary")
    if kind in _HTML_TYPES:
        page = _page(value, title)
        return InputDoc(id=content_id(page), html=page, url=url, title=title, published=published, source=source)
    return InputDoc(id=content_id(value), text=value, url=url, title=title, published=published, source=source)


def _body(entry) -> tuple[str | None, str]:
    """The entry's content (preferred) or summary, and its media type."""
    for content in entry.get("content") or []:
        if content.get("value"):
            return content["value"], (content.get("type") or "text/html").lower()
    summary = entry.get("summary")
    detail = entry.get("summary_detail") or {}
    return summary, (detail.get("type") or "text/html").lower()


def _page(fragment: str, title: str | None) -> str:
    head = f"<title>{htmllib.escape(title)}</title>" if title else ""
    return f"<!doctype html><html><head>{head}</head><body><article>{fragment}</article></body></html>"


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
