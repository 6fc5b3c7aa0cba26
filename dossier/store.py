"""The record store: SQLAlchemy Core over SQLite (embedded) or PostgreSQL (scaled), one implementation.

A source's documents, their dossiers and their index queue rows commit in one transaction; the search
index is written after the commit, by draining that queue (search/indexer.py). The unique sources.sha256
makes a second copy of the same bytes a DuplicateSource (the pipeline reports `duplicate`), whichever
process filed it first; dossiers and aliases are upserts, so two workers filing into one dossier at once
neither fail nor lose a row. What differs between the databases is in dossier/dialect.py.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, inspect, select
from sqlalchemy.engine import Connection, Engine, RowMapping

from dossier.dialect import (
    begin_write,
    ensure_field_index,
    field_equals,
    field_present,
    field_value,
    insert,
    postgres_engine,
    sqlite_connect,
    sqlite_engine,
    storage_errors,
    unindexed,
)
from dossier.errors import DuplicateSource, ReviewRefused, StorageError
from dossier.integrity import check_on_open, close_vouched
from dossier.migrate import migrate, upgrade
from dossier.models import (
    AuditEntry,
    DossierRef,
    SignatureField,
    Snapshot,
    StoredDocument,
    TaughtExample,
    Waiver,
)
from dossier.schema import (
    aliases,
    audit,
    documents,
    dossier_revisions,
    dossiers,
    index_outbox,
    sources,
    taught_examples,
    waivers,
)
from dossier.search.base import IndexDoc, SearchBackend
from dossier.search.fts import FtsIndex
from dossier.search.indexer import drain

log = logging.getLogger("dossier.store")
MAX_ROW_ID = 2**63 - 1  # both databases number rows in 64 signed bits


CHECKED = ("auto_status", "checked_by", "checked_at")


def _signature(s: SignatureField) -> dict[str, Any]:
    # A person's verdict's fields are stored once a person gave one: what `ingest` stores stays as it was.
    return s.model_dump(mode="json", exclude={k for k in CHECKED if getattr(s, k) is None})


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqlStore:
    """The records (RecordStore, dossier/records.py) in either database, with the search index `index`.
    Made by open_sqlite or open_postgres."""

    def __init__(self, engine: Engine, index: SearchBackend, *, readonly: bool = False, where: str = "",
                 index_conn: sqlite3.Connection | None = None, sqlite_file: Path | None = None) -> None:
        self.engine = engine
        self.index = index
        self.readonly = readonly
        self.where = where  # the database as messages name it
        self._index_conn = index_conn  # the embedded index's own connection, closed with the store
        self._indexed: set[str] = set()  # fields whose index is known to exist (see _field)
        self._sqlite_file = sqlite_file  # checked at open: recorded as left at close (dossier/integrity.py)
        self._doc_columns: list[Any] | None = None  # see _documents

    def close(self) -> None:
        if self._index_conn is not None:
            self._index_conn.close()
        self.engine.dispose()
        if self._sqlite_file is not None and not self.readonly:
            close_vouched(self._sqlite_file)

    # --- transactions -----------------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with storage_errors(self.where), self.engine.connect() as c, c.begin():
            begin_write(c)
            yield c

    def _read(self, stmt: Any) -> list[RowMapping]:
        with storage_errors(self.where), self.engine.connect() as c:
            return list(c.execute(stmt).mappings())

    # --- the search index's outbox (search/indexer.py) ---------------------------------------------------
    @staticmethod
    def _queue_index(c: Connection, doc_ids: Sequence[int]) -> None:
        """Queue the documents' index entries, in the transaction that changes them."""
        if doc_ids:
            c.execute(index_outbox.insert(), [{"doc_id": i} for i in doc_ids])

    def pending(self, limit: int) -> list[tuple[int, int]]:
        rows = self._read(select(index_outbox.c.seq, index_outbox.c.doc_id).order_by(index_outbox.c.seq).limit(limit))
        return [(int(r["seq"]), int(r["doc_id"])) for r in rows]

    def entries(self, doc_ids: Sequence[int]) -> list[IndexDoc]:
        return [IndexDoc.of(d) for d in self._docs(documents.c.id.in_(list(doc_ids)), order=[documents.c.id])]

    def done(self, seqs: Sequence[int]) -> None:
        if self._index_conn is not None:
            # The embedded index shares the records' file: its connection (synchronous=NORMAL) spares a
            # second fsync per commit. Lost with the power, these deletes come after the index writes in
            # the WAL, so only the rows come back, to be indexed again.
            with storage_errors(self.where):
                self._index_conn.execute(
                    f"DELETE FROM index_outbox WHERE seq IN ({','.join('?' * len(seqs))})", list(seqs))
            return
        with self._write() as c:
            c.execute(index_outbox.delete().where(index_outbox.c.seq.in_(list(seqs))))

    def drain_index(self) -> int:
        """Write the queued index entries (search/indexer.py); returns how many documents."""
        return drain(self, self.index)

    def _index_after_commit(self) -> None:
        """The records are committed: a failing index write leaves the queue for the next drain (the next
        commit, the next open, `dossier reindex`) instead of failing the filing that succeeded."""
        try:
            self.drain_index()
        except Exception as e:  # the index's own failure (OpenSearch down, its disk full): repaired later
            log.warning("search index not written, kept queued / 搜索索引暂未写入，已留待重试: %s", e)

    # --- sources ----------------------------------------------------------------------------------------
    def source(self, sha: str) -> RowMapping | None:
        rows = self._read(select(sources).where(sources.c.sha256 == sha))
        return rows[0] if rows else None

    def record_quarantine(self, sha: str, path: str, reason: str) -> None:
        with self._write() as c:
            stmt = insert(c, sources).values(sha256=sha, path=path, status="quarantined", reason=reason,
                                             created_at=_now())
            c.execute(stmt.on_conflict_do_update(
                index_elements=[sources.c.sha256],
                set_={"path": stmt.excluded.path, "reason": stmt.excluded.reason},
                where=sources.c.status == "quarantined",  # never demote a processed source
            ))

    def commit_source(
        self, sha: str, path: str, original: str, fmt: str, pages: int, docs: list[StoredDocument]
    ) -> list[int]:
        """Record a processed source and all its documents in one transaction, then index them.
        Raises DuplicateSource when the same bytes were recorded as processed first (by any process)."""
        row = {"sha256": sha, "path": path, "original": original, "fmt": fmt, "pages": pages,
               "status": "processed", "reason": None, "created_at": _now()}
        ids: list[int] = []
        with self._write() as c:
            ins = insert(c, sources).values(**row)
            # A quarantined record of the same bytes gives way; a processed one wins (the row lock, or
            # SQLite's write lock, serialises racers).
            stmt = ins.on_conflict_do_update(
                index_elements=[sources.c.sha256],
                set_={k: ins.excluded[k] for k in row if k != "sha256"},
                where=sources.c.status == "quarantined",
            ).returning(sources.c.sha256)
            if c.execute(stmt).first() is None:
                raise DuplicateSource(sha)
            for d in docs:
                ids.append(self._insert_document(c, sha, d))
            self._queue_index(c, ids)
        self._index_after_commit()
        return ids

    def _add_dossier(self, c: Connection, kind: str, key: str) -> None:
        c.execute(insert(c, dossiers).values(kind=kind, key=key, created_at=_now()).on_conflict_do_nothing())

    def _insert_document(self, c: Connection, sha: str, d: StoredDocument) -> int:
        if d.dossier:
            self._add_dossier(c, d.dossier.kind, d.dossier.key)
        doc_id = c.execute(documents.insert().returning(documents.c.id),
                           self._doc_row(d, sha, _now())).scalar_one()
        d.id = int(doc_id)
        return d.id

    @staticmethod
    def _doc_row(d: StoredDocument, sha: str, created_at: str) -> dict[str, Any]:
        return {
            "sha256": sha, "source": d.source, "pages": d.pages, "doc_type": d.doc_type,
            "confidence": d.confidence, "guesses": [list(g) for g in d.guesses],
            "dossier_kind": d.dossier.kind if d.dossier else None,
            "dossier_key": d.dossier.key if d.dossier else None,
            "visit": d.visit, "doc_date": d.doc_date, "fields": d.fields,
            "signatures": [_signature(s) for s in d.signatures], "seal": d.seal,
            "seal_crops": d.seal_crops, "status": d.status, "reason": d.reason, "text": d.text,
            "page_ends": d.page_ends or None, "seal_boxes": {k: list(b) for k, b in d.seal_boxes.items()} or None,
            "created_at": created_at,
        }

    def quarantined_sources(self, limit: int | None = None) -> list[tuple[str, str, str | None]]:
        """(when, path, reason) of the sources recorded as unreadable, newest first."""
        rows = self._read(select(sources.c.created_at, sources.c.path, sources.c.reason)
                          .where(sources.c.status == "quarantined")
                          .order_by(sources.c.created_at.desc()).limit(limit))
        return [(r["created_at"], r["path"], r["reason"]) for r in rows]

    # --- dossiers and keys ------------------------------------------------------------------------------
    def add_alias(self, kind: str, alias: str, key: str) -> None:
        with self._write() as c:
            stmt = insert(c, aliases).values(kind=kind, alias=alias, key=key)
            c.execute(stmt.on_conflict_do_update(index_elements=[aliases.c.kind, aliases.c.alias],
                                                 set_={"key": stmt.excluded.key}))

    def resolve_alias(self, kind: str, alias: str) -> str | None:
        rows = self._read(select(aliases.c.key).where(aliases.c.kind == kind, aliases.c.alias == alias))
        return rows[0]["key"] if rows else None

    def _field(self, field: str) -> None:
        """Make sure `field` is looked up through an index (asked for every document committed with an ID
        number: it must not scan the table); SQLite's is made on first use, once per store."""
        if field not in self._indexed:
            if not self.readonly:
                with storage_errors(self.where), self.engine.connect() as c:
                    ensure_field_index(c, documents.c.fields, field)
                    c.commit()
            self._indexed.add(field)

    def dossiers_with(self, kind: str, field: str, value: str) -> list[str]:
        """Keys of the `kind` dossiers holding a document whose `field` is `value`."""
        self._field(field)
        db = self.engine
        rows = self._read(select(documents.c.dossier_key).distinct()
                          .where(field_equals(db, documents.c.fields, field, value),
                                 unindexed(db, documents.c.dossier_kind) == kind,
                                 unindexed(db, documents.c.dossier_key).is_not(None))
                          .order_by(documents.c.dossier_key))
        return [r["dossier_key"] for r in rows]

    def aliases_of(self, ref: DossierRef) -> list[str]:
        rows = self._read(select(aliases.c.alias).where(aliases.c.kind == ref.kind, aliases.c.key == ref.key)
                          .order_by(aliases.c.alias))
        return [r["alias"] for r in rows]

    def refile_unassigned(self, kind: str, field: str, value: str, key: str, key_field: str | None = None,
                          reason: str | None = None) -> list[int]:
        """Documents that waited without a dossier and carry `field`=`value` now go to dossier `key`.
        `key_field`: `field` was a reading of the key, now proved: the documents carry `key` there instead.
        `reason`: what joined them, kept on the record (an owner field, not a key of their own).
        Each UPDATE asks `dossier_key IS NULL` again: two workers refiling at once move each document once."""
        moved: list[int] = []
        self._field(field)
        with self._write() as c:
            rows = c.execute(select(documents.c.id, documents.c.fields).where(
                field_equals(c, documents.c.fields, field, value), documents.c.dossier_key.is_(None),
                documents.c.doc_type.is_not(None)).order_by(documents.c.id)).all()
            for doc_id, fields in rows:
                if key_field:
                    fields = {k: v for k, v in fields.items() if k != field} | {key_field: key}
                done = c.execute(documents.update()
                                 .where(documents.c.id == doc_id, documents.c.dossier_key.is_(None))
                                 .values(dossier_kind=kind, dossier_key=key, status="filed", reason=reason,
                                         fields=fields))
                if done.rowcount:
                    moved.append(int(doc_id))
            if moved:  # the dossier row only belongs with a document in it
                self._add_dossier(c, kind, key)
                self._queue_index(c, moved)
        if moved:
            self._index_after_commit()
        return moved

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

    # --- documents --------------------------------------------------------------------------------------
    @staticmethod
    def _row_to_doc(row: RowMapping) -> StoredDocument:
        return StoredDocument(
            id=row["id"], source=row["source"], sha256=row["sha256"], pages=row["pages"],
            doc_type=row["doc_type"], confidence=row["confidence"], guesses=[tuple(g) for g in row["guesses"]],
            dossier=DossierRef(kind=row["dossier_kind"], key=row["dossier_key"]) if row["dossier_key"] else None,
            fields=row["fields"], signatures=[SignatureField.model_validate(s) for s in row["signatures"]],
            seal=row["seal"], seal_crops=row["seal_crops"], status=row["status"], reason=row["reason"],
            visit=row["visit"], doc_date=row["doc_date"], text=row["text"], created_at=row["created_at"],
            page_ends=row.get("page_ends") or [], seal_boxes=row.get("seal_boxes") or {},
        )

    def _documents(self) -> Any:
        """SELECT of the documents' columns this database has: a read-only open of an archive not migrated
        yet lacks the newer ones (page_ends, migration 0009), which then read as empty."""
        if self._doc_columns is None:
            have = None
            if self.readonly:
                with storage_errors(self.where), self.engine.connect() as c:
                    have = {col["name"] for col in inspect(c).get_columns("documents")}
            self._doc_columns = [col for col in documents.c if have is None or col.name in have]
        return select(*self._doc_columns)

    def _docs(self, *where: Any, order: Any = None, limit: int | None = None) -> list[StoredDocument]:
        stmt = self._documents().where(and_(*where)) if where else self._documents()
        stmt = stmt.order_by(*(order if order is not None else [documents.c.id.desc()])).limit(limit)
        return [self._row_to_doc(r) for r in self._read(stmt)]

    def documents_of_source(self, sha: str) -> list[StoredDocument]:
        return self._docs(documents.c.sha256 == sha, order=[documents.c.id])

    def dossier_documents(self, ref: DossierRef) -> list[StoredDocument]:
        """A dossier's documents, newest first (by the document's own date, then by arrival)."""
        when = func.coalesce(documents.c.doc_date, func.substr(documents.c.created_at, 1, 10))
        return self._docs(documents.c.dossier_kind == ref.kind, documents.c.dossier_key == ref.key,
                          order=[when.desc(), documents.c.id.desc()])

    # What the checklists read of a document (dossier/checklist.py): the whole-archive pass leaves out the rest.
    _CHECKLIST_COLUMNS = ("id", "source", "doc_type", "dossier_kind", "dossier_key", "visit", "doc_date", "fields",
                          "signatures", "status", "created_at")

    def documents_by_dossier(self) -> Iterator[tuple[DossierRef, list[StoredDocument]]]:
        """Every dossier that holds documents with them (newest first, as dossier_documents), one dossier at
        a time, in one pass over the table, each document with only what its checklists read (no text,
        pages, guesses or crops): at 100,000 documents, a query per dossier costs several times more."""
        when = func.coalesce(documents.c.doc_date, func.substr(documents.c.created_at, 1, 10))
        stmt = (select(*(documents.c[n] for n in self._CHECKLIST_COLUMNS))
                .where(documents.c.dossier_key.is_not(None))
                .order_by(documents.c.dossier_kind, documents.c.dossier_key, when.desc(), documents.c.id.desc()))
        ref: DossierRef | None = None
        docs: list[StoredDocument] = []
        with storage_errors(self.where), self.engine.connect() as c:
            for r in c.execution_options(yield_per=2000).execute(stmt).mappings():
                if ref is None or (r["dossier_kind"], r["dossier_key"]) != (ref.kind, ref.key):
                    if ref is not None:
                        yield ref, docs
                    ref, docs = DossierRef(kind=r["dossier_kind"], key=r["dossier_key"]), []
                docs.append(StoredDocument(
                    id=r["id"], source=r["source"], doc_type=r["doc_type"], dossier=ref, visit=r["visit"],
                    doc_date=r["doc_date"], fields=r["fields"], status=r["status"], created_at=r["created_at"],
                    signatures=[SignatureField.model_validate(x) for x in r["signatures"]],
                    pages=[], guesses=[], seal_crops=[]))  # given: pydantic deep-copies list defaults
        if ref is not None:
            yield ref, docs

    def revised_dossiers(self, since: int) -> list[tuple[DossierRef | None, int]]:
        """(dossier, revision) of the dossiers whose documents changed after revision `since`, lowest first
        (migration 0008_scale: a trigger raises them); None: the documents without a dossier."""
        rows = self._read(select(dossier_revisions).where(dossier_revisions.c.rev > since)
                          .order_by(dossier_revisions.c.rev))
        return [(DossierRef(kind=r["kind"], key=r["key"]) if r["key"] else None, int(r["rev"])) for r in rows]

    def unassigned_documents(self, status: str | None = None) -> list[StoredDocument]:
        """The documents without a dossier (through the partial index of migration 0003), of `status` only
        if given."""
        # Status unindexed: the partial index holds the few waiting, documents_status all the filed.
        where: list[Any] = [documents.c.dossier_key.is_(None)]
        where += [unindexed(self.engine, documents.c.status) == status] if status else []
        return self._docs(*where)

    def document(self, doc_id: int) -> StoredDocument | None:
        if not 0 < doc_id <= MAX_ROW_ID:  # no such row, and a number past 64 bits is an error to the database
            return None
        docs = self._docs(documents.c.id == doc_id)
        return docs[0] if docs else None

    def queue(self, status: str) -> list[StoredDocument]:
        return self._docs(documents.c.status == status)

    def unassigned_readings(self, field: str) -> list[tuple[str, str]]:
        """(doc_type, value of `field`) of the typed documents waiting without a dossier that carry it."""
        self._field(field)
        db = self.engine
        rows = self._read(select(documents.c.doc_type, field_value(db, documents.c.fields, field).label("v")).where(
            field_present(db, documents.c.fields, field), documents.c.dossier_key.is_(None),
            documents.c.doc_type.is_not(None),
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
        """Write a document's type, status, reason, visit, dossier and signature fields as corrected
        (teaching), then its index entry."""
        with self._write() as c:
            if d.dossier:
                self._add_dossier(c, d.dossier.kind, d.dossier.key)
            c.execute(documents.update().where(documents.c.id == d.id).values(
                doc_type=d.doc_type, status=d.status, reason=d.reason, visit=d.visit,
                signatures=[_signature(s) for s in d.signatures],
                dossier_kind=d.dossier.kind if d.dossier else None, dossier_key=d.dossier.key if d.dossier else None))
            self._queue_index(c, [d.id or 0])
        self._index_after_commit()

    # --- review actions and their audit trail (dossier/review.py) ----------------------------------------
    def record_change(self, entry: AuditEntry, *, written: bool = False) -> AuditEntry:
        """Put the records in `entry.after` and keep `entry` in the audit trail, in one transaction, then
        index what changed. Refused (ReviewRefused) when the records are no longer in `entry.before` (someone
        changed them since they were read: an undo whose action was followed by another), or when the
        entry `entry.undoes` names was undone already. `written`: the change is in the records already
        (teaching.teach wrote it); only the audit row and the index are written. Returns the entry as kept:
        its id, the new documents' ids and the after state as the records now hold it."""
        with self._write() as c:
            if not written and not self._holds(c, entry.before):
                raise ReviewRefused(entry.target, msg="review.changed_since")
            if entry.undoes is not None and not c.execute(
                    audit.update().where(audit.c.id == entry.undoes, audit.c.undone_by.is_(None))
                    .values(undone_by=0)).rowcount:
                raise ReviewRefused(f"#{entry.undoes}", msg="review.already_undone")
            if not written:
                self._put(c, entry)
            after = [d.id for d in entry.after.documents if d.id]
            entry.after.documents = self._docs_in(c, after)
            row = entry.model_dump(mode="json", exclude={"id"})
            entry.id = int(c.execute(audit.insert().values(**row).returning(audit.c.id)).scalar_one())
            if entry.undoes is not None:
                c.execute(audit.update().where(audit.c.id == entry.undoes).values(undone_by=entry.id))
            self._queue_index(c, sorted({*after, *(d.id or 0 for d in entry.before.documents), *entry.after.absent}))
        self._index_after_commit()
        return entry

    def _docs_in(self, c: Connection, ids: Sequence[int]) -> list[StoredDocument]:
        rows = c.execute(self._documents().where(documents.c.id.in_(list(ids))).order_by(documents.c.id)).mappings()
        return [self._row_to_doc(r) for r in rows]

    def _holds(self, c: Connection, state: Snapshot) -> bool:
        """Whether the records are in `state` as far as it names them."""
        def same(a: StoredDocument, b: StoredDocument) -> bool:
            return a.model_dump(mode="json", exclude={"doc_type_name"}) == b.model_dump(mode="json", exclude={"doc_type_name"})

        now = {d.id: d for d in self._docs_in(c, [*(d.id or 0 for d in state.documents), *state.absent])}
        if any(i in now for i in state.absent) or not all(
                d.id in now and same(now[d.id], d) for d in state.documents):
            return False
        held = {w.ident: w for w in self._waivers_in(c, [*state.waivers], state.unwaived)}
        return not any(i in held for i in state.unwaived) and all(held.get(w.ident) == w for w in state.waivers)

    def _put(self, c: Connection, entry: AuditEntry) -> None:
        """Write the after state: documents updated, made (their ids into before.absent) or removed,
        waivers made or removed, examples no longer in it removed; dossiers follow their documents."""
        before, after = entry.before, entry.after
        touched = {(d.dossier.kind, d.dossier.key) for d in [*before.documents, *after.documents] if d.dossier}
        known = {x.id for x in before.documents}
        for d in after.documents:
            row = self._doc_row(d, d.sha256 or "", d.created_at or _now())
            if d.id in known:
                c.execute(documents.update().where(documents.c.id == d.id).values(**row))
                continue
            if d.id is not None:  # an undone merge: the merged-away document returns under its own id
                row["id"] = d.id
            new = d.id is None
            d.id = int(c.execute(documents.insert().values(**row).returning(documents.c.id)).scalar_one())
            if new:  # a split's second half: it did not exist before, which its undo needs to know
                before.absent.append(d.id)
        for doc_id in after.absent:
            c.execute(documents.delete().where(documents.c.id == doc_id))
        for w in after.waivers:
            c.execute(waivers.delete().where(*self._waiver_key(w.ident)))
            c.execute(waivers.insert().values(**w.model_dump()))
        for ident in after.unwaived:
            c.execute(waivers.delete().where(*self._waiver_key(ident)))
        for example_id in set(before.examples) - set(after.examples):
            c.execute(taught_examples.delete().where(taught_examples.c.id == example_id))
        for kind, key in sorted(touched):
            held = c.execute(select(documents.c.id).where(documents.c.dossier_kind == kind,
                                                          documents.c.dossier_key == key).limit(1)).first()
            if held:
                self._add_dossier(c, kind, key)
            else:  # as filing keeps it: a dossier row only with a document in it
                c.execute(dossiers.delete().where(dossiers.c.kind == kind, dossiers.c.key == key))

    @staticmethod
    def _waiver_key(ident: str) -> list[Any]:
        kind, key, checklist, visit, item = ident.split("|", 4)
        return [waivers.c.dossier_kind == kind, waivers.c.dossier_key == key, waivers.c.checklist == checklist,
                waivers.c.visit == visit, waivers.c.item == item]

    def _waivers_in(self, c: Connection, have: list[Waiver], idents: list[str]) -> list[Waiver]:
        out = []
        for ident in [*(w.ident for w in have), *idents]:
            row = c.execute(select(waivers).where(*self._waiver_key(ident))).mappings().first()
            if row:
                out.append(Waiver.model_validate(dict(row)))
        return out

    def waivers_of(self, ref: DossierRef | None = None) -> list[Waiver]:
        """The waived checklist items of dossier `ref` (every dossier's without it)."""
        stmt = select(waivers).order_by(waivers.c.dossier_kind, waivers.c.dossier_key, waivers.c.checklist,
                                        waivers.c.visit, waivers.c.item)
        if ref is not None:
            stmt = stmt.where(waivers.c.dossier_kind == ref.kind, waivers.c.dossier_key == ref.key)
        return [Waiver.model_validate(dict(r)) for r in self._read(stmt)]

    def audit_entry(self, audit_id: int) -> AuditEntry | None:
        rows = self._read(select(audit).where(audit.c.id == audit_id))
        return AuditEntry.model_validate(dict(rows[0])) if rows else None

    def audit_entries(self, target: str | None = None, limit: int = 100) -> list[AuditEntry]:
        """The audit trail, newest first; of one target ("document:12") with `target`."""
        stmt = select(audit).order_by(audit.c.id.desc()).limit(limit)
        if target is not None:
            stmt = stmt.where(audit.c.target == target)
        return [AuditEntry.model_validate(dict(r)) for r in self._read(stmt)]

    # --- taught examples --------------------------------------------------------------------------------
    def add_example(self, e: TaughtExample) -> int:
        with self._write() as c:
            row = c.execute(taught_examples.insert().values(**e.model_dump(exclude={"id"}))
                            .returning(taught_examples.c.id)).first()
        return int(row[0]) if row else 0

    def examples(self) -> list[TaughtExample]:
        rows = self._read(select(taught_examples).order_by(taught_examples.c.id))
        return [TaughtExample.model_validate(dict(r)) for r in rows]

    def remove_example(self, example_id: int) -> bool:
        with self._write() as c:
            return bool(c.execute(taught_examples.delete().where(taught_examples.c.id == example_id)).rowcount)

    def counts(self) -> dict[str, int]:
        out = {r["status"]: int(r["n"]) for r in self._read(
            select(documents.c.status, func.count().label("n")).group_by(documents.c.status))}
        out["quarantined"] = int(self._read(
            select(func.count().label("n")).select_from(sources).where(sources.c.status == "quarantined"))[0]["n"])
        return out


def open_sqlite(db_path: Path, *, readonly: bool = False, index: SearchBackend | None = None) -> SqlStore:
    """The records in the SQLite file `db_path`, made or brought up to date by the migrations, checked
    intact first (a damaged file is refused: DatabaseCorrupt; in full unless Dossier left it unchanged less
    than a day after a full check, dossier/integrity.py). `index`: the search index (default: FTS5
    in the same file, on a connection of its own). `readonly`: for the commands that only read (search,
    show, report, status), which then work on a read-only archive and never write into the file."""
    if not readonly:
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StorageError(f"{db_path.parent}: {e.strerror or e}") from e
    engine = sqlite_engine(db_path, readonly=readonly)
    with storage_errors(db_path):
        with engine.connect() as c:
            check_on_open(c.connection.dbapi_connection, db_path)  # type: ignore[arg-type]
            if not readonly:
                c.exec_driver_sql("PRAGMA journal_mode=WAL")
        index_conn = sqlite_connect(db_path, readonly=readonly, durable=False)
        embedded = FtsIndex(index_conn)
        store = SqlStore(engine, index or embedded, readonly=readonly, where=str(db_path),
                         index_conn=index_conn if index is None else None, sqlite_file=db_path)
        if not readonly:
            with store._write() as c:
                upgrade(c)
            # The embedded index's tables, whichever index is used: the archive searched without
            # OPENSEARCH_URL (read-only, too) finds them, empty until `dossier reindex`.
            with embedded._transaction():
                embedded.ensure_schema()
        if index is not None:
            index_conn.close()
    if not readonly:
        store._index_after_commit()  # what a crash left queued
    return store


def open_postgres(url: str, index: SearchBackend) -> SqlStore:
    """The records in PostgreSQL at `url` (schema brought up to date first), with the search index `index`."""
    from sqlalchemy.engine import make_url

    from dossier.dialect import engine_url

    host = make_url(engine_url(url)).host or "DATABASE_URL"
    with storage_errors(host):
        migrate(url)
    store = SqlStore(postgres_engine(url), index, where=host)
    store._index_after_commit()
    return store
