"""The queues' counts kept per dossier (web/counts.py) against a real SQLite archive: after any write, by this
store, another connection or a move between dossiers, they equal a full pass (service.missing_report,
signatures_report) at the next look; a new day recomputes overdue; an archive from before migration
0008_scale (no revisions yet) is counted whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

pytest.importorskip("fastapi", reason="the [web] extra")

from dossier.config import Settings  # noqa: E402
from dossier.models import DossierRef, SignatureField, StoredDocument  # noqa: E402
from dossier.policy import Policy, default_policy  # noqa: E402
from dossier.records import open_store  # noqa: E402
from dossier.service import missing_report, signatures_report  # noqa: E402
from dossier.store import SqlStore  # noqa: E402
from dossier.web.counts import QueueCache, QueueCounts  # noqa: E402
from tests.test_store_contract import pg_url  # noqa: E402, F401  (a database of this run, with DATABASE_URL)

VINS = ["LSVAA4182E2123456", "LFV3A28K8N3456789", "LGBH52E08KY123456"]


def car_doc(vin: str | None, doc_type: str, day: str = "2026-03-02", blank: bool = False) -> StoredDocument:
    signatures = [SignatureField(role="customer", label="客户签字", status="blank", required=True)] if blank else []
    return StoredDocument(
        source=f"{vin}/{doc_type}.pdf", pages=[1], doc_type=doc_type, confidence=0.95,
        dossier=DossierRef(kind="car", key=vin) if vin else None, fields={"vin": vin or "", "date": day},
        doc_date=day, signatures=signatures, status="filed" if vin else "needs_review", text="交车检查表",
    )


def full(store: SqlStore, policy: Policy, settings: Settings) -> QueueCounts:
    rows = missing_report(store, policy, settings)
    return QueueCounts(missing=len(rows), overdue=sum(r.overdue for r in rows),
                       blank_signatures=len(signatures_report(store, policy)))


@pytest.fixture(params=["sqlite", "postgresql"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[SqlStore, Policy, Settings]]:
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    if request.param == "postgresql" and not url:
        pytest.skip("DATABASE_URL not set")
    # The handover on 03-02 is due 03-05: not overdue yet.
    settings = Settings(home=tmp_path, today="2026-03-04", database_url=url)
    store = open_store(settings)
    assert isinstance(store, SqlStore)
    if url:
        with store.engine.begin() as c:
            c.execute(text("TRUNCATE documents, sources, dossiers, dossier_revisions RESTART IDENTITY CASCADE"))
    for n, vin in enumerate(VINS):
        docs = [car_doc(vin, "delivery_checklist", blank=n == 0), car_doc(vin, "purchase_invoice")]
        store.commit_source(f"{n:064d}", f"{vin}.pdf", f"{vin}.pdf", "pdf", len(docs), docs)
    store.commit_source("f" * 64, "lost.pdf", "lost.pdf", "pdf", 1, [car_doc(None, "sales_contract")])
    # Filed without a dossier (a form no checklist needs), its customer's signature left blank: it counts too.
    loose = car_doc(None, "sales_contract", blank=True).model_copy(update={"status": "filed"})
    store.commit_source("d" * 64, "loose.pdf", "loose.pdf", "pdf", 1, [loose])
    yield store, default_policy(), settings
    store.close()


def test_counts_equal_a_full_pass_and_follow_every_write(archive: tuple[SqlStore, Policy, Settings]) -> None:
    store, policy, settings = archive
    cache = QueueCache()
    cache.refresh(store, policy, settings)
    first = cache.counts()
    assert first == full(store, policy, settings)
    assert first.missing > 0 and first.blank_signatures == 2 and first.overdue == 0

    # A clerk files the waiting contract into the first car: one item fewer missing there.
    (waiting,) = store.queue("needs_review")
    waiting.dossier, waiting.status, waiting.reason = DossierRef(kind="car", key=VINS[0]), "filed", None
    store.update_classification(waiting)
    cache.refresh(store, policy, settings)
    assert cache.counts() == full(store, policy, settings)
    assert cache.counts().missing == first.missing - 1

    # Writes that bypass the store's methods (another program's SQL): the trigger tells the cache all the same.
    with store.engine.begin() as c:
        c.execute(text("UPDATE documents SET signatures = '[]' WHERE dossier_key = :k"), {"k": VINS[0]})
        c.execute(text("UPDATE documents SET dossier_key = :to WHERE dossier_key = :k "
                       "AND doc_type = 'purchase_invoice'"), {"to": VINS[2], "k": VINS[1]})  # both dossiers change
    cache.refresh(store, policy, settings)
    assert cache.counts() == full(store, policy, settings)
    assert cache.counts().blank_signatures == 1  # the loose one's
    with store.engine.begin() as c:
        c.execute(text("UPDATE documents SET signatures = '[]' WHERE dossier_key IS NULL"))
    cache.refresh(store, policy, settings)
    assert cache.counts() == full(store, policy, settings) and cache.counts().blank_signatures == 0
    assert [r.dossier_key for r in cache.missing()] == [r.dossier_key for r in missing_report(store, policy, settings)]


def test_a_new_day_recomputes_what_is_overdue(archive: tuple[SqlStore, Policy, Settings]) -> None:
    store, policy, settings = archive
    cache = QueueCache()
    cache.refresh(store, policy, settings)
    assert cache.counts().overdue == 0
    with store.engine.begin() as c:  # a dossier left empty: its checklist is all missing, in one pass too
        c.execute(text("UPDATE documents SET dossier_key = NULL, dossier_kind = NULL WHERE dossier_key = :k"),
                  {"k": VINS[2]})
    later = settings.model_copy(update={"today": "2026-03-20"})
    cache.refresh(store, policy, later)
    assert cache.counts() == full(store, policy, later)
    # Overdue now, but for the emptied dossier: without its handover nothing there has a due date.
    assert 0 < cache.counts().overdue < cache.counts().missing


def test_an_archive_from_before_the_revisions_is_counted_whole(archive: tuple[SqlStore, Policy, Settings]) -> None:
    store, policy, settings = archive
    with store.engine.begin() as c:  # as migration 0006 left it: no revision recorded yet
        c.execute(text("DELETE FROM dossier_revisions"))
    cache = QueueCache()
    cache.refresh(store, policy, settings)
    assert cache.counts() == full(store, policy, settings)
    store.commit_source("e" * 64, "more.pdf", "more.pdf", "pdf", 1, [car_doc(VINS[1], "sales_contract")])
    cache.refresh(store, policy, settings)
    assert cache.counts() == full(store, policy, settings)
