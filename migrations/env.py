"""alembic environment for the record store, SQLite and PostgreSQL alike (dossier/migrate.py).

Online mode only, on the connection dossier/migrate.py passes in, inside its transaction: that has
taken the migration lock (SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock), so of several
processes starting together one upgrades and the others then find the schema current.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run the migrations through dossier.migrate (it passes the connection and its lock)")
context.configure(connection=connection, target_metadata=None, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
