"""alembic environment for the PostgreSQL record store (dossier/store_sql.py runs `upgrade head` on open).

Online mode only. Every worker upgrades when it starts, so the upgrade takes a transaction-scoped advisory
lock: of several processes starting together one creates the schema, the others then find it current.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool, text

ADVISORY_LOCK = 0x646F7373  # "doss": any constant the whole deployment agrees on

url = context.config.get_main_option("sqlalchemy.url")
if not url:
    raise RuntimeError("sqlalchemy.url is not set (dossier.store_sql.migrate sets it from DATABASE_URL)")

engine = create_engine(url, poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None, transaction_per_migration=False)
    with context.begin_transaction():
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK})
        context.run_migrations()
engine.dispose()
