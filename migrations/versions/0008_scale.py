"""The archive at 100,000 documents: counts by status through an index, and a revision per dossier.

documents_status: the home page's counts (filed, in review) and the review queue read an index of a few
bytes a row instead of every document's text.

dossier_revisions: every insert, update or delete of a document or of a waiver (migration 0007) raises its
dossier's revision (before and after a move: both dossiers), by a trigger, so every writer counts, whichever code path or process it is.
A reader that keeps per-dossier results (web/counts.py: the missing and overdue counts) recomputes only
the dossiers whose revision rose since it last looked. Documents without a dossier count under ('', '').
SQLite numbers revisions max+1 under its single writer; PostgreSQL takes them from a sequence, so a
transaction may commit a lower number after a higher one was seen: readers look back a window of numbers.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The tables whose rows name a dossier (dossier_kind, dossier_key) and change what its checklists show.
_REVISING = ("documents", "waivers")

_SQLITE_BUMP = """INSERT INTO dossier_revisions (kind, key, rev)
    VALUES (coalesce({row}.dossier_kind, ''), coalesce({row}.dossier_key, ''),
            (SELECT coalesce(max(rev), 0) + 1 FROM dossier_revisions))
    ON CONFLICT (kind, key) DO UPDATE SET rev = excluded.rev;"""

_PG_FUNCTION = """
CREATE FUNCTION dossier_revise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO dossier_revisions (kind, key, rev)
        VALUES (coalesce(OLD.dossier_kind, ''), coalesce(OLD.dossier_key, ''), nextval('dossier_rev_seq'))
        ON CONFLICT (kind, key) DO UPDATE SET rev = excluded.rev;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO dossier_revisions (kind, key, rev)
        VALUES (coalesce(NEW.dossier_kind, ''), coalesce(NEW.dossier_key, ''), nextval('dossier_rev_seq'))
        ON CONFLICT (kind, key) DO UPDATE SET rev = excluded.rev;
    END IF;
    RETURN NULL;
END $$"""


def upgrade() -> None:
    op.create_index("documents_status", "documents", ["status"])
    op.create_table(
        "dossier_revisions",
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("rev", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("kind", "key"),
    )
    op.create_index("dossier_revisions_rev", "dossier_revisions", ["rev"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE dossier_rev_seq")
        op.execute(_PG_FUNCTION)
        for table in _REVISING:
            op.execute(f"CREATE TRIGGER {table}_revise AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION dossier_revise()")
        return
    for table in _REVISING:
        op.execute(f"CREATE TRIGGER {table}_revise_insert AFTER INSERT ON {table} BEGIN "
                   f"{_SQLITE_BUMP.format(row='NEW')} END")
        op.execute(f"CREATE TRIGGER {table}_revise_update AFTER UPDATE ON {table} BEGIN "
                   f"{_SQLITE_BUMP.format(row='OLD')} {_SQLITE_BUMP.format(row='NEW')} END")
        op.execute(f"CREATE TRIGGER {table}_revise_delete AFTER DELETE ON {table} BEGIN "
                   f"{_SQLITE_BUMP.format(row='OLD')} END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _REVISING:
            op.execute(f"DROP TRIGGER {table}_revise ON {table}")
        op.execute("DROP FUNCTION dossier_revise()")
        op.execute("DROP SEQUENCE dossier_rev_seq")
    else:
        for table in _REVISING:
            for name in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER {table}_revise_{name}")
    op.drop_table("dossier_revisions")
    op.drop_index("documents_status", table_name="documents")
