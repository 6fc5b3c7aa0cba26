"""The record store's contract, one suite for every configuration: SQLite records with the embedded FTS5
index (always), and -- when DATABASE_URL / OPENSEARCH_URL are set (`eval "$(make -s services-up)"`) --
SQLite records with OpenSearch, PostgreSQL records with a per-machine FTS5 file, PostgreSQL with
OpenSearch. Each run works in a database and an index alias of its own and removes them.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import event, text

from dossier import review
from dossier.config import Settings
from dossier.errors import DuplicateSource, ReviewRefused
from dossier.models import DossierRef, StoredDocument, TaughtExample
from dossier.policy import Policy
from dossier.records import open_store, reindex
from dossier.search.base import IndexDoc
from dossier.store import SqlStore

CONFIGS = ["sqlite", "sqlite+opensearch", "postgresql", "postgresql+opensearch"]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str | None]:
    """A database of this run only (None without DATABASE_URL)."""
    base = os.environ.get("DATABASE_URL")
    if not base:
        yield None
        return
    from sqlalchemy import create_engine

    from dossier.dialect import engine_url

    name = f"dossier_contract_{uuid.uuid4().hex[:10]}"
    admin = create_engine(engine_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    parts = urlsplit(base)
    try:
        yield urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(scope="module")
def alias() -> Iterator[str]:
    """An OpenSearch index alias of this run only (dropped after, when OpenSearch is configured)."""
    name = f"dossier-contract-{uuid.uuid4().hex[:10]}"
    yield name
    if os.environ.get("OPENSEARCH_URL"):
        from dossier.search.opensearch import OpenSearchIndex, connect

        OpenSearchIndex(connect(os.environ["OPENSEARCH_URL"]), name).drop()


def configured(which: str, home: Path, pg_url: str | None, alias: str) -> Settings:
    if "opensearch" in which and not os.environ.get("OPENSEARCH_URL"):
        pytest.skip("OPENSEARCH_URL not set")
    if which.startswith("postgresql") and not pg_url:
        pytest.skip("DATABASE_URL not set")
    return Settings(home=home, database_url=pg_url if which.startswith("postgresql") else None,
                    opensearch_url=os.environ.get("OPENSEARCH_URL") if "opensearch" in which else None,
                    opensearch_index=alias)


def _empty(store: SqlStore) -> None:
    """The run's own database and alias, emptied for the next test."""
    if not sqlite(store):
        with store.engine.begin() as c:
            c.execute(text("TRUNCATE documents, sources, dossiers, aliases, taught_examples, index_outbox, audit, waivers "
                           "RESTART IDENTITY CASCADE"))
    store.index.clear()


@pytest.fixture(params=CONFIGS)
def settings(request: pytest.FixtureRequest, tmp_path: Path, pg_url: str | None, alias: str) -> Settings:
    return configured(request.param, tmp_path / "home", pg_url, alias)


@pytest.fixture
def store(settings: Settings) -> Iterator[SqlStore]:
    s = open_store(settings)
    assert isinstance(s, SqlStore)
    _empty(s)
    yield s
    s.close()


def sqlite(store: SqlStore) -> bool:
    return store.engine.dialect.name == "sqlite"


def doc(source: str, key: str | None, **fields: str) -> StoredDocument:
    return StoredDocument(
        source=source, pages=[1], doc_type="move_in", confidence=0.9, fields=fields, status="filed",
        dossier=DossierRef(kind="unit", key=key) if key else None, text=f"入住登记表 单元号 {key or '未知'} 交接钥匙",
        doc_date=fields.get("date"),
    )


def _search(store: SqlStore, query: str, **kw: object) -> list[int]:
    refresh = getattr(store.index, "refresh", None)
    if refresh:
        refresh()
    return [h.id for h in store.index.search(query, **kw)]  # type: ignore[arg-type]


