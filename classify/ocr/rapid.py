"""RapidOCR's PP-OCRv4 models (detection + recognition on onnxruntime; the models ship inside the wheel).

We drive RapidOCR's detector and recogniser ourselves rather than through its `RapidOCR` object, for
memory: detection is what costs it (onnxruntime's activations grow with the pixels of its input), so
lines are *found* on the page shrunk to DET_MAX_SIDE and *read* from crops of the page at full
resolution. The direction classifier (cls) is never loaded: classify.ocr.orient turns whole pages.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from dossier.classify.ocr.base import check_image, reading_order
from dossier.errors import DossierError, OcrError
from dossier.models import Word

# Longest side (pixels) of the image the text detector sees. Detection's transient memory grows with its
# input's pixels (onnxruntime activations of the DB network, ~160 bytes per pixel): an A4 page at 200 dpi
# cost ~340 MiB per OCR process at 2000 (RapidOCR's default max_side_len, used before), ~280 at 1600 and
# ~180 at 1280. Recognition is unaffected: it reads 48-pixel-high crops cut from the full-resolution page.
# On tests/data (37 documents) CER was 1.88 % at 2000, 1.89 % at 1600 and 1.80 % at 1280, classification
# 100 % at each; 8 pt text at 200 dpi still has ~12-pixel characters for the detector at 1280.
# docs/benchmarks-history.md, Memory, has the figures and commands.
DET_MAX_SIDE = 1280
# Lines recognised with a lower mean score are dropped. RapidOCR's default: upright form lines score
# 0.95-1.0, upside-down ones mostly fall below it, which classify.ocr.orient relies on.
TEXT_SCORE = 0.5
# Recognition batches are cut so that (lines x widest line, in pixels at the model's 48-pixel height)
# stays under this: the recogniser's activations grow with the batch's padded width, ~14 KiB per column,
# and RapidOCR's fixed batches of 6 cost ~140 MiB on a page of long contract lines (ratio ~35:1).
# Short form lines still go 6 at a time; on CPU, smaller batches of long lines cost no time.
REC_BATCH_WIDTH = 4800
# Images flatter than this (a single line cut from a page) are padded: the detector needs some height.
MIN_DET_HEIGHT = 64

_malloc_trim: Any = None
with contextlib.suppress(OSError, AttributeError):  # another C library than glibc: nothing to trim
    _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim

_engines: dict[int, tuple[Any, Any]] = {}
_lock = threading.Lock()


def _models(threads: int) -> tuple[Any, Any]:
    """RapidOCR's detector and recogniser, once per process and thread count (loading takes ~1 s)."""
    with _lock:
        if threads not in _engines:
            try:
                from rapidocr_onnxruntime.ch_ppocr_det import TextDetector
                from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer
                from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
                from rapidocr_onnxruntime.utils import read_yaml
            except ImportError as e:  # pragma: no cover - a declared dependency
                raise OcrError(f"rapidocr_onnxruntime is not installed: {e}") from e
            config = read_yaml(str(DEFAULT_CFG_PATH))
            models = Path(DEFAULT_CFG_PATH).parent
            det, rec = dict(config["Det"]), dict(config["Rec"])
            for part in (det, rec):
                part["model_path"] = str(models / part["model_path"])
                part["intra_op_num_threads"] = part["inter_op_num_threads"] = threads
            _engines[threads] = (TextDetector(det), TextRecognizer(rec))
        return _engines[threads]


def release_freed_memory() -> None:
    """Hand the page's freed buffers back to the system. onnxruntime (its arena off) frees the network's
    activations, but glibc keeps most of them in the heap: each OCR process would otherwise sit at the
    high-water mark of its worst page, ~200 MiB above what it holds between pages."""
    if _malloc_trim is not None:
        _malloc_trim(0)


