"""What every search backend takes and returns; the query semantics are in search/tokenize.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol, runtime_checkable

from pydantic import BaseModel

from dossier.models import DossierRef, StoredDocument

EXACT_FIELD_BOOST = 1000.0  # a term equal to an extracted field value: ranks above any text match
EXACT_DOSSIER_BOOST = 500.0  # a term equal to the dossier key only (a photo filed under the VIN)


class IndexDoc(BaseModel):
    id: int  # the record store's document id
    source: str
    doc_type: str | None = None
    dossier_kind: str | None = None
    dossier_key: str | None = None
    text: str  # the document's text, all pages
    fields: dict[str, str] = {}  # extracted fields (vin, plate, invoice_number, ...)
    doc_date: date | None = None  # the document's date, else the day it was received: the date filters

    @classmethod
    def of(cls, d: StoredDocument) -> IndexDoc:
        """The index entry of a record (either record store, and reindexing)."""
        return cls(
            id=d.id or 0, source=d.source, doc_type=d.doc_type,
            dossier_kind=d.dossier.kind if d.dossier else None,
            dossier_key=d.dossier.key if d.dossier else None, text=d.text, fields=d.fields,
            doc_date=day(d.doc_date) or day(d.created_at),
        )

    def dated(self) -> IndexDoc:
        """An entry stored before the index kept dates (rebuilt by ensure_schema): the extracted date,
        which is where the record's doc_date comes from. Its received day is not in the index: the embedded
        index takes it from the records beside it (fts.py); elsewhere `dossier reindex` gives it."""
        if self.doc_date is not None:
            return self
        return self.model_copy(update={"doc_date": day(self.fields.get("date"))})


def day(value: str | None) -> date | None:
    """The calendar day an ISO date or timestamp starts with; None for none or anything else (a date
    corrected by hand in review may be free text)."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class SearchHit(BaseModel):
    id: int
    source: str
    dossier: DossierRef | None = None
    doc_type: str | None = None
    snippet: str  # plain text, ~40 characters around the first hit, hits wrapped in 【】; escape to display
    score: float  # higher is better; exact key matches score above EXACT_DOSSIER_BOOST


@runtime_checkable
class SearchBackend(Protocol):
    def index(self, doc: IndexDoc) -> None:
        """Add the document, or replace it if its id is already indexed."""

    def delete(self, doc_id: int) -> None:
        """Remove the document; unknown ids are ignored."""

    def search(
        self, query: str, *, doc_type: str | None = None, dossier: str | None = None, kind: str | None = None,
        since: date | None = None, until: date | None = None, limit: int = 20,
    ) -> list[SearchHit]:
        """Best hits first. `doc_type` is a document-type code, `dossier` a dossier key (VIN, unit number),
        `kind` a dossier kind (car, unit: dossier/policies/*.kind.yaml); `since` and `until` bound the
        document's date (IndexDoc.doc_date), both inclusive, and leave out documents with no date.
        A query with no letters or digits returns []; no query string raises."""
        ...

    def write(self, entries: Sequence[IndexDoc], removed: Sequence[int]) -> None:
        """Add or replace `entries`, remove `removed`, as one step (search/indexer.py's Indexer)."""

    def reindex(self, docs: Iterable[IndexDoc]) -> int:
        """Replace the whole index by `docs`; returns how many were indexed."""
        ...

    def count(self) -> int: ...

    def clear(self) -> None: ...
