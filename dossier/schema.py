"""The archive's tables, one MetaData for SQLite and PostgreSQL. migrations/versions/ creates them in
either database (keep the two in step); the store (dossier/store.py) reads and writes them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

# SQLite numbers an INTEGER PRIMARY KEY itself (the rowid); PostgreSQL takes a BIGINT identity.
RowId = BigInteger().with_variant(Integer(), "sqlite")
# Text in SQLite (json_extract, expression indexes); JSONB in PostgreSQL (containment, the GIN index of 0002).
Fields = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData()
sources = Table(
    "sources", metadata,
    Column("sha256", String(64), primary_key=True),  # unique: the same bytes are filed once
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
    Column("id", RowId, Identity(), primary_key=True),
    Column("sha256", String(64), ForeignKey("sources.sha256"), nullable=False),
    Column("source", Text, nullable=False),
    Column("pages", JSON, nullable=False),
    Column("doc_type", Text),
    Column("confidence", Float, nullable=False),
    Column("guesses", JSON, nullable=False),
    Column("dossier_kind", Text),
    Column("dossier_key", Text),
    Column("visit", Text),
    Column("doc_date", Text),
    Column("fields", Fields, nullable=False),
    Column("signatures", JSON, nullable=False),
    Column("seal", Boolean),
    Column("seal_crops", JSON, nullable=False),
    Column("status", Text, nullable=False),
    Column("reason", Text),
    Column("text", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("page_ends", JSON),  # migration 0009; StoredDocument.page_ends
    Column("seal_boxes", JSON),  # migration 0009; StoredDocument.seal_boxes
    Index("documents_dossier", "dossier_kind", "dossier_key"),
    Index("documents_sha", "sha256"),
    Index("documents_status", "status"),
    sqlite_autoincrement=True,  # a deleted document's number is never given again (migration 0009)
)
dossiers = Table(
    "dossiers", metadata,
    Column("kind", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    PrimaryKeyConstraint("kind", "key"),
)
# secondary keys that find a dossier: a plate finds its car's VIN
aliases = Table(
    "aliases", metadata,
    Column("kind", Text, nullable=False),
    Column("alias", Text, nullable=False),
    Column("key", Text, nullable=False),
    PrimaryKeyConstraint("kind", "alias"),
)
# a clerk's corrections, kept as examples the classifier learns this archive's forms from
taught_examples = Table(
    "taught_examples", metadata,
    Column("id", RowId, Identity(), primary_key=True),
    Column("document_id", BigInteger),
    Column("doc_type", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("taught_by", Text, nullable=False),
    Column("taught_at", Text, nullable=False),
    Column("origin", Text),
    sqlite_autoincrement=True,  # an example removed is never confused with a later one (migration 0009)
)
# Documents whose search entry is to be (re)written, queued in the transaction that changed them and
# drained into the index after it commits (search/indexer.py): a crash in between loses nothing.
index_outbox = Table(
    "index_outbox", metadata,
    Column("seq", RowId, Identity(), primary_key=True),
    Column("doc_id", BigInteger, nullable=False),
)
# Each dossier's revision, raised by a trigger on every write to one of its documents (migration 0008_scale):
# readers that keep per-dossier results recompute only what changed. ('', ''): documents without a dossier.
dossier_revisions = Table(
    "dossier_revisions", metadata,
    Column("kind", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("rev", BigInteger, nullable=False, index=True),
    PrimaryKeyConstraint("kind", "key"),
)
# The web app's users (web/users.py): an Argon2 hash, the failed logins that lock the name out for a
# while, and an epoch that logging out raises, which ends every session and token issued before.
users = Table(
    "users", metadata,
    Column("name", Text, primary_key=True),
    Column("role", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until", Text),
    Column("session_epoch", Integer, nullable=False, server_default="0"),
    Column("created_at", Text, nullable=False),
)
# Every review action (dossier/review.py): who, when (UTC), what, on what, and the state before and after,
# as JSON (the documents' and waivers' rows), so that `undo` can put the before state back. An undo is an
# action too: `undoes` names the row it reverts, and that row's `undone_by` the undo (once only).
audit = Table(
    "audit", metadata,
    Column("id", RowId, Identity(), primary_key=True),
    Column("at", Text, nullable=False),
    Column("by", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("before", JSON, nullable=False),
    Column("after", JSON, nullable=False),
    Column("undoes", BigInteger),
    Column("undone_by", BigInteger),
    Index("audit_target", "target"),
)
# Checklist items a clerk waived with a reason: the checklists count them as satisfied, and say so.
waivers = Table(
    "waivers", metadata,
    Column("dossier_kind", Text, nullable=False),
    Column("dossier_key", Text, nullable=False),
    Column("checklist", Text, nullable=False),
    Column("visit", Text, nullable=False),  # "" for a dossier-wide checklist
    Column("item", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("waived_by", Text, nullable=False),
    Column("waived_at", Text, nullable=False),
    PrimaryKeyConstraint("dossier_kind", "dossier_key", "checklist", "visit", "item"),
)
