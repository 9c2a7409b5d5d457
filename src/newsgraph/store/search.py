"""The search index: which articles hold which words, so a search reads a few postings
instead of every text.

Every document gets an integer number (``documents.doc_no``, store schema 7) when it is
stored. Its title's and text's words (``terms``: runs of letters, digits and ``_``,
lower-cased) go into ``search_words`` (each distinct word once, with an integer
``word_id``; a primary-key index) and ``search_postings`` (one ``(word_id, doc_no)`` row
per word and article; an index on ``word_id``). The single writer (``Store.write``)
extends both in the transaction that stores the document; migration 7 indexes the
documents stored before it. A query's words are looked up by exact key, and the articles
holding all of them are the intersection of their postings (``match``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyarrow as pa

_WORD = re.compile(r"\w+")


def terms(text: str | None) -> list[str]:
    """The distinct index words of ``text``, in order of first appearance."""
    return list(dict.fromkeys(_WORD.findall((text or "").lower())))


def document_terms(title: str | None, text: str | None) -> list[str]:
    """The words a document is found by: those of its title and of its text."""
    return terms(f"{title or ''}\n{text or ''}")


def index(con, docs: Sequence[tuple[int, str | None, str | None]]) -> int:
    """Add ``docs`` (``(doc_no, title, text)``, not yet indexed) to the search index on the
    DuckDB connection ``con``, inside the caller's transaction; returns the postings added."""
    postings: dict[str, list[int]] = {}
    for doc_no, title, text in docs:
        for word in document_terms(title, text):
            postings.setdefault(word, []).append(doc_no)
    if not postings:
        return 0
    words = list(postings)
    con.register("_terms", pa.table({"word": pa.array(words, pa.string())}))
    try:
        known = dict(con.execute("SELECT w.word, w.word_id FROM search_words w JOIN _terms USING (word)").fetchall())
    finally:
        con.unregister("_terms")
    (top,) = con.execute("SELECT coalesce(max(word_id), 0) FROM search_words").fetchall()[0]
    new = [w for w in words if w not in known]
    for offset, word in enumerate(new, start=1):
        known[word] = top + offset
    if new:
        _append(con, "search_words", {"word": pa.array(new, pa.string()),
                                      "word_id": pa.array([known[w] for w in new], pa.int32())})  # fmt: skip
    ids = [known[w] for w in words for _ in postings[w]]
    nos = [n for w in words for n in postings[w]]
    _append(con, "search_postings", {"word_id": pa.array(ids, pa.int32()), "doc_no": pa.array(nos, pa.int32())})
    return len(nos)


def _append(con, table: str, columns: dict) -> None:
    con.register("_rows", pa.table(columns))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
    finally:
        con.unregister("_rows")


def next_doc_no(con) -> int:
    """The number the next stored document gets."""
    return con.execute("SELECT coalesce(max(doc_no), 0) + 1 FROM documents").fetchall()[0][0]


def match(con, query: str) -> tuple[str, list] | None:
    """A condition on ``d.doc_no`` (with its parameters) for the articles holding every
    word of ``query``; None when ``query`` has no word (the caller scans instead)."""
    words = terms(query)
    if not words:
        return None
    ids = []
    for word in words:
        rows = con.execute("SELECT word_id FROM search_words WHERE word = ?", [word]).fetchall()
        if not rows:
            return "FALSE", []
        ids.append(rows[0][0])
    postings = " INTERSECT ".join(["SELECT doc_no FROM search_postings WHERE word_id = ?"] * len(ids))
    return f"d.doc_no IN ({postings})", ids


def backfill(con, chunk: int = 2000) -> int:
    """Number and index the documents stored before the search index (migration 7), in
    stored order; returns how many."""
    con.execute("""UPDATE documents SET doc_no = n.doc_no FROM (
        SELECT id, row_number() OVER (ORDER BY ingested_at, id) AS doc_no FROM documents) n
        WHERE documents.id = n.id""")  # fmt: skip
    (total,) = con.execute("SELECT count(*) FROM documents").fetchall()[0]
    for start in range(0, total, chunk):
        rows = con.execute("SELECT doc_no, title, text FROM documents WHERE doc_no > ? AND doc_no <= ? ORDER BY doc_no",
                           [start, start + chunk]).fetchall()  # fmt: skip
        index(con, rows)
    return total
