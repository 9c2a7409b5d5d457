"""What readers produce: one ``InputDoc`` per article, or a ``Failure`` naming the input."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newsgraph.errors import Code
from newsgraph.ingest.decode import Repair


@dataclass(frozen=True, slots=True)
class InputDoc:
    """One article as received. Exactly one of ``text`` and ``html`` is set.

    ``clean=False`` asks for the text to be analysed verbatim, so offsets index the
    caller's own text. ``source`` says where it came from (a path, ``stdin``,
    ``in.jsonl:12``) for messages. ``repairs`` lists invalid bytes the reader decoded
    as a guess (offsets into ``text``/``html``); the cleaner reports them as noise.
    ``published`` is the input's own date (given with it, or a feed entry's); it wins over
    a date found in the page. ``default_published`` is the caller's default (``--published``),
    used only when neither the input nor its page has a date.
    """

    id: str
    text: str | None = None
    html: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    clean: bool = True
    source: str | None = None
    repairs: tuple[Repair, ...] = ()
    default_published: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or analysed, and why."""

    id: str | None
    source: str | None
    code: Code
    reason: str

    def __str__(self) -> str:
        who = self.id or self.source or "input"
        where = f" ({self.source})" if self.id and self.source and self.source != self.id else ""
        return f"{who}{where}: {self.reason} [{self.code.value}]"

    def to_dict(self) -> dict:
        return {"id": self.id, "source": self.source, "code": self.code.value, "reason": self.reason}


def content_id(content: str) -> str:
    """A stable id from content, so the same article always gets the same id."""
    return "sha1:" + hashlib.sha1(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]