def det_input(bgr: np.ndarray, max_side: int) -> np.ndarray:
    """The detector's input tensor (1 x 3 x H x W float32, sides multiples of 32, values in -1..1).

    Built in one float32 buffer: RapidOCR's own preprocessing goes through float64 copies of the page,
    which cost more than the network's activations at this size.
    """
    h, w = bgr.shape[:2]
    ratio = min(1.0, max_side / max(h, w))
    dh, dw = max(32, round(h * ratio / 32) * 32), max(32, round(w * ratio / 32) * 32)
    small = cv2.resize(bgr, (dw, dh), interpolation=cv2.INTER_AREA if ratio < 1 else cv2.INTER_LINEAR)
    x = np.empty((1, 3, dh, dw), np.float32)
    for c in range(3):
        x[0, c] = small[:, :, c]
    x *= 1 / 127.5
    x -= 1.0
    return x


def crop_line(bgr: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The text line inside `quad` (4 points, clockwise from top-left), straightened (as RapidOCR does)."""
    width = int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3])))
    height = int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2])))
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    m = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    crop = cv2.warpPerspective(bgr, m, (width, height), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC)
    if crop.shape[0] >= 1.5 * crop.shape[1]:
        crop = np.rot90(crop)  # a tall box: text running down the page
    return crop


def rec_batches(ratios: list[float], width: int = REC_BATCH_WIDTH, height: int = 48) -> list[list[int]]:
    """Indices of the crops (width/height `ratios`) in batches of similar width, each at most 6 lines
    and at most `width` padded pixels wide in all (a single line wider than that goes alone)."""
    batches: list[list[int]] = []
    for i in sorted(range(len(ratios)), key=lambda i: ratios[i]):
        # Sorted by width: the line being added is the batch's widest, the one every line is padded to.
        if batches and len(batches[-1]) < 6 and (len(batches[-1]) + 1) * ratios[i] * height <= width:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def recognise(recogniser: Any, crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """(text, score) per crop, in the crops' order."""
    out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
    for batch in rec_batches([c.shape[1] / max(1, c.shape[0]) for c in crops]):
        texts, _elapsed = recogniser([crops[i] for i in batch])
        for i, (text, score, *_) in zip(batch, texts, strict=True):
            out[i] = (text, score)
    return out


class RapidOcrEngine:
    """Text lines as Words (RapidOCR detects and reads whole lines)."""

    name = "rapidocr"

    def __init__(self, threads: int = 1, det_max_side: int = DET_MAX_SIDE) -> None:
        # One thread by default: the pipeline runs one OCR process per core.
        self.threads = max(1, threads)
        self.det_max_side = det_max_side

    def read(self, image: np.ndarray) -> list[Word]:
        check_image(image)
        detector, recogniser = _models(self.threads)
        h, w = image.shape[:2]
        pad = max(0, MIN_DET_HEIGHT - h, w // 8 - h) // 2
        bgr = image[:, :, ::-1]  # PP-OCR models were trained on BGR (OpenCV) input
        if pad:
            bgr = cv2.copyMakeBorder(bgr, pad, pad, 0, 0, cv2.BORDER_CONSTANT, value=(255, 255, 255))
        bgr = np.ascontiguousarray(bgr)
        try:
            x = det_input(bgr, self.det_max_side)
            prob = detector.infer(x)[0]
            del x
            # Boxes come back scaled to the full-resolution page, where the lines are cut and read.
            quads, _scores = detector.postprocess_op(prob, bgr.shape[:2])
            del prob
            quads = detector.filter_tag_det_res(quads, bgr.shape[:2])
            if len(quads) == 0:
                return []
            texts = recognise(recogniser, [crop_line(bgr, q) for q in quads])
        except DossierError:  # e.g. the worker's OcrTimeout raised from its alarm: keep its kind
            raise
        except Exception as e:  # onnxruntime / OpenCV errors have no common base class
            raise OcrError(f"rapidocr: {type(e).__name__}: {e}") from e
        finally:
            release_freed_memory()
        words = []
        for quad, (text, score) in zip(quads, texts, strict=True):
            text = str(text).strip()
            if not text or float(score) < TEXT_SCORE:
                continue
            xs, ys = quad[:, 0], quad[:, 1] - pad
            box = (
                max(0, int(min(xs))),
                max(0, int(min(ys))),
                min(w, int(round(max(xs)))),
                min(h, int(round(max(ys)))),
            )
            words.append(Word(text=text, box=box, conf=min(1.0, max(0.0, float(score)))))
        return reading_order(words)
