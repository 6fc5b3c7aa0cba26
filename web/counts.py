"""The queues' results kept per dossier, so that the home page's counts (missing, overdue, blank signatures)
cost a look at what changed, not a pass over the archive: at 100,000 documents the pass takes seconds.

Every write to a document or a waiver raises its dossier's revision (a trigger, migration 0008_scale), whichever
process or code path wrote it. Each call asks for the revisions above the last one seen and recomputes
only those dossiers, so a write shows at the next page load. Everything is recomputed, in one pass over
the table, when the day changes (overdue). PostgreSQL numbers revisions from a sequence, so a
transaction may commit a lower number after a higher one was seen: the look-back window re-reads the
last LOOK_BACK numbers and recomputes any whose revision differs from the one cached.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from dossier.config import Settings
from dossier.models import DossierRef, StoredDocument, Waiver
from dossier.policy import Policy
from dossier.records import RecordStore
from dossier.service import (
    MissingRow,
    blank_signature_rows,
    calendar,
    missing_order,
    missing_rows,
    today,
    waivers_by_dossier,
)
from dossier.workdays import WorkCalendar

LOOK_BACK = 1000
_NO_DOSSIER = ("", "")


class QueueCounts(BaseModel):
    missing: int
    overdue: int
    blank_signatures: int


class QueueCache:
    """Per-dossier missing rows and blank-signature counts in one language, brought up to date by refresh();
    the totals are kept as dossiers are recomputed, so counts() costs nothing."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang
        self._day: date | None = None
        self._seen = 0  # the highest revision read
        self._rev: dict[tuple[str, str], int] = {}
        self._missing: dict[tuple[str, str], list[MissingRow]] = {}
        self._blank: dict[tuple[str, str], int] = {}
        self._totals = [0, 0, 0]  # missing, overdue, blank signatures

    def refresh(self, store: RecordStore, policy: Policy, settings: Settings) -> None:
        now = today(settings)
        if self._day != now:
            self._rebuild(store, policy, settings)
            self._day = now
            return
        changed = [(ref, rev) for ref, rev in store.revised_dossiers(max(0, self._seen - LOOK_BACK))
                   if self._rev.get((ref.kind, ref.key) if ref else _NO_DOSSIER) != rev]
        if not changed:
            return
        cal = calendar(settings)
        for ref, rev in changed:
            self._seen = max(self._seen, rev)
            self._rev[(ref.kind, ref.key) if ref else _NO_DOSSIER] = rev
            if ref is None:
                self._set_unassigned(store.unassigned_documents("filed"), policy)
            else:
                self._set(ref, store.dossier_documents(ref), policy, cal, now, store.waivers_of(ref))

    def _rebuild(self, store: RecordStore, policy: Policy, settings: Settings) -> None:
        # Revisions first: a write landing during the pass raises one above them and is redone next time.
        revised = store.revised_dossiers(0)
        self._seen = max((rev for _, rev in revised), default=0)
        self._rev = {((r.kind, r.key) if r else _NO_DOSSIER): rev for r, rev in revised}
        self._missing, self._blank, self._totals = {}, {}, [0, 0, 0]
        cal, now = calendar(settings), today(settings)
        waivers = waivers_by_dossier(store)
        for ref, docs in store.documents_by_dossier():  # one pass, not a query per dossier
            self._set(ref, docs, policy, cal, now, waivers.get((ref.kind, ref.key), []))
        for ref in store.dossiers():  # those left without documents: everything missing
            if (ref.kind, ref.key) not in self._missing:
                self._set(ref, [], policy, cal, now, waivers.get((ref.kind, ref.key), []))
        self._set_unassigned(store.unassigned_documents("filed"), policy)

    def _set(self, ref: DossierRef, docs: list[StoredDocument], policy: Policy, cal: WorkCalendar,
             now: date, waivers: list[Waiver]) -> None:
        key = (ref.kind, ref.key)
        self._drop(key)
        rows = missing_rows(ref, docs, policy, cal, now, self.lang, waivers, waived_too=True)
        self._missing[key] = rows
        self._blank[key] = len(blank_signature_rows(docs, policy, lang=self.lang))
        self._totals[0] += sum(r.status != "waived" for r in rows)
        self._totals[1] += sum(r.overdue for r in rows)
        self._totals[2] += self._blank[key]

    def _set_unassigned(self, docs: list[StoredDocument], policy: Policy) -> None:
        # Only the filed ones can count (signatures_report); the many waiting for review are not read.
        self._drop(_NO_DOSSIER)
        self._blank[_NO_DOSSIER] = len(blank_signature_rows(docs, policy, lang=self.lang))
        self._totals[2] += self._blank[_NO_DOSSIER]

    def _drop(self, key: tuple[str, str]) -> None:
        rows = self._missing.pop(key, [])
        self._totals[0] -= sum(r.status != "waived" for r in rows)
        self._totals[1] -= sum(r.overdue for r in rows)
        self._totals[2] -= self._blank.pop(key, 0)

    def counts(self) -> QueueCounts:
        missing, overdue, blank = self._totals
        return QueueCounts(missing=missing, overdue=overdue, blank_signatures=blank)

    def missing(self, waived: bool = False) -> list[MissingRow]:
        """The missing/overdue queue as service.missing_report orders it; `waived`: the waived items too, last."""
        return sorted((r for rs in self._missing.values() for r in rs if waived or r.status != "waived"),
                      key=missing_order)


def queue_cache(state: Any, lang: str = "zh") -> QueueCache:
    """The app's cache in `lang` (one per app: its store and its event loop's thread). The counts are the
    same in every language: the home page asks the Chinese one whatever its own language."""
    caches: dict[str, QueueCache] = getattr(state, "queue_caches", None) or {}
    state.queue_caches = caches
    return caches.setdefault(lang, QueueCache(lang))
