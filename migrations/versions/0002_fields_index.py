"""Documents found by an extracted field (which dossier holds this ID number?) through an index.

Every document committed with an ID number asks which dossiers hold it; without an index each
question reads the whole table. A GIN index (jsonb_path_ops) answers `fields @> {"field": value}`
for any field the policies name, present or future. (SQLite: an expression index per field, made on
first use, dossier/dialect.py ensure_field_index.)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_index(
        "documents_fields", "documents", ["fields"], postgresql_using="gin", postgresql_ops={"fields": "jsonb_path_ops"}
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("documents_fields", table_name="documents")
