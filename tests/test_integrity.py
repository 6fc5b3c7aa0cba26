"""The archive's integrity check at open (dossier/integrity.py): in full when anything but Dossier changed
the file or a day has passed, otherwise only the header and schema; damage is refused either way."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from dossier import integrity
from dossier.errors import DatabaseCorrupt
from dossier.models import DossierRef, StoredDocument
from dossier.store import open_sqlite


def archive(tmp_path: Path, n: int = 300) -> Path:
    db = tmp_path / "dossier.sqlite3"
    store = open_sqlite(db)
    docs = [StoredDocument(source=f"{i}.pdf", pages=[1], doc_type="settlement", confidence=0.9, status="filed",
                           dossier=DossierRef(kind="unit", key=f"A座{i:04d}"), text="结算单 维修项目 " * 40)
            for i in range(n)]
    store.commit_source("a" * 64, "batch.pdf", "batch.pdf", "pdf", n, docs)
    store.close()
    return db


def damage(db: Path, offset: int, keep_time: bool) -> None:
    """4 KiB of noise at `offset`; with `keep_time` the size and modification time are put back, as a
    fault below the file system would leave them."""
    st = os.stat(db)
    with open(db, "r+b") as f:
        f.seek(offset)
        f.write(random.Random(3).randbytes(4096))
    if keep_time:
        os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = integrity.check_intact

    def counted(conn: object, db_path: Path) -> None:
        calls.append(db_path)
        real(conn, db_path)  # type: ignore[arg-type]

    monkeypatch.setattr(integrity, "check_intact", counted)
    return calls


def test_an_archive_only_dossier_wrote_is_not_read_whole_at_every_open(tmp_path: Path, full_checks: list[Path]) -> None:
    db = archive(tmp_path)
    full_checks.clear()
    for i in range(3):  # each open files something: the file changes, through Dossier only
        store = open_sqlite(db)
        doc = StoredDocument(source=f"more{i}.pdf", pages=[1], doc_type="settlement", confidence=0.9,
                             status="filed", dossier=DossierRef(kind="unit", key="B座0001"), text="结算单")
        store.commit_source(f"{i:064d}", f"more{i}.pdf", f"more{i}.pdf", "pdf", 1, [doc])
        store.close()
    assert full_checks == []  # the first open of archive() checked it; its own writes since are vouched for
    store = open_sqlite(db, readonly=True)
    store.close()
    assert full_checks == []


def test_a_file_changed_outside_dossier_is_checked_in_full_and_refused(tmp_path: Path) -> None:
    db = archive(tmp_path)
    damage(db, (db.stat().st_size // 2) // 4096 * 4096, keep_time=False)
    with pytest.raises(DatabaseCorrupt):
        open_sqlite(db)


def test_damage_that_kept_the_file_time_is_found_by_the_daily_check(tmp_path: Path, full_checks: list[Path]) -> None:
    db = archive(tmp_path)
    damage(db, (db.stat().st_size // 2) // 4096 * 4096, keep_time=True)
    full_checks.clear()
    open_sqlite(db, readonly=True).close()  # within the day: not read whole (the documented limit)
    assert full_checks == []
    later = time.time() + integrity.CHECK_EVERY + 60
    real = integrity.check_on_open
    with pytest.MonkeyPatch.context() as m:
        m.setattr("dossier.store.check_on_open", lambda conn, path: real(conn, path, now=later))
        with pytest.raises(DatabaseCorrupt):
            open_sqlite(db)
    assert full_checks == [db]


def test_a_damaged_header_is_refused_even_between_full_checks(tmp_path: Path, full_checks: list[Path]) -> None:
    db = archive(tmp_path)
    damage(db, 0, keep_time=True)
    with pytest.raises(DatabaseCorrupt):
        open_sqlite(db)
