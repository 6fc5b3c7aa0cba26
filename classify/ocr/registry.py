"""Engines by name, one object per process and setting."""

from __future__ import annotations

import functools
import os

from dossier.classify.ocr.base import OcrEngine
from dossier.errors import ConfigError
from dossier.messages import text

ENGINES = ("rapidocr", "tesseract")


@functools.cache
def get_engine(name: str, threads: int = 1) -> OcrEngine:
    """The engine called `name` ("rapidocr" or "tesseract"), using `threads` CPU threads.

    Raises ConfigError for an unknown name and MissingDependency when Tesseract or its language data is
    not installed.
    """
    if name == "rapidocr":
        from dossier.classify.ocr.rapid import RapidOcrEngine

        return RapidOcrEngine(threads=threads)
    if name == "tesseract":
        from dossier.classify.ocr.tess import TesseractEngine

        return TesseractEngine(threads=threads)
    raise ConfigError(
        f"{name!r} ({text('ocr.choose')}: {', '.join(ENGINES)})", msg="ocr.unknown_engine"
    )


def one_thread_per_process() -> None:
    """Keep this process's OCR on one CPU thread: the pipeline runs one OCR process per core, and
    processes each running several threads fight over the cores."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import cv2

    cv2.setNumThreads(1)


def warm(name: str) -> None:
    """Load the engine's models now (a tiny blank read), so the first page does not pay for it."""
    import numpy as np

    get_engine(name).read(np.full((64, 256, 3), 255, np.uint8))
