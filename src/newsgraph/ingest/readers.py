"""Readers: files, folders, globs, JSONL batches, WARC and feed files, and stdin, to
``InputDoc``s.

Readers never raise on one bad input: they yield a ``Failure`` naming it (a path, or
``file:line`` for a JSONL line) and go on. Sizes are checked before anything is read in
full, and JSONL is read line by line, so memory stays bounded whatever the input.
"""

from __future__ import annotations

import dataclasses
import glob
import importlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import Code
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.inputs import Failure, InputDoc, content_id
from newsgraph.ingest.jsonl import parse_line

MAX_FILE_BYTES = 16 * 1024 * 1024  # one article file; real pages are well under 5 MB
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
FOLDER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES
_PLUGINS = {
    "WARC": ("newsgraph.ingest.warc", "read_warc"),
    "feed": ("newsgraph.ingest.feeds", "read_feed"),
}

Item = InputDoc | Failure


def read_paths(paths: list[str], *, published: str | None = None, clean: bool = True) -> Iterator[Item]:
    """Inputs from ``paths``: files, folders (recursive), glob patterns, ``-`` (stdin).

    Text and HTML files give one input each; ``.jsonl`` files, WARC and feed files give
    one per article. ``published`` and ``clean`` apply where an input sets neither.
    """
    reader = _Reader(published, clean)
    for name in paths:
        yield from reader.stdin() if name == "-" else reader.name(name)


def read_jsonl(name: str, *, published: str | None = None, clean: bool = True) -> Iterator[Item]:
    """Inputs from a JSONL batch (``-`` is stdin): one ``{"id", "text"|"html", ...}``
    object per line, validated field by field; a bad line is a ``Failure`` naming
    ``file:line`` and the batch goes on."""
    reader = _Reader(published, clean)
    if name == "-":
        yield from reader.jsonl_stream(sys.stdin.buffer, "stdin")
    else:
        yield from reader.jsonl_file(Path(name), name)


def read_stdin(stream: BinaryIO | None = None, *, published: str | None = None, clean: bool = True) -> Iterator[Item]:
    """Inputs from stdin (or ``stream``), sniffed: JSONL when the first line is a JSON
    object, else one HTML page or plain-text article."""
    return _Reader(published, clean).stdin(stream)


