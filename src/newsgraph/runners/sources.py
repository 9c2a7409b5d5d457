"""Where ingest reads from: files and folders of text, HTML, JSONL, WARC and RSS/Atom.

``iter_inputs`` walks folders (sorted, so a re-run meets inputs in the same order), hands
WARC and feed files to their readers and everything else to ``ingest.readers.read_paths``.
It never raises on one bad file: a ``Failure`` names it and the walk goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure, InputDoc

WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom")
_SKIP_NAMES = {"SOURCE.txt", "README.md", "LICENSE"}


def expand(paths: list[str]) -> Iterator[str]:
    """Files named by ``paths``: folders are walked recursively in sorted order; hidden
    files and folders are skipped. ``-`` (stdin) passes through."""
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in rel) and child.name not in _SKIP_NAMES:
                    yield str(child)
        else:
            yield name


def kind_of(name: str) -> str:
    """``warc``, ``feed``, ``jsonl`` or ``file`` (text or HTML) for a path."""
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(FEED_SUFFIXES):
        return "feed"
    if lower.endswith(".xml") and _sniff_feed(name):
        return "feed"
    if lower.endswith(".jsonl"):
        return "jsonl"
    return "file"


def _sniff_feed(name: str) -> bool:
    try:
        with open(name, "rb") as fh:
            head = fh.read(2048).lower()
    except OSError:
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def iter_inputs(paths: list[str], *, published: str | None = None, clean: bool = True) -> Iterator[InputDoc | Failure]:
    """Every input under ``paths``, one ``InputDoc`` or ``Failure`` each, in a stable order."""
    from newsgraph.ingest.feeds import read_feed
    from newsgraph.ingest.readers import read_paths
    from newsgraph.ingest.warc import read_warc

    for name in expand(paths):
        kind = kind_of(name)
        if kind == "warc":
            yield from read_warc(name)
        elif kind == "feed":
            yield from read_feed(name)
        else:
            yield from _guarded(read_paths([name], published=published, clean=clean), name)


def _guarded(items: Iterator[InputDoc | Failure], name: str) -> Iterator[InputDoc | Failure]:
    """Turn a reader's decoding error on ``name`` into a Failure instead of a crash."""
    try:
        yield from items
    except UnicodeDecodeError as err:
        yield Failure(None, name, Code.ENCODING, f"not valid UTF-8 at byte {err.start}: {err.reason}")


def count_inputs(paths: list[str]) -> int:
    """How many inputs ``iter_inputs`` will yield, cheaply (for the progress bar's total):
    a text file is one, a JSONL file its non-blank lines, a WARC its HTML responses, a feed
    its entries."""
    from newsgraph.ingest.feeds import count_entries
    from newsgraph.ingest.warc import count_responses

    total = 0
    for name in expand(paths):
        kind = kind_of(name)
        if kind == "warc":
            total += count_responses(name)
        elif kind == "feed":
            total += count_entries(name)
        elif kind == "jsonl":
            total += _count_lines(name)
        else:
            total += 1
    return total


def _count_lines(name: str) -> int:
    try:
        with open(name, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1
