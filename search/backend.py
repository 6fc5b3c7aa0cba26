"""The search backend chosen by configuration: OpenSearch when OPENSEARCH_URL is set, else SQLite FTS5."""

from __future__ import annotations

import sqlite3

from dossier.config import Settings
from dossier.search.base import SearchBackend
from dossier.search.fts import FtsIndex


def open_backend(settings: Settings, conn: sqlite3.Connection | None = None) -> SearchBackend:
    """A ready backend, its schema ensured. FTS5 lives in the record store's SQLite connection `conn`
    (required then) and ensure_schema() runs in the caller's transaction, uncommitted; OpenSearch is a
    shared cluster, so its writes need no commit (OpenSearchIndex.refresh() makes them visible at once)."""
    if settings.opensearch_url:
        from dossier.search.opensearch import OpenSearchIndex, connect  # opensearch-py only when configured

        remote = OpenSearchIndex(connect(settings.opensearch_url), settings.opensearch_index)
        remote.ensure_schema()
        return remote
    if conn is None:
        raise ValueError("the embedded search backend needs the record store's SQLite connection")
    local = FtsIndex(conn)
    local.ensure_schema()
    return local
