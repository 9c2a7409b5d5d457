"""Opening the store file: DuckDB's failures turned into one coded line each.

``connect`` opens the file (read-only for real when asked) and ``check_schema`` refuses a
file that is not a newsgraph store, or whose schema this newsgraph cannot use as opened.
Every refusal is a ``StoreError`` naming the file and saying what to do.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

from newsgraph.errors import Code, StoreError
from newsgraph.store.schema import STORE_SCHEMA_VERSION

_PID = re.compile(r"\(PID (\d+)\)")


def connect(path: str, *, read_only: bool, create: bool = True) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to the store at ``path``. A missing file is created only when
    ``create`` and not ``read_only``; otherwise it is a ``STORE_MISSING`` error."""
    file = Path(path)
    if not file.exists() and (read_only or not create):
        hint = f"run `newsgraph ingest PATH --db {path}` first"
        raise StoreError(Code.STORE_MISSING, f"no store at {path}: {hint}")
    if file.is_dir():
        raise StoreError(Code.NOT_A_STORE, f"{path} is a folder, not a store file")
    if not file.exists() and not file.parent.exists():
        raise StoreError(Code.STORE_MISSING, f"cannot create store {path}: no folder {file.parent}")
    needed = os.R_OK if read_only else os.R_OK | os.W_OK
    where = file if file.exists() else file.parent
    if not os.access(where, needed):
        raise _permission(path, read_only)
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as err:
        raise _explain(path, read_only, err) from None


def _permission(path: str, read_only: bool) -> StoreError:
    mode = "read" if read_only else "write"
    return StoreError(Code.STORE_PERMISSION, f"cannot {mode} store {path}: permission denied")


def _explain(path: str, read_only: bool, err: duckdb.Error) -> StoreError:
    """The coded error for DuckDB's message ``err`` on opening ``path``."""
    text = str(err)
    if "Could not set lock" in text or "Conflicting lock" in text:
        pid = _PID.search(text)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreError(Code.STORE_LOCKED, f"store {path} is locked by another process{holder}: a store has one "
                          "writer and no reader while it writes; wait for it to finish or stop it")  # fmt: skip
    if "not a valid DuckDB database" in text:
        return StoreError(Code.NOT_A_STORE, f"{path} is not a newsgraph store (not a DuckDB database file)")
    if "Permission denied" in text or "Read-only file system" in text:
        return _permission(path, read_only)
    if "different configuration" in text:
        return StoreError(Code.STORE_LOCKED, f"store {path} is already open in this process in another mode")
    return StoreError(Code.NOT_A_STORE, f"cannot open store {path}: {text.splitlines()[0]}")


def check_schema(con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
    """Refuse a DuckDB file that is not a newsgraph store, a store made by a newer
    newsgraph, and (read-only, where nothing may be migrated) an older one."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "schema_migrations" not in tables:
        if tables or read_only:
            raise StoreError(Code.NOT_A_STORE, f"{path} is a DuckDB database but not a newsgraph store "
                             "(it has no schema_migrations table)")  # fmt: skip
        return  # an empty new file: migrate() creates the tables
    (version,) = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchall()[0]
    if version > STORE_SCHEMA_VERSION:
        raise StoreError(Code.STORE_SCHEMA, f"store {path} has schema version {version}, newer than this "
                         f"newsgraph's {STORE_SCHEMA_VERSION}: upgrade newsgraph to read it")  # fmt: skip
    if read_only and version < STORE_SCHEMA_VERSION:
        raise StoreError(Code.STORE_SCHEMA, f"store {path} has schema version {version}, older than this "
                         f"newsgraph's {STORE_SCHEMA_VERSION}, and a read-only command cannot upgrade it: run "
                         f"`newsgraph build --db {path}` (a writer) once")  # fmt: skip
