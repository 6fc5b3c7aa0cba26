"""The record store chosen by configuration: PostgreSQL when DATABASE_URL is postgresql://…, else SQLite.

RecordStore is what the pipeline, the service functions and the CLI ask of either store.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from dossier.config import Settings
from dossier.models import AuditEntry, DossierRef, StoredDocument, TaughtExample, Waiver
from dossier.progress import Progress
from dossier.search.base import IndexDoc, SearchBackend
from dossier.store import open_postgres, open_sqlite


class Row(Protocol):
    """A source row (SQLAlchemy's RowMapping), read by column name."""

    def __getitem__(self, key: str) -> Any: ...


class RecordStore(Protocol):
    @property
    def index(self) -> SearchBackend: ...

    def close(self) -> None: ...

    def source(self, sha: str) -> Row | None: ...

    def record_quarantine(self, sha: str, path: str, reason: str) -> None: ...

    def commit_source(
        self, sha: str, path: str, original: str, fmt: str, pages: int, docs: list[StoredDocument]
    ) -> list[int]: ...

    def add_alias(self, kind: str, alias: str, key: str) -> None: ...

    def resolve_alias(self, kind: str, alias: str) -> str | None: ...

    def dossiers_with(self, kind: str, field: str, value: str) -> list[str]: ...

    def aliases_of(self, ref: DossierRef) -> list[str]: ...

    def refile_unassigned(self, kind: str, field: str, value: str, key: str, key_field: str | None = None,
                          reason: str | None = None) -> list[int]: ...

    def find_dossier(self, key: str) -> DossierRef | None: ...

    def has_dossier(self, kind: str, key: str) -> bool: ...

    def dossiers(self) -> list[DossierRef]: ...

    def documents_of_source(self, sha: str) -> list[StoredDocument]: ...

    def dossier_documents(self, ref: DossierRef) -> list[StoredDocument]: ...

    def document(self, doc_id: int) -> StoredDocument | None: ...

    def queue(self, status: str) -> list[StoredDocument]: ...

    def unassigned_readings(self, field: str) -> list[tuple[str, str]]: ...

    def all_documents(self) -> Iterator[StoredDocument]: ...

    def counts(self) -> dict[str, int]: ...

    def revised_dossiers(self, since: int) -> list[tuple[DossierRef | None, int]]: ...

    def documents_by_dossier(self) -> Iterator[tuple[DossierRef, list[StoredDocument]]]: ...

    def unassigned_documents(self, status: str | None = None) -> list[StoredDocument]: ...

    def update_classification(self, d: StoredDocument) -> None: ...

    def add_example(self, e: TaughtExample) -> int: ...

    def examples(self) -> list[TaughtExample]: ...

    def remove_example(self, example_id: int) -> bool: ...

    def quarantined_sources(self, limit: int | None = None) -> list[tuple[str, str, str | None]]: ...

    def drain_index(self) -> int: ...

    def record_change(self, entry: AuditEntry, *, written: bool = False) -> AuditEntry: ...

    def waivers_of(self, ref: DossierRef | None = None) -> list[Waiver]: ...

    def audit_entry(self, audit_id: int) -> AuditEntry | None: ...

    def audit_entries(self, target: str | None = None, limit: int = 100) -> list[AuditEntry]: ...


def is_postgres(settings: Settings) -> bool:
    url = settings.database_url or ""
    return url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://"))


def open_store(settings: Settings, *, readonly: bool = False) -> RecordStore:
    """The records (PostgreSQL when DATABASE_URL is postgresql://…, else SQLite in DOSSIER_HOME) with the
    search index the configuration names, whichever the records: OpenSearch when OPENSEARCH_URL is set, else
    FTS5 (in the SQLite records' own file; beside PostgreSQL records, a per-machine FTS5 file that
    `dossier reindex` rebuilds). Changing the search backend needs one `dossier reindex`.
    `readonly`: the SQLite records are opened for reading only (the commands that only read), so that they
    work on a read-only archive and never write into the file; a home without a database yet is made."""
    readonly = readonly and settings.db_path.exists()
    if not readonly:
        settings.ensure_dirs()
    if is_postgres(settings):
        try:
            import psycopg  # noqa: F401  (the PostgreSQL driver is a scaled-mode extra)
        except ImportError as missing:
            from dossier.errors import ScaledClientMissing

            raise ScaledClientMissing("DATABASE_URL") from missing
        return open_postgres(settings.database_url or "", search_backend(settings))
    if settings.opensearch_url:
        from dossier.search.backend import open_backend  # opensearch-py only when configured

        return open_sqlite(settings.db_path, readonly=readonly, index=open_backend(settings))
    return open_sqlite(settings.db_path, readonly=readonly)


def search_backend(settings: Settings) -> SearchBackend:
    """The index beside PostgreSQL records: OpenSearch, else FTS5 in DOSSIER_HOME/search.sqlite3."""
    import sqlite3

    from dossier.search.backend import open_backend

    if settings.opensearch_url:
        return open_backend(settings)
    conn = sqlite3.connect(settings.home / "search.sqlite3", timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    return open_backend(settings, conn)


def reindex(store: RecordStore, progress: Progress | None = None) -> int:
    """Rebuild the search index from the records; returns the number of documents indexed. OpenSearch
    builds a new index behind its alias (no downtime); FTS5 is cleared and refilled in one transaction.
    What was queued for the index meanwhile (or left queued by a crash) is drained after."""
    def docs() -> Iterator[IndexDoc]:
        for d in store.all_documents():
            yield IndexDoc.of(d)
            if progress:
                progress.advance()

    n = store.index.reindex(docs())
    if progress:
        progress.close()
    store.drain_index()
    return n
