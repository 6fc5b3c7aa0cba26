"""The record store: sources, documents, dossiers, aliases (dossier/schema.py), in SQLite or PostgreSQL.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

# As dossier/schema.py: SQLite's INTEGER PRIMARY KEY is its rowid; JSONB where PostgreSQL has it.
ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
FIELDS = sa.JSON().with_variant(JSONB(), "postgresql")

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("sha256", sa.String(64), primary_key=True),  # unique: the same bytes are filed once
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("original", sa.Text),
        sa.Column("fmt", sa.Text),
        sa.Column("pages", sa.Integer),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", ROW_ID, sa.Identity(), primary_key=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("sources.sha256"), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("pages", sa.JSON, nullable=False),
        sa.Column("doc_type", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("guesses", sa.JSON, nullable=False),
        sa.Column("dossier_kind", sa.Text),
        sa.Column("dossier_key", sa.Text),
        sa.Column("visit", sa.Text),
        sa.Column("doc_date", sa.Text),
        sa.Column("fields", FIELDS, nullable=False),
        sa.Column("signatures", sa.JSON, nullable=False),
        sa.Column("seal", sa.Boolean),
        sa.Column("seal_crops", sa.JSON, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_index("documents_dossier", "documents", ["dossier_kind", "dossier_key"])
    op.create_index("documents_sha", "documents", ["sha256"])
    op.create_table(
        "dossiers",
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("kind", "key"),
    )
    op.create_table(
        "aliases",
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("kind", "alias"),
    )


def downgrade() -> None:
    for table in ("aliases", "dossiers", "documents", "sources"):
        op.drop_table(table)
