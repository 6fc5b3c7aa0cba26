"""The schema by alembic, one migration history for SQLite and PostgreSQL (migrations/versions/).

A new database is made by running the migrations. A SQLite archive made before the migrations existed
(its tables made by a schema script, no alembic_version table) is adopted: stamped at the revision its
tables match, then upgraded like any other, nothing rewritten.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from dossier.dialect import begin_write, lock_for_migration, postgres_engine, storage_errors

# Installed, the alembic scripts are dossier/migrations (pyproject.toml); in a checkout, migrations/ at the top.
_HERE = Path(__file__).resolve().parent
MIGRATIONS = next((p for p in (_HERE / "migrations", _HERE.parent / "migrations") if (p / "env.py").is_file()),
                  _HERE.parent / "migrations")
# The revision a pre-alembic SQLite archive is at: the newest whose tables it has (0004: taught_examples).
ADOPT = (("taught_examples", "0004"), ("sources", "0003"))


def _config(c: Connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = c
    return cfg


def upgrade(c: Connection) -> None:
    """Bring the schema to the newest revision, inside `c`'s transaction (which holds the migration lock)."""
    from alembic import command

    lock_for_migration(c)
    cfg = _config(c)
    tables = set(inspect(c).get_table_names())
    if "alembic_version" not in tables:
        adopt = next((rev for table, rev in ADOPT if table in tables), None)
        if adopt:
            command.stamp(cfg, adopt)
    command.upgrade(cfg, "head")


def migrate(url: str) -> None:
    """A PostgreSQL database at the newest revision; safe from many processes at once."""
    engine = postgres_engine(url)
    host = engine.url.host or "DATABASE_URL"  # messages name the server, never the password
    try:
        with storage_errors(host), engine.connect() as c, c.begin():
            begin_write(c)
            upgrade(c)
    finally:
        engine.dispose()
