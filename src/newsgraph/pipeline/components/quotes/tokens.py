"""The token attributes the quote finders filter on, as arrays read once per document.

Building a spaCy ``Token`` object costs more than most of the rules run on it, and most
tokens of an article can be no cue at all. ``TokenTable`` answers "which tokens could be
cues" over the whole doc at once (numpy over the parse's shared ``columns``), so the
finders build ``Token`` objects only for those and then apply their full tests to them:
the table is a prefilter, never a decision, and the output does not depend on it.
"""

from __future__ import annotations

import threading

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id

from newsgraph.pipeline.bounded import WORDS
from newsgraph.pipeline.shared.parse import columns


class TokenTable:
    """Columns of one spaCy doc: character offset, lemma, lower-case form, part of speech,
    dependency label (string-store ids) and head index."""

    def __init__(self, sdoc):
        self.sdoc = sdoc
        self.cols = cols = columns(sdoc)
        self.idx: list[int] = cols.list(IDX)  # shared with the other readers of the parse
        # HEAD is the head's offset from the token, stored unsigned.
        self.heads = np.arange(len(cols), dtype=np.int64) + cols.column(HEAD).astype(np.int64)

    def __len__(self) -> int:
        return len(self.idx)

    def pos_in(self, pos: frozenset[str]):
        """Whether each token's coarse part of speech is in ``pos``."""
        return _any_of(self.cols.column(POS), [POS_IDS[tag] for tag in pos])

    def dep_in(self, labels: frozenset[str]):
        """Whether each token's dependency label is in ``labels``."""
        return _any_of(self.cols.column(DEP), [get_string_id(label) for label in labels])

    def lower_in(self, words: frozenset[str]):
        """Whether each token's lower-case form is in ``words``."""
        return _any_of(self.cols.column(LOWER), [get_string_id(word) for word in words])

    def lemma_in(self, lemmas: frozenset[str]):
        """Whether each token's lower-cased lemma (``tok.lemma_.lower()``) is in ``lemmas``."""
        return _lookup(lemmas).member(self.sdoc.vocab.strings, self.cols.column(LEMMA))

    def phrase_starts(self, phrases: tuple[tuple[str, ...], ...]):
        """Whether a phrase of ``phrases`` (tuples of lower-case words) starts at each token."""
        col = self.cols.column(LOWER)
        n = len(col)
        keep = np.zeros(n, dtype=bool)
        for phrase in phrases:
            k = len(phrase)
            if k == 0 or k > n:
                continue
            match = np.ones(n - k + 1, dtype=bool)
            for offset, word in enumerate(phrase):
                match &= col[offset : n - k + 1 + offset] == get_string_id(word)
            keep[: n - k + 1] |= match
        return keep

    def heads_of(self, children, right_only: bool = True) -> np.ndarray:
        """A boolean array marking the heads of the tokens where ``children`` is true (with
        ``right_only``, of those that come after their head)."""
        keep = np.zeros(len(self), dtype=bool)
        at = np.flatnonzero(children)
        at = at[at > self.heads[at]] if right_only else at[at != self.heads[at]]
        keep[self.heads[at]] = True
        return keep


def _any_of(col, ids: list[int]):
    """Whether each value of ``col`` is one of ``ids`` (a few: one comparison each)."""
    keep = np.zeros(len(col), dtype=bool)
    for value in ids:
        keep |= col == value
    return keep


_EMPTY = (np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=bool))


class _Lemmas:
    """Which lemma ids lower-case into one word set, learnt as documents bring new lemmas:
    a sorted array of the ids met so far and, for each, whether it is in the set. Every new
    lemma adds one id, so a table that reaches ``cap`` ids starts again from the document
    at hand (it forgets, and answers the same)."""

    def __init__(self, words: frozenset[str], cap: int = WORDS):
        self.words = words
        self.cap = cap
        self.table = _EMPTY  # replaced whole, never mutated

    def member(self, strings, column) -> np.ndarray:
        known, inside = self.table
        at = np.searchsorted(known, column)
        seen = at < len(known)
        seen[seen] = known[at[seen]] == column[seen]
        if not seen.all():
            if len(known) >= self.cap:
                known, inside = _EMPTY
                seen[:] = False
            new = np.unique(column[~seen])
            flags = np.array([strings[h].lower() in self.words for h in new.tolist()], dtype=bool)
            known = np.concatenate([known, new])
            order = np.argsort(known, kind="stable")
            known, inside = known[order], np.concatenate([inside, flags])[order]
            self.table = (known, inside)
            at = np.searchsorted(known, column)
        return inside[at] if len(known) else np.zeros(len(column), dtype=bool)


# One table per word set the finders ask about: the sets are constants of the code and
# its lexicons, so this holds a fixed number of tables (each capped, see ``_Lemmas``).
_LOOKUPS: dict[frozenset[str], _Lemmas] = {}
_LOCK = threading.Lock()


def _lookup(words: frozenset[str]) -> _Lemmas:
    found = _LOOKUPS.get(words)
    if found is None:
        with _LOCK:
            found = _LOOKUPS.setdefault(words, _Lemmas(words))
    return found
