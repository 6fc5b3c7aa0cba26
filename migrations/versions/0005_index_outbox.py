"""The search index's outbox: documents whose entry is to be (re)written after their change commits.

Written in the same transaction as the records (dossier/store.py), drained into FTS5 or OpenSearch
after the commit (search/indexer.py): a crash in between leaves the rows for the next drain.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "index_outbox",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), sa.Identity(), primary_key=True),
        sa.Column("doc_id", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("index_outbox")
