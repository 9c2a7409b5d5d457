"""The quote claims' candidate pairs, read in batches (``claims_build._quote_pairs``): the
same new quotations and pairs, in the same order, as reading every row at once, with each
(article, quotation) key held once however many rows name it."""

from __future__ import annotations

from newsgraph.corpus import claims_build


class _Cursor:
    """A cursor over ``rows`` that hands them out ``fetchmany`` at a time."""

    def __init__(self, rows):
        self.rows, self.sizes = list(rows), []

    def fetchmany(self, size):
        self.sizes.append(size)
        out, self.rows = self.rows[:size], self.rows[size:]
        return out


def _rows():
    # (doc, idx) of a new quotation, (doc, idx) of a candidate, whether the candidate is new too;
    # strings rebuilt per row, as DuckDB returns them
    rows = []
    for n in range(7):
        rows.append(("".join(["d", "1"]), n % 3, "".join(["s", str(n % 4)]), 0, False))
        rows.append(("d1", n % 3, "".join(["d", "2"]), n % 2, True))  # both new: kept once, (a, i) < (b, j)
        rows.append(("d2", n % 2, "d1", n % 3, True))
    return rows


def test_same_pairs_as_reading_every_row(monkeypatch):
    monkeypatch.setattr(claims_build, "_PAIR_BATCH", 4)
    rows = _rows()
    cursor = _Cursor(rows)
    fresh, pairs = claims_build._quote_pairs(cursor)
    assert set(cursor.sizes) == {4} and len(cursor.sizes) == -(-len(rows) // 4) + 1  # batches, then the empty one
    assert fresh == {(d, i) for d, i, *_ in rows}
    assert pairs == [((a, i), (b, j)) for a, i, b, j, both in rows if not both or (a, i) < (b, j)]
    assert ("d2", 0) in fresh and (("d2", 0), ("d1", 0)) not in pairs  # the pair of two new ones counted once


def test_each_key_held_once():
    _, pairs = claims_build._quote_pairs(_Cursor(_rows()))
    held: dict = {}
    for pair in pairs:
        for key in pair:
            assert held.setdefault(key, key) is key