def plan_of(store: SqlStore, ask: Callable[[], object]) -> str:
    """The database's plan for the very statement the store ran last in `ask` (PostgreSQL: with the table's
    statistics, table scans and ordered index walks discouraged, as a tiny table is read whole anyway: is the
    index usable?)."""
    asked: list[tuple[str, object]] = []

    def seen(_conn: object, _cursor: object, statement: str, params: object, *_: object) -> None:
        asked.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        ask()
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    statement, params = asked[-1]
    with store.engine.connect() as c:
        if sqlite(store):
            return " ".join(r[3] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))  # type: ignore[arg-type]
        c.exec_driver_sql("ANALYZE documents")  # the planner's statistics, as autovacuum keeps them
        c.exec_driver_sql("SET enable_seqscan = off")
        c.exec_driver_sql("SET enable_indexscan = off")  # the ordered walk of the dossier index, for 60 rows
        return " ".join(r[0] for r in c.exec_driver_sql("EXPLAIN " + statement, params))  # type: ignore[arg-type]


# --- records -----------------------------------------------------------------------------------------------
def test_both_stores_file_find_refile_and_count_alike(store: SqlStore) -> None:
    a = doc("a.png", "9-2-2803", unit="9-2-2803", date="2025-03-04")
    b = doc("b.png", "9-2-2803", unit="9-2-2803", date="2025-06-01")
    ids = store.commit_source("s1", "a.png", "/orig/s1.png", "png", 2, [a, b])
    assert ids == [a.id, b.id] and all(ids)
    src = store.source("s1")
    assert src is not None and src["status"] == "processed"
    assert [d.id for d in store.documents_of_source("s1")] == ids
    assert [d.id for d in store.dossier_documents(DossierRef(kind="unit", key="9-2-2803"))] == [b.id, a.id]
    loaded = store.document(a.id or 0)
    assert loaded is not None and loaded.fields == {"unit": "9-2-2803", "date": "2025-03-04"}

    # The same bytes again: refused, so the pipeline reports `duplicate`.
    with pytest.raises(DuplicateSource):
        store.commit_source("s1", "a-copy.png", "/orig/s1.png", "png", 2, [doc("a-copy.png", "9-2-2803")])
    assert len(store.documents_of_source("s1")) == 2

    # An unreadable file first quarantined, then filed once readable.
    store.record_quarantine("s2", "c.png", "损坏 / damaged")
    assert store.counts()["quarantined"] == 1
    waiting = doc("c.png", None, plate="沪A12345")
    waiting.status = "needs_review"
    store.commit_source("s2", "c.png", "/orig/s2.png", "png", 1, [waiting])
    src2 = store.source("s2")
    assert src2 is not None and src2["status"] == "processed"
    assert [d.id for d in store.queue("needs_review")] == [waiting.id]

    # A plate learnt later finds the dossier and brings the waiting document into it.
    store.add_alias("unit", "沪A12345", "9-2-2803")
    assert store.resolve_alias("unit", "沪A12345") == "9-2-2803"
    assert store.aliases_of(DossierRef(kind="unit", key="9-2-2803")) == ["沪A12345"]
    assert store.find_dossier("沪a12345") == DossierRef(kind="unit", key="9-2-2803")
    assert store.refile_unassigned("unit", "plate", "沪A12345", "9-2-2803") == [waiting.id]
    assert store.refile_unassigned("unit", "plate", "沪A12345", "9-2-2803") == []
    assert store.queue("needs_review") == []
    assert store.dossiers() == [DossierRef(kind="unit", key="9-2-2803")]
    assert store.counts() == {"filed": 3, "quarantined": 0}

    # Which dossiers hold a document with this owner field (an ID-card copy finds its one dossier).
    assert store.dossiers_with("unit", "date", "2025-03-04") == ["9-2-2803"]
    # Whether one dossier exists, asked of every unit document filed: by its primary key only.
    assert store.has_dossier("unit", "9-2-2803")
    assert not store.has_dossier("car", "9-2-2803") and not store.has_dossier("unit", "9-2-2804")
    assert store.dossiers_with("unit", "date", "1999-01-01") == []
    assert store.dossiers_with("car", "date", "2025-03-04") == []
    assert [d.id for d in store.queue("filed")] == sorted([a.id or 0, b.id or 0, waiting.id or 0], reverse=True)

    assert sorted(_search(store, "钥匙")) == sorted(ids + [waiting.id or 0])
    assert _search(store, "交接", dossier="9-2-2803") != []

    # A key reading proved (a unit number read without its hyphens): the document that waited with it
    # carries the unit's key in the key's own field, as the unit's other documents do.
    read = doc("d.png", None, unit_unverified="92803", date="2025-03-05")
    read.status = "needs_review"
    store.commit_source("s3", "d.png", "/orig/s3.png", "png", 1, [read])
    assert store.unassigned_readings("unit_unverified") == [("move_in", "92803")]
    assert store.refile_unassigned("unit", "unit_unverified", "92803", "9-2-2803", "unit") == [read.id]
    moved = store.document(read.id or 0)
    assert moved is not None and moved.dossier == DossierRef(kind="unit", key="9-2-2803")
    assert moved.fields == {"unit": "9-2-2803", "date": "2025-03-05"} and moved.status == "filed"
    assert store.unassigned_readings("unit_unverified") == []


