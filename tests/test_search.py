"""The SQLite FTS5 backend's own behaviour: caller-owned transactions, schema upkeep, ranking window."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from dossier.search.base import SearchBackend
from dossier.search.fts import FtsIndex
from dossier.search.tokenize import index_tokens, normalize_key, parse_query
from tests.test_search_contract import ALL, CHECKLIST, VIN, Backend, doc

# The documents and the test driver are the contract suite's, so both files test the same data.


# The query contract (Chinese text, keys, filters, snippets, hostile input) is in
# tests/test_search_contract.py, run against every backend. Here: what is particular to FTS5.


def test_backend_follows_the_protocol(tmp_path: Path) -> None:
    assert isinstance(FtsIndex(sqlite3.connect(tmp_path / "x.sqlite3")), SearchBackend)


def test_index_does_not_commit_and_rollback_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(path)
    index = FtsIndex(conn)
    index.ensure_schema()
    conn.commit()
    conn.execute("CREATE TABLE record (id INTEGER PRIMARY KEY)")
    conn.execute("INSERT INTO record VALUES (1)")
    index.index(CHECKLIST)
    other = sqlite3.connect(path)
    assert FtsIndex(other).count() == 0  # not committed: another connection sees nothing yet
    conn.rollback()
    assert index.count() == 0
    assert index.search("交车") == [] and index.search(VIN) == []
    assert conn.execute("SELECT count(*) FROM record").fetchone()[0] == 0

    conn.execute("INSERT INTO record VALUES (1)")
    index.index(CHECKLIST)
    conn.commit()
    assert [h.id for h in FtsIndex(other).search("交车")] == [1]
    index.delete(1)
    conn.rollback()  # a rolled-back delete keeps the document
    assert [h.id for h in index.search("交车")] == [1]


def test_ensure_schema_is_idempotent_and_rebuilds_after_tokenizer_change(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    index = FtsIndex(conn)
    index.ensure_schema()
    index.ensure_schema()
    for d in ALL:
        index.index(d)
    conn.execute("UPDATE search_meta SET value = 'old' WHERE name = 'tokens'")
    conn.commit()
    index.ensure_schema()
    conn.commit()
    assert sorted(h.id for h in index.search("交车检查")) == [1, 4]
    index.delete(1)  # deletes recompute tokens: they must match what the rebuild stored
    conn.commit()
    assert [h.id for h in index.search("交车检查")] == [4]
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")


def test_an_index_from_before_dates_and_kinds_is_rebuilt_with_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    index = FtsIndex(conn)
    with monkeypatch.context() as m:  # version 2 wrote no kind token and no date
        m.setattr("dossier.search.fts._meta_tokens", lambda d: " ".join(
            t for t in [d.doc_type and f"t{d.doc_type.encode().hex()}",
                        d.dossier_key and f"k{normalize_key(d.dossier_key).encode().hex()}"] if t))
        index.ensure_schema()
        for d in ALL:
            index.index(d.model_copy(update={"doc_date": None}))
    conn.execute("ALTER TABLE search_doc DROP COLUMN doc_date")
    conn.execute("UPDATE search_meta SET value = '2;old' WHERE name = 'tokens'")
    conn.commit()
    assert FtsIndex(conn).search("表", kind="unit") == []  # what the old index could not do
    index.ensure_schema()
    conn.commit()
    assert [h.id for h in index.search("表", kind="unit")] == [5]
    # The checklist's extracted date is its date; the others extracted none and stay undated.
    assert [h.id for h in index.search("签字", since=date(2024, 3, 5), until=date(2024, 3, 5))] == [1]
    assert [h.id for h in index.search("签字", since=date(2000, 1, 1))] == [1]
    index.delete(5)  # deletes recompute the kind token: it must match what the rebuild stored
    conn.commit()
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
    assert index.search("表", kind="unit") == []


def test_token_streams() -> None:
    bigrams, unigrams = index_tokens("交车检查表 VIN：ＬＳＶ１２ 沪A·12345，好")
    assert bigrams.split() == ["交车", "车检", "检查", "查表", "vin", "lsv12", "沪", "a12345", "好"]
    assert unigrams.split() == ["交", "车", "检", "查", "表", "vin", "lsv12", "沪", "a12345", "好"]
    (term,) = parse_query("沪A12345")
    assert term.column == "unigram" and term.key == "沪A12345" and term.prefix


def test_fts_ranks_very_common_queries_among_the_newest_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dossier.search.fts.RANK_WINDOW", 10)
    conn = sqlite3.connect(":memory:")
    b = Backend(FtsIndex(conn), conn.commit)
    FtsIndex(conn).ensure_schema()
    b.add(doc(1, "交车 交车 交车"), *(doc(i, f"交车检查表，第{i}号，客户签字确认，随车工具齐全") for i in range(2, 41)))
    assert b.ids("交车", limit=3)[0] != 1  # the best match is older than the 10 newest matches
    assert set(b.ids("交车", limit=20)) == set(range(21, 41))  # the window is never smaller than the limit
    assert set(b.ids("交车", limit=50)) == set(range(1, 41))


def test_an_archive_indexed_before_folding_is_rebuilt_once_on_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.models import DossierRef, StoredDocument
    from dossier.search.fts import TOKENS_VERSION
    from dossier.store import open_sqlite

    db = tmp_path / "home" / "dossier.sqlite3"
    trad = StoredDocument(source="trad.pdf", pages=[1], doc_type="delivery_checklist", confidence=0.9,
                          status="filed", dossier=DossierRef(kind="car", key=VIN), fields={"vin": VIN},
                          text="交車檢查表 車輛外觀 客戶簽字")
    with monkeypatch.context() as m:  # the archive as the previous version wrote it: no folding
        m.setattr("dossier.search.tokenize.fold", lambda text: text)
        m.setattr("dossier.search.fts.TOKENS_VERSION", "1;unicode 15.0.0")
        old = open_sqlite(db)
        old.commit_source("a" * 64, "trad.pdf", "trad.pdf", "pdf", 1, [trad])
        assert [h.id for h in old.index.search("車輛")] == [1] and old.index.search("车辆") == []
        old.close()
    with sqlite3.connect(db) as c:  # and, as before version 3, no dates: the document extracted none
        c.execute("UPDATE search_doc SET doc_date = NULL")
    received = date.fromisoformat(sqlite3.connect(db).execute("SELECT created_at FROM documents").fetchone()[0][:10])

    rebuilds: list[int] = []
    real = FtsIndex.rebuild

    def counted(self: FtsIndex) -> None:
        rebuilds.append(1)
        real(self)

    monkeypatch.setattr(FtsIndex, "rebuild", counted)
    store = open_sqlite(db)
    hits = store.index.search("车辆")
    assert [h.id for h in hits] == [1] and "【車輛】" in hits[0].snippet
    assert [h.id for h in store.index.search(VIN)] == [1]  # exact keys as before
    # Undated in the old index, it takes the day it was received from its record, as a new one would.
    assert [h.id for h in store.index.search("车辆", since=received, until=received)] == [1]
    store.close()
    assert len(rebuilds) == 1
    store = open_sqlite(db)  # the version is recorded: no second rebuild
    assert store.index.search("交车") != []
    assert sqlite3.connect(db).execute("SELECT value FROM search_meta WHERE name = 'tokens'").fetchone()[0] == TOKENS_VERSION
    store.close()
    assert len(rebuilds) == 1
