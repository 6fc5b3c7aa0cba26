"""The documents waiting for a dossier through an index of their own.

Every batch that files a unit document looks through the waiting documents for unit readings it
proves (worker/pipeline.py, _refile_key_readings), and the unassigned queue lists them: without an
index each reads the whole table. A partial index holds only the waiting few.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "documents_unassigned", "documents", ["id"], postgresql_where=sa.text("dossier_key IS NULL"),
        sqlite_where=sa.text("dossier_key IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("documents_unassigned", table_name="documents")