class _Reader:
    """Reads every kind of input with the caller's defaults for ``published``/``clean``."""

    def __init__(self, published: str | None, clean: bool):
        self.published = published
        self.clean = clean

    def name(self, name: str) -> Iterator[Item]:
        """A path, or a glob pattern when no such path exists."""
        path = Path(name)
        if path.exists():
            yield from self.path(path, explicit=True)
            return
        if glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Failure(None, name, Code.NOT_FOUND, "the pattern matched no file")
            for match in matches:
                yield from self.path(Path(match), explicit=False)
            return
        yield Failure(None, name, Code.NOT_FOUND, "no such file or folder")

    def path(self, path: Path, *, explicit: bool) -> Iterator[Item]:
        """One path by kind; unknown suffixes are read (sniffed) only when named explicitly."""
        if path.is_dir():
            yield from self.folder(path)
        elif _suffix_in(path, JSONL_SUFFIXES):
            yield from self.jsonl_file(path, str(path))
        elif _suffix_in(path, WARC_SUFFIXES):
            yield from _with_defaults(_plugin("WARC", path), self.published, self.clean)
        elif _suffix_in(path, FEED_SUFFIXES):
            yield from _with_defaults(_plugin("feed", path), self.published, self.clean)
        elif explicit or _suffix_in(path, TEXT_SUFFIXES + HTML_SUFFIXES):
            yield self.file(path)

    def folder(self, folder: Path) -> Iterator[Item]:
        """Every readable file under ``folder`` (recursive, hidden files skipped), sorted."""
        found = False
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder).parts
            if any(part.startswith(".") for part in relative) or not path.is_file():
                continue
            if _suffix_in(path, FOLDER_SUFFIXES):
                found = True
                yield from self.path(path, explicit=False)
        if not found:
            yield Failure(None, str(folder), Code.NOT_FOUND, f"the folder has no {', '.join(FOLDER_SUFFIXES)} file")

    def file(self, path: Path) -> Item:
        """One text or HTML file, size-checked before it is read."""
        name = str(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                return Failure(
                    None, name, Code.TOO_LARGE, f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
                )
            data = path.read_bytes()
        except OSError as err:
            return Failure(None, name, Code.NOT_FOUND, f"cannot read the file: {err.strerror}")
        return self.document(data, name, html=True if _suffix_in(path, HTML_SUFFIXES) else None)

    def stdin(self, stream: BinaryIO | None = None) -> Iterator[Item]:
        stream = stream or sys.stdin.buffer
        first = stream.readline(MAX_FILE_BYTES + 1)
        skipped = 0
        while first and not first.strip():
            first = stream.readline(MAX_FILE_BYTES + 1)
            skipped += 1
        if first.lstrip().startswith(b"{"):
            yield from self.jsonl_stream(_Prepend(first, stream), "stdin", skipped=skipped)
            return
        data = first + stream.read(max(0, MAX_FILE_BYTES + 1 - len(first)))
        if len(data) > MAX_FILE_BYTES:
            yield Failure(None, "stdin", Code.TOO_LARGE, f"stdin is over the {MAX_FILE_BYTES:,}-byte limit")
            return
        yield self.document(data, "stdin", html=None)

    def document(self, data: bytes, source: str, *, html: bool | None) -> Item:
        """An ``InputDoc`` from raw bytes; ``html=None`` sniffs the decoded content."""
        from newsgraph.service import looks_like_html

        if html is None:
            html = looks_like_html(data[:4096].decode("utf-8", "replace"))
        decoded = decode_bytes(data, html=html)
        if decoded.text is None:
            return Failure(None, source, decoded.code, decoded.reason)
        content = decoded.text
        return InputDoc(
            id=content_id(content),
            text=None if html else content,
            html=content if html else None,
            published=self.published,
            clean=self.clean,
            source=source,
            repairs=decoded.repairs,
        )

    def jsonl_file(self, path: Path, name: str) -> Iterator[Item]:
        try:
            stream = path.open("rb")
        except OSError as err:
            yield Failure(None, name, Code.NOT_FOUND, f"cannot read the file: {err.strerror}")
            return
        with stream:
            yield from self.jsonl_stream(stream, name)

    def jsonl_stream(self, stream, name: str, *, skipped: int = 0) -> Iterator[Item]:
        """Parse a JSONL byte stream line by line (``skipped`` lines were read already);
        an over-long line is skipped unread."""
        number = skipped
        while line := stream.readline(MAX_FILE_BYTES + 1):
            number += 1
            where = f"{name}:{number}"
            if len(line) > MAX_FILE_BYTES and not line.endswith(b"\n"):
                _skip_line(stream)
                yield Failure(None, where, Code.TOO_LARGE, f"the line is over the {MAX_FILE_BYTES:,}-byte limit")
            elif line.strip():
                yield parse_line(line, where, published=self.published, clean=self.clean)


def _skip_line(stream) -> None:
    while chunk := stream.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


class _Prepend:
    """A byte stream with one already-read line put back in front (for stdin sniffing)."""

    def __init__(self, first: bytes, stream: BinaryIO):
        self.first: bytes | None = first
        self.stream = stream

    def readline(self, limit: int = -1) -> bytes:
        if self.first is not None:
            line, self.first = self.first, None
            return line
        return self.stream.readline(limit)


def _plugin(kind: str, path: Path) -> Iterator[Item]:
    """Articles from a WARC or feed file through its reader module, imported lazily."""
    module_name, func_name = _PLUGINS[kind]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        # The reader module itself, or a package it needs (warcio, feedparser), is absent.
        missing = err.name or module_name
        yield Failure(None, str(path), Code.NOT_FOUND, f"no {kind} reader is installed ({missing} is missing)")
        return
    yield from getattr(module, func_name)(str(path))


def _with_defaults(items: Iterable[Item], published: str | None, clean: bool) -> Iterator[Item]:
    """Apply the caller's ``published`` and ``clean`` to inputs that set neither."""
    for item in items:
        if isinstance(item, InputDoc):
            changes = {}
            if published is not None and item.published is None:
                changes["published"] = published
            if not clean and item.clean:
                changes["clean"] = False
            if changes:
                item = dataclasses.replace(item, **changes)
        yield item


def _suffix_in(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)
