"""Where ingest reads from: the same readers as ``analyze`` (``ingest.readers``).

``iter_inputs`` is ``read_paths``: folders are walked in sorted order (a re-run meets
inputs in the same order), only files whose suffix is in ``readers.SUFFIXES`` are read,
and one bad file is a ``Failure`` naming it, never a crash. ``expand`` lists the files a
Ray run hands to its read tasks, one task per file.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.ingest.readers import OnSkip, Skipped, count_inputs, read_paths, walk

__all__ = ["count_inputs", "expand", "iter_inputs"]


def iter_inputs(
    paths: list[str], *, published: str | None = None, clean: bool = True, on_skip: OnSkip | None = None
) -> Iterator[InputDoc | Failure]:
    """Every input under ``paths``, one ``InputDoc`` or ``Failure`` each, in a stable order;
    files that are not read go to ``on_skip``."""
    return read_paths(paths, published=published, clean=clean, on_skip=on_skip)


def expand(paths: list[str], on_skip: OnSkip | None = None) -> Iterator[str]:
    """The names to read, one per file: article files under folders and globs, and each
    name that fails (read again by its task, which reports the failure)."""
    for entry in walk(paths):
        if isinstance(entry, Skipped):
            if on_skip is not None:
                on_skip(entry)
        elif isinstance(entry, Failure):
            yield entry.source or ""
        else:
            yield entry.name
