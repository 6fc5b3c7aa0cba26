"""The page executor the settings ask for -- the one place the mode is chosen: the rq workers when REDIS_URL
is set (the scaled mode, worker/queue.RqPages), else the local process pool (worker/local.PagePool). The
filing path and the watcher are given the executor and never ask which one it is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from dossier.config import Settings
from dossier.worker.executor import PageExecutor


@contextmanager
def page_executor(settings: Settings) -> Iterator[PageExecutor]:
    if settings.redis_url:
        from dossier.worker.queue import RqPages  # the scaled mode's clients: imported only when configured

        yield RqPages(settings)
        return
    from dossier.worker.local import PagePool  # its workers start and load the OCR models at once

    with PagePool.of(settings) as pool:
        yield pool
