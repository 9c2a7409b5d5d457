"""Readers: files, folders, globs, JSONL batches and stdin, to ``InputDoc``s.

Readers never raise on one bad input: they yield a ``Failure`` naming it and go on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure, InputDoc, content_id


def read_paths(paths: list[str], *, published: str | None = None, clean: bool = True) -> Iterator[InputDoc | Failure]:
    """Inputs from files (``-`` is stdin). ``.jsonl`` files are read as batches."""
    for name in paths:
        if name == "-":
            text = sys.stdin.read()
            yield InputDoc(id=content_id(text), text=text, published=published, clean=clean, source="stdin")
            continue
        path = Path(name)
        if path.suffix == ".jsonl":
            yield from read_jsonl(name, published=published, clean=clean)
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            yield Failure(None, name, Code.NOT_FOUND, f"cannot read file: {err.strerror}")
            continue
        yield InputDoc(id=content_id(text), text=text, published=published, clean=clean, source=name)


def read_jsonl(name: str, *, published: str | None = None, clean: bool = True) -> Iterator[InputDoc | Failure]:
    """Inputs from a JSONL batch: one ``{"id", "text"|"html", ...}`` object per line."""
    stream = sys.stdin if name == "-" else open(name, encoding="utf-8")
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield Failure(None, where, Code.BAD_JSON, f"not valid JSON: {err.msg}")
                continue
            text = obj.get("text")
            yield InputDoc(
                id=str(obj.get("id") or content_id(text or "")),
                text=text,
                html=obj.get("html"),
                published=obj.get("published", published),
                url=obj.get("url"),
                title=obj.get("title"),
                clean=obj.get("clean", clean),
                source=where,
            )
