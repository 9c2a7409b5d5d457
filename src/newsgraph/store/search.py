"""The search index: which articles hold which words, so a search reads a few postings
instead of every text.

Every document gets an integer number (``documents.doc_no``, store schema 7) when it is
stored. Its title's and text's words (``terms``: runs of letters, digits and ``_``,
lower-cased) go into ``search_words`` (each distinct word once, with an integer
``word_id``; a primary-key index) and ``search_lists`` (store schema 10: per word, lists of
the numbers of the articles holding it, ``doc_nos``, one row per word and write; an index on
``word_id``). The single writer (``Store.write``) extends both in the transaction that
stores the document. A query's words are looked up by exact key, and the articles holding
all of them are the intersection of their lists (``match``).

Schema 7 kept one ``search_postings`` row per word and article: a word in 4,000 of 100k
articles cost 4,000 index fetches (70 ms CPU), against about a hundred list rows (3 ms).
Migration 10 turns them into lists (``to_lists``) and drops them; migration 7 numbers the
documents of a store from before it (``backfill``), and migration 10 indexes their words.
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
    lists = {"word_id": pa.array([known[w] for w in words], pa.int32()),
             "doc_nos": pa.array([postings[w] for w in words], pa.list_(pa.int32()))}  # fmt: skip
    _append(con, "search_lists", lists)
    return sum(len(nos) for nos in postings.values())


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
    postings = " INTERSECT ".join(["SELECT unnest(doc_nos) FROM search_lists WHERE word_id = ?"] * len(ids))
    return f"d.doc_no IN ({postings})", ids


def backfill(con) -> int:
    """Number the documents stored before the search index (migration 7), in stored order;
    returns how many. Their words are indexed by migration 10 (``to_lists``)."""
    con.execute("""UPDATE documents SET doc_no = n.doc_no FROM (
        SELECT id, row_number() OVER (ORDER BY ingested_at, id) AS doc_no FROM documents) n
        WHERE documents.id = n.id""")  # fmt: skip
    return con.execute("SELECT count(*) FROM documents").fetchall()[0][0]


# Postings of a schema-7 store, as lists of up to this many consecutive article numbers.
_SPAN = 1024


def to_lists(con, chunk: int = 2000) -> int:
    """Migration 10: the postings of schema 7 (one row per word and article) as lists (one
    row per word and span of ``_SPAN`` article numbers); a store whose documents were
    numbered by migration 7 without postings (one from before schema 7) has their words
    indexed here. Drops ``search_postings``; returns the documents indexed from their texts."""
    con.execute(f"""INSERT INTO search_lists SELECT word_id, list(doc_no ORDER BY doc_no) FROM search_postings
        GROUP BY word_id, doc_no // {_SPAN} ORDER BY min(doc_no), word_id""")  # fmt: skip
    con.execute("DROP TABLE search_postings")
    if con.execute("SELECT count(*) FROM search_lists").fetchall()[0][0]:
        return 0
    (total,) = con.execute("SELECT coalesce(max(doc_no), 0) FROM documents").fetchall()[0]
    for start in range(0, total, chunk):
        rows = con.execute("SELECT doc_no, title, text FROM documents WHERE doc_no > ? AND doc_no <= ? ORDER BY doc_no",
                           [start, start + chunk]).fetchall()  # fmt: skip
        index(con, rows)
    return total
