"""The record store (embedded: SQLite). A source's documents, keys and index entries commit together."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from dossier.errors import DatabaseCorrupt, DossierError, StorageError
from dossier.models import DossierRef, SignatureField, StoredDocument, TaughtExample
from dossier.search.base import IndexDoc
from dossier.search.fts import FtsIndex

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    original TEXT,
    fmt TEXT,
    pages INTEGER,
    status TEXT NOT NULL,          -- processed | quarantined
    reason TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES sources(sha256),
    source TEXT NOT NULL,
    pages TEXT NOT NULL,
    doc_type TEXT,
    confidence REAL NOT NULL,
    guesses TEXT NOT NULL,
    dossier_kind TEXT,
    dossier_key TEXT,
    visit TEXT,
    doc_date TEXT,
    fields TEXT NOT NULL,
    signatures TEXT NOT NULL,
    seal INTEGER,
    seal_crops TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,
    reason TEXT,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_dossier ON documents(dossier_kind, dossier_key);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
-- The documents waiting for a dossier, a few among many: the unassigned queue, and the key readings
-- every unit batch looks through, without reading the whole table.
CREATE INDEX IF NOT EXISTS documents_unassigned ON documents(id) WHERE dossier_key IS NULL;
CREATE TABLE IF NOT EXISTS dossiers (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
-- secondary keys that find a dossier: a plate finds its car's VIN
CREATE TABLE IF NOT EXISTS aliases (
    kind TEXT NOT NULL,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (kind, alias)
);
-- a clerk's corrections, kept as examples the classifier learns this archive's forms from
CREATE TABLE IF NOT EXISTS taught_examples (
    id INTEGER PRIMARY KEY,
    document_id INTEGER,
    doc_type TEXT NOT NULL,
    text TEXT NOT NULL,
    taught_by TEXT NOT NULL,
    taught_at TEXT NOT NULL,
    origin TEXT
);
"""


