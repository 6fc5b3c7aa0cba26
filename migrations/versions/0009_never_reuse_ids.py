"""A deleted document's or taught example's number is never given to another; a document knows where
each page's text ends and where its seals are.

SQLite numbers a plain INTEGER PRIMARY KEY max+1, so after a merge (or the undo of a split) deletes the
highest document, the next document filed took its number, and the audit trail (migration 0007), which
names documents and examples by number, then spoke of two records as one: an old entry's undo could touch
the new document. AUTOINCREMENT keeps the highest number ever given (sqlite_sequence). SQLite cannot add
it to a table in place: the table is made again with the same columns, rows, indexes and triggers.
PostgreSQL's identity columns never give a number twice: nothing to do there.

The sequence starts above every number the audit trail names as well, for the records deleted before
this migration ran.

documents.page_ends: where each page's text ends in the document's text, so that a split gives each half
its own pages' text (dossier/review.py). documents.seal_boxes: where each kept seal crop was cut from its
page, so the page viewer marks it without searching the page for it. Documents filed before have neither
(NULL).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import json
import re

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# table -> the Snapshot list (dossier/models.py) that names its rows in the audit trail
_TABLES = {"documents": "documents", "taught_examples": "examples"}


def _named_in_audit(c: Connection, field: str) -> int:
    """The highest number of this kind of record any audit entry's before or after state holds."""
    top = 0
    for before, after in c.exec_driver_sql('SELECT "before", "after" FROM audit'):
        for state in (before, after):
            snap = json.loads(state) if isinstance(state, str) else state
            for item in snap.get(field, []) + (snap.get("absent", []) if field == "documents" else []):
                n = item.get("id") if isinstance(item, dict) else item
                if isinstance(n, int):
                    top = max(top, n)
    return top


def _rebuild(c: Connection, table: str, field: str) -> None:
    create = c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (table,)).scalar_one()
    if "AUTOINCREMENT" in create.upper():
        return
    extras = [r[0] for r in c.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
        (table,))]
    # Two shapes: as 0001/0004 make it (the key a table constraint) and as an archive adopted from before
    # the migrations has it (the key on the column).
    new, n = re.subn(r"\bid INTEGER PRIMARY KEY\b", "id INTEGER PRIMARY KEY AUTOINCREMENT", create, count=1)
    if not n:
        new, n = re.subn(r"\bid INTEGER NOT NULL", "id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL", create, count=1)
        new, m = re.subn(r",\s*PRIMARY KEY \(id\)", "", new, count=1)
        n = n and m
    if not n:
        raise RuntimeError(f"0009: {table}'s table is not as 0001-0008 made it:\n{create}")
    new = new.replace(f"CREATE TABLE {table}", f"CREATE TABLE {table}_0009", 1)
    c.exec_driver_sql(new)
    c.exec_driver_sql(f"INSERT INTO {table}_0009 SELECT * FROM {table}")
    c.exec_driver_sql(f"DROP TABLE {table}")  # its indexes and triggers go with it; made again below
    c.exec_driver_sql(f"ALTER TABLE {table}_0009 RENAME TO {table}")
    for sql in extras:
        c.exec_driver_sql(sql)
    top = max(c.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar_one(), _named_in_audit(c, field))
    c.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
    c.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, top))


def upgrade() -> None:
    c = op.get_bind()
    if c.dialect.name == "sqlite":
        for table, field in _TABLES.items():
            _rebuild(c, table, field)
    op.add_column("documents", sa.Column("page_ends", sa.JSON))
    op.add_column("documents", sa.Column("seal_boxes", sa.JSON))


def downgrade() -> None:
    """Numbers given once stay given: going back keeps AUTOINCREMENT, which older code reads the same."""
    op.drop_column("documents", "seal_boxes")
    op.drop_column("documents", "page_ends")