def test_which_dossier_holds_an_id_number_is_answered_from_an_index(store: SqlStore) -> None:
    """Asked for every document committed with an ID number: at 100k documents a table scan per
    commit would slow filing down as the archive grows."""
    docs = [doc(f"{i}.png", f"1-1-{i // 3}", id_number=f"110101199001{i:06d}") for i in range(60)]
    store.commit_source("s-index", "batch.pdf", "/orig/batch.pdf", "pdf", 60, docs)
    assert store.dossiers_with("unit", "id_number", "110101199001000031") == ["1-1-10"]
    plan = plan_of(store, lambda: store.dossiers_with("unit", "id_number", "110101199001000031"))
    assert ("USING INDEX documents_field_id_number" if sqlite(store) else "documents_fields") in plan, plan


def test_documents_waiting_for_a_dossier_are_found_from_an_index(store: SqlStore) -> None:
    """Every unit batch looks through the waiting documents for readings it proves: at 100k documents
    a table scan per batch would slow filing down as the archive grows."""
    docs = [doc(f"{i}.png", f"1-1-{i}", unit=f"1-1-{i}") for i in range(40)]
    waiting = doc("w.png", None, unit_unverified="11041")
    waiting.status = "needs_review"
    store.commit_source("s-wait", "batch.pdf", "/orig/batch.pdf", "pdf", 41, [*docs, waiting])
    assert store.unassigned_readings("unit_unverified") == [("move_in", "11041")]
    plan = plan_of(store, lambda: store.unassigned_readings("unit_unverified"))
    assert "documents_unassigned" in plan, plan


def test_reindex_rebuilds_the_index_from_the_records(store: SqlStore) -> None:
    store.commit_source("s1", "a.png", "/o", "png", 1, [doc("a.png", "1-1-101", unit="1-1-101")])
    store.commit_source("s2", "b.png", "/o", "png", 1, [doc("b.png", "1-1-102", unit="1-1-102")])
    store.index.clear()
    assert _search(store, "钥匙") == []
    assert reindex(store) == 2
    assert len(_search(store, "钥匙")) == 2
    assert len(_search(store, "1-1-102")) == 1




def test_the_index_dates_a_document_by_its_own_date_else_the_day_it_came_in(store: SqlStore) -> None:
    dated = doc("d.png", "3-1-101", unit="3-1-101", date="2024-03-05")
    ids = store.commit_source("s-d", "d.png", "/o", "png", 2, [dated, doc("u.png", "3-1-102", unit="3-1-102")])
    received = store.document(ids[1])
    assert received is not None and received.doc_date is None
    today = date.fromisoformat(received.created_at[:10])
    for _ in range(2):  # through the outbox, then rebuilt from the records
        assert _search(store, "交接钥匙", since=date(2024, 3, 5), until=date(2024, 3, 5)) == [ids[0]]
        assert _search(store, "交接钥匙", since=today, until=today) == [ids[1]]
        assert sorted(_search(store, "交接钥匙", kind="unit")) == sorted(ids)
        assert _search(store, "交接钥匙", kind="car") == []
        assert reindex(store) == 2


