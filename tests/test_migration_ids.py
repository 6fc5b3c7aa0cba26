"""Migration 0009 on an archive made before it: a deleted document's number is never given again, and the
table keeps its rows, indexes and triggers (the queue counts of 0008 still see every change)."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from dossier.migrate import _config

DOC = ("INSERT INTO documents (id, sha256, source, pages, doc_type, confidence, guesses, dossier_kind, dossier_key,"
       " fields, signatures, seal_crops, status, text, created_at) VALUES (:id, 'ab', 's.pdf', '[1]', NULL, 0,"
       " '[]', 'car', :key, '{}', '[]', '[]', 'filed', 'text', '2026-12-06')")


def _schema(c: Connection) -> dict[str, str]:
    rows = c.execute(text("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'documents' AND sql IS NOT NULL"))
    return {r[0]: r[1] for r in rows}


def test_an_old_archive_never_gives_a_deleted_or_audited_number_again(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'dossier.sqlite3'}")
    with engine.begin() as c:
        command.upgrade(_config(c), "0008")
        c.execute(text("INSERT INTO sources (sha256, path, status, created_at) VALUES ('ab', 's.pdf', 'processed', 'x')"))
        for n in (1, 2, 3):
            c.execute(text(DOC), {"id": n, "key": f"VIN{n}"})
        # A split's second half (number 7) was made and undone before 0009: only the trail still names it.
        after = {"documents": [{"id": 1}, {"id": 7}], "absent": []}
        c.execute(text("INSERT INTO audit (at, \"by\", action, target, \"before\", \"after\") VALUES "
                       "('x', 'clerk', 'split', 'document:1', '{}', :after)"), {"after": json.dumps(after)})
        c.execute(text("DELETE FROM documents WHERE id = 3"))
        old = _schema(c)
        revisions = c.execute(text("SELECT count(*) FROM dossier_revisions")).scalar_one()
    with engine.begin() as c:
        command.upgrade(_config(c), "head")
        new = _schema(c)
        assert set(new) == set(old) and "AUTOINCREMENT" in new["documents"]
        assert new["documents_unassigned"] == old["documents_unassigned"]  # a partial index, WHERE kept
        assert [r[0] for r in c.execute(text("SELECT dossier_key FROM documents ORDER BY id"))] == ["VIN1", "VIN2"]
        c.execute(text(DOC.replace(":id, ", "NULL, ")), {"key": "VIN9"})
        got = c.execute(text("SELECT id FROM documents WHERE dossier_key = 'VIN9'")).scalar_one()
        assert got == 8  # not 3 (deleted) and not 7 (named in the trail)
        # 0008's triggers came back with the table: the new document raised its dossier's revision.
        assert c.execute(text("SELECT count(*) FROM dossier_revisions")).scalar_one() == revisions + 1
        c.execute(text("INSERT INTO taught_examples (doc_type, text, taught_by, taught_at) "
                       "VALUES ('t', 'x', 'clerk', 'y')"))
        c.execute(text("DELETE FROM taught_examples"))
        c.execute(text("INSERT INTO taught_examples (doc_type, text, taught_by, taught_at) "
                       "VALUES ('t', 'x', 'clerk', 'y')"))
        assert c.execute(text("SELECT id FROM taught_examples")).scalar_one() == 2
        assert c.execute(text("SELECT page_ends FROM documents WHERE id = 1")).scalar_one() is None
    with engine.begin() as c:  # at head already: nothing to do, nothing lost
        command.upgrade(_config(c), "head")
        assert c.execute(text("SELECT count(*) FROM documents")).scalar_one() == 3
    engine.dispose()
