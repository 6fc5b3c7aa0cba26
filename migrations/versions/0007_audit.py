"""Review actions: the audit trail they write (with the before and after state that undo restores) and
the checklist items waived with a reason (dossier/review.py). A person's signature verdict is kept in
the document's signatures, beside the automatic one (SignatureField.auto_status): no column of its own.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), sa.Identity(), primary_key=True),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("before", sa.JSON, nullable=False),
        sa.Column("after", sa.JSON, nullable=False),
        sa.Column("undoes", sa.BigInteger),
        sa.Column("undone_by", sa.BigInteger),
    )
    op.create_index("audit_target", "audit", ["target"])
    op.create_table(
        "waivers",
        sa.Column("dossier_kind", sa.Text, nullable=False),
        sa.Column("dossier_key", sa.Text, nullable=False),
        sa.Column("checklist", sa.Text, nullable=False),
        sa.Column("visit", sa.Text, nullable=False),
        sa.Column("item", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("waived_by", sa.Text, nullable=False),
        sa.Column("waived_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("dossier_kind", "dossier_key", "checklist", "visit", "item"),
    )


def downgrade() -> None:
    op.drop_table("waivers")
    op.drop_index("audit_target", "audit")
    op.drop_table("audit")
