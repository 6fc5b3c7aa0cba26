"""Engines by name, one object per process and setting."""

from __future__ import annotations

import functools

from classify.ocr.base import OcrEngine
from dossier.errors import ConfigError

ENGINES = ("rapidocr", "tesseract")


@functools.cache
def get_engine(name: str, threads: int = 1) -> OcrEngine:
    """The engine called `name` ("rapidocr" or "tesseract"), using `threads` CPU threads.

    Raises ConfigError for an unknown name and MissingDependency when Tesseract or its language data is
    not installed.
    """
    if name == "rapidocr":
        from classify.ocr.rapid import RapidOcrEngine

        return RapidOcrEngine(threads=threads)
    if name == "tesseract":
        from classify.ocr.tess import TesseractEngine

        return TesseractEngine(threads=threads)
    raise ConfigError(
        f"{name!r} (可选 / choose: {', '.join(ENGINES)})",
        zh="未知的文字识别引擎",
        en="unknown OCR engine",
    )
