"""The queues' results kept per dossier, so that the home page's counts (missing, overdue, blank signatures)
cost a look at what changed, not a pass over the archive: at 100,000 documents the pass takes seconds.

Every write to a document raises its dossier's revision (a trigger, migration 0007_scale), whichever
process or code path wrote it. Each call asks for the revisions above the last one seen and recomputes
only those dossiers, so a write shows at the next page load. Everything is recomputed when the day
(overdue) or the language (names in the rows) changes. PostgreSQL numbers revisions from a sequence, so a
transaction may commit a lower number after a higher one was seen: the look-back window re-reads the
last LOOK_BACK numbers and recomputes any whose revision differs from the one cached.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from dossier.config import Settings
from dossier.models import DossierRef
from dossier.policy import Policy
from dossier.records import RecordStore
from dossier.service import MissingRow, blank_signature_rows, calendar, missing_order, missing_rows, today

LOOK_BACK = 1000
_NO_DOSSIER = ("", "")


class QueueCounts(BaseModel):
    missing: int
    overdue: int
    blank_signatures: int


class QueueCache:
    """Per-dossier missing rows and blank-signature counts, brought up to date by refresh()."""

    def __init__(self) -> None:
        self._for: tuple[date, str] | None = None
        self._seen = 0  # the highest revision read
        self._rev: dict[tuple[str, str], int] = {}
        self._missing: dict[tuple[str, str], list[MissingRow]] = {}
        self._blank: dict[tuple[str, str], int] = {}

    def refresh(self, store: RecordStore, policy: Policy, settings: Settings, lang: str) -> None:
        now = today(settings)
        if self._for != (now, lang):
            self._rebuild(store, policy, settings, lang)
            self._for = (now, lang)
            return
        cal = calendar(settings)
        for ref, rev in store.revised_dossiers(max(0, self._seen - LOOK_BACK)):
            key = (ref.kind, ref.key) if ref else _NO_DOSSIER
            self._seen = max(self._seen, rev)
            if self._rev.get(key) != rev:
                self._rev[key] = rev
                self._compute(store, policy, cal, now, lang, ref)

    def _rebuild(self, store: RecordStore, policy: Policy, settings: Settings, lang: str) -> None:
        # Revisions first: a write landing during the pass raises one above them and is redone next time.
        revised = store.revised_dossiers(0)
        self._seen = max((rev for _, rev in revised), default=0)
        self._rev = {((r.kind, r.key) if r else _NO_DOSSIER): rev for r, rev in revised}
        self._missing, self._blank = {}, {}
        cal, now = calendar(settings), today(settings)
        for ref in [None, *store.dossiers()]:
            self._compute(store, policy, cal, now, lang, ref)

    def _compute(self, store: RecordStore, policy: Policy, cal: Any, now: date, lang: str, ref: DossierRef | None) -> None:
        if ref is None:
            docs = store.unassigned_documents()
            self._blank[_NO_DOSSIER] = len(blank_signature_rows(docs, policy, lang=lang))
            return
        key = (ref.kind, ref.key)
        docs = store.dossier_documents(ref)
        self._missing[key] = missing_rows(ref, docs, policy, cal, now, lang)
        self._blank[key] = len(blank_signature_rows(docs, policy, lang=lang))

    def counts(self) -> QueueCounts:
        rows = [r for rs in self._missing.values() for r in rs]
        return QueueCounts(missing=len(rows), overdue=sum(r.overdue for r in rows),
                           blank_signatures=sum(self._blank.values()))

    def missing(self) -> list[MissingRow]:
        """The missing/overdue queue as service.missing_report orders it."""
        return sorted((r for rs in self._missing.values() for r in rs), key=missing_order)


def queue_cache(state: Any) -> QueueCache:
    """The app's cache (one per app: its store and its event loop's thread)."""
    cache = getattr(state, "queue_cache", None)
    if cache is None:
        cache = state.queue_cache = QueueCache()
    return cache
