"""Fault injection for the crash and hang tests, from outside the product (as OCRmyPDF's test plugins do).

A test runs `dossier` with this folder first on PYTHONPATH and DOSSIER_FAULT set; Python imports this
module at start-up in every process — the command, the page pool's spawned workers, rq's workers — and
it wraps one function of the product so that the process dies or hangs at that point:

    after_archive   kill -9 right after the original is copied into the archive
    during_ocr      kill -9 right after the first page is handed to the page pool
    after_commit    kill -9 right after the records are committed, before the scan leaves the folder
    crash_page:N    the pool worker reading page N is killed
    hang_page:N     page N hangs where the page's own time limit can end it
    stuck_page:N    page N hangs with that limit blocked, as an engine stuck in C code would
    raise_page:N    reading page N raises, as a bug of ours on one odd page would
"""

from __future__ import annotations

import os
import signal
import time
from typing import Any

SPEC = os.environ.get("DOSSIER_FAULT", "")


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _after(owner: Any, name: str) -> None:
    """Replace owner.name by a wrapper that runs it, then kills the process."""
    original = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        _die()
        return result

    setattr(owner, name, wrapper)


def _page_fault(kind: str, page: int) -> None:
    from dossier.worker import tasks

    open_source = tasks._source

    class FaultySource:
        def __init__(self, inner: Any) -> None:
            self._inner = inner

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

        def load(self, index: int, dpi: int) -> Any:
            if index == page:
                if kind == "raise_page":
                    raise RuntimeError(f"injected fault on page {index}")
                if kind == "crash_page":
                    _die()
                if kind == "stuck_page":
                    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                time.sleep(24 * 3600)
            return self._inner.load(index, dpi)

    tasks._source = lambda *args, **kwargs: FaultySource(open_source(*args, **kwargs))  # type: ignore[assignment]


def install(spec: str) -> None:
    kind, _, page = spec.partition(":")
    if kind == "after_archive":
        from dossier.worker import pipeline

        _after(pipeline, "archive_original")
    elif kind == "during_ocr":
        from dossier.worker.local import PagePool

        _after(PagePool, "submit")
    elif kind == "after_commit":
        from dossier.worker.pipeline import Pipeline

        _after(Pipeline, "_refile_key_readings")
    elif kind in ("crash_page", "hang_page", "stuck_page", "raise_page"):
        _page_fault(kind, int(page))
    else:
        raise SystemExit(f"tests/faults: unknown DOSSIER_FAULT {spec!r}")


if SPEC:
    install(SPEC)
