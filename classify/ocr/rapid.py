"""RapidOCR (PP-OCRv4 detection + recognition on onnxruntime; the models ship inside the wheel)."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from classify.ocr.base import check_image, reading_order
from dossier.errors import DossierError, OcrError
from dossier.models import Word

# Longest side (pixels) a page is shrunk to before detection; recognition reads crops of the shrunken page.
# RapidOCR's default of 2000 shrinks A4 at 200 dpi (2339 px) to 86 % and at 300 dpi (3508 px) to 57 %;
# pages at 150 dpi (1754 px) are untouched. Measured with bench/ocr_engines.py (4 forms, deskewed,
# one thread): at 300 dpi, 8 pt body text read at CER 0.2 % with 2000 and 0.4 % with 3508 (no shrinking),
# 10-12 pt at 0.0 % and 0.1 %, while 3508 took 2-2.5x the time (6.6-7.8 s/page against 3.3-3.8 s).
# The recogniser works on 48-pixel-high lines anyway, so 8 pt text still has ~19 px after shrinking.
MAX_SIDE_LEN = 2000
# Lines recognised with a lower mean score are dropped. RapidOCR's default: upright form lines score
# 0.95-1.0, upside-down ones mostly fall below it, which classify.ocr.orient relies on.
TEXT_SCORE = 0.5
# min_side_len (30 px, upscaling tiny images) never applies to a page and is left alone.

_engines: dict[tuple[int, int, bool], Any] = {}
_lock = threading.Lock()


def _rapidocr(threads: int, max_side_len: int, use_cls: bool) -> Any:
    """One RapidOCR object per process and setting, built on first use (loading the models takes ~1 s)."""
    key = (threads, max_side_len, use_cls)
    with _lock:
        if key not in _engines:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as e:  # pragma: no cover - a declared dependency
                raise OcrError(f"rapidocr_onnxruntime is not installed: {e}") from e
            _engines[key] = RapidOCR(
                intra_op_num_threads=threads,
                inter_op_num_threads=threads,
                max_side_len=max_side_len,
                text_score=TEXT_SCORE,
                use_cls=use_cls,
            )
        return _engines[key]


class RapidOcrEngine:
    """Text lines as Words (RapidOCR detects and reads whole lines)."""

    name = "rapidocr"

    def __init__(self, threads: int = 1, max_side_len: int = MAX_SIDE_LEN, use_cls: bool = False) -> None:
        # One thread by default: the pipeline runs one OCR process per core.
        # use_cls (RapidOCR's per-line 0/180 classifier) is off: it would read an upside-down page line by
        # line with boxes still upside down, hiding the rotation from classify.ocr.orient, which turns
        # whole pages instead.
        self.threads = max(1, threads)
        self.max_side_len = max_side_len
        self.use_cls = use_cls

    def read(self, image: np.ndarray) -> list[Word]:
        check_image(image)
        engine = _rapidocr(self.threads, self.max_side_len, self.use_cls)
        bgr = np.ascontiguousarray(image[:, :, ::-1])  # PP-OCR models were trained on BGR (OpenCV) input
        try:
            result, _elapsed = engine(bgr)
        except DossierError:  # e.g. the worker's OcrTimeout raised from its alarm: keep its kind
            raise
        except Exception as e:  # onnxruntime / OpenCV errors have no common base class
            raise OcrError(f"rapidocr: {type(e).__name__}: {e}") from e
        h, w = image.shape[:2]
        words = []
        for quad, text, score in result or []:
            text = str(text).strip()
            if not text:
                continue
            xs = [p[0] for p in quad]
            ys = [p[1] for p in quad]
            box = (
                max(0, int(min(xs))),
                max(0, int(min(ys))),
                min(w, int(round(max(xs)))),
                min(h, int(round(max(ys)))),
            )
            words.append(Word(text=text, box=box, conf=min(1.0, max(0.0, float(score)))))
        return reading_order(words)