def test_both_stores_keep_taught_examples_alike(store: SqlStore) -> None:
    """A clerk's corrections (dossier teach) in every store: kept with who and when, listed in order, each
    removable once; an imported one keeps its origin and no document."""
    first = TaughtExample(document_id=1, doc_type="other_proof", text="旧车置换补贴确认函\n置换车主：张伟",
                          taught_by="王磊", taught_at="2026-12-06T08:00:00+00:00")
    imported = TaughtExample(doc_type="sales_contract", text="车辆买卖契约", taught_by="李娜",
                             taught_at="2026-12-01T09:30:00+00:00", origin="杭州店")
    ids = [store.add_example(first), store.add_example(imported)]
    assert ids[0] < ids[1]
    kept = store.examples()
    assert [(e.id, e.doc_type, e.taught_by, e.origin, e.document_id) for e in kept] == [
        (ids[0], "other_proof", "王磊", None, 1), (ids[1], "sales_contract", "李娜", "杭州店", None)]
    assert kept[0].text == first.text and kept[1].taught_at == imported.taught_at
    assert store.remove_example(ids[0]) and not store.remove_example(ids[0])
    assert [e.id for e in store.examples()] == [ids[1]]


def test_quarantine_is_recorded_listed_and_given_way_to_never_demoting_a_filed_source(store: SqlStore) -> None:
    store.record_quarantine("q1", "/drop/a.pdf", "损坏 / damaged")
    store.record_quarantine("q1", "/drop/a again.pdf", "加密 / encrypted")  # the same bytes again: the latest
    store.record_quarantine("q2", "/drop/b.pdf", "空文件 / empty")
    assert store.counts() == {"quarantined": 2}
    assert sorted((path, reason) for _, path, reason in store.quarantined_sources()) == [
        ("/drop/a again.pdf", "加密 / encrypted"), ("/drop/b.pdf", "空文件 / empty")]
    assert len(store.quarantined_sources(limit=1)) == 1
    store.commit_source("q1", "a.pdf", "/o", "pdf", 1, [doc("a.pdf", "1-1-101", unit="1-1-101")])
    store.record_quarantine("q1", "/drop/a.pdf", "损坏 / damaged")  # a later bad copy's line: the filed one stays
    src = store.source("q1")
    assert src is not None and (src["status"], src["path"], src["reason"]) == ("processed", "a.pdf", None)
    assert [path for _, path, _ in store.quarantined_sources()] == ["/drop/b.pdf"]


def test_a_corrected_document_is_stored_and_found_under_its_new_dossier(store: SqlStore) -> None:
    waiting = doc("w.png", None, unit_unverified="21403")
    waiting.status, waiting.doc_type = "needs_review", None
    [doc_id] = store.commit_source("s-w", "w.png", "/o", "png", 1, [waiting])
    assert _search(store, "交接钥匙", dossier="2-1-403") == []
    corrected = waiting.model_copy(update={"doc_type": "move_in", "status": "filed", "reason": None,
                                           "dossier": DossierRef(kind="unit", key="2-1-403")})
    store.update_classification(corrected)
    stored = store.document(doc_id)
    assert stored is not None and (stored.doc_type, stored.status, stored.dossier) == corrected_key(corrected)
    assert store.dossiers() == [DossierRef(kind="unit", key="2-1-403")] and store.queue("needs_review") == []
    assert _search(store, "交接钥匙", dossier="2-1-403") == [doc_id]
    assert _search(store, "交接钥匙", doc_type="move_in") == [doc_id]
    assert store.pending(10) == []


