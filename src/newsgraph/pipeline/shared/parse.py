"""Views of the backbone's parse that several components read, each built once per parse.

Entities, places, quotes, events and tone all walk the tokens of the same spaCy ``Doc``,
and each used to read its own columns with ``Doc.to_array`` and its own entity spans: on a
news article that is several passes over every token where one does. ``columns(sdoc)``
reads every attribute any of them needs in one ``to_array`` call; ``ent_spans(sdoc)``
lists the parse's entities once. Both are remembered while the ``Doc`` lives (weakly: a
parse that is dropped takes its views with it).

The views are read-only: no component writes to the parse after the backbone made it
(``Document.spacy`` is the backbone's output), so what one component reads is what the
next one would have read. Callers must not mutate what they get.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    LEMMA,
    LENGTH,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    TAG,
)

from newsgraph.pipeline.bounded import BoundedCache

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")

# Every token attribute a component reads from the arrays (spaCy attribute ids).
ATTRS = (IDX, LENGTH, SENT_START, IS_STOP, IS_PUNCT, IS_SPACE, ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD,
         ENT_IOB, ENT_TYPE)
_AT = {attr: i for i, attr in enumerate(ATTRS)}


class Columns:
    """The token attributes of one parse as columns (``Doc.to_array`` values: string-store
    ids, offsets, flags; HEAD is the head's offset from the token, stored unsigned)."""

    __slots__ = ("array", "_lists")

    def __init__(self, sdoc: Doc):
        self.array = sdoc.to_array(list(ATTRS)) if len(sdoc) else np.zeros((0, len(ATTRS)), dtype=np.uint64)
        self._lists: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self.array)

    def column(self, attr: int) -> np.ndarray:
        """Attribute ``attr`` of every token, as a numpy column (a view: do not write)."""
        return self.array[:, _AT[attr]]

    def list(self, attr: int) -> list[int]:
        """Attribute ``attr`` of every token, as a list of ints (shared: do not mutate)."""
        found = self._lists.get(attr)
        if found is None:
            found = self._lists[attr] = self.column(attr).tolist()
        return found


def per_parse(build: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """``build(sdoc)``, remembered for as long as ``sdoc`` lives."""
    memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def view(sdoc: Doc) -> T:
        found = memo.get(sdoc)
        if found is None:
            found = memo[sdoc] = build(sdoc)
        return found

    view.__doc__, view.__name__ = build.__doc__, build.__name__
    return view


@per_parse
def columns(sdoc: Doc) -> Columns:
    """The token attribute columns of ``sdoc`` (``Columns``)."""
    return Columns(sdoc)


@per_parse
def ent_spans(sdoc: Doc) -> tuple[tuple[int, int, str], ...]:
    """``(start token, end token, label)`` of each entity of the parse, in order."""
    return tuple((ent.start, ent.end, ent.label_) for ent in sdoc.ents)


# Lower-cased strings by string-store id (a lemma, a form), shared by all parses: ids do
# not depend on the store (they are hashes of the strings). Capped (pipeline/bounded.py).
_LOWER: BoundedCache[int, str] = BoundedCache()


def lower_of(strings, key: int) -> str:
    """``strings[key].lower()`` (``strings``: a vocab's ``StringStore``), remembered: the
    components look up the lower-cased lemma of the same few thousand ids in every article."""
    found = _LOWER.get(key)
    if found is None:
        found = _LOWER[key] = strings[key].lower()
    return found
