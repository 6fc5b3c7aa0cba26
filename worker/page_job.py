"""The page pool's entry points, which the main process hands its worker processes by name — without
importing the OCR stack (OpenCV, numpy, onnxruntime) itself: those stay in the workers, so the main
process is ~50 MiB smaller and starts sooner (bench/memory.py sums every process of the tree)."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from typing import Any

from dossier.worker.page_models import PageOutcome, PageTask

# The pool is given these two by reference (pickled by name); they import worker.tasks, the page job
# itself, in the worker process only.


def init_worker(engine: str | None = None) -> None:
    """Set the worker process up; with `engine`, load and warm its models now, while the main process
    is still starting and taking in files, rather than on the first page."""
    from dossier.classify.ocr.registry import warm
    from dossier.worker.tasks import init_worker as init

    init()
    if engine:
        # Only an optimisation: an engine that cannot load (Tesseract missing) must not break the pool.
        # Each page then tries again and says what is wrong in its own result.
        with contextlib.suppress(Exception):
            warm(engine)


def ready() -> None:
    """Nothing: submitted once per worker to start the pool's processes before the first page."""


def run_page(task: PageTask) -> PageOutcome:
    from dossier.worker.tasks import process_page

    return process_page(task)


def read_page(task: dict[str, Any]) -> dict[str, Any]:
    """The rq page job (worker.queue.RqPages): a PageTask in, its PageOutcome out, both as JSON."""
    started = time.monotonic()
    outcome = run_page(PageTask.model_validate(task))
    # One line per page for operators (DOSSIER_LOG=json): which worker (and process) read which page, and
    # how long it took.
    logging.getLogger("dossier.pages").info("page", extra={"fields": {
        "sha256": task.get("sha256"), "page": outcome.page.index, "pid": os.getpid(),
        "seconds": round(time.monotonic() - started, 3), "error": outcome.page.error}})
    return outcome.model_dump(mode="json")
