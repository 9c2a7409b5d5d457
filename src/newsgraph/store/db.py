"""The embedded store: one DuckDB file, one writer.

``Store.write`` takes a batch of analysed documents and failures and writes them in one
transaction: a document row and all its child rows commit together, so a process killed
mid-write leaves each document either wholly stored or absent. Ids are content hashes and
documents already stored are skipped, so writing the same batch twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import msgspec
import pyarrow as pa

from newsgraph.errors import Code, StoreError
from newsgraph.ingest.inputs import Failure
from newsgraph.store import search
from newsgraph.store.connect import check_schema, connect
from newsgraph.store.items import DEFAULT_DB, Analysed
from newsgraph.store.rows import flatten
from newsgraph.store.schema import CORPUS_TABLES, DOC_TABLES, LABEL_SQL, STORE_SCHEMA_VERSION, migrate

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
    "UINTEGER[]": pa.list_(pa.uint32()),
}


@dataclass
class WriteResult:
    written: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)  # what went to ``errors``, for reports


class Store:
    """A DuckDB store. ``read_only`` opens the file read-only (DuckDB refuses every write,
    nothing is migrated, other readers may share it); otherwise the store is created when
    missing (unless ``create=False``) and migrated. Raises ``StoreError`` when the file is
    missing for a read, locked by another process, not a store, not permitted, or of a
    schema this newsgraph cannot use as opened."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, create: bool = True,
                 memory_limit: str = "768MB"):  # fmt: skip
        self.path = str(path)
        self.read_only = read_only
        self.con = connect(self.path, read_only=read_only, create=create)
        try:
            # Bounded memory whatever the corpus size: DuckDB spills beyond this. 768 MB, not 1 GB:
            # the cap is mostly cached blocks during a join, and the chunk of 2,500 joined into
            # 100k articles peaks at 1.30 GB RSS with it (1.52 at 1 GB); at 512 MB a join's
            # non-spilling aggregates can run out (docs/corpus.md, "Peak RSS of a chunk's join").
            self.con.execute(f"SET memory_limit='{memory_limit}'")
            check_schema(self.con, self.path, read_only=read_only)
            if not read_only:
                migrate(self.con)
        except BaseException:
            self.con.close()
            raise
        self._schemas: dict[str, pa.Schema] = {}

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        (version,) = self.con.execute("SELECT max(version) FROM schema_migrations").fetchall()[0]
        return version or 0

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """The subset of ``ids`` already stored as documents. Inputs that failed are not
        known: the next ingest tries them again."""
        if not ids:
            return set()
        table = pa.table({"id": pa.array(list(ids), pa.string())})
        self.con.register("_ids", table)
        try:
            sql = "SELECT d.id FROM documents d JOIN _ids USING (id)"
            with _interrupt_stops():
                return {row[0] for row in self.con.execute(sql).fetchall()}
        finally:
            self.con.unregister("_ids")

    def write(self, items: Iterable[Analysed | Failure], *, sources: Sequence[str] = ()) -> WriteResult:
        """Write a batch in one transaction; documents already stored are skipped.

        A batch whose rows cannot be written (a component emitted a value of the wrong
        type) is retried one document per transaction, and the documents that still fail
        go to ``errors`` (``STORE_WRITE``) with the reason, so the rest of the batch is
        kept. A document written deletes the error rows of its id (an input that failed
        before and now succeeds); in the same transaction the error rows of ``sources``
        (inputs read again since, whose outcome this or a later write records) go too. The store itself failing (disk full, I/O, a read-only
        store) raises ``StoreError``.
        """
        if self.read_only:
            raise StoreError(Code.STORE_WRITE, f"store {self.path} is open read-only: nothing can be written")
        items = list(items)
        analysed = [i for i in items if isinstance(i, Analysed)]
        failures = [i for i in items if isinstance(i, Failure)]
        result = WriteResult()
        fresh = self._fresh(analysed, result)
        try:
            self._write_batch(fresh, failures, list(sources), result)
        except _STORE_FAILURES as err:
            raise StoreError(Code.STORE_WRITE, f"cannot write to store {self.path}: {err}") from None
        result.failed = len(failures)
        result.failures = failures
        return result

    def _write_batch(self, fresh: list[Analysed], failures: list[Failure], sources: list[str],
                     result: WriteResult) -> None:  # fmt: skip
        """One transaction for the batch; if a record's rows cannot be written, one per
        document, adding those that still fail to ``failures``."""
        try:
            self._transaction(fresh, failures, sources)
            result.written += len(fresh)
            return
        except _RECORD_ERRORS as err:
            if isinstance(err, _STORE_FAILURES):
                raise
        for one in fresh:
            try:
                self._transaction([one], [])
                result.written += 1
            except _RECORD_ERRORS as err:
                if isinstance(err, _STORE_FAILURES):
                    raise
                failures.append(Failure(one.id, None, Code.STORE_WRITE, f"cannot store record: {err}"))
        self._transaction([], failures, sources)

    def _fresh(self, analysed: list[Analysed], result: WriteResult) -> list[Analysed]:
        known = self.known_ids([a.id for a in analysed])
        fresh, seen = [], set(known)
        for item in analysed:
            if item.id in seen:
                result.skipped += 1
                continue
            seen.add(item.id)
            fresh.append(item)
        return fresh

    def _transaction(self, analysed: list[Analysed], failures: list[Failure], sources: list[str] = ()) -> None:
        tables: dict[str, list[dict]] = {name: [] for name in ("documents", *DOC_TABLES)}
        for item in analysed:
            record = msgspec.json.decode(item.record_json)
            for name, rows in flatten(record, item.record_json.decode("utf-8"), item.minhash).items():
                tables[name].extend(rows)
        errors = [_error_row(f) for f in failures]
        self.con.execute("BEGIN TRANSACTION")
        try:
            if tables["documents"]:  # numbered and indexed for search (store schema 7)
                first = search.next_doc_no(self.con)
                for doc_no, row in enumerate(tables["documents"], start=first):
                    row["doc_no"] = doc_no
                search.index(self.con, [(d["doc_no"], d["title"], d["text"]) for d in tables["documents"]])
            for name, rows in tables.items():
                self.insert_rows(name, rows)
            if tables["documents"]:  # the label column (store schema 5), from the stored title and text
                self.con.execute(f"UPDATE documents SET label = {LABEL_SQL.format(d='documents')} "
                                 "WHERE list_contains(?, id)", [[d["id"] for d in tables["documents"]]])  # fmt: skip
            if sources:
                self.con.execute("DELETE FROM errors WHERE list_contains(?, source)", [list(sources)]).fetchall()
            if analysed:
                ids = [a.id for a in analysed]
                self.con.execute("DELETE FROM errors WHERE list_contains(?, doc_id)", [ids]).fetchall()
            if errors:
                self.insert_rows("errors", errors, replace=True)
            self.con.execute("COMMIT")
        except BaseException as err:
            self._rollback()
            if isinstance(err, duckdb.InterruptException):
                # A Ctrl-C, or a SIGTERM turned into one, that lands inside a query reaches us as
                # DuckDB's own error: it stops the run, it is no failure of this record.
                raise KeyboardInterrupt from err
            raise

    def _rollback(self) -> None:
        """Roll the open transaction back; a second try when an interrupt cut the first."""
        for attempt in (1, 2):
            try:
                self.con.execute("ROLLBACK")
                return
            except duckdb.Error as err:
                if "no transaction is active" in str(err) or attempt == 2:
                    return

    def insert_rows(self, table: str, rows: list[dict], *, replace: bool = False) -> None:
        """Insert ``rows`` (dicts keyed by column) into ``table``, inside the caller's
        transaction; ``replace`` upserts on the primary key."""
        if not rows:
            return
        arrow = pa.Table.from_pylist(rows, schema=self._schema(table))
        self.con.register("_batch", arrow)
        try:
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            self.con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")

    def _schema(self, table: str) -> pa.Schema:
        """The Arrow schema of ``table``'s columns (defaulted columns left out)."""
        if table not in self._schemas:
            cols = self.con.execute(f"DESCRIBE {table}").fetchall()
            fields = [pa.field(name, _ARROW_TYPES[kind]) for name, kind, *_ in cols if kind in _ARROW_TYPES]
            self._schemas[table] = pa.schema(fields)
        return self._schemas[table]

    def errors(self, *, limit: int | None = None) -> list[dict]:
        """The stored failures (key, doc_id, source, code, reason, seen_at), oldest first."""
        return self.query("SELECT key, doc_id, source, code, reason, seen_at FROM errors ORDER BY seen_at, key LIMIT ?",
                          [limit])  # fmt: skip

    def forget_errors(self) -> int:
        """Delete every error row; returns how many there were."""
        (n,) = self.con.execute("SELECT count(*) FROM errors").fetchall()[0]
        self.con.execute("DELETE FROM errors").fetchall()
        return n

    def error_sources(self) -> list[str]:
        """Where the stored failures came from (their source, else their key), each once."""
        rows = self.con.execute("SELECT DISTINCT coalesce(source, key) FROM errors ORDER BY 1").fetchall()
        return [row[0] for row in rows]

    def document_ids(self) -> frozenset[str]:
        """The ids of every stored document (inputs that failed are not among them)."""
        return frozenset(row[0] for row in self.con.execute("SELECT id FROM documents").fetchall())

    def record(self, doc_id: str) -> dict | None:
        """The stored record of document ``doc_id`` as a dict, or None when it is not stored."""
        rows = self.con.execute("SELECT record FROM documents WHERE id = ?", [doc_id]).fetchall()
        return msgspec.json.decode(rows[0][0]) if rows else None

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        """Rows of ``sql`` as dicts keyed by column name."""
        with _interrupt_stops():
            cursor = self.con.execute(sql, params or [])
            columns = [d[0] for d in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        """Rows per table (documents, each per-document table, errors, corpus tables)."""
        names = ("documents", *DOC_TABLES, "errors", *CORPUS_TABLES)
        return {name: self.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] for name in names}


@contextmanager
def _interrupt_stops():
    """Raise DuckDB's InterruptException (an ordinary ``duckdb.Error``, which a Ctrl-C or a
    SIGTERM-made-KeyboardInterrupt becomes inside a query) as the KeyboardInterrupt it was."""
    try:
        yield
    except duckdb.InterruptException as err:
        raise KeyboardInterrupt from err


# A record whose rows cannot be written; the store failing itself is _STORE_FAILURES.
_RECORD_ERRORS = (duckdb.Error, pa.ArrowException, msgspec.DecodeError, TypeError, ValueError)
_STORE_FAILURES = (duckdb.IOException, duckdb.OutOfMemoryException, duckdb.PermissionException)


def _error_row(failure: Failure) -> dict:
    return {
        "key": failure.id or failure.source or "?",
        "doc_id": failure.id,
        "source": failure.source,
        "code": failure.code.value if isinstance(failure.code, Code) else str(failure.code),
        "reason": failure.reason,
    }


__all__ = ["Analysed", "DEFAULT_DB", "STORE_SCHEMA_VERSION", "Store", "WriteResult"]
