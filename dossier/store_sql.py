"""The record store in PostgreSQL (scaled mode): SQLAlchemy Core over psycopg 3, schema by alembic.

Same behaviour as dossier/store.Store, written for many workers on many machines at once: a source's
documents commit in one transaction; the unique sources.sha256 makes a second copy of the same bytes a
DuplicateSource (the pipeline then reports `duplicate`); dossiers and aliases are upserts, so two workers
filing into one dossier at the same moment neither fail nor lose a row. The search index is written after
the commit: a crash between the two leaves a record without its index entry, which `dossier reindex`
repairs -- never an index entry without its record.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    Identity,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    and_,
    create_engine,
    func,
    literal,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.engine import Connection, Engine, RowMapping, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement

from dossier.errors import ServiceUnavailable, StorageError
from dossier.models import DossierRef, SignatureField, StoredDocument, TaughtExample
from dossier.search.base import IndexDoc, SearchBackend

# Installed, the alembic scripts are dossier/migrations (pyproject.toml); in a checkout, migrations/ at the top.
_HERE = Path(__file__).resolve().parent
MIGRATIONS = next((p for p in (_HERE / "migrations", _HERE.parent / "migrations") if (p / "env.py").is_file()),
                  _HERE.parent / "migrations")

# The tables as the code reads and writes them; migrations/versions/ creates them (keep the two in step).
metadata = MetaData()
sources = Table(
    "sources", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("path", Text, nullable=False),
    Column("original", Text),
    Column("fmt", Text),
    Column("pages", Integer),
    Column("status", Text, nullable=False),  # processed | quarantined
    Column("reason", Text),
    Column("created_at", Text, nullable=False),
)
documents = Table(
    "documents", metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("source", Text, nullable=False),
    Column("pages", JSON, nullable=False),
    Column("doc_type", Text),
    Column("confidence", Float, nullable=False),
    Column("guesses", JSON, nullable=False),
    Column("dossier_kind", Text),
    Column("dossier_key", Text),
    Column("visit", Text),
    Column("doc_date", Text),
    Column("fields", JSONB, nullable=False),
    Column("signatures", JSON, nullable=False),
    Column("seal", Boolean),
    Column("seal_crops", JSON, nullable=False),
    Column("status", Text, nullable=False),
    Column("reason", Text),
    Column("text", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Index("documents_dossier", "dossier_kind", "dossier_key"),
    Index("documents_sha", "sha256"),
)
dossiers = Table(
    "dossiers", metadata,
    Column("kind", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    PrimaryKeyConstraint("kind", "key"),
)
aliases = Table(
    "aliases", metadata,
    Column("kind", Text, nullable=False),
    Column("alias", Text, nullable=False),
    Column("key", Text, nullable=False),
    PrimaryKeyConstraint("kind", "alias"),
)
taught_examples = Table(
    "taught_examples", metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("document_id", BigInteger),
    Column("doc_type", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("taught_by", Text, nullable=False),
    Column("taught_at", Text, nullable=False),
    Column("origin", Text),
)


class DuplicateSource(sqlite3.IntegrityError):
    """The source's bytes are already recorded as processed (another worker filed them first). A kind of
    sqlite3.IntegrityError so that the pipeline's one handler (report `duplicate`) serves both stores."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def engine_url(url: str) -> str:
    """postgresql://… as users write it, with the psycopg 3 driver SQLAlchemy needs named."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    raise ValueError(f"not a PostgreSQL URL: {url}")


def migrate(url: str) -> None:
    """Bring the schema to the newest revision (alembic upgrade head); safe from many processes at once."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine_url(url).replace("%", "%%"))
    command.upgrade(cfg, "head")


def pg_error(e: BaseException, where: str = "DATABASE_URL") -> StorageError:
    """A database error as one line for a clerk: the server cannot be reached, or what it said (first line)."""
    cause = getattr(e, "orig", None) or e
    if isinstance(e, OperationalError) and "connect" in str(cause).lower():
        return ServiceUnavailable("PostgreSQL", where)
    return StorageError("PostgreSQL: " + (str(cause).splitlines() or [""])[0])