# --- review actions and their audit trail (dossier/review.py) ---------------------------------------------
def test_a_move_is_audited_followed_by_the_index_and_undone_once(store: SqlStore, policy: Policy) -> None:
    [doc_id] = store.commit_source("s-m", "m.png", "/o", "png", 1, [doc("m.png", "7-1-101", unit="7-1-101")])
    entry = review.move(store, policy, "王磊", review.Move(document=doc_id, dossier="7-1-102"))
    assert (entry.by, entry.action, entry.target) == ("王磊", "move", f"document:{doc_id}")
    assert [d.dossier for d in entry.before.documents] == [DossierRef(kind="unit", key="7-1-101")]
    assert [d.dossier for d in entry.after.documents] == [DossierRef(kind="unit", key="7-1-102")]
    # The new dossier is made, the one left empty goes, as filing keeps them; the index follows at once.
    assert store.dossiers() == [DossierRef(kind="unit", key="7-1-102")]
    assert _search(store, "交接钥匙", dossier="7-1-102") == [doc_id]
    assert _search(store, "交接钥匙", dossier="7-1-101") == []
    kept = store.audit_entry(entry.id or 0)
    assert kept is not None and kept.after == entry.after and kept.at.endswith("+00:00")

    back = review.undo(store, policy, "李娜", review.Undo(audit_id=entry.id or 0))
    assert (back.action, back.undoes, back.by) == ("undo", entry.id, "李娜")
    assert store.dossiers() == [DossierRef(kind="unit", key="7-1-101")]
    assert _search(store, "交接钥匙", dossier="7-1-101") == [doc_id]
    assert [e.id for e in store.audit_entries(f"document:{doc_id}")] == [back.id, entry.id]
    assert store.audit_entries()[1].undone_by == back.id
    with pytest.raises(ReviewRefused, match="cannot be undone twice"):
        review.undo(store, policy, "李娜", review.Undo(audit_id=entry.id or 0))
    with pytest.raises(ReviewRefused, match="cannot itself be undone"):
        review.undo(store, policy, "李娜", review.Undo(audit_id=back.id or 0))


def test_an_undo_is_refused_once_a_later_action_changed_the_records(store: SqlStore, policy: Policy) -> None:
    [doc_id] = store.commit_source("s-l", "l.png", "/o", "png", 1, [doc("l.png", "8-1-101", unit="8-1-101")])
    first = review.move(store, policy, "a", review.Move(document=doc_id, dossier="8-1-102"))
    review.reopen(store, policy, "b", review.Reopen(document=doc_id, reason="印章模糊"))
    with pytest.raises(ReviewRefused, match="changed since"):
        review.undo(store, policy, "a", review.Undo(audit_id=first.id or 0))
    stored = store.document(doc_id)
    assert stored is not None and stored.dossier == DossierRef(kind="unit", key="8-1-102")
    assert stored.status == "needs_review" and stored.reason and "印章模糊" in stored.reason
    assert store.audit_entry(first.id or 0).undone_by is None  # type: ignore[union-attr]


def test_split_and_merge_make_and_remove_documents_and_undo_brings_them_back(store: SqlStore, policy: Policy) -> None:
    whole = doc("three.pdf", "6-2-201", unit="6-2-201")
    whole.pages = [1, 2, 3]
    [doc_id] = store.commit_source("s-3", "three.pdf", "/o", "pdf", 3, [whole])
    split = review.split(store, policy, "王磊", review.Split(document=doc_id, at=2))
    first, second = split.after.documents
    assert (first.id, first.pages, second.pages, second.status, second.doc_type) == (doc_id, [1], [2, 3], "needs_review", None)
    assert second.id and second.id in split.before.absent and second.dossier == whole.dossier
    assert sorted(_search(store, "交接钥匙", dossier="6-2-201")) == [doc_id, second.id]

    merged = review.merge(store, policy, "王磊", review.DocumentOnly(document=doc_id))
    assert [d.pages for d in merged.after.documents] == [[1, 2, 3]] and merged.after.absent == [second.id]
    assert store.document(second.id) is None and _search(store, "交接钥匙", dossier="6-2-201") == [doc_id]

    review.undo(store, policy, "王磊", review.Undo(audit_id=merged.id or 0))
    back = store.document(second.id)  # the merged-away document returns under its own id, as it was
    assert back is not None and back.model_dump() == second.model_dump()
    assert sorted(_search(store, "交接钥匙", dossier="6-2-201")) == [doc_id, second.id]
    review.undo(store, policy, "王磊", review.Undo(audit_id=split.id or 0))
    assert [d.pages for d in store.documents_of_source("s-3")] == [[1, 2, 3]]
    assert _search(store, "交接钥匙", dossier="6-2-201") == [doc_id]
    assert [e.action for e in store.audit_entries(f"document:{doc_id}")] == ["undo", "undo", "merge", "split"]


