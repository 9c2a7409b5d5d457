"""The one way every input is read: files, folders, globs, JSONL batches, WARC and feed
files, stdin, and strings, to ``InputDoc``s.

``analyze``, ``ingest`` (both engines) and ``POST /analyze`` all read through this module,
so one suffix table (``SUFFIXES``) decides what a file is, and one rule applies the
caller's ``published`` date: it is a *default*, set as ``InputDoc.default_published`` on
every input, and used only when the input brings no date of its own (a JSONL
``published`` field, a feed entry's date, or the page's own date for HTML).

Readers never raise on one bad input: they yield a ``Failure`` naming it (a path, or
``file:line`` for a JSONL line) and go on. A file in a folder (or a glob match) whose
suffix is not in the table is not read: it is reported as ``Skipped`` with the reason.
Sizes are checked before anything is read in full, and JSONL is read line by line, so
memory stays bounded whatever the input.
"""

from __future__ import annotations

import dataclasses
import glob
import importlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import Code
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.inputs import Failure, InputDoc, content_id
from newsgraph.ingest.jsonl import parse_line

MAX_FILE_BYTES = 16 * 1024 * 1024  # one article file; real pages are well under 5 MB
# The one suffix table: which reader reads a file, by how its name ends (any case).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text"),
    "html": (".html", ".htm", ".xhtml"),
    "jsonl": (".jsonl", ".ndjson"),
    "warc": (".warc", ".warc.gz"),
    "feed": (".rss", ".atom", ".xml"),
}
ARTICLE_SUFFIXES = tuple(s for suffixes in SUFFIXES.values() for s in suffixes)
# A data folder's description files are .txt but not articles (they are skipped, with the
# reason, in folders and globs; a file named explicitly is always read).
NOT_ARTICLES = frozenset({"source.txt", "readme.txt", "license.txt"})
_PLUGINS = {
    "warc": ("newsgraph.ingest.warc", "read_warc", "WARC"),
    "feed": ("newsgraph.ingest.feeds", "read_feed", "feed"),
}
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b|<article\b|<\?xml)", re.I)

