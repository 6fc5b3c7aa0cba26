"""What differs between SQLite and PostgreSQL, in a few named helpers: connecting (pragmas, read-only
opening), the write transaction, upserts, reading an extracted field (json_extract with an expression
index vs JSONB containment with a GIN index), a column kept off an index, and what a driver's error
means for the archive. dossier/store.py is written once against these."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, create_engine, literal_column, text, type_coerce
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

from dossier.errors import DatabaseCorrupt, DossierError, ServiceUnavailable, StorageError

Db = Connection | Engine  # what a statement is built for: its .dialect
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,40}")
# A migration taken by one of many workers starting together; the others then find the schema current.
ADVISORY_LOCK = 0x646F7373  # "doss": any constant the whole deployment agrees on


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)  # Chinese stays readable in the database, as before


# --- connecting --------------------------------------------------------------------------------------------
def connect_readonly(db_path: Path) -> sqlite3.Connection:
    """The database opened for reading only (mode=ro): nothing is written, not even on a read-only disk,
    where a WAL database whose -shm file cannot be made is opened as immutable."""
    uri = f"{db_path.absolute().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=30, isolation_level=None)
    return conn


def sqlite_connect(db_path: Path, *, readonly: bool = False, durable: bool = True) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are begun explicitly, see write_transaction).
    `durable`: synchronous=FULL, a commit is on disk before the watcher moves its source out of the drop
    folder; the search index, which can be rebuilt, is written with NORMAL (a later FULL commit syncs the
    shared WAL, its frames included)."""
    if readonly:
        return connect_readonly(db_path)
    conn = sqlite3.connect(db_path, timeout=30, isolation_level=None)
    conn.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
    return conn


def check_intact(conn: sqlite3.Connection, db_path: Path | str) -> None:
    """PRAGMA quick_check, once per open and before anything is written: a damaged file is refused."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
    if rows != ["ok"]:
        raise DatabaseCorrupt(f"{db_path}: {'; '.join(map(str, rows))}")


def sqlite_engine(db_path: Path, *, readonly: bool = False) -> Engine:
    # A pool (one connection kept, as the store kept one before): reopening the file per operation is slow.
    return create_engine("sqlite://", creator=lambda: sqlite_connect(db_path, readonly=readonly),
                         json_serializer=_json, poolclass=QueuePool, pool_size=1, max_overflow=4)


def engine_url(url: str) -> str:
    """postgresql://… as users write it, with the psycopg 3 driver SQLAlchemy needs named."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    raise ValueError(f"not a PostgreSQL URL: {url}")


def postgres_engine(url: str) -> Engine:
    return create_engine(engine_url(url), json_serializer=_json, pool_pre_ping=True, pool_size=2, max_overflow=2)


# --- transactions ------------------------------------------------------------------------------------------
def begin_write(c: Connection) -> None:
    """Start the write transaction. SQLite: BEGIN IMMEDIATE takes the write lock at once, so two writers
    queue (busy timeout) instead of one failing at its first write; PostgreSQL's rows lock themselves."""
    if c.dialect.name == "sqlite":
        c.exec_driver_sql("BEGIN IMMEDIATE")


def lock_for_migration(c: Connection) -> None:
    """Of several processes upgrading the schema at once one does it. SQLite: BEGIN IMMEDIATE already
    serialises them; PostgreSQL: a transaction-scoped advisory lock."""
    if c.dialect.name == "postgresql":
        c.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK})


# --- statements --------------------------------------------------------------------------------------------
def insert(c: Db, table: Table) -> Any:
    """INSERT with ON CONFLICT (upserts): each dialect's own construct, the same interface."""
    return (postgresql.insert if c.dialect.name == "postgresql" else sqlite.insert)(table)


def field_name(field: str) -> str:
    if not _FIELD_NAME.fullmatch(field):
        raise ValueError(f"not a field name: {field!r}")
    return field


def field_value(c: Db, fields: Column[Any], field: str) -> ColumnElement[Any]:
    """A document's extracted `field` as text. SQLite uses an expression index only for the literal
    expression, so the (checked) name is spelt into the SQL; see ensure_field_index."""
    if c.dialect.name == "postgresql":
        return type_coerce(fields, postgresql.JSONB)[field_name(field)].astext
    return literal_column(f"json_extract({fields.name}, '$.{field_name(field)}')")


def field_equals(c: Db, fields: Column[Any], field: str, value: str) -> ColumnElement[bool]:
    """`field` = `value`, in the form the dialect's index answers (PostgreSQL: containment, the GIN index)."""
    if c.dialect.name == "postgresql":
        return type_coerce(fields, postgresql.JSONB).contains({field_name(field): value})
    return field_value(c, fields, field) == value


def field_present(c: Db, fields: Column[Any], field: str) -> ColumnElement[bool]:
    if c.dialect.name == "postgresql":
        return type_coerce(fields, postgresql.JSONB).has_key(field_name(field))
    return field_value(c, fields, field).is_not(None)


def ensure_field_index(c: Connection, fields: Column[Any], field: str) -> None:
    """SQLite: an expression index on the field, made on first use (any field a policy names, present or
    future). PostgreSQL's GIN index (migration 0002) serves every field already."""
    if c.dialect.name == "sqlite":
        expr = f"json_extract({fields.name}, '$.{field_name(field)}')"
        c.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS documents_field_{field} ON documents({expr})")


def unindexed(c: Db, column: Column[Any]) -> ColumnElement[Any]:
    """The column as SQLite's planner may not use an index on it ("+col"): asked together with an indexed
    field, the dossier index would walk every document of the kind. PostgreSQL plans by statistics."""
    if c.dialect.name == "sqlite":
        return literal_column(f"+{column.name}", type_=column.type)
    return column


# --- errors ------------------------------------------------------------------------------------------------
def storage_failure(e: BaseException, where: Path | str | None = None) -> DossierError:
    """What a database error means for the archive, never the scan's fault: SQLite's damaged file
    (DatabaseCorrupt), PostgreSQL out of reach (ServiceUnavailable), else the storage under it failing
    (disk full, read-only, I/O error: StorageError)."""
    cause = getattr(e, "orig", None) or e
    if isinstance(cause, sqlite3.Error):
        detail = f"{where}: {cause}" if where else str(cause)
        if getattr(cause, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or (
            not isinstance(cause, sqlite3.OperationalError) and isinstance(cause, sqlite3.DatabaseError)
            and ("malformed" in str(cause) or "not a database" in str(cause))
        ):
            return DatabaseCorrupt(detail)
        return StorageError(detail)
    if isinstance(e, OperationalError) and "connect" in str(cause).lower():
        return ServiceUnavailable("PostgreSQL", str(where or "DATABASE_URL"))
    return StorageError("PostgreSQL: " + (str(cause).splitlines() or [""])[0])


@contextmanager
def storage_errors(where: Path | str | None = None) -> Iterator[None]:
    """Database errors raised inside, as the archive's own errors (see storage_failure)."""
    try:
        yield
    except (sqlite3.DatabaseError, DBAPIError) as e:
        raise storage_failure(e, where) from e
    except SQLAlchemyError as e:
        raise StorageError(str(e).splitlines()[0] if str(e) else type(e).__name__) from e