def test_waivers_are_kept_per_item_and_undone(store: SqlStore, policy: Policy) -> None:
    store.commit_source("s-w", "w.png", "/o", "png", 1, [doc("w.png", "4-4-404", unit="4-4-404")])
    ask = review.Waive(dossier="4-4-404", checklist="unit_file", item="move_in", reason="业主委托书代替")
    entry = review.waive(store, policy, "王磊", ask)
    [w] = store.waivers_of(DossierRef(kind="unit", key="4-4-404"))
    assert (w.item, w.reason, w.waived_by, w.visit) == ("move_in", "业主委托书代替", "王磊", "")
    assert store.waivers_of() == [w] and entry.target == "dossier:unit:4-4-404"
    review.undo(store, policy, "王磊", review.Undo(audit_id=entry.id or 0))
    assert store.waivers_of() == []


def corrected_key(d: StoredDocument) -> tuple[str | None, str, DossierRef | None]:
    return d.doc_type, d.status, d.dossier


# --- the search index, written after the commit from the outbox ---------------------------------------------
def test_a_refused_commit_leaves_nothing_to_index(store: SqlStore) -> None:
    store.commit_source("s1", "a.png", "/o", "png", 1, [doc("a.png", "3-3-303", unit="3-3-303")])
    with pytest.raises(DuplicateSource):
        store.commit_source("s1", "b.png", "/o", "png", 1, [doc("b.png", "3-3-304", unit="3-3-304")])
    assert store.pending(10) == []  # the queue rows rolled back with the records
    assert _search(store, "3-3-304") == [] and store.index.count() == 1


CRASH_AFTER_COMMIT = """
import os, sys
from dossier.config import Settings
from dossier.models import DossierRef, StoredDocument
from dossier.records import open_store
from dossier.store import SqlStore

store = open_store(Settings.model_validate_json(sys.argv[1]))
SqlStore.drain_index = lambda self: os._exit(3)  # the process dies right after the records commit
d = StoredDocument(source="k.png", pages=[1], doc_type="move_in", confidence=0.9, fields={"unit": "5-5-505"},
                   status="filed", dossier=DossierRef(kind="unit", key="5-5-505"), text="入住登记表 交接钥匙 5-5-505")
store.commit_source("s-crash", "k.png", "/o", "png", 1, [d])
"""


