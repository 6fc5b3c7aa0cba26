"""What the main process hands a worker process for one page, and gets back — without importing the
OCR stack (OpenCV, numpy, onnxruntime) itself: those stay in the workers, so the main process is
~50 MiB smaller and starts sooner (bench/memory.py sums every process of the tree)."""

from __future__ import annotations

import contextlib

from pydantic import BaseModel

from dossier.models import PageResult, SignatureField


class PageTask(BaseModel):
    sha256: str
    path: str  # the archived original
    index: int  # 1-based
    home: str
    engine: str
    dpi: int
    max_pixels: int
    timeout: float
    # A core is left idle by the pool (one worker): render the next page and search this one for
    # seals on it while the engine reads.
    render_ahead: bool = False
    ocr_cache: str | None = None  # evaluation runs only (classify/ocr/cache.py)


class PageOutcome(BaseModel):
    page: PageResult
    signatures: list[SignatureField] = []  # every signature field found on the page
    # The page image or its words could not be stored (disk full, read-only): not the page's fault, so the
    # source is not filed at all (Pipeline.finish raises StorageError) and waits to be read again.
    storage_error: str | None = None


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