_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,40}")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def storage_failure(e: sqlite3.Error, where: Path | str | None = None) -> DossierError:
    """What a SQLite error means for the archive: a damaged file (DatabaseCorrupt), else the storage under
    it failing (disk full, read-only, I/O error: StorageError) -- never the scan's fault."""
    detail = f"{where}: {e}" if where else str(e)
    if getattr(e, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or (
        not isinstance(e, sqlite3.OperationalError) and isinstance(e, sqlite3.DatabaseError)
        and ("malformed" in str(e) or "not a database" in str(e))
    ):
        return DatabaseCorrupt(detail)
    return StorageError(detail)


@contextmanager
def storage_errors(where: Path | str | None = None) -> Iterator[None]:
    """SQLite errors raised inside, as the archive's own errors (see storage_failure)."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise
    except sqlite3.DatabaseError as e:
        raise storage_failure(e, where) from e


def check_intact(conn: sqlite3.Connection, db_path: Path | str) -> None:
    """PRAGMA quick_check, once per open and before anything is written: a damaged file is refused."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
    if rows != ["ok"]:
        raise DatabaseCorrupt(f"{db_path}: {'; '.join(map(str, rows))}")


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


class Store:
    def __init__(self, db_path: Path, *, readonly: bool = False) -> None:
        """`readonly`: for the commands that only read (search, show, report, status), which then work on
        a read-only archive and never write into the file."""
        self.readonly = readonly
        with storage_errors(db_path):
            if readonly:
                self.conn = connect_readonly(db_path)
            else:
                try:
                    db_path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as e:
                    raise StorageError(f"{db_path.parent}: {e.strerror or e}") from e
                self.conn = sqlite3.connect(db_path, timeout=30, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            check_intact(self.conn, db_path)
            if not readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                # FULL: a commit is on disk before the watcher moves its source out of the drop folder.
                self.conn.execute("PRAGMA synchronous=FULL")
                self.conn.executescript(SCHEMA)
            self.index = FtsIndex(self.conn)
            if not readonly:
                self.index.ensure_schema()
        self._indexed: set[str] = set()  # fields with an expression index (see _field)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with storage_errors():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # --- sources -------------------------------------------------------------------------------------
    def source(self, sha: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute("SELECT * FROM sources WHERE sha256=?", (sha,)).fetchone()
        return row

    def record_quarantine(self, sha: str, path: str, reason: str) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO sources(sha256, path, status, reason, created_at) VALUES (?,?,?,?,?) "
                "ON CONFLICT(sha256) DO UPDATE SET path=excluded.path, reason=excluded.reason",
                (sha, path, "quarantined", reason, _now()),
            )

    def commit_source(
        self, sha: str, path: str, original: str, fmt: str, pages: int, docs: list[StoredDocument]
    ) -> list[int]:
        """Record a processed source and all its documents, keys and index entries in one transaction."""
        ids: list[int] = []
        with self.transaction() as c:
            c.execute("DELETE FROM sources WHERE sha256=? AND status='quarantined'", (sha,))
            c.execute(
                "INSERT INTO sources(sha256, path, original, fmt, pages, status, created_at) VALUES (?,?,?,?,?,?,?)",
                (sha, path, original, fmt, pages, "processed", _now()),
            )
            for d in docs:
                ids.append(self._insert_document(c, sha, d))
        return ids

    def _insert_document(self, c: sqlite3.Connection, sha: str, d: StoredDocument) -> int:
        now = _now()
        if d.dossier:
            c.execute(
                "INSERT OR IGNORE INTO dossiers(kind, key, created_at) VALUES (?,?,?)", (d.dossier.kind, d.dossier.key, now)
            )
        cur = c.execute(
            "INSERT INTO documents(sha256, source, pages, doc_type, confidence, guesses, dossier_kind, dossier_key,"
            " visit, doc_date, fields, signatures, seal, seal_crops, status, reason, text, created_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                sha,
                d.source,
                json.dumps(d.pages),
                d.doc_type,
                d.confidence,
                json.dumps(d.guesses, ensure_ascii=False),
                d.dossier.kind if d.dossier else None,
                d.dossier.key if d.dossier else None,
                d.visit,
                d.doc_date,
                json.dumps(d.fields, ensure_ascii=False),
                json.dumps([s.model_dump() for s in d.signatures], ensure_ascii=False),
                None if d.seal is None else int(d.seal),
                json.dumps(d.seal_crops),
                d.status,
                d.reason,
                d.text,
                now,
            ),
        )
        doc_id = int(cur.lastrowid or 0)
        d.id = doc_id
        self.index.index(IndexDoc.of(d))
        return doc_id


    # --- dossiers and keys ----------------------------------------------------------------------------
    def add_alias(self, kind: str, alias: str, key: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO aliases(kind, alias, key) VALUES (?,?,?)", (kind, alias, key))

    def resolve_alias(self, kind: str, alias: str) -> str | None:
        row = self.conn.execute("SELECT key FROM aliases WHERE kind=? AND alias=?", (kind, alias)).fetchone()
        return row["key"] if row else None

    def _field(self, field: str) -> str:
        """The SQL expression of a document's extracted `field`, backed by an index of its own.

        Looked up for every document committed with an ID number (whose dossier is it?), so it must not
        scan the table. SQLite uses an expression index only for the literal expression, hence the name
        is spelt into the SQL — checked to be a plain field name first; the index is made on first use.
        """
        if not _FIELD_NAME.fullmatch(field):
            raise ValueError(f"not a field name: {field!r}")
        expr = f"json_extract(fields, '$.{field}')"
        if field not in self._indexed:
            if not self.readonly:
                with storage_errors():
                    self.conn.execute(f"CREATE INDEX IF NOT EXISTS documents_field_{field} ON documents({expr})")
            self._indexed.add(field)
        return expr

    def dossiers_with(self, kind: str, field: str, value: str) -> list[str]:
        """Keys of the `kind` dossiers holding a document whose `field` is `value`."""
        # "+" keeps SQLite off the dossier index, which would walk every document of the kind.
        rows = self.conn.execute(
            f"SELECT DISTINCT dossier_key FROM documents WHERE {self._field(field)} = ? "
            "AND +dossier_kind=? AND +dossier_key IS NOT NULL ORDER BY dossier_key",
            (value, kind),
        )
        return [r["dossier_key"] for r in rows]

    def aliases_of(self, ref: DossierRef) -> list[str]:
        rows = self.conn.execute("SELECT alias FROM aliases WHERE kind=? AND key=? ORDER BY alias", (ref.kind, ref.key))
        return [r["alias"] for r in rows]

    def refile_unassigned(self, kind: str, field: str, value: str, key: str, key_field: str | None = None) -> list[int]:
        """Documents that waited without a dossier and carry `field`=`value` now go to dossier `key`.
        `key_field`: `field` was a reading of the key, now proved: the documents carry `key` there instead."""
        moved = []
        expr = self._field(field)
        with self.transaction() as c:
            rows = c.execute(
                f"SELECT * FROM documents WHERE dossier_key IS NULL AND doc_type IS NOT NULL AND {expr} = ?",
                (value,),
            ).fetchall()
            for row in rows:
                doc = self._row_to_doc(row)
                if doc.doc_type is None:
                    continue
                c.execute(
                    "INSERT OR IGNORE INTO dossiers(kind, key, created_at) VALUES (?,?,?)", (kind, key, _now())
                )
                if key_field:
                    del doc.fields[field]
                    doc.fields[key_field] = key
                c.execute(
                    "UPDATE documents SET dossier_kind=?, dossier_key=?, status='filed', reason=NULL, fields=? "
                    "WHERE id=?",
                    (kind, key, json.dumps(doc.fields, ensure_ascii=False), doc.id),
                )
                doc.dossier = DossierRef(kind=kind, key=key)
                self.index.delete(doc.id or 0)
                self.index.index(IndexDoc.of(doc))
                moved.append(doc.id or 0)
        return moved

    def find_dossier(self, key: str) -> DossierRef | None:
        k = key.strip().upper()
        for cand in (key.strip(), k):
            row = self.conn.execute("SELECT kind, key FROM dossiers WHERE key=?", (cand,)).fetchone()
            if row:
                return DossierRef(kind=row["kind"], key=row["key"])
            row = self.conn.execute("SELECT kind, key FROM aliases WHERE alias=?", (cand,)).fetchone()
            if row:
                return DossierRef(kind=row["kind"], key=row["key"])
        return None

    def has_dossier(self, kind: str, key: str) -> bool:
        """Whether dossier (kind, key) exists: one primary-key lookup, no alias, no case folding."""
        return self.conn.execute("SELECT 1 FROM dossiers WHERE kind=? AND key=?", (kind, key)).fetchone() is not None

    def dossiers(self) -> list[DossierRef]:
        rows = self.conn.execute("SELECT kind, key FROM dossiers ORDER BY kind, key").fetchall()
        return [DossierRef(kind=r["kind"], key=r["key"]) for r in rows]

    # --- documents ------------------------------------------------------------------------------------
    @staticmethod
    def _row_to_doc(row: sqlite3.Row) -> StoredDocument:
        return StoredDocument(
            id=row["id"],
            source=row["source"],
            sha256=row["sha256"],
            pages=json.loads(row["pages"]),
            doc_type=row["doc_type"],
            confidence=row["confidence"],
            guesses=[tuple(g) for g in json.loads(row["guesses"])],
            dossier=DossierRef(kind=row["dossier_kind"], key=row["dossier_key"]) if row["dossier_key"] else None,
            fields=json.loads(row["fields"]),
            signatures=[SignatureField.model_validate(s) for s in json.loads(row["signatures"])],
            seal=None if row["seal"] is None else bool(row["seal"]),
            seal_crops=json.loads(row["seal_crops"]),
            status=row["status"],
            reason=row["reason"],
            visit=row["visit"],
            doc_date=row["doc_date"],
            text=row["text"],
            created_at=row["created_at"],
        )

    def documents_of_source(self, sha: str) -> list[StoredDocument]:
        rows = self.conn.execute("SELECT * FROM documents WHERE sha256=? ORDER BY id", (sha,)).fetchall()
        return [self._row_to_doc(r) for r in rows]

    def dossier_documents(self, ref: DossierRef) -> list[StoredDocument]:
        """A dossier's documents, newest first (by the document's own date, then by arrival)."""
        rows = self.conn.execute(
            "SELECT * FROM documents WHERE dossier_kind=? AND dossier_key=? "
            "ORDER BY COALESCE(doc_date, substr(created_at, 1, 10)) DESC, id DESC",
            (ref.kind, ref.key),
        ).fetchall()
        return [self._row_to_doc(r) for r in rows]

    def document(self, doc_id: int) -> StoredDocument | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        return self._row_to_doc(row) if row else None

    def queue(self, status: str) -> list[StoredDocument]:
        rows = self.conn.execute("SELECT * FROM documents WHERE status=? ORDER BY id DESC", (status,)).fetchall()
        return [self._row_to_doc(r) for r in rows]

    def unassigned_readings(self, field: str) -> list[tuple[str, str]]:
        """(doc_type, value of `field`) of the typed documents waiting without a dossier that carry it."""
        expr = self._field(field)
        rows = self.conn.execute(
            f"SELECT doc_type, {expr} AS v FROM documents "
            f"WHERE {expr} IS NOT NULL AND dossier_key IS NULL AND doc_type IS NOT NULL ORDER BY id"
        ).fetchall()
        return [(r["doc_type"], str(r["v"])) for r in rows]

    def all_documents(self, batch: int = 500) -> Iterator[StoredDocument]:
        """Every document in id order, read in batches (reindex)."""
        last = 0
        while True:
            rows = self.conn.execute("SELECT * FROM documents WHERE id > ? ORDER BY id LIMIT ?", (last, batch)).fetchall()
            if not rows:
                return
            yield from (self._row_to_doc(r) for r in rows)
            last = rows[-1]["id"]

    def update_classification(self, d: StoredDocument) -> None:
        """Write a document's type, status, reason, visit and dossier as corrected (teaching), and its index entry."""
        with self.transaction() as c:
            if d.dossier:
                c.execute("INSERT OR IGNORE INTO dossiers(kind, key, created_at) VALUES (?,?,?)",
                          (d.dossier.kind, d.dossier.key, _now()))
            c.execute(
                "UPDATE documents SET doc_type=?, status=?, reason=?, visit=?, dossier_kind=?, dossier_key=? WHERE id=?",
                (d.doc_type, d.status, d.reason, d.visit, d.dossier.kind if d.dossier else None,
                 d.dossier.key if d.dossier else None, d.id),
            )
            self.index.delete(d.id or 0)
            self.index.index(IndexDoc.of(d))

    # --- taught examples ------------------------------------------------------------------------------
    def add_example(self, e: TaughtExample) -> int:
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO taught_examples(document_id, doc_type, text, taught_by, taught_at, origin) VALUES (?,?,?,?,?,?)",
                (e.document_id, e.doc_type, e.text, e.taught_by, e.taught_at, e.origin),
            )
        return int(cur.lastrowid or 0)

    def examples(self) -> list[TaughtExample]:
        rows = self.conn.execute("SELECT * FROM taught_examples ORDER BY id").fetchall()
        return [TaughtExample.model_validate(dict(r)) for r in rows]

    def remove_example(self, example_id: int) -> bool:
        with self.transaction() as c:
            return c.execute("DELETE FROM taught_examples WHERE id=?", (example_id,)).rowcount > 0

    def counts(self) -> dict[str, int]:
        out = {r["status"]: r["n"] for r in self.conn.execute("SELECT status, COUNT(*) n FROM documents GROUP BY status")}
        out["quarantined"] = self.conn.execute("SELECT COUNT(*) FROM sources WHERE status='quarantined'").fetchone()[0]
        return out