def test_a_crash_between_commit_and_index_is_repaired_by_the_next_open(settings: Settings) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    before = open_store(settings)
    assert isinstance(before, SqlStore)
    _empty(before)
    before.close()
    proc = subprocess.run([sys.executable, "-c", CRASH_AFTER_COMMIT, settings.model_dump_json()], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    store = open_store(settings)  # drains what the crash left queued
    assert isinstance(store, SqlStore)
    [filed] = store.documents_of_source("s-crash")
    assert _search(store, "5-5-505") == [filed.id] and store.pending(10) == []
    store.close()


def test_an_index_that_fails_after_the_commit_keeps_the_filing_and_catches_up(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def down(_self: object, _entries: object, _removed: object) -> None:
        raise ConnectionError("index unreachable")

    monkeypatch.setattr(type(store.index), "write", down)
    [doc_id] = store.commit_source("s1", "a.png", "/o", "png", 1, [doc("a.png", "6-6-606", unit="6-6-606")])
    assert store.document(doc_id) is not None  # filed: the records do not wait for the index
    assert _search(store, "6-6-606") == [] and [i for _, i in store.pending(10)] == [doc_id]
    monkeypatch.undo()
    [other] = store.commit_source("s2", "b.png", "/o", "png", 1, [doc("b.png", "6-6-607", unit="6-6-607")])
    assert _search(store, "6-6-606") == [doc_id] and _search(store, "6-6-607") == [other]  # the next drain
    assert store.pending(10) == []


def test_reindex_empties_the_queue_and_the_index_holds_only_records(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(type(store.index), "write", lambda *_a: (_ for _ in ()).throw(ConnectionError("down")))
    store.commit_source("s1", "a.png", "/o", "png", 1, [doc("a.png", "7-7-707", unit="7-7-707")])
    monkeypatch.undo()
    store.index.write([IndexDoc(id=999, source="ghost.png", text="交接钥匙 幽灵")], [])  # no record behind it
    assert reindex(store) == 1
    assert store.pending(10) == [] and _search(store, "交接钥匙") == [d.id for d in store.queue("filed")]


# --- an archive made before the migrations -----------------------------------------------------------------
OLD_SCHEMA = '''
CREATE TABLE IF NOT EXISTS sources (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    original TEXT,
    fmt TEXT,
    pages INTEGER,
    status TEXT NOT NULL,          -- processed | quarantined
    reason TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES sources(sha256),
    source TEXT NOT NULL,
    pages TEXT NOT NULL,
    doc_type TEXT,
    confidence REAL NOT NULL,
    guesses TEXT NOT NULL,
    dossier_kind TEXT,
    dossier_key TEXT,
    visit TEXT,
    doc_date TEXT,
    fields TEXT NOT NULL,
    signatures TEXT NOT NULL,
    seal INTEGER,
    seal_crops TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,
    reason TEXT,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_dossier ON documents(dossier_kind, dossier_key);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
-- The documents waiting for a dossier, a few among many: the unassigned queue, and the key readings
-- every unit batch looks through, without reading the whole table.
CREATE INDEX IF NOT EXISTS documents_unassigned ON documents(id) WHERE dossier_key IS NULL;
CREATE TABLE IF NOT EXISTS dossiers (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
-- secondary keys that find a dossier: a plate finds its car's VIN
CREATE TABLE IF NOT EXISTS aliases (
    kind TEXT NOT NULL,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (kind, alias)
);
-- a clerk's corrections, kept as examples the classifier learns this archive's forms from
CREATE TABLE IF NOT EXISTS taught_examples (
    id INTEGER PRIMARY KEY,
    document_id INTEGER,
    doc_type TEXT NOT NULL,
    text TEXT NOT NULL,
    taught_by TEXT NOT NULL,
    taught_at TEXT NOT NULL,
    origin TEXT
);
'''


def old_archive(db: Path) -> None:
    """A data home as the code before the migrations left it: the schema script, a filed document with its
    FTS5 entry and a field index, a dossier, an alias, a quarantined source, a taught example."""
    from dossier.search.fts import FtsIndex

    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(OLD_SCHEMA)
    fts = FtsIndex(conn)
    fts.ensure_schema()
    conn.execute("CREATE INDEX documents_field_id_number ON documents(json_extract(fields, '$.id_number'))")
    conn.execute("INSERT INTO sources VALUES ('s-old', 'old.pdf', '/orig/old.pdf', 'pdf', 1, 'processed', NULL, "
                 "'2026-11-01T08:00:00+00:00')")
    conn.execute("INSERT INTO sources VALUES ('s-bad', '/drop/bad.pdf', NULL, NULL, NULL, 'quarantined', '损坏 / damaged', "
                 "'2026-11-02T08:00:00+00:00')")
    conn.execute(
        "INSERT INTO documents(id, sha256, source, pages, doc_type, confidence, guesses, dossier_kind, dossier_key, visit,"
        " doc_date, fields, signatures, seal, seal_crops, status, reason, text, created_at) "
        "VALUES (41, 's-old', 'old.pdf', '[1]', 'move_in', 0.93, '[[\"move_in\", 0.93]]', 'unit', '8-8-808', NULL,"
        " '2026-10-30', '{\"unit\": \"8-8-808\", \"id_number\": \"11010119900101001X\"}',"
        " '[{\"role\": \"customer\", \"label\": \"业主签字\", \"status\": \"signed\"}]', 1, '[\"crop.png\"]',"
        " 'filed', NULL, '入住登记表 旧档案 交接钥匙', '2026-11-01T08:00:00+00:00')")
    fts.index(IndexDoc(id=41, source="old.pdf", doc_type="move_in", dossier_kind="unit", dossier_key="8-8-808",
                       text="入住登记表 旧档案 交接钥匙", fields={"unit": "8-8-808"}))
    conn.execute("INSERT INTO dossiers VALUES ('unit', '8-8-808', '2026-11-01T08:00:00+00:00')")
    conn.execute("INSERT INTO aliases VALUES ('unit', '沪B00808', '8-8-808')")
    conn.execute("INSERT INTO taught_examples(document_id, doc_type, text, taught_by, taught_at, origin) "
                 "VALUES (41, 'move_in', '入住登记表', '王磊', '2026-11-03T08:00:00+00:00', NULL)")
    conn.close()


def test_an_archive_made_before_the_migrations_is_adopted_with_everything_in_it(tmp_path: Path) -> None:
    from dossier.store import open_sqlite

    db = tmp_path / "home" / "dossier.sqlite3"
    old_archive(db)
    stamped = []
    for readonly in (True, False, True):  # read-only first: nothing written; then adopted; then read again
        store = open_sqlite(db, readonly=readonly)
        old = store.document(41)
        assert old is not None and old.fields == {"unit": "8-8-808", "id_number": "11010119900101001X"}
        assert (old.guesses, old.seal, old.seal_crops, old.signatures[0].label) == ([("move_in", 0.93)], True,
                                                                                   ["crop.png"], "业主签字")
        assert store.find_dossier("沪b00808") == DossierRef(kind="unit", key="8-8-808")
        assert store.dossiers_with("unit", "id_number", "11010119900101001X") == ["8-8-808"]
        assert [e.text for e in store.examples()] == ["入住登记表"]
        assert store.counts() == {"filed": 1, "quarantined": 1}
        assert [h.id for h in store.index.search("旧档案")] == [41]
        store.close()
        stamped.append(adopted(db))
    assert stamped == [False, True, True]

    store = open_sqlite(db)
    [new_id] = store.commit_source("s-new", "new.pdf", "/o", "pdf", 1, [doc("new.pdf", "8-8-808", unit="8-8-808")])
    assert new_id > 41 and [d.id for d in store.dossier_documents(DossierRef(kind="unit", key="8-8-808"))] == [new_id, 41]
    assert sorted(h.id for h in store.index.search("交接钥匙")) == [41, new_id]
    store.close()
    assert sqlite3.connect(db).execute("SELECT version_num FROM alembic_version").fetchall() == [(head(),)]


def adopted(db: Path) -> bool:
    return bool(sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'")
                .fetchone()[0])


def head() -> str:
    from alembic.script import ScriptDirectory

    from dossier.migrate import MIGRATIONS

    return str(ScriptDirectory(str(MIGRATIONS)).get_current_head())


# --- dossier status, whichever the records -----------------------------------------------------------------
def test_status_reports_waiting_files_last_errors_and_pages_per_minute_in_every_mode(
    store: SqlStore, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    from dossier.cli import main
    from dossier.ingest.folders import update_state

    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "waiting.pdf").write_bytes(b"%PDF-1.4\n")
    store.commit_source("s1", "a.png", "/o", "png", 1, [doc("a.png", "4-4-404", unit="4-4-404")])
    store.record_quarantine("q1", str(tmp_path / "elsewhere" / "bad.pdf"), "无法读取 / cannot be read")
    update_state(settings.home, folders=[drop], timing=(6, 3.0))  # what the watcher on this machine recorded
    for name, value in (("DATABASE_URL", settings.database_url), ("OPENSEARCH_URL", settings.opensearch_url),
                        ("REDIS_URL", None), ("DOSSIER_OPENSEARCH_INDEX", settings.opensearch_index)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert main(["status", "--json", "--home", str(settings.home)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["filed"], data["waiting"], data["quarantined"], data["pages_per_minute"]) == (1, 1, 1, 120.0)
    assert data["waiting_by_folder"] == {str(drop): 1}
    assert [(e["file"], e["reason"]) for e in data["last_errors"]] == [("bad.pdf", "无法读取 / cannot be read")]
    assert main(["status", "--lang", "en", "--home", str(settings.home)]) == 0
    assert "pages per minute: 120" in capsys.readouterr().out
