"""What the main process hands a worker process for one page (a job payload), and gets back."""

from __future__ import annotations

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