class PgStore:
    def __init__(self, url: str, index: SearchBackend, *, engine: Engine | None = None, upgrade: bool = True) -> None:
        try:
            if upgrade:
                migrate(url)
            self.engine = engine or create_engine(engine_url(url), pool_pre_ping=True, pool_size=2, max_overflow=2)
        except SQLAlchemyError as e:
            raise pg_error(e, make_url(engine_url(url)).host or "DATABASE_URL") from e
        self.index = index

    def close(self) -> None:
        self.engine.dispose()

    def _read(self, stmt: Any) -> list[RowMapping]:
        try:
            with self.engine.connect() as c:
                return list(c.execute(stmt).mappings())
        except SQLAlchemyError as e:
            raise pg_error(e) from e

    # --- sources -------------------------------------------------------------------------------------
    def source(self, sha: str) -> RowMapping | None:
        rows = self._read(select(sources).where(sources.c.sha256 == sha))
        return rows[0] if rows else None

    def record_quarantine(self, sha: str, path: str, reason: str) -> None:
        stmt = insert(sources).values(sha256=sha, path=path, status="quarantined", reason=reason, created_at=_now())
        stmt = stmt.on_conflict_do_update(
            index_elements=[sources.c.sha256],
            set_={"path": stmt.excluded.path, "reason": stmt.excluded.reason},
            where=sources.c.status == "quarantined",  # never demote a processed source
        )
        with self._begin() as c:
            c.execute(stmt)

    def _begin(self) -> Any:
        return _Tx(self.engine)

    def commit_source(
        self, sha: str, path: str, original: str, fmt: str, pages: int, docs: list[StoredDocument]
    ) -> list[int]:
        """Record a processed source and all its documents in one transaction, then index them.
        Raises DuplicateSource when the same bytes were recorded as processed first (by any worker)."""
        row = {"sha256": sha, "path": path, "original": original, "fmt": fmt, "pages": pages,
               "status": "processed", "reason": None, "created_at": _now()}
        ins = insert(sources).values(**row)
        # A quarantined record of the same bytes gives way; a processed one wins (the row lock serialises racers).
        stmt = ins.on_conflict_do_update(
            index_elements=[sources.c.sha256],
            set_={k: ins.excluded[k] for k in row if k != "sha256"},
            where=sources.c.status == "quarantined",
        ).returning(sources.c.sha256)
        ids: list[int] = []
        with self._begin() as c:
            if c.execute(stmt).first() is None:
                raise DuplicateSource(sha)
            for d in docs:
                ids.append(self._insert_document(c, sha, d))
        for d in docs:  # after the commit: an index entry never points at a record that is not there
            self.index.index(IndexDoc.of(d))
        return ids

    def _insert_document(self, c: Connection, sha: str, d: StoredDocument) -> int:
        if d.dossier:
            c.execute(insert(dossiers).values(kind=d.dossier.kind, key=d.dossier.key, created_at=_now())
                      .on_conflict_do_nothing())
        doc_id = c.execute(
            documents.insert().returning(documents.c.id),
            {
                "sha256": sha, "source": d.source, "pages": d.pages, "doc_type": d.doc_type,
                "confidence": d.confidence, "guesses": [list(g) for g in d.guesses],
                "dossier_kind": d.dossier.kind if d.dossier else None,
                "dossier_key": d.dossier.key if d.dossier else None,
                "visit": d.visit, "doc_date": d.doc_date, "fields": d.fields,
                "signatures": [s.model_dump(mode="json") for s in d.signatures], "seal": d.seal,
                "seal_crops": d.seal_crops, "status": d.status, "reason": d.reason, "text": d.text,
                "created_at": _now(),
            },
        ).scalar_one()
        d.id = int(doc_id)
        return d.id


    # --- dossiers and keys ----------------------------------------------------------------------------
    def add_alias(self, kind: str, alias: str, key: str) -> None:
        stmt = insert(aliases).values(kind=kind, alias=alias, key=key)
        with self._begin() as c:
            c.execute(stmt.on_conflict_do_update(index_elements=[aliases.c.kind, aliases.c.alias],
                                                 set_={"key": stmt.excluded.key}))

    def resolve_alias(self, kind: str, alias: str) -> str | None:
        rows = self._read(select(aliases.c.key).where(aliases.c.kind == kind, aliases.c.alias == alias))
        return rows[0]["key"] if rows else None

    def dossiers_with(self, kind: str, field: str, value: str) -> list[str]:
        rows = self._read(select(documents.c.dossier_key).distinct()
                          .where(documents.c.fields.contains({field: value}),  # the GIN index (0002)
                                 documents.c.dossier_kind == kind, documents.c.dossier_key.is_not(None))
                          .order_by(documents.c.dossier_key))
        return [r["dossier_key"] for r in rows]

    def aliases_of(self, ref: DossierRef) -> list[str]:
        rows = self._read(select(aliases.c.alias).where(aliases.c.kind == ref.kind, aliases.c.key == ref.key)
                          .order_by(aliases.c.alias))
        return [r["alias"] for r in rows]

    def refile_unassigned(self, kind: str, field: str, value: str, key: str, key_field: str | None = None) -> list[int]:
        """Documents that waited without a dossier and carry `field`=`value` now go to dossier `key`.
        `key_field`: `field` was a reading of the key, now proved: the documents carry `key` there instead.
        One UPDATE … WHERE dossier_key IS NULL: two workers refiling at once move each document once."""
        fields: ColumnElement[Any] = documents.c.fields
        if key_field:
            fields = fields.op("-", return_type=JSONB)(literal(field, String)).op("||", return_type=JSONB)(
                func.jsonb_build_object(literal(key_field, String), literal(key, String)))
        with self._begin() as c:
            c.execute(insert(dossiers).values(kind=kind, key=key, created_at=_now()).on_conflict_do_nothing())
            rows = c.execute(
                documents.update()
                .where(documents.c.fields.contains({field: value}), documents.c.dossier_key.is_(None),
                       documents.c.doc_type.is_not(None))
                .values(dossier_kind=kind, dossier_key=key, status="filed", reason=None, fields=fields)
                .returning(*documents.c)
            ).mappings().all()
            moved = [self._row_to_doc(r) for r in rows]
            if not moved:  # the dossier row only belongs with a document in it
                c.execute(dossiers.delete().where(
                    dossiers.c.kind == kind, dossiers.c.key == key,
                    ~select(documents.c.id).where(documents.c.dossier_kind == kind,
                                                  documents.c.dossier_key == key).exists()))
        for d in moved:
            self.index.index(IndexDoc.of(d))
        return [d.id or 0 for d in moved]

    def find_dossier(self, key: str) -> DossierRef | None:
        for cand in (key.strip(), key.strip().upper()):
            for table, col in ((dossiers, dossiers.c.key), (aliases, aliases.c.alias)):
                rows = self._read(select(table.c.kind, table.c.key).where(col == cand).limit(1))
                if rows:
                    return DossierRef(kind=rows[0]["kind"], key=rows[0]["key"])
        return None

    def has_dossier(self, kind: str, key: str) -> bool:
        """Whether dossier (kind, key) exists: one primary-key lookup, no alias, no case folding."""
        return bool(self._read(select(dossiers.c.key).where(dossiers.c.kind == kind, dossiers.c.key == key).limit(1)))

    def dossiers(self) -> list[DossierRef]:
        rows = self._read(select(dossiers.c.kind, dossiers.c.key).order_by(dossiers.c.kind, dossiers.c.key))
        return [DossierRef(kind=r["kind"], key=r["key"]) for r in rows]

    # --- documents ------------------------------------------------------------------------------------
    @staticmethod
    def _row_to_doc(row: RowMapping) -> StoredDocument:
        return StoredDocument(
            id=row["id"], source=row["source"], sha256=row["sha256"], pages=row["pages"],
            doc_type=row["doc_type"], confidence=row["confidence"], guesses=[tuple(g) for g in row["guesses"]],
            dossier=DossierRef(kind=row["dossier_kind"], key=row["dossier_key"]) if row["dossier_key"] else None,
            fields=row["fields"], signatures=[SignatureField.model_validate(s) for s in row["signatures"]],
            seal=row["seal"], seal_crops=row["seal_crops"], status=row["status"], reason=row["reason"],
            visit=row["visit"], doc_date=row["doc_date"], text=row["text"], created_at=row["created_at"],
        )

    def _docs(self, *where: Any, order: Any = None, limit: int | None = None) -> list[StoredDocument]:
        stmt = select(documents).where(and_(*where)) if where else select(documents)
        stmt = stmt.order_by(*(order if order is not None else [documents.c.id.desc()])).limit(limit)
        return [self._row_to_doc(r) for r in self._read(stmt)]

    def documents_of_source(self, sha: str) -> list[StoredDocument]:
        return self._docs(documents.c.sha256 == sha, order=[documents.c.id])

    def dossier_documents(self, ref: DossierRef) -> list[StoredDocument]:
        """A dossier's documents, newest first (by the document's own date, then by arrival)."""
        when = func.coalesce(documents.c.doc_date, func.substr(documents.c.created_at, 1, 10))
        return self._docs(documents.c.dossier_kind == ref.kind, documents.c.dossier_key == ref.key,
                          order=[when.desc(), documents.c.id.desc()])

    def document(self, doc_id: int) -> StoredDocument | None:
        docs = self._docs(documents.c.id == doc_id)
        return docs[0] if docs else None

    def queue(self, status: str) -> list[StoredDocument]:
        return self._docs(documents.c.status == status)

    def unassigned_readings(self, field: str) -> list[tuple[str, str]]:
        """(doc_type, value of `field`) of the typed documents waiting without a dossier that carry it."""
        value = documents.c.fields[field].astext
        rows = self._read(select(documents.c.doc_type, value.label("v")).where(
            documents.c.fields.has_key(field), documents.c.dossier_key.is_(None), documents.c.doc_type.is_not(None),
        ).order_by(documents.c.id))
        return [(r["doc_type"], str(r["v"])) for r in rows]

    def all_documents(self, batch: int = 500) -> Iterator[StoredDocument]:
        """Every document in id order, read in batches (reindex)."""
        last = 0
        while True:
            docs = self._docs(documents.c.id > last, order=[documents.c.id], limit=batch)
            if not docs:
                return
            yield from docs
            last = docs[-1].id or 0

    def update_classification(self, d: StoredDocument) -> None:
        """Write a document's type, status, reason, visit and dossier as corrected (teaching), then its index entry."""
        with self._begin() as c:
            if d.dossier:
                c.execute(insert(dossiers).values(kind=d.dossier.kind, key=d.dossier.key, created_at=_now())
                          .on_conflict_do_nothing())
            c.execute(documents.update().where(documents.c.id == d.id).values(
                doc_type=d.doc_type, status=d.status, reason=d.reason, visit=d.visit,
                dossier_kind=d.dossier.kind if d.dossier else None, dossier_key=d.dossier.key if d.dossier else None))
        self.index.delete(d.id or 0)
        self.index.index(IndexDoc.of(d))

    # --- taught examples ------------------------------------------------------------------------------
    def add_example(self, e: TaughtExample) -> int:
        with self._begin() as c:
            row = c.execute(taught_examples.insert().values(**e.model_dump(exclude={"id"}))
                            .returning(taught_examples.c.id)).first()
        return int(row[0]) if row else 0

    def examples(self) -> list[TaughtExample]:
        rows = self._read(select(taught_examples).order_by(taught_examples.c.id))
        return [TaughtExample.model_validate(dict(r)) for r in rows]

    def remove_example(self, example_id: int) -> bool:
        with self._begin() as c:
            return bool(c.execute(taught_examples.delete().where(taught_examples.c.id == example_id)).rowcount)

    def counts(self) -> dict[str, int]:
        out = {r["status"]: int(r["n"]) for r in self._read(
            select(documents.c.status, func.count().label("n")).group_by(documents.c.status))}
        out["quarantined"] = int(self._read(
            select(func.count().label("n")).select_from(sources).where(sources.c.status == "quarantined"))[0]["n"])
        return out


class _Tx:
    """`with engine.begin()`, with database errors turned into StorageError (DuplicateSource passes)."""

    def __init__(self, engine: Engine) -> None:
        self._cm = engine.begin()

    def __enter__(self) -> Connection:
        try:
            return self._cm.__enter__()
        except SQLAlchemyError as e:
            raise pg_error(e) from e

    def __exit__(self, *exc: Any) -> None:
        try:
            self._cm.__exit__(*exc)
        except SQLAlchemyError as e:
            raise pg_error(e) from e
        if isinstance(exc[1], SQLAlchemyError):
            raise pg_error(exc[1]) from exc[1]
