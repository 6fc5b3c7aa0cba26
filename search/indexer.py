"""The search index written after the records commit, from an outbox.

A change to a document queues its id in the records' outbox in the same transaction as the change
(dossier/store.py). drain() then reads the queued ids, writes each document's entry as the records now
hold it, and only then removes those queue rows. So an entry never points at a rolled-back record (the
queue row rolled back with it), and a crash between the commit and the index write loses nothing: the
rows stay queued for the next drain (after the next commit, when the store is opened, `dossier reindex`).
Writing an entry twice is harmless, so concurrent drains need no lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from dossier.search.base import IndexDoc


class Indexer(Protocol):
    def write(self, entries: Sequence[IndexDoc], removed: Sequence[int]) -> None:
        """Hold `entries` (replacing any entry of the same id) and no entry for `removed`; done on return."""


class Outbox(Protocol):
    def pending(self, limit: int) -> list[tuple[int, int]]:
        """The oldest queued (seq, document id) rows, at most `limit`."""

    def entries(self, doc_ids: Sequence[int]) -> list[IndexDoc]:
        """The index entries of those documents as the records hold them now (missing ones left out)."""

    def done(self, seqs: Sequence[int]) -> None:
        """Remove those queue rows (not rows queued since for the same documents)."""


def drain(outbox: Outbox, indexer: Indexer, batch: int = 500) -> int:
    """Index everything queued; returns how many documents were written or removed."""
    n = 0
    while rows := outbox.pending(batch):
        ids = sorted({doc_id for _, doc_id in rows})
        entries = outbox.entries(ids)
        found = {e.id for e in entries}
        indexer.write(entries, [i for i in ids if i not in found])
        outbox.done([seq for seq, _ in rows])
        n += len(ids)
    return n
