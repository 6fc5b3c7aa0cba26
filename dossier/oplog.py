"""Structured logs for operators: one JSON line per file filed and per queued job, on standard error,
when DOSSIER_LOG=json (for a log collector); without it, nothing but warnings, as plain text."""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from dossier.models import DocumentResult

log = logging.getLogger("dossier.files")


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "event": record.getMessage(),
        }
        out.update(getattr(record, "fields", {}))
        return json.dumps(out, ensure_ascii=False)  # escapes control characters a file name may carry


def setup(fmt: str) -> None:
    """Send dossier's log records to standard error as JSON lines (fmt "json"); idempotent."""
    root = logging.getLogger("dossier")
    if fmt != "json" or any(isinstance(h.formatter, JsonLines) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    root.propagate = False


def file_done(source: str, sha256: str | None, results: Sequence[DocumentResult], pages: int, seconds: float,
              job: str | None = None) -> None:
    """One line for a file: its documents by status, pages and time, and the queue's job id if queued."""
    fields: dict[str, Any] = {
        "source": source, "sha256": sha256, "documents": len(results), "pages": pages,
        "statuses": dict(Counter(r.status for r in results)), "seconds": round(seconds, 3),
    }
    if job:
        fields["job"] = job
    log.info("file", extra={"fields": fields})
