"""Whether the SQLite archive is intact, checked in full only when something other than Dossier could have
changed it, and at least once a day.

PRAGMA quick_check reads the whole file: at 100,000 documents (~700 MB) seconds for every command. So a
file beside the database, `<db>.checked`, records when the last full check passed and the file's size and
modification time as Dossier last left it. Opening the archive runs the full check unless the file is
exactly as recorded and the check is less than CHECK_EVERY old; closing a store that opened it records
the file as it leaves it (its own writes, through SQLite). Any other change to the file (a disk fault, a
copy, another tool) changes its size or time, and the next open checks in full. Between full checks every
open still reads the header and the schema (a damaged header or schema page is refused at once), and a
damaged page read later is refused as it is read (dialect.storage_failure).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

from dossier.dialect import check_intact

CHECK_EVERY = 24 * 3600.0  # seconds between full checks of an archive nothing else touched


def _stamp_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".checked")


def _file_state(db_path: Path) -> list[int]:
    st = os.stat(db_path)
    return [st.st_size, st.st_mtime_ns]


def _read_stamp(db_path: Path) -> dict | None:
    try:
        stamp = json.loads(_stamp_path(db_path).read_text())
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def _write_stamp(db_path: Path, checked_at: float) -> None:
    try:  # a read-only archive keeps no stamp: it is checked in full at every open
        tmp = _stamp_path(db_path).with_suffix(".tmp")
        tmp.write_text(json.dumps({"checked_at": checked_at, "file": _file_state(db_path)}))
        os.replace(tmp, _stamp_path(db_path))
    except OSError:
        pass


def check_on_open(conn: sqlite3.Connection, db_path: Path, now: float | None = None) -> None:
    """Refuse a damaged archive (DatabaseCorrupt), before anything is written: in full (dialect.check_intact)
    unless the file is as Dossier left it after a full check less than CHECK_EVERY ago."""
    now = time.time() if now is None else now
    stamp = _read_stamp(db_path) if db_path.exists() else None
    fresh = (stamp is not None and stamp.get("file") == _file_state(db_path)
             and 0 <= now - float(stamp.get("checked_at", 0)) < CHECK_EVERY)
    if fresh:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # header and schema pages
        return
    check_intact(conn, db_path)
    if db_path.exists():
        _write_stamp(db_path, now)


def close_vouched(db_path: Path) -> None:
    """A store that opened the file (so checked it) is closed: its own writes are the file's new state."""
    stamp = _read_stamp(db_path)
    if stamp is not None and db_path.exists():
        _write_stamp(db_path, float(stamp.get("checked_at", 0)))
