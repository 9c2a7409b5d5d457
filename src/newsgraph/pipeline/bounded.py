"""Memos that cannot outgrow a long-lived process.

Components remember per-word facts (a word id's tone, whether a lemma may be a trigger)
because the same few thousand words come back in every article. Keyed by the words met,
such a memo grows with the vocabulary of everything read: in ``newsgraph watch``, the HTTP
API or a large ingest, without bound. ``BoundedCache`` caps it.

The policy is *clear when full*: a write that would go past ``cap`` entries first forgets
every entry. A hit costs what a plain dict's does (no recency book-keeping, unlike an LRU),
and the common words are back after a few articles. Only values computed from the key
alone may be memoised, so forgetting changes no output, only the time to recompute.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

WORDS = 1 << 15  # the default cap of a memo keyed by a word: 32,768 entries (about 3-8 MB)


class BoundedCache(dict[K, V]):
    """A dict that forgets all its entries before a write would take it past ``cap``.

    Reads are a dict's; ``d[key] = value`` and ``setdefault`` enforce the cap (the only
    ways the memos here are filled)."""

    __slots__ = ("cap",)

    def __init__(self, cap: int = WORDS):
        super().__init__()
        if cap < 1:
            raise ValueError(f"cap must be 1 or more, found {cap}")
        self.cap = cap

    def __setitem__(self, key: K, value: V) -> None:
        if len(self) >= self.cap and key not in self:
            self.clear()
        super().__setitem__(key, value)

    def setdefault(self, key: K, default: V = None) -> V:  # type: ignore[assignment]
        if len(self) >= self.cap and key not in self:
            self.clear()
        return super().setdefault(key, default)
