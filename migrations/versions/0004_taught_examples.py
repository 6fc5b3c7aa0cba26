"""A clerk's corrections kept as training examples of this archive (dossier/teaching.py).

`dossier teach DOC_ID CODE` sets a document's type and keeps its text with the type, who and when, so
that the classifier recognises the next documents of that site's form (classify/textmodel.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "taught_examples",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), sa.Identity(), primary_key=True),
        sa.Column("document_id", sa.BigInteger),
        sa.Column("doc_type", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("taught_by", sa.Text, nullable=False),
        sa.Column("taught_at", sa.Text, nullable=False),
        sa.Column("origin", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("taught_examples")