Item = InputDoc | Failure


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file found in a folder or by a glob that is not read, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def to_dict(self) -> dict:
        return {"source": self.source, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing to read: ``name`` (a path, or ``-`` for stdin) and its ``kind``, a key of
    ``SUFFIXES``, ``stdin``, or ``sniff`` (a file named explicitly whose suffix is not in
    the table: HTML or text, decided by its content)."""

    name: str
    kind: str


OnSkip = Callable[[Skipped], None]


def kind_of(name: str) -> str | None:
    """The ``SUFFIXES`` key for a file name, or None when its suffix is not in the table."""
    lower = name.lower()
    for kind, suffixes in SUFFIXES.items():
        if lower.endswith(suffixes):
            return kind
    return None


def walk(paths: Iterable[str]) -> Iterator[Entry | Failure | Skipped]:
    """What ``paths`` name, in a stable order: files (with their kind), ``-`` (stdin),
    folders walked recursively (sorted; hidden files and folders ignored), glob patterns
    (sorted matches); a ``Failure`` for a path that does not exist or a pattern or folder
    that gives no article file; a ``Skipped`` for a found file that is not an article."""
    for name in paths:
        if name == "-":
            yield Entry(name, "stdin")
            continue
        path = Path(name)
        if path.is_dir():
            yield from _found(_folder_files(path), name, "the folder")
        elif path.exists():
            yield Entry(name, kind_of(name) or "sniff")
        elif glob.has_magic(name):
            matches = [Path(m) for m in sorted(glob.glob(name, recursive=True))]
            yield from _found((m for m in matches if m.is_file()), name, "the pattern")
        else:
            yield Failure(None, name, Code.NOT_FOUND, "no such file or folder")


def _folder_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def _found(files: Iterable[Path], name: str, what: str) -> Iterator[Entry | Failure | Skipped]:
    """Entries for the article files among ``files``, ``Skipped`` for the others, and a
    ``Failure`` naming ``name`` when none is an article file."""
    articles = 0
    for path in files:
        kind = kind_of(path.name)
        if kind == "feed" and path.name.lower().endswith(".xml") and not _is_feed(path):
            yield Skipped(str(path), "an XML file that is not an RSS or Atom feed")
        elif kind is None:
            yield Skipped(str(path), f"not an article file (accepted: {', '.join(ARTICLE_SUFFIXES)})")
        elif path.name.lower() in NOT_ARTICLES:
            yield Skipped(str(path), "a folder's description file, not an article (name it explicitly to read it)")
        else:
            articles += 1
            yield Entry(str(path), kind)
    if not articles:
        yield Failure(None, name, Code.NOT_FOUND, f"{what} has no article file ({', '.join(ARTICLE_SUFFIXES)})")


def _is_feed(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(2048).lower()
    except OSError:
        return True  # let the feed reader report why it cannot be read
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_paths(
    paths: Iterable[str], *, published: str | None = None, clean: bool = True, on_skip: OnSkip | None = None
) -> Iterator[Item]:
    """Inputs from ``paths``: files, folders (recursive), glob patterns, ``-`` (stdin).

    Text and HTML files give one input each; JSONL, WARC and feed files one per article.
    ``published`` is every input's default date; ``clean`` applies where an input does not
    set it. Files not read are passed to ``on_skip``.
    """
    reader = _Reader(clean)
    for entry in walk(paths):
        if isinstance(entry, Skipped):
            if on_skip is not None:
                on_skip(entry)
        elif isinstance(entry, Failure):
            yield entry
        else:
            yield from _with_default_date(reader.entry(entry), published)


def read_jsonl(name: str, *, published: str | None = None, clean: bool = True) -> Iterator[Item]:
    """Inputs from a JSONL batch (``-`` is stdin) whatever its suffix: one
    ``{"id", "text"|"html", ...}`` object per line, validated field by field; a bad line is
    a ``Failure`` naming ``file:line`` and the batch goes on."""
    reader = _Reader(clean)
    if name == "-":
        items = reader.jsonl_stream(sys.stdin.buffer, "stdin")
    else:
        items = reader.jsonl_file(Path(name), name)
    return _with_default_date(items, published)


def read_stdin(stream: BinaryIO | None = None, *, published: str | None = None, clean: bool = True) -> Iterator[Item]:
    """Inputs from stdin (or ``stream``), sniffed: JSONL when the first line is a JSON
    object, else one HTML page or plain-text article."""
    return _with_default_date(_Reader(clean).stdin(stream), published)


def count_inputs(paths: Iterable[str]) -> int:
    """How many inputs ``read_paths`` will yield, cheaply (for a progress bar's total): a
    text or HTML file is one, a JSONL file its non-blank lines, a WARC its HTML responses,
    a feed its entries, a failing path one."""
    total = 0
    for entry in walk(paths):
        if isinstance(entry, Entry):
            total += _count(entry)
        elif isinstance(entry, Failure):
            total += 1
    return total


def looks_like_html(content: str) -> bool:
    """True when ``content`` is an HTML page rather than plain text."""
    head = content[:2048]
    return bool(_HTML_SNIFF.match(head)) or head.count("</p>") + head.count("<div") >= 3


def make_input(
    content: str,
    published: str | None = None,
    *,
    html: bool | None = None,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    clean: bool = True,
    source: str | None = None,
) -> InputDoc:
    """An ``InputDoc`` from a string: HTML when ``html`` is true, text when false, sniffed
    when None. ``published`` is the input's own date (it wins over the page's)."""
    is_html = looks_like_html(content) if html is None else html
    return InputDoc(
        id=id or content_id(content),
        text=None if is_html else content,
        html=content if is_html else None,
        published=published,
        url=url,
        title=title,
        clean=clean,
        source=source,
    )


class _Reader:
    """Reads each kind of entry with the caller's ``clean`` default."""

    def __init__(self, clean: bool):
        self.clean = clean

    def entry(self, entry: Entry) -> Iterator[Item]:
        if entry.kind == "stdin":
            yield from self.stdin()
        elif entry.kind == "jsonl":
            yield from self.jsonl_file(Path(entry.name), entry.name)
        elif entry.kind in _PLUGINS:
            yield from self.plugin(entry)
        else:
            yield self.file(Path(entry.name), html=True if entry.kind == "html" else None)

    def file(self, path: Path, *, html: bool | None) -> Item:
        """One HTML (``html=True``) or text file (``None``: a saved page is sniffed as HTML),
        size-checked before it is read."""
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
        return self.document(data, name, html=html)

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
        if html is None:
            html = looks_like_html(data[:4096].decode("utf-8", "replace"))
        decoded = decode_bytes(data, html=html)
        if decoded.text is None:
            return Failure(None, source, decoded.code, decoded.reason)
        item = make_input(decoded.text, html=html, clean=self.clean, source=source)
        return dataclasses.replace(item, repairs=decoded.repairs) if decoded.repairs else item

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
                yield parse_line(line, where, clean=self.clean)

    def plugin(self, entry: Entry) -> Iterator[Item]:
        """Articles from a WARC or feed file through its reader module, imported lazily."""
        module_name, func_name, label = _PLUGINS[entry.kind]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            # The reader module itself, or a package it needs (warcio, feedparser), is absent.
            missing = err.name or module_name
            yield Failure(None, entry.name, Code.NOT_FOUND, f"no {label} reader is installed ({missing} is missing)")
            return
        for item in getattr(module, func_name)(entry.name):
            if isinstance(item, InputDoc) and not self.clean and item.clean:
                item = dataclasses.replace(item, clean=False)
            yield item


def _with_default_date(items: Iterable[Item], published: str | None) -> Iterator[Item]:
    """Every input with the caller's ``published`` as its default date (the one rule for
    every kind of input; ``prepare`` uses it only when the input has no date of its own)."""
    for item in items:
        if published is not None and isinstance(item, InputDoc):
            item = dataclasses.replace(item, default_published=published)
        yield item


def _count(entry: Entry) -> int:
    if entry.kind in _PLUGINS:
        module_name, _, _ = _PLUGINS[entry.kind]
        counter = {"warc": "count_responses", "feed": "count_entries"}[entry.kind]
        try:
            return getattr(importlib.import_module(module_name), counter)(entry.name)
        except ModuleNotFoundError:
            return 1
    if entry.kind == "jsonl":
        try:
            with open(entry.name, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        except OSError:
            return 1
    return 1


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
