"""The embedded work queue: a pool of worker processes, one per core, fed a bounded window of pages.

Pages of all sources stream through the pool in order, so both cores stay busy across file
boundaries while memory stays bounded (a 200-page PDF is never held at once).
"""

from __future__ import annotations

import multiprocessing as mp
import sys
from collections.abc import Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

from dossier.errors import OcrError, OcrTimeout
from dossier.messages import text
from dossier.models import PageResult, PageText
from dossier.worker.page_job import init_worker, ready, run_page
from dossier.worker.page_models import PageOutcome, PageTask

if TYPE_CHECKING:
    from dossier.config import Settings

RETRIES = 2


def failed(task: PageTask, err: Exception) -> PageOutcome:
    msg = err.message if isinstance(err, OcrError) else f"{OcrError().message}: {err}"
    return PageOutcome(page=PageResult(index=task.index, text=PageText(width=0, height=0), error=msg))


class PagePool:
    def __init__(self, workers: int, timeout: float, engine: str | None = None) -> None:
        """`engine`: the OCR engine the workers load as they start (else on their first page to read)."""
        self.workers = workers
        self.window = 2 * workers + 1  # a page in each worker, one waiting for each, one being taken back
        self.timeout = timeout
        self.engine = engine
        self._ctx = mp.get_context("spawn")
        self._pool = self._new_pool()

    @classmethod
    def of(cls, settings: Settings) -> PagePool:
        """The pool `settings` ask for: their number of workers, page time limit and OCR engine."""
        return cls(settings.workers, settings.page_timeout, settings.ocr_engine)

    def _new_pool(self) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(self.workers, mp_context=self._ctx, initializer=partial(init_worker, self.engine))
        # The executor starts a process per task submitted; started now, the workers import the OCR
        # stack and load its models while this process is still taking files in (~1 s on 2 cores).
        with without_main_module():
            for _ in range(self.workers):
                pool.submit(ready)
        return pool

    def submit(self, task: PageTask) -> Future[PageOutcome]:
        try:
            return self._pool.submit(run_page, task)
        except BrokenProcessPool:
            # A worker crashed since the last submit; the pages it took down are retried in result().
            self._restart()
            return self._pool.submit(run_page, task)

    def result(self, task: PageTask, fut: Future[PageOutcome]) -> PageOutcome:
        """The page's outcome; a hung or crashed worker costs that page, never the run.

        A crash breaks the whole pool, so every page in flight fails with it; each is retried in a
        fresh pool, and only a page that breaks it again is given up.
        """
        for attempt in range(RETRIES + 1):
            try:
                # The worker enforces the page's own limit; this backstop covers a hang it cannot interrupt.
                return fut.result(timeout=self.timeout * 2 + 30)
            except FutureTimeout:
                self._restart()
                return failed(task, OcrTimeout(text("ocr.page", page=task.index)))
            except (BrokenProcessPool, CancelledError) as e:
                if self._pool_broken():
                    self._restart()
                if attempt == RETRIES:
                    detail = text("ocr.worker_crashed", page=task.index, error=repr(e))
                    return failed(task, OcrError(detail))
                fut = self.submit(task)
        raise AssertionError("unreachable")

    def _pool_broken(self) -> bool:
        return bool(getattr(self._pool, "_broken", False))

    def _restart(self) -> None:
        for p in list(getattr(self._pool, "_processes", {}).values()):
            p.kill()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


@contextmanager
def without_main_module() -> Iterator[None]:
    """Processes spawned meanwhile do not import this process's main module first, as spawned processes
    otherwise do: the `dossier` command's (~0.4 s of imports in each worker, before its first page).
    The pool's functions live in worker.page_job and need nothing from it."""
    main = sys.modules["__main__"]
    saved: dict[str, Any] = {k: main.__dict__[k] for k in ("__spec__", "__file__") if k in main.__dict__}
    main.__spec__ = None  # multiprocessing.spawn then finds no module name and no path to run
    main.__dict__.pop("__file__", None)
    try:
        yield
    finally:
        main.__dict__.update(saved)
